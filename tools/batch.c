/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* batch.c: streaming JSON lines through a subcommand: one document per line, in constant memory, each bad line
 * reported with its number while the rest goes on. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cli-private.h"
#include "line-reader.h"

#define PROGRESS_EVERY 50000

static guint64 current_line; /* the line being handled, for cli_input_line */

guint64
cli_input_line (void)
{
  return current_line;
}

gboolean
cli_flush (GString *out, gsize threshold)
{
  if (out->len < threshold)
    return !cli_output_failed ();
  gboolean ok = cli_write (out->str, out->len);
  g_string_truncate (out, 0);
  return ok;
}

int
cli_run_lines (FILE *input, const char *name, const char *noun, CliLineFunc each, CliBadLineFunc bad_line,
               gpointer data, GString *out)
{
  LineReader reader;
  line_reader_init (&reader, input);
  gboolean progress = isatty (STDERR_FILENO);
  guint64 done = 0, bad = 0, blank = 0;
  const char *line;
  gsize length;
  gboolean too_long;
  while (line_reader_next (&reader, &line, &length, &too_long))
    {
      g_autoptr (GError) error = NULL;
      if (too_long)
        {
          fprintf (stderr, "activering: %s: line %" G_GUINT64_FORMAT ": longer than %d bytes, skipped\n", name,
                   reader.line_number, LINE_READER_MAX_LINE);
          bad++;
          continue;
        }
      /* A byte order mark (Windows and spreadsheet exports) may start the stream; the line's documents skip it
       * too, but a line holding nothing else is blank. */
      gsize start = reader.line_number == 1 && length >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      while (start < length && g_ascii_isspace (line[start]))
        start++;
      if (start == length)
        {
          blank++; /* blank lines separate nothing: counted, not errors */
          continue;
        }
      current_line = reader.line_number;
      gboolean ok = each (data, line, length, &error);
      current_line = 0;
      if (!ok)
        {
          fprintf (stderr, "activering: %s: line %" G_GUINT64_FORMAT ": %s\n", name, reader.line_number,
                   error->message);
          if (bad_line != NULL)
            bad_line (data, reader.line_number);
          bad++;
          continue;
        }
      done++;
      if (!cli_flush (out, 1 << 16))
        break; /* nowhere to write the rest to: cli_finish_output says why */
      if (progress && done % PROGRESS_EVERY == 0)
        fprintf (stderr, "\r  %" G_GUINT64_FORMAT " %s", done, noun);
    }
  line_reader_clear (&reader);
  if (ferror (input))
    {
      cli_error ("%s: read error", name);
      bad++;
    }
  cli_flush (out, 0);
  if (blank > 0)
    fprintf (stderr, "activering: %s: %" G_GUINT64_FORMAT " blank line%s skipped\n", name, blank, blank == 1 ? "" : "s");
  if (progress && done >= PROGRESS_EVERY)
    fprintf (stderr, "\r  %" G_GUINT64_FORMAT " %s, %" G_GUINT64_FORMAT " bad lines\n", done, noun, bad);
  return bad > 0 ? EXIT_INPUT_ERRORS : EXIT_DONE;
}

typedef struct
{
  CliDocumentFunc each;
  gpointer data;
} LineAdapter;

static gboolean
one_line (gpointer data, const char *line, gsize length, GError **error)
{
  const LineAdapter *adapter = data;
  return adapter->each (adapter->data, line, length, TRUE, error);
}

int
cli_run_input (const char *path, gboolean jsonl, const char *noun, CliDocumentFunc each, gpointer data, GString *out)
{
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return EXIT_INPUT_ERRORS;
  const char *name = strcmp (path, "-") == 0 ? "<stdin>" : path;
  int status = EXIT_DONE;
  if (jsonl)
    {
      LineAdapter adapter = { each, data };
      status = cli_run_lines (input, name, noun, one_line, NULL, &adapter, out);
    }
  else
    {
      gsize length;
      g_autofree char *text = cli_read_all (input, name, CLI_MAX_DOCUMENT, &length);
      g_autoptr (GError) error = NULL;
      if (text == NULL)
        status = EXIT_INPUT_ERRORS;
      else if (!each (data, text, length, FALSE, &error))
        {
          fprintf (stderr, "activering: %s: %s\n", name, error->message);
          status = EXIT_INPUT_ERRORS;
        }
      cli_flush (out, 0);
    }
  if (input != stdin)
    fclose (input);
  return status;
}
