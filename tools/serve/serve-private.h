/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-private.h: `activering serve`, the decision service. The requests are answered by serve_handle() and the
 * stream functions, which know nothing of sockets: the HTTP server (serve-http.c, libsoup) and the fuzz target
 * (tests/fuzz/fuzz-serve.c) both call them. */
#pragma once

#include <activering/activering.h>

/* What the service enforces; each has a flag (cmd-serve.c). */
typedef struct
{
  gsize max_body;          /* a whole document's body, bytes (413) */
  gsize max_stream;        /* a JSON-lines body, bytes (413) */
  gsize max_line;          /* one line of a stream, bytes (reported in place) */
  gsize max_header;        /* all request headers together, bytes (431) */
  guint request_timeout;   /* seconds from the headers to the end of the body (408) */
  guint idle_timeout;      /* seconds a connection may stay silent before it is closed */
  guint max_connections;   /* open connections at once (503 to the next) */
  guint max_concurrent;    /* requests being handled at once (503 to the next) */
} ServeLimits;

/* The routes, for the metrics and the access log. */
typedef enum
{
  SERVE_ROUTE_ELIGIBILITY,
  SERVE_ROUTE_TRAJECTORY_REPORT,
  SERVE_ROUTE_ROLES,
  SERVE_ROUTE_RULES,
  SERVE_ROUTE_RULES_MEASURE,
  SERVE_ROUTE_SCHEMAS,
  SERVE_ROUTE_OPENAPI,
  SERVE_ROUTE_HEALTHZ,
  SERVE_ROUTE_METRICS,
  SERVE_ROUTE_OTHER, /* no route: 404 */
  SERVE_N_ROUTES
} ServeRoute;

const char *serve_route_name (ServeRoute route);

/* ---- the rule set in use, swapped whole on reload (serve-rules.c) ---- */
typedef struct ServeRules ServeRules;
/* Takes a reference to @rules; @path (nullable: the embedded set) is where reloads read from. */
ServeRules *serve_rules_new (ActiveringRuleSet *rules, const char *path);
void serve_rules_free (ServeRules *holder);
/* The set in use now, with a reference of the caller's own (a request keeps it to its end). */
ActiveringRuleSet *serve_rules_dup (ServeRules *holder);
/* Loads the file again and, if it loads and checks, makes it the set in use. FALSE with @error if not: the set in use
 * stays. */
gboolean serve_rules_reload (ServeRules *holder, GError **error);
const char *serve_rules_get_path (ServeRules *holder);
/* The reloads done and refused so far. */
void serve_rules_get_reloads (ServeRules *holder, guint64 *done, guint64 *refused);

/* ---- the metrics (serve-metrics.c) ---- */
typedef struct ServeMetrics ServeMetrics;
ServeMetrics *serve_metrics_new (void);
void serve_metrics_free (ServeMetrics *metrics);
/* A request answered: its route, status and how long it took, from its headers to its last byte. */
void serve_metrics_record (ServeMetrics *metrics, ServeRoute route, guint status, double seconds);
/* Requests refused before routing (limits on connections and concurrency). */
void serve_metrics_count_refused (ServeMetrics *metrics, const char *reason);
/* Lines of JSON-lines bodies handled, and those in error. */
void serve_metrics_count_lines (ServeMetrics *metrics, guint64 lines, guint64 bad);
/* The Prometheus text exposition (version 0.0.4), with @rules' identity and the reloads. */
void serve_metrics_append (ServeMetrics *metrics, ActiveringRuleSet *rules, ServeRules *holder, guint in_flight,
                           guint connections, GString *out);

/* ---- what every request shares ---- */
typedef struct
{
  ServeRules *rules;
  ServeMetrics *metrics;
  ServeLimits limits;
  char *token;              /* the bearer token; NULL: no authentication */
  gint in_flight;           /* requests being handled (atomic) */
  gint connections;         /* connections open (atomic) */
} ServeContext;

/* One thread's reusable objects: facts and an evaluation for the rule set they were made for. */
typedef struct ServeWorker ServeWorker;
ServeWorker *serve_worker_new (ServeContext *context);
void serve_worker_free (ServeWorker *worker);

typedef struct
{
  const char *method;
  const char *path;          /* decoded, without the query */
  const char *query;         /* nullable: the raw query string, as a URI carries it */
  const char *content_type;  /* nullable: the media type, without parameters */
  const char *authorization; /* nullable */
  const char *body;
  gsize length;
} ServeRequest;

typedef struct
{
  guint status;
  const char *content_type; /* static */
  GString *body;
  const char *allow;        /* static; for 405 */
  ActiveringRuleSet *rules; /* nullable: the rule set the answer came from (a reference; Activering-Ruleset) */
  ServeRoute route;
} ServeResponse;

void serve_response_init (ServeResponse *response);
void serve_response_clear (ServeResponse *response);
/* Makes @response an `activering.error/1` answer with the HTTP status @status: the error code's name (one of the
 * library's, as activering_error_code_to_string() gives them) and @message. */
void serve_response_set_error (ServeResponse *response, guint status, const char *code, const char *message);
/* The same, naming the document and the JSON path that are wrong. */
void serve_response_set_error_at (ServeResponse *response, guint status, const char *code, const char *message,
                                  const char *document, const char *path);
/* Makes @response the answer to a bad document: 400 with the document's name, the JSON path and the message. */
void serve_response_set_document_error (ServeResponse *response, const GError *error);
/* Appends an `activering.error/1` line for @error, with @line if not 0, and a newline. */
void serve_append_error_document (GString *out, guint64 line, const GError *error);
/* The value of the Activering-Ruleset header: "id version digest". */
char *serve_ruleset_header (ActiveringRuleSet *rules);

/* What the HTTP layer must know of a request before its body comes: its route, and the status that refuses it
 * now (0: go on). For 405, @allow names the methods. Checks the method, the path, the token and the content type. */
guint serve_check_request (ServeContext *context, const ServeRequest *request, ServeRoute *route, const char **allow,
                           const char **message);
/* Whether @request (already checked) is a JSON-lines body, to be streamed. */
gboolean serve_is_stream (const ServeRequest *request);

/* Answers @request whole (its body in memory): routing, authentication, the documents. */
void serve_handle (ServeWorker *worker, const ServeRequest *request, ServeResponse *response);

/* ---- a JSON-lines body, screened line by line as it arrives (serve-stream.c) ---- */
typedef struct ServeStream ServeStream;
/* A stream for POST /v1/eligibility with @query's options; NULL with @response set for bad options. */
ServeStream *serve_stream_new (ServeWorker *worker, const char *query, ServeResponse *response);
/* Screens the whole lines of @data (the rest waits for the next piece), appending their documents to @out. */
void serve_stream_feed (ServeStream *stream, const char *data, gsize length, GString *out);
/* The last line, if the body did not end with a newline. */
void serve_stream_finish (ServeStream *stream, GString *out);
ActiveringRuleSet *serve_stream_get_rules (ServeStream *stream);
void serve_stream_free (ServeStream *stream);

/* The OpenAPI document, embedded at build time from data/openapi.json (serve-openapi.c, generated). */
extern const char activering_openapi_data[];
extern const gsize activering_openapi_size;

/* Compares two strings in time that depends on their lengths only, not on where they differ. */
gboolean serve_token_equal (const char *expected, const char *given);
