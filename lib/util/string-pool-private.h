/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* string-pool-private.h: copies of strings that live until the pool is reset, like a GStringChunk, but a reset
 * keeps the memory: an object refilled document after document allocates nothing for its strings once warmed up
 * (g_string_chunk_clear frees every block, so the next document allocates again). */
#pragma once

#include <glib.h>

typedef struct
{
  GArray *blocks;   /* StringPoolBlock */
  guint current;    /* the block being filled */
  gsize used;       /* bytes used in it */
  gsize block_size; /* the size of a new block, unless a string needs more */
} StringPool;

void string_pool_init (StringPool *pool, gsize block_size);
void string_pool_clear (StringPool *pool);
/* Forgets every string, keeping the blocks for the next ones. */
void string_pool_reset (StringPool *pool);
/* A NUL-terminated copy of @len bytes of @s, valid until the pool is reset or cleared. */
const char *string_pool_insert_len (StringPool *pool, const char *s, gsize len);
