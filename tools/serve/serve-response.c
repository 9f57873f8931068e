/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-response.c: the service's answers: `activering.error/1` bodies, the rule set's header, the token check. */
#include "config.h"

#include <string.h>

#include "cli-private.h"
#include "serve-private.h"

const char *
serve_route_name (ServeRoute route)
{
  static const char *const names[SERVE_N_ROUTES] = {
    [SERVE_ROUTE_ELIGIBILITY] = "eligibility", [SERVE_ROUTE_TRAJECTORY_REPORT] = "trajectory_report",
    [SERVE_ROUTE_ROLES] = "roles",             [SERVE_ROUTE_RULES] = "rules",
    [SERVE_ROUTE_RULES_MEASURE] = "rules_measure", [SERVE_ROUTE_SCHEMAS] = "schemas",
    [SERVE_ROUTE_OPENAPI] = "openapi",         [SERVE_ROUTE_HEALTHZ] = "healthz",
    [SERVE_ROUTE_METRICS] = "metrics",         [SERVE_ROUTE_OTHER] = "other",
  };
  return route < SERVE_N_ROUTES ? names[route] : "other";
}

void
serve_response_init (ServeResponse *response)
{
  memset (response, 0, sizeof *response);
  response->status = 200;
  response->content_type = "application/json";
  response->body = g_string_new (NULL);
  response->route = SERVE_ROUTE_OTHER;
}

void
serve_response_clear (ServeResponse *response)
{
  if (response->body != NULL)
    g_string_free (response->body, TRUE);
  g_clear_pointer (&response->rules, activering_rule_set_unref);
  response->body = NULL;
}

/* The members every error document has; @document and @path only when known. */
static void
append_error (GString *out, guint64 line, const char *code, const char *message, const char *document,
              const char *path)
{
  /* the HTTP status is the answer's own; the document is the library's, whose schema is closed */
  g_string_append (out, "{\"format\":\"activering.error/1\"");
  if (line > 0)
    g_string_append_printf (out, ",\"line\":%" G_GUINT64_FORMAT, line);
  g_string_append (out, ",\"code\":");
  cli_append_json_string (out, code);
  g_string_append (out, ",\"message\":");
  cli_append_json_string (out, message);
  if (document != NULL)
    {
      g_string_append (out, ",\"document\":");
      cli_append_json_string (out, document);
    }
  if (path != NULL)
    {
      g_string_append (out, ",\"path\":");
      cli_append_json_string (out, path);
    }
  g_string_append_c (out, '}');
}

void
serve_response_set_error_at (ServeResponse *response, guint status, const char *code, const char *message,
                             const char *document, const char *path)
{
  response->status = status;
  response->content_type = "application/json";
  g_string_truncate (response->body, 0);
  append_error (response->body, 0, code, message, document, path);
  g_string_append_c (response->body, '\n');
}

void
serve_response_set_error (ServeResponse *response, guint status, const char *code, const char *message)
{
  serve_response_set_error_at (response, status, code, message, NULL, NULL);
}

/* The library's code names, and "failed" for an error from elsewhere (GLib's own). */
static const char *
error_code_name (const GError *error)
{
  return error->domain == ACTIVERING_ERROR ? activering_error_code_to_string (error->code) : "failed";
}

void
serve_append_error_document (GString *out, guint64 line, const GError *error)
{
  append_error (out, line, error_code_name (error), error->message, activering_error_get_document (error),
                activering_error_get_path (error));
  g_string_append_c (out, '\n');
}

void
serve_response_set_document_error (ServeResponse *response, const GError *error)
{
  response->status = 400;
  response->content_type = "application/json";
  g_string_truncate (response->body, 0);
  serve_append_error_document (response->body, 0, error);
}

char *
serve_ruleset_header (ActiveringRuleSet *rules)
{
  return g_strdup_printf ("%s %s %s", activering_rule_set_get_id (rules), activering_rule_set_get_version (rules),
                          activering_rule_set_get_digest (rules));
}

gboolean
serve_token_equal (const char *expected, const char *given)
{
  gsize n = strlen (expected), m = strlen (given);
  /* every byte of the expected token is compared, whatever the given one holds */
  guchar diff = n != m;
  for (gsize i = 0; i < n; i++)
    diff |= (guchar) expected[i] ^ (guchar) (i < m ? given[i] : 0);
  return diff == 0;
}
