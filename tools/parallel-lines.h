/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* parallel-lines.h: a batch's lines in blocks, each block cut into parts that worker threads handle at once,
 * each part's output and messages kept apart so that they are written in input order. */
#pragma once

#include "cli-private.h"
#include "line-reader.h"

typedef struct LineBlock LineBlock;
typedef struct LinePool LinePool;

/* What a part of a block came to, once handled. */
typedef struct
{
  GString *out, *messages;
  guint64 done, bad, blank;
} LinePart;

LineBlock *line_block_new (void);
void line_block_free (LineBlock *block);
/* The most bytes of input a block holds (and a line more), and the most lines. */
#define LINE_BLOCK_MAX_BYTES (4u << 20)
#define LINE_BLOCK_MAX_LINES 65536u

/* Fills @block with the next lines of @reader, up to @max_bytes (a line counting one more byte, for its newline) or
 * LINE_BLOCK_MAX_LINES; FALSE if there were none. */
gboolean line_block_read (LineBlock *block, LineReader *reader, gsize max_bytes);
/* The bytes of input @block holds, counted as line_block_read counts them. */
gsize line_block_get_size (const LineBlock *block);
guint line_block_get_n_parts (const LineBlock *block);
/* The @i-th part of a handled block, in input order. */
LinePart *line_block_get_part (LineBlock *block, guint i);

/* @jobs workers for @batch, made from @shared; with more than one job, as many threads. */
LinePool *line_pool_new (const CliBatch *batch, gpointer shared, const char *name, guint jobs);
/* Cuts @block into parts (one a job) and starts handling them; without threads, handles them now. */
void line_pool_start (LinePool *pool, LineBlock *block);
/* Waits until the block line_pool_start last started is handled. */
void line_pool_wait (LinePool *pool);
/* Stops the threads and hands each worker to the batch's worker_done, in order. */
void line_pool_free (LinePool *pool);
