/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* parallel-lines.c: the lines of a batch handled by several threads, in constant memory.
 *
 * The main thread copies a block of lines (a few MiB) out of the line reader, with each line's number, and cuts
 * it at line boundaries into one part a job, of about equal bytes. Each worker thread handles whole parts with
 * its own worker state (facts, evaluation, …, made from the one immutable rule set) and writes into the part's
 * own buffers, never to stdout or stderr. The main thread then writes the parts in order: the output and the
 * messages come out as one job would have written them. Blocks have a fixed size, so memory does not grow with
 * the input; batch.c reads the next block while the workers handle this one. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "parallel-lines.h"

typedef struct
{
  gsize offset, length; /* in the block's text */
  guint64 number;
  gboolean too_long;
} Entry;

typedef struct
{
  LinePart result;
  LineBlock *block;
  guint first, last; /* its entries: [first, last) */
} Part;

struct LineBlock
{
  GString *text;
  GArray *entries; /* of Entry */
  Part *parts;     /* CLI_MAX_JOBS of them, the first n_parts in use */
  guint n_parts;
};

LineBlock *
line_block_new (void)
{
  LineBlock *block = g_new0 (LineBlock, 1);
  block->text = g_string_new (NULL);
  block->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 1024);
  block->parts = g_new0 (Part, CLI_MAX_JOBS);
  return block;
}

void
line_block_free (LineBlock *block)
{
  if (block == NULL)
    return;
  for (guint i = 0; i < CLI_MAX_JOBS; i++)
    {
      if (block->parts[i].result.out != NULL)
        g_string_free (block->parts[i].result.out, TRUE);
      if (block->parts[i].result.messages != NULL)
        g_string_free (block->parts[i].result.messages, TRUE);
    }
  g_free (block->parts);
  g_array_free (block->entries, TRUE);
  g_string_free (block->text, TRUE);
  g_free (block);
}

gboolean
line_block_read (LineBlock *block, LineReader *reader, gsize max_bytes)
{
  g_string_truncate (block->text, 0);
  g_array_set_size (block->entries, 0);
  block->n_parts = 0;
  const char *line;
  gsize length;
  gboolean too_long;
  /* A blank line costs a byte, so that a block of blank lines stays small too. */
  while (block->text->len + block->entries->len < MIN (max_bytes, LINE_BLOCK_MAX_BYTES)
         && block->entries->len < LINE_BLOCK_MAX_LINES
         && line_reader_next (reader, &line, &length, &too_long))
    {
      Entry entry = { block->text->len, length, reader->line_number, too_long };
      if (!too_long)
        g_string_append_len (block->text, line, (gssize) length);
      g_array_append_val (block->entries, entry);
    }
  return block->entries->len > 0;
}

gsize
line_block_get_size (const LineBlock *block)
{
  return block->text->len + block->entries->len;
}

guint
line_block_get_n_parts (const LineBlock *block)
{
  return block->n_parts;
}

LinePart *
line_block_get_part (LineBlock *block, guint i)
{
  return &block->parts[i].result;
}

/* Cuts the block into at most @jobs parts of about equal bytes (a line counting one more, for its newline). */
static void
split (LineBlock *block, guint jobs)
{
  guint n = block->entries->len;
  guint n_parts = MAX (MIN (jobs, n), 1);
  gsize total = block->text->len + n, so_far = 0;
  guint first = 0;
  for (guint p = 0; p < n_parts; p++)
    {
      Part *part = &block->parts[p];
      guint last = first;
      gsize target = p + 1 == n_parts ? total : total / n_parts * (p + 1);
      /* at least one line each, and enough left for the parts after this one */
      while (last < n - (n_parts - p - 1) && (last == first || so_far < target))
        so_far += g_array_index (block->entries, Entry, last++).length + 1;
      part->block = block;
      part->first = first;
      part->last = last;
      LinePart *r = &part->result;
      if (r->out == NULL)
        {
          r->out = g_string_sized_new (1 << 16);
          r->messages = g_string_new (NULL);
        }
      g_string_truncate (r->out, 0);
      g_string_truncate (r->messages, 0);
      r->done = r->bad = r->blank = 0;
      first = last;
    }
  block->n_parts = n_parts;
}

/* ---- the workers ---- */

/* The workers take the parts of the block in hand one by one, under a pthread mutex rather than a GMutex: GLib's is
 * a futex that ThreadSanitizer cannot see, and `make check`'s TSan run must be able to check this. */
struct LinePool
{
  const CliBatch *batch;
  gpointer shared;
  const char *name;
  guint jobs, n_threads;
  gpointer *workers;
  GThread **threads;
  pthread_mutex_t lock;
  pthread_cond_t work, finished;
  Part *parts;                  /* the block in hand: its parts */
  guint n_parts, next, n_done; /* how many, the next to take, how many are done */
  gboolean quit;
};

/* One part, as cli_run_lines handled each line before there were jobs: same words, same order. */
static void
handle_part (const LinePool *pool, gpointer worker, Part *part)
{
  LineBlock *block = part->block;
  LinePart *r = &part->result;
  for (guint i = part->first; i < part->last; i++)
    {
      const Entry *entry = &g_array_index (block->entries, Entry, i);
      if (entry->too_long)
        {
          g_string_append_printf (r->messages, "activering: %s: line %" G_GUINT64_FORMAT ": longer than %d bytes, skipped\n",
                                  pool->name, entry->number, LINE_READER_MAX_LINE);
          r->bad++;
          continue;
        }
      const char *text = block->text->str + entry->offset;
      gsize length = entry->length;
      /* A byte order mark (Windows and spreadsheet exports) may start the stream; the line's documents skip it
       * too, but a line holding nothing else is blank. */
      gsize start = entry->number == 1 && length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      while (start < length && g_ascii_isspace (text[start]))
        start++;
      if (start == length)
        {
          r->blank++; /* blank lines separate nothing: counted, not errors */
          continue;
        }
      CliLine line = { entry->number, TRUE, r->out, r->messages };
      g_autoptr (GError) error = NULL;
      if (!pool->batch->each (worker, &line, text, length, &error))
        {
          g_string_append_printf (r->messages, "activering: %s: line %" G_GUINT64_FORMAT ": %s\n", pool->name,
                                  entry->number, error->message);
          if (pool->batch->bad_line != NULL)
            pool->batch->bad_line (worker, &line);
          r->bad++;
          continue;
        }
      r->done++;
    }
}

typedef struct
{
  LinePool *pool;
  gpointer worker;
} Thread;

static gpointer
work (gpointer data)
{
  Thread *thread = data;
  LinePool *pool = thread->pool;
  pthread_mutex_lock (&pool->lock);
  while (TRUE)
    {
      while (!pool->quit && pool->next >= pool->n_parts)
        pthread_cond_wait (&pool->work, &pool->lock);
      if (pool->quit)
        break;
      Part *part = &pool->parts[pool->next++];
      pthread_mutex_unlock (&pool->lock);
      handle_part (pool, thread->worker, part);
      pthread_mutex_lock (&pool->lock);
      if (++pool->n_done == pool->n_parts)
        pthread_cond_signal (&pool->finished);
    }
  pthread_mutex_unlock (&pool->lock);
  g_free (thread);
  return NULL;
}

LinePool *
line_pool_new (const CliBatch *batch, gpointer shared, const char *name, guint jobs)
{
  LinePool *pool = g_new0 (LinePool, 1);
  pool->batch = batch;
  pool->shared = shared;
  pool->name = name;
  /* A batch without workers of its own runs on its shared state, in one job. */
  pool->jobs = batch->worker_new == NULL ? 1 : CLAMP (jobs, 1, CLI_MAX_JOBS);
  pool->workers = g_new0 (gpointer, pool->jobs);
  for (guint i = 0; i < pool->jobs; i++)
    pool->workers[i] = batch->worker_new != NULL ? batch->worker_new (shared) : shared;
  if (pool->jobs == 1)
    return pool; /* no threads: the main thread handles each block */
  /* The error domain is registered on first use, in a GLib once-section ThreadSanitizer cannot see into (GLib is
   * not instrumented): registered here, before there are threads, no bad line in two threads at once makes TSan
   * report a race that is not one. */
  (void) ACTIVERING_ERROR;
  pthread_mutex_init (&pool->lock, NULL);
  pthread_cond_init (&pool->work, NULL);
  pthread_cond_init (&pool->finished, NULL);
  pool->threads = g_new0 (GThread *, pool->jobs);
  for (; pool->n_threads < pool->jobs; pool->n_threads++)
    {
      Thread *thread = g_new (Thread, 1);
      *thread = (Thread){ pool, pool->workers[pool->n_threads] };
      pool->threads[pool->n_threads] = g_thread_try_new ("activering-job", work, thread, NULL);
      if (pool->threads[pool->n_threads] == NULL)
        {
          /* Fewer threads than asked (a limit on them): the parts are still all handled, fewer at once, and with
           * none the main thread handles them. */
          g_free (thread);
          break;
        }
    }
  return pool;
}

void
line_pool_start (LinePool *pool, LineBlock *block)
{
  split (block, pool->jobs);
  if (pool->n_threads == 0)
    {
      for (guint p = 0; p < block->n_parts; p++)
        handle_part (pool, pool->workers[0], &block->parts[p]);
      return;
    }
  pthread_mutex_lock (&pool->lock);
  pool->parts = block->parts;
  pool->n_parts = block->n_parts;
  pool->next = pool->n_done = 0;
  pthread_cond_broadcast (&pool->work);
  pthread_mutex_unlock (&pool->lock);
}

void
line_pool_wait (LinePool *pool)
{
  if (pool->n_threads == 0)
    return;
  pthread_mutex_lock (&pool->lock);
  while (pool->n_done < pool->n_parts)
    pthread_cond_wait (&pool->finished, &pool->lock);
  pthread_mutex_unlock (&pool->lock);
}

void
line_pool_free (LinePool *pool)
{
  line_pool_wait (pool);
  if (pool->threads != NULL)
    {
      pthread_mutex_lock (&pool->lock);
      pool->quit = TRUE;
      pthread_cond_broadcast (&pool->work);
      pthread_mutex_unlock (&pool->lock);
      for (guint i = 0; i < pool->n_threads; i++)
        g_thread_join (pool->threads[i]);
      g_free (pool->threads);
      pthread_cond_destroy (&pool->work);
      pthread_cond_destroy (&pool->finished);
      pthread_mutex_destroy (&pool->lock);
    }
  for (guint i = 0; i < pool->jobs; i++)
    if (pool->batch->worker_done != NULL)
      pool->batch->worker_done (pool->shared, pool->workers[i]);
  g_free (pool->workers);
  g_free (pool);
}
