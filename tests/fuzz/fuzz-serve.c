/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-serve.c: libFuzzer target for the decision service's requests, through the same code as the HTTP server
 * (serve_handle() and the JSON-lines stream), without sockets.
 *
 * Built by `make tests/fuzz/fuzz-serve` (see tests/Makefile.inc), with the tool's sources. Run:
 *
 *   ./tests/fuzz/fuzz-serve -dict=tests/fuzz/serve.dict tests/fuzz/corpus-serve
 *
 * The input is a request: a first line "METHOD TARGET" (TARGET: the path and the query), a second line with the
 * Content-Type, a third with the Authorization header (empty lines: none), then the body. The service's token is
 * "fuzz-token-0123456789abcdef".
 *
 * Besides the sanitizers, the target checks what the service promises: the status is one it documents, a JSON
 * answer is one JSON object (an error one `activering.error/1` with that status), a JSON-lines answer is one JSON
 * object per line, and a JSON-lines body gives the same answer fed in pieces (as the server reads it) as whole.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>
#include <json-c/json.h>

#define FUZZ_NAME "fuzz-serve"
#include "fuzz-checks.h"
#include "serve/serve-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static ServeContext context;
static ServeWorker *worker;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  context.rules = serve_rules_new (fuzz_default_rules (), NULL);
  context.metrics = serve_metrics_new ();
  context.token = g_strdup ("fuzz-token-0123456789abcdef");
  context.limits = (ServeLimits) { .max_body = 1u << 20, .max_stream = 1u << 20, .max_line = 4096,
                                   .max_header = 16384, .request_timeout = 60, .idle_timeout = 30,
                                   .max_connections = 16, .max_concurrent = 16 };
  worker = serve_worker_new (&context);
  return 0;
}

/* The next line of the input, NUL-terminated in a copy (NULL past the end). */
static char *
next_line (const char **p, const char *end)
{
  if (*p >= end)
    return NULL;
  const char *newline = memchr (*p, '\n', (gsize) (end - *p));
  const char *stop = newline != NULL ? newline : end;
  char *line = g_strndup (*p, (gsize) (stop - *p));
  *p = newline != NULL ? newline + 1 : end;
  return line;
}

static void
check_response (const ServeResponse *response)
{
  static const guint statuses[] = { 200, 400, 401, 404, 405, 415 };
  gboolean known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    known = known || response->status == statuses[i];
  CHECK (known, "status %u is not one serve_handle documents", response->status);
  CHECK (response->status != 405 || response->allow != NULL, "a 405 without Allow");
  const GString *body = response->body;
  if (strcmp (response->content_type, "application/json") == 0
      || strcmp (response->content_type, "application/schema+json") == 0)
    {
      check_json ("the answer", body->str, body->len);
      if (response->status != 200)
        CHECK (g_str_has_prefix (body->str, "{\"format\":\"activering.error/1\","), "an error answer is "
               "not an activering.error/1 document: %.200s", body->str);
    }
  else if (strcmp (response->content_type, "application/x-ndjson") == 0)
    {
      const char *p = body->str, *end = body->str + body->len;
      while (p < end)
        {
          const char *newline = memchr (p, '\n', (gsize) (end - p));
          CHECK (newline != NULL, "a JSON-lines answer does not end with a newline");
          check_json ("a line of the answer", p, (gsize) (newline - p));
          p = newline + 1;
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *p = (const char *) data, *end = p + size;
  g_autofree char *first = next_line (&p, end);
  g_autofree char *content_type = next_line (&p, end);
  g_autofree char *authorization = next_line (&p, end);
  if (first == NULL)
    return 0;
  char *space = strchr (first, ' ');
  if (space == NULL)
    return 0;
  *space = '\0';
  char *target = space + 1, *query = strchr (target, '?');
  if (query != NULL)
    *query++ = '\0';
  ServeRequest request = {
    .method = first,
    .path = target,
    .query = query,
    .content_type = content_type != NULL && *content_type ? content_type : NULL,
    .authorization = authorization != NULL && *authorization ? authorization : NULL,
    .body = p,
    .length = (gsize) (end - p),
  };
  ServeResponse whole;
  serve_response_init (&whole);
  serve_handle (worker, &request, &whole);
  check_response (&whole);

  /* a stream, fed in pieces whose sizes come from the body itself, answers the same as whole */
  if (whole.status == 200 && whole.route == SERVE_ROUTE_ELIGIBILITY && serve_is_stream (&request))
    {
      ServeResponse response;
      serve_response_init (&response);
      ServeStream *stream = serve_stream_new (worker, request.query, &response);
      CHECK (stream != NULL, "the stream refused options the whole request took");
      g_autoptr (GString) out = g_string_new (NULL);
      gsize at = 0;
      while (at < request.length)
        {
          gsize piece = MIN (request.length - at, 1 + (guchar) request.body[at] % 97);
          serve_stream_feed (stream, request.body + at, piece, out);
          at += piece;
        }
      serve_stream_finish (stream, out);
      serve_stream_free (stream);
      CHECK (g_string_equal (out, whole.body), "a stream fed in pieces answered differently:\n%.300s\n---\n%.300s",
             out->str, whole.body->str);
      serve_response_clear (&response);
    }
  serve_response_clear (&whole);
  return 0;
}
