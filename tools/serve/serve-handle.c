/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-handle.c: what a request is answered, without sockets: the routes, the checks every request passes (path,
 * token, method, content type), the query options, and the read-only endpoints. The documents' endpoints are in
 * serve-documents.c. */
#include "config.h"

#include <string.h>

#include "cli-private.h"
#include "serve-private.h"
#include "serve-routes.h"

struct ServeWorker
{
  ServeContext *context;
  ActiveringRuleSet *rules; /* the set the objects below were made for */
  ActiveringFacts *facts;
  ActiveringEvaluation *evaluation;
  ActiveringTrajectoryReport *report;
  ActiveringRoleAssignment *assignment;
};

ServeWorker *
serve_worker_new (ServeContext *context)
{
  ServeWorker *worker = g_new0 (ServeWorker, 1);
  worker->context = context;
  return worker;
}

static void
worker_clear (ServeWorker *worker)
{
  g_clear_pointer (&worker->facts, activering_facts_free);
  g_clear_pointer (&worker->evaluation, activering_evaluation_free);
  g_clear_pointer (&worker->report, activering_trajectory_report_free);
  g_clear_pointer (&worker->assignment, activering_role_assignment_free);
  g_clear_pointer (&worker->rules, activering_rule_set_unref);
}

void
serve_worker_free (ServeWorker *worker)
{
  if (worker == NULL)
    return;
  worker_clear (worker);
  g_free (worker);
}

ServeContext *
serve_worker_get_context (ServeWorker *worker)
{
  return worker->context;
}

ActiveringRuleSet *
serve_worker_use_rules (ServeWorker *worker, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_rules_dup (worker->context->rules);
  if (rules != worker->rules)
    {
      /* a reload: the objects made for the old set go with it */
      worker_clear (worker);
      worker->rules = activering_rule_set_ref (rules);
      worker->facts = activering_facts_new (rules);
      worker->evaluation = activering_evaluation_new (rules);
      worker->report = activering_trajectory_report_new (rules);
      worker->assignment = activering_role_assignment_new (rules);
    }
  g_clear_pointer (&response->rules, activering_rule_set_unref);
  response->rules = rules;
  return rules;
}

ActiveringFacts *
serve_worker_get_facts (ServeWorker *worker)
{
  return worker->facts;
}

ActiveringEvaluation *
serve_worker_get_evaluation (ServeWorker *worker)
{
  return worker->evaluation;
}

ActiveringTrajectoryReport *
serve_worker_get_report (ServeWorker *worker)
{
  return worker->report;
}

ActiveringRoleAssignment *
serve_worker_get_assignment (ServeWorker *worker)
{
  return worker->assignment;
}

/* ---- routes ---- */

typedef struct
{
  const char *path;
  gboolean takes_tail; /* path/{something} */
  ServeRoute route;
  const char *method;
} Route;

static const Route routes[] = {
  { "/v1/eligibility", FALSE, SERVE_ROUTE_ELIGIBILITY, "POST" },
  { "/v1/trajectory/report", FALSE, SERVE_ROUTE_TRAJECTORY_REPORT, "POST" },
  { "/v1/roles", FALSE, SERVE_ROUTE_ROLES, "POST" },
  { "/v1/rules", FALSE, SERVE_ROUTE_RULES, "GET" },
  { "/v1/rules/", TRUE, SERVE_ROUTE_RULES_MEASURE, "GET" },
  { "/v1/schemas/", TRUE, SERVE_ROUTE_SCHEMAS, "GET" },
  { "/v1/openapi.json", FALSE, SERVE_ROUTE_OPENAPI, "GET" },
  { "/healthz", FALSE, SERVE_ROUTE_HEALTHZ, "GET" },
  { "/metrics", FALSE, SERVE_ROUTE_METRICS, "GET" },
};

static const Route *
find_route (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const Route *r = &routes[i];
      if (r->takes_tail ? g_str_has_prefix (path, r->path) && path[strlen (r->path)] != '\0'
                        : strcmp (path, r->path) == 0)
        return r;
    }
  return NULL;
}

/* The media types of a body: a document, or JSON lines (streamed; POST /v1/eligibility only). */
static gboolean
is_json_lines_type (const char *type)
{
  return type != NULL
         && (g_ascii_strcasecmp (type, "application/x-ndjson") == 0
             || g_ascii_strcasecmp (type, "application/jsonl") == 0
             || g_ascii_strcasecmp (type, "application/x-jsonlines") == 0);
}

gboolean
serve_is_stream (const ServeRequest *request)
{
  return is_json_lines_type (request->content_type);
}

static gboolean
authorized (ServeContext *context, const char *authorization)
{
  if (context->token == NULL)
    return TRUE;
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return FALSE;
  return serve_token_equal (context->token, authorization + 7);
}

guint
serve_check_request (ServeContext *context, const ServeRequest *request, ServeRoute *route, const char **allow,
                     const char **message)
{
  const Route *r = find_route (request->path);
  *route = r != NULL ? r->route : SERVE_ROUTE_OTHER;
  *allow = NULL;
  if (r == NULL)
    {
      *message = "no such endpoint (see GET /v1/openapi.json)";
      return 404;
    }
  if (r->route != SERVE_ROUTE_HEALTHZ && !authorized (context, request->authorization))
    {
      *message = "this endpoint needs the header \"Authorization: Bearer TOKEN\" with the service's token";
      return 401;
    }
  gboolean head = strcmp (r->method, "GET") == 0 && strcmp (request->method, "HEAD") == 0;
  if (strcmp (request->method, r->method) != 0 && !head)
    {
      *allow = strcmp (r->method, "GET") == 0 ? "GET, HEAD" : r->method;
      *message = strcmp (r->method, "GET") == 0 ? "this endpoint takes GET" : "this endpoint takes POST";
      return 405;
    }
  if (strcmp (r->method, "POST") == 0)
    {
      gboolean json = request->content_type != NULL
                      && g_ascii_strcasecmp (request->content_type, "application/json") == 0;
      gboolean lines = is_json_lines_type (request->content_type);
      if (!json && !(lines && r->route == SERVE_ROUTE_ELIGIBILITY))
        {
          *message = r->route == SERVE_ROUTE_ELIGIBILITY
                         ? "send Content-Type: application/json (one document) or application/x-ndjson (JSON lines)"
                         : "send Content-Type: application/json";
          return 415;
        }
    }
  *message = NULL;
  return 0;
}

/* ---- query options ---- */

gboolean
serve_options_parse (const char *query, guint accepted, ActiveringRuleSet *rules, ServeOptions *options,
                     ServeResponse *response)
{
  memset (options, 0, sizeof *options);
  g_strlcpy (options->lang, "nl", sizeof options->lang);
  if (query == NULL || *query == '\0')
    return TRUE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, &error);
  if (params == NULL)
    {
      g_autofree char *message = g_strdup_printf ("query: %s", error->message);
      serve_response_set_error (response, 400, "usage", message);
      return FALSE;
    }
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key, *text = value;
      g_autofree char *message = NULL;
      if (strcmp (name, "as_of") == 0 && (accepted & SERVE_OPTION_AS_OF))
        {
          if (!cli_date_from_text (text, &options->as_of))
            message = g_strdup ("query: as_of: not a valid date (expected YYYY-MM-DD)");
          options->has_as_of = message == NULL;
        }
      else if (strcmp (name, "lang") == 0 && (accepted & SERVE_OPTION_LANG))
        {
          if (strlen (text) >= sizeof options->lang || !activering_rule_set_has_language (rules, text))
            {
              g_autofree char *languages = g_strjoinv (", ", (char **) activering_rule_set_get_languages (rules));
              message = g_strdup_printf ("query: lang: the rule set has no texts in this language (it has: %s)",
                                         languages);
            }
          else
            g_strlcpy (options->lang, text, sizeof options->lang);
        }
      else if ((strcmp (name, "compact") == 0 && (accepted & SERVE_OPTION_COMPACT))
               || (strcmp (name, "all") == 0 && (accepted & SERVE_OPTION_ALL)))
        {
          gboolean yes = *text == '\0' || strcmp (text, "true") == 0 || strcmp (text, "1") == 0;
          gboolean no = strcmp (text, "false") == 0 || strcmp (text, "0") == 0;
          if (!yes && !no)
            message = g_strdup_printf ("query: %s: expected true or false", name);
          else if (name[0] == 'c')
            options->compact = yes;
          else
            options->all = yes;
        }
      else
        message = g_strdup ("query: unknown parameter (this endpoint takes: as_of, lang"
                            "; POST /v1/eligibility also compact, POST /v1/roles also all)");
      if (message != NULL)
        {
          serve_response_set_error (response, 400, "usage", message);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- the read-only endpoints ---- */

static void
handle_rules (ServeWorker *worker, const ServeRequest *request, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  ServeOptions options;
  if (!serve_options_parse (request->query, SERVE_OPTION_LANG, rules, &options, response))
    return;
  rules_summary_append (response->body, rules, options.lang);
}

static void
handle_measure (ServeWorker *worker, const ServeRequest *request, const char *tail, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  g_autofree char *code = g_uri_unescape_string (tail, NULL);
  int index = code != NULL ? activering_rule_set_lookup_measure (rules, code) : -1;
  if (index < 0)
    {
      serve_response_set_error (response, 404, "usage",
                                "the rule set has no such measure (GET /v1/rules lists them)");
      return;
    }
  g_autofree char *json = activering_rule_set_dup_measure_json (rules, (guint) index);
  g_string_append (response->body, json);
  g_string_append_c (response->body, '\n');
}

/* GET /v1/schemas/{format}: the format URL-encoded (activering.facts%2F1) or not. */
static void
handle_schema (ServeWorker *worker, const ServeRequest *request, const char *tail, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  ServeOptions options;
  if (!serve_options_parse (request->query, SERVE_OPTION_LANG, rules, &options, response))
    return;
  g_autofree char *format = g_uri_unescape_string (tail, NULL);
  /* the library's message quotes the format: only a printable UTF-8 one may reach it */
  gboolean printable = format != NULL && g_utf8_validate (format, -1, NULL);
  for (const char *p = format; printable && *p; p++)
    printable = !g_ascii_iscntrl (*p);
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = printable ? activering_rule_set_dup_schema (rules, format, options.lang, &error) : NULL;
  if (schema == NULL)
    {
      serve_response_set_error (response, 404, "usage",
                                error != NULL ? error->message
                                              : "schemas: not a document format this service describes");
      return;
    }
  response->content_type = "application/schema+json";
  g_string_append (response->body, schema);
  if (!g_str_has_suffix (schema, "\n"))
    g_string_append_c (response->body, '\n');
}

static void
handle_healthz (ServeWorker *worker, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  g_string_append (response->body, "{\"status\":\"ok\",\"ruleset\":{\"id\":");
  cli_append_json_string (response->body, activering_rule_set_get_id (rules));
  g_string_append (response->body, ",\"version\":");
  cli_append_json_string (response->body, activering_rule_set_get_version (rules));
  g_string_append (response->body, ",\"digest\":");
  cli_append_json_string (response->body, activering_rule_set_get_digest (rules));
  g_string_append (response->body, "}}\n");
}

static void
handle_metrics (ServeWorker *worker, ServeResponse *response)
{
  ServeContext *context = worker->context;
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  response->content_type = "text/plain; version=0.0.4; charset=utf-8";
  serve_metrics_append (context->metrics, rules, context->rules, (guint) g_atomic_int_get (&context->in_flight),
                        (guint) g_atomic_int_get (&context->connections), response->body);
}

void
serve_handle (ServeWorker *worker, const ServeRequest *request, ServeResponse *response)
{
  const char *allow, *message;
  guint refused = serve_check_request (worker->context, request, &response->route, &allow, &message);
  if (refused != 0)
    {
      serve_response_set_error (response, refused, "usage", message);
      response->allow = allow;
      return;
    }
  const char *tail = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (routes[i].route == response->route && routes[i].takes_tail)
      tail = request->path + strlen (routes[i].path);
  switch (response->route)
    {
    case SERVE_ROUTE_ELIGIBILITY:
      serve_handle_eligibility (worker, request, response);
      break;
    case SERVE_ROUTE_TRAJECTORY_REPORT:
      serve_handle_trajectory_report (worker, request, response);
      break;
    case SERVE_ROUTE_ROLES:
      serve_handle_roles (worker, request, response);
      break;
    case SERVE_ROUTE_RULES:
      handle_rules (worker, request, response);
      break;
    case SERVE_ROUTE_RULES_MEASURE:
      handle_measure (worker, request, tail, response);
      break;
    case SERVE_ROUTE_SCHEMAS:
      handle_schema (worker, request, tail, response);
      break;
    case SERVE_ROUTE_OPENAPI:
      serve_worker_use_rules (worker, response);
      g_string_append_len (response->body, activering_openapi_data, (gssize) activering_openapi_size);
      break;
    case SERVE_ROUTE_HEALTHZ:
      handle_healthz (worker, response);
      break;
    case SERVE_ROUTE_METRICS:
      handle_metrics (worker, response);
      break;
    case SERVE_ROUTE_OTHER:
    case SERVE_N_ROUTES:
    default:
      serve_response_set_error (response, 404, "usage", "no such endpoint");
      break;
    }
}
