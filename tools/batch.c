/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* batch.c: streaming JSON lines through a subcommand: one document per line, in constant memory, in one or
 * several jobs, each bad line reported with its number while the rest goes on. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-private.h"
#include "line-reader.h"
#include "parallel-lines.h"

#define PROGRESS_EVERY 50000
/* A block's output is held until it is written: its input is sized so that its output is about this much (a full
 * explanation is some 40 times its dossier, outcomes a tenth of it), from what the block before gave. */
#define OUTPUT_PER_BLOCK (8u << 20)
#define FIRST_BLOCK (256u << 10)
#define SMALLEST_BLOCK (64u << 10)
/* The default number of jobs stops here: beyond it, the main thread's reading and writing is what limits. */
#define DEFAULT_MAX_JOBS 16

gboolean
cli_flush (GString *out, gsize threshold)
{
  if (out->len < threshold)
    return !cli_output_failed ();
  gboolean ok = cli_write (out->str, out->len);
  g_string_truncate (out, 0);
  return ok;
}

gboolean
cli_parse_jobs (const char *text, guint *jobs)
{
  *jobs = 0;
  if (text == NULL)
    return TRUE;
  guint64 n = 0;
  if (g_ascii_string_to_unsigned (text, 10, 1, CLI_MAX_JOBS, &n, NULL) && g_ascii_isdigit (text[0]))
    {
      *jobs = (guint) n;
      return TRUE;
    }
  cli_error ("--jobs: \"%s\" is not a number of jobs (expected a whole number from 1 to %d)", text, CLI_MAX_JOBS);
  return FALSE;
}

guint
cli_jobs_for (guint jobs, FILE *input)
{
  if (jobs > 0)
    return jobs;
  struct stat st;
  if (fstat (fileno (input), &st) != 0 || !S_ISREG (st.st_mode))
    return 1;
  return CLAMP (g_get_num_processors (), 1, DEFAULT_MAX_JOBS);
}

/* Writes a handled block's parts in order, and sizes the next block to read from its output (@block_size). FALSE
 * once a write to standard output failed. */
static gboolean
write_block (LineBlock *block, const char *noun, gboolean progress, guint64 *done, guint64 *bad, guint64 *blank,
             gsize *block_size)
{
  gsize output = 0;
  for (guint p = 0; p < line_block_get_n_parts (block); p++)
    output += line_block_get_part (block, p)->out->len;
  gsize input = line_block_get_size (block);
  /* twice as much as the last block, at most; less when its output was large */
  gsize fit = output > 0 ? (gsize) ((double) OUTPUT_PER_BLOCK * (double) input / (double) output) : G_MAXSIZE;
  *block_size = CLAMP (MIN (fit, 2 * *block_size), SMALLEST_BLOCK, LINE_BLOCK_MAX_BYTES);
  for (guint p = 0; p < line_block_get_n_parts (block); p++)
    {
      LinePart *part = line_block_get_part (block, p);
      fwrite (part->messages->str, 1, part->messages->len, stderr);
      if (!cli_write (part->out->str, part->out->len))
        return FALSE; /* nowhere to write the rest to: cli_finish_output says why */
      guint64 before = *done;
      *done += part->done;
      *bad += part->bad;
      *blank += part->blank;
      if (progress && *done / PROGRESS_EVERY > before / PROGRESS_EVERY)
        fprintf (stderr, "\r  %" G_GUINT64_FORMAT " %s", *done / PROGRESS_EVERY * PROGRESS_EVERY, noun);
    }
  return TRUE;
}

int
cli_run_lines (FILE *input, const char *name, const char *noun, guint jobs, const CliBatch *batch, gpointer shared)
{
  LineReader reader;
  line_reader_init (&reader, input);
  gboolean progress = isatty (STDERR_FILENO);
  guint64 done = 0, bad = 0, blank = 0;
  LinePool *pool = line_pool_new (batch, shared, name, jobs);
  /* Two blocks: the next is read while the workers handle this one, and this one is written while they handle
   * the next. */
  LineBlock *this = line_block_new (), *next = line_block_new ();
  gsize block_size = FIRST_BLOCK;
  gboolean have = line_block_read (this, &reader, block_size);
  if (have)
    line_pool_start (pool, this);
  while (have)
    {
      gboolean have_next = line_block_read (next, &reader, block_size);
      line_pool_wait (pool);
      if (have_next)
        line_pool_start (pool, next);
      if (!write_block (this, noun, progress, &done, &bad, &blank, &block_size))
        break; /* line_pool_free waits for the next block, if started, and it is not written */
      LineBlock *swap = this;
      this = next;
      next = swap;
      have = have_next;
    }
  line_pool_free (pool);
  line_block_free (this);
  line_block_free (next);
  line_reader_clear (&reader);
  if (ferror (input))
    {
      cli_error ("%s: read error", name);
      bad++;
    }
  if (blank > 0)
    fprintf (stderr, "activering: %s: %" G_GUINT64_FORMAT " blank line%s skipped\n", name, blank, blank == 1 ? "" : "s");
  if (progress && done >= PROGRESS_EVERY)
    fprintf (stderr, "\r  %" G_GUINT64_FORMAT " %s, %" G_GUINT64_FORMAT " bad lines\n", done, noun, bad);
  return bad > 0 ? EXIT_INPUT_ERRORS : EXIT_DONE;
}

int
cli_run_document (FILE *input, const char *name, const CliBatch *batch, gpointer shared)
{
  gsize length;
  g_autofree char *text = cli_read_all (input, name, CLI_MAX_DOCUMENT, &length);
  if (text == NULL)
    return EXIT_INPUT_ERRORS;
  gpointer worker = batch->worker_new != NULL ? batch->worker_new (shared) : shared;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) messages = g_string_new (NULL);
  CliLine line = { 0, FALSE, out, messages };
  g_autoptr (GError) error = NULL;
  gboolean ok = batch->each (worker, &line, text, length, &error);
  fwrite (messages->str, 1, messages->len, stderr);
  if (!ok)
    fprintf (stderr, "activering: %s: %s\n", name, error->message);
  cli_write (out->str, out->len);
  if (batch->worker_done != NULL)
    batch->worker_done (shared, worker);
  return ok ? EXIT_DONE : EXIT_INPUT_ERRORS;
}

int
cli_run_input (const char *path, gboolean jsonl, const char *noun, guint jobs, const CliBatch *batch, gpointer shared)
{
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return EXIT_INPUT_ERRORS;
  const char *name = strcmp (path, "-") == 0 ? "<stdin>" : path;
  int status = jsonl ? cli_run_lines (input, name, noun, cli_jobs_for (jobs, input), batch, shared)
                     : cli_run_document (input, name, batch, shared);
  if (input != stdin)
    fclose (input);
  return status;
}
