/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-documents.c: the endpoints that take the contract's documents: POST /v1/eligibility (one facts document;
 * JSON lines go through serve-stream.c), POST /v1/trajectory/report and POST /v1/roles.
 *
 * A request that needs several documents (roles: an organisation and facts, perhaps a trajectory; a report: a
 * trajectory, perhaps facts) sends them as one JSON array, each known by its "format" member, in any order. */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "serve-routes.h"

gboolean
serve_screen (ActiveringFacts *facts, ActiveringEvaluation *evaluation, const ServeOptions *options,
              const char *data, gsize length, GString *out, GError **error)
{
  ActiveringEvaluateFlags flags = options->compact ? ACTIVERING_EVALUATE_OUTCOMES_ONLY : ACTIVERING_EVALUATE_DEFAULT;
  if (!activering_facts_parse (facts, data, (gssize) length, error)
      || !activering_evaluation_run (evaluation, facts, options->has_as_of ? &options->as_of : NULL, flags, error))
    return FALSE;
  if (options->compact)
    activering_evaluation_append_outcomes_json (evaluation, out);
  else if (!activering_evaluation_append_json (evaluation, options->lang, ACTIVERING_JSON_DEFAULT, out, error))
    return FALSE;
  g_string_append_c (out, '\n');
  return TRUE;
}

void
serve_handle_eligibility (ServeWorker *worker, const ServeRequest *request, ServeResponse *response)
{
  if (serve_is_stream (request))
    {
      ServeStream *stream = serve_stream_new (worker, request->query, response);
      if (stream == NULL)
        return;
      response->content_type = "application/x-ndjson";
      serve_stream_feed (stream, request->body, request->length, response->body);
      serve_stream_finish (stream, response->body);
      serve_stream_free (stream);
      return;
    }
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  ServeOptions options;
  if (!serve_options_parse (request->query, SERVE_OPTION_AS_OF | SERVE_OPTION_LANG | SERVE_OPTION_COMPACT, rules,
                            &options, response))
    return;
  g_autoptr (GError) error = NULL;
  if (!serve_screen (serve_worker_get_facts (worker), serve_worker_get_evaluation (worker), &options, request->body,
                     request->length, response->body, &error))
    serve_response_set_document_error (response, error);
}

/* ---- requests of several documents ---- */

/* The documents a request may hold, by the format they declare. */
enum
{
  PART_FACTS,
  PART_TRAJECTORY,
  PART_ORGANISATION,
  N_PARTS
};
static const char *const part_formats[N_PARTS] = { "activering.facts/", "activering.trajectory/",
                                                   "activering.organisation/" };

typedef struct
{
  json_object *root;
  const char *text[N_PARTS]; /* each document's JSON text (the body itself when it is one document) */
  gsize length[N_PARTS];
} Parts;

static void
parts_clear (Parts *parts)
{
  if (parts->root != NULL)
    json_object_put (parts->root);
}

static gboolean
only_space (const char *p, const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Splits @request's body into its documents: one object is taken as @single, an array's objects by their format
 * (each once, those in @accepted only). FALSE with a 400 in @response. */
static gboolean
parts_split (Parts *parts, const ServeRequest *request, int single, guint accepted, ServeResponse *response)
{
  memset (parts, 0, sizeof *parts);
  const char *p = request->body, *end = request->body + request->length;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || *p != '[')
    {
      parts->text[single] = request->body;
      parts->length[single] = request->length;
      return TRUE; /* the library names what is wrong with it */
    }
  json_tokener *tokener = json_tokener_new_ex (64);
  parts->root = json_tokener_parse_ex (tokener, request->body, (int) MIN (request->length, G_MAXINT));
  enum json_tokener_error problem = json_tokener_get_error (tokener);
  gsize used = json_tokener_get_parse_end (tokener);
  json_tokener_free (tokener);
  if (parts->root == NULL || problem != json_tokener_success || !only_space (request->body + used, end))
    {
      g_autofree char *message = g_strdup_printf ("request: the array of documents is not valid JSON (%s)",
                                                  parts->root == NULL || problem != json_tokener_success
                                                      ? json_tokener_error_desc (problem)
                                                      : "data after the array");
      serve_response_set_error_at (response, 400, "syntax", message, "request", "/");
      return FALSE;
    }
  for (gsize i = 0; i < json_object_array_length (parts->root); i++)
    {
      json_object *document = json_object_array_get_idx (parts->root, i), *format = NULL;
      g_autofree char *path = g_strdup_printf ("/%" G_GSIZE_FORMAT "/format", i);
      const char *name = json_object_is_type (document, json_type_object)
                                 && json_object_object_get_ex (document, "format", &format)
                                 && json_object_is_type (format, json_type_string)
                             ? json_object_get_string (format)
                             : NULL;
      int part = -1;
      for (int k = 0; k < N_PARTS && name != NULL; k++)
        if ((accepted & (1u << k)) && g_str_has_prefix (name, part_formats[k]))
          part = k;
      if (part < 0 || parts->text[part] != NULL)
        {
          serve_response_set_error_at (response, 400, part < 0 ? "format" : "duplicate",
                                       part < 0 ? "request: each document of the array needs a \"format\" this "
                                                  "endpoint takes (see GET /v1/openapi.json)"
                                                : "request: two documents of the same format",
                                       "request", path);
          return FALSE;
        }
      size_t length;
      parts->text[part] = json_object_to_json_string_length (document, JSON_C_TO_STRING_PLAIN, &length);
      parts->length[part] = length;
    }
  return TRUE;
}

void
serve_handle_trajectory_report (ServeWorker *worker, const ServeRequest *request, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  ServeOptions options;
  if (!serve_options_parse (request->query, SERVE_OPTION_AS_OF | SERVE_OPTION_LANG, rules, &options, response))
    return;
  Parts parts;
  if (!parts_split (&parts, request, PART_TRAJECTORY, (1u << PART_TRAJECTORY) | (1u << PART_FACTS), response))
    {
      parts_clear (&parts);
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringTrajectory) trajectory = NULL;
  g_autoptr (ActiveringFacts) facts = NULL;
  ActiveringTrajectoryReport *report = serve_worker_get_report (worker);
  if (parts.text[PART_TRAJECTORY] == NULL)
    serve_response_set_error_at (response, 400, "missing", "request: no activering.trajectory/1 document", "request",
                                 "");
  else if ((trajectory = activering_trajectory_new_from_data (rules, parts.text[PART_TRAJECTORY],
                                                              (gssize) parts.length[PART_TRAJECTORY], &error))
               == NULL
           || (parts.text[PART_FACTS] != NULL
               && (facts = activering_facts_new_from_data (rules, parts.text[PART_FACTS],
                                                           (gssize) parts.length[PART_FACTS], &error))
                      == NULL)
           || !activering_trajectory_report_run (report, trajectory, facts,
                                                 options.has_as_of ? &options.as_of : NULL, &error)
           || !activering_trajectory_report_append_json (report, options.lang, ACTIVERING_JSON_DEFAULT,
                                                         response->body, &error))
    serve_response_set_document_error (response, error);
  else
    g_string_append_c (response->body, '\n');
  parts_clear (&parts);
}

void
serve_handle_roles (ServeWorker *worker, const ServeRequest *request, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  ServeOptions options;
  if (!serve_options_parse (request->query, SERVE_OPTION_AS_OF | SERVE_OPTION_LANG | SERVE_OPTION_ALL, rules,
                            &options, response))
    return;
  Parts parts;
  if (!parts_split (&parts, request, PART_FACTS, (1u << N_PARTS) - 1, response))
    {
      parts_clear (&parts);
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringOrganisation) organisation = NULL;
  g_autoptr (ActiveringFacts) facts = NULL;
  g_autoptr (ActiveringTrajectory) trajectory = NULL;
  ActiveringRoleAssignment *assignment = serve_worker_get_assignment (worker);
  ActiveringRolesFlags flags = options.all ? ACTIVERING_ROLES_ALL_TASKS : ACTIVERING_ROLES_DEFAULT;
  if (parts.text[PART_ORGANISATION] == NULL || parts.text[PART_FACTS] == NULL)
    serve_response_set_error_at (response, 400, "missing",
                                 "request: send an array of an activering.organisation/1 document, an "
                                 "activering.facts/1 document and, if known, an activering.trajectory/1 document",
                                 "request", "/");
  else if ((organisation = activering_organisation_new_from_data (rules, parts.text[PART_ORGANISATION],
                                                                  (gssize) parts.length[PART_ORGANISATION], &error))
               == NULL
           || (facts = activering_facts_new_from_data (rules, parts.text[PART_FACTS], (gssize) parts.length[PART_FACTS],
                                                       &error))
                  == NULL
           || (parts.text[PART_TRAJECTORY] != NULL
               && (trajectory = activering_trajectory_new_from_data (rules, parts.text[PART_TRAJECTORY],
                                                                     (gssize) parts.length[PART_TRAJECTORY], &error))
                      == NULL)
           || !activering_role_assignment_run (assignment, organisation, facts, trajectory,
                                               options.has_as_of ? &options.as_of : NULL, flags, &error)
           || !activering_role_assignment_append_json (assignment, options.lang, ACTIVERING_JSON_DEFAULT,
                                                       response->body, &error))
    serve_response_set_document_error (response, error);
  else
    g_string_append_c (response->body, '\n');
  parts_clear (&parts);
}
