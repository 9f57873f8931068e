/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* string-pool.c: the string pool of string-pool-private.h. */
#include "config.h"

#include <string.h>

#include "util/string-pool-private.h"

typedef struct
{
  char *data;
  gsize size;
} StringPoolBlock;

void
string_pool_init (StringPool *pool, gsize block_size)
{
  pool->blocks = g_array_new (FALSE, FALSE, sizeof (StringPoolBlock));
  pool->current = 0;
  pool->used = 0;
  pool->block_size = MAX (block_size, 64);
}

void
string_pool_clear (StringPool *pool)
{
  for (guint i = 0; i < pool->blocks->len; i++)
    g_free (g_array_index (pool->blocks, StringPoolBlock, i).data);
  g_array_free (pool->blocks, TRUE);
  pool->blocks = NULL;
}

void
string_pool_reset (StringPool *pool)
{
  pool->current = 0;
  pool->used = 0;
}

const char *
string_pool_insert_len (StringPool *pool, const char *s, gsize len)
{
  /* the first block from the current one with room; the ones skipped are used again after the next reset */
  while (pool->current < pool->blocks->len
         && g_array_index (pool->blocks, StringPoolBlock, pool->current).size - pool->used < len + 1)
    {
      pool->current++;
      pool->used = 0;
    }
  if (pool->current == pool->blocks->len)
    {
      StringPoolBlock block = { NULL, MAX (pool->block_size, len + 1) };
      block.data = g_malloc (block.size);
      g_array_append_val (pool->blocks, block);
    }
  char *copy = g_array_index (pool->blocks, StringPoolBlock, pool->current).data + pool->used;
  memcpy (copy, s, len);
  copy[len] = '\0';
  pool->used += len + 1;
  return copy;
}
