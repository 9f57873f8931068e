/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-stream.c: a JSON-lines body of POST /v1/eligibility, screened line by line as its pieces arrive, so that
 * memory stays the same however long the body is: only a line that is not whole yet is kept. A bad line (or one
 * longer than the limit) gets its `activering.error/1` document, with its number, in its place; the rest goes on. */
#include "config.h"

#include <string.h>

#include "serve-routes.h"

struct ServeStream
{
  ServeContext *context;
  ActiveringRuleSet *rules;
  ActiveringFacts *facts; /* the stream's own: a reload on its thread must not change them under it */
  ActiveringEvaluation *evaluation;
  ServeOptions options;
  GString *pending; /* the start of a line whose end has not come yet */
  gboolean too_long; /* the pending line passed the limit: the rest of it is skipped */
  guint64 line, done, bad;
};

ServeStream *
serve_stream_new (ServeWorker *worker, const char *query, ServeResponse *response)
{
  ActiveringRuleSet *rules = serve_worker_use_rules (worker, response);
  ServeOptions options;
  if (!serve_options_parse (query, SERVE_OPTION_AS_OF | SERVE_OPTION_LANG | SERVE_OPTION_COMPACT, rules, &options,
                            response))
    return NULL;
  ServeStream *stream = g_new0 (ServeStream, 1);
  stream->context = serve_worker_get_context (worker);
  stream->rules = activering_rule_set_ref (rules);
  stream->facts = activering_facts_new (rules);
  stream->evaluation = activering_evaluation_new (rules);
  stream->options = options;
  stream->pending = g_string_new (NULL);
  return stream;
}

ActiveringRuleSet *
serve_stream_get_rules (ServeStream *stream)
{
  return stream->rules;
}

static void
line_error (ServeStream *stream, GString *out, int code, const char *message)
{
  g_autoptr (GError) error = g_error_new_literal (ACTIVERING_ERROR, code, message);
  serve_append_error_document (out, stream->line, error);
  stream->bad++;
}

static void
screen_line (ServeStream *stream, const char *text, gsize length, GString *out)
{
  stream->line++;
  if (stream->too_long)
    {
      g_autofree char *message = g_strdup_printf ("line: longer than %" G_GSIZE_FORMAT " bytes (see --max-line-bytes)",
                                                  stream->context->limits.max_line);
      line_error (stream, out, ACTIVERING_ERROR_TOO_LARGE, message);
      stream->too_long = FALSE;
      return;
    }
  gboolean blank = TRUE;
  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    return;
  g_autoptr (GError) error = NULL;
  stream->done++;
  if (!serve_screen (stream->facts, stream->evaluation, &stream->options, text, length, out, &error))
    {
      serve_append_error_document (out, stream->line, error);
      stream->bad++;
    }
}

/* Adds @length bytes of a line's text to the pending line, or drops them once it is too long. */
static void
keep (ServeStream *stream, const char *text, gsize length)
{
  if (stream->too_long)
    return;
  if (stream->pending->len + length > stream->context->limits.max_line)
    {
      stream->too_long = TRUE;
      g_string_truncate (stream->pending, 0);
      return;
    }
  g_string_append_len (stream->pending, text, (gssize) length);
}

void
serve_stream_feed (ServeStream *stream, const char *data, gsize length, GString *out)
{
  const char *p = data, *end = data + length;
  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));
      if (newline == NULL)
        {
          keep (stream, p, (gsize) (end - p));
          return;
        }
      if (stream->pending->len > 0 || stream->too_long)
        {
          keep (stream, p, (gsize) (newline - p));
          screen_line (stream, stream->pending->str, stream->pending->len, out);
          g_string_truncate (stream->pending, 0);
        }
      else if ((gsize) (newline - p) > stream->context->limits.max_line)
        {
          stream->too_long = TRUE;
          screen_line (stream, NULL, 0, out);
        }
      else
        screen_line (stream, p, (gsize) (newline - p), out);
      p = newline + 1;
    }
}

void
serve_stream_finish (ServeStream *stream, GString *out)
{
  if (stream->pending->len > 0 || stream->too_long)
    screen_line (stream, stream->pending->str, stream->pending->len, out);
  g_string_truncate (stream->pending, 0);
  serve_metrics_count_lines (stream->context->metrics, stream->done, stream->bad);
  stream->done = stream->bad = 0;
}

void
serve_stream_free (ServeStream *stream)
{
  if (stream == NULL)
    return;
  activering_evaluation_free (stream->evaluation);
  activering_facts_free (stream->facts);
  activering_rule_set_unref (stream->rules);
  g_string_free (stream->pending, TRUE);
  g_free (stream);
}
