/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* key-set.c: the byte-string set of key-set-private.h. */
#include "config.h"

#include <string.h>

#include "json/key-set-private.h"

#define FIRST_SLOTS 64

void
key_set_init (KeySet *set)
{
  memset (set, 0, sizeof *set);
  set->bytes = g_string_new (NULL);
  set->generation = 1;
}

void
key_set_clear (KeySet *set)
{
  if (set->bytes != NULL)
    g_string_free (set->bytes, TRUE);
  g_free (set->slots);
  memset (set, 0, sizeof *set);
}

void
key_set_reset (KeySet *set)
{
  g_string_truncate (set->bytes, 0);
  set->n_used = 0;
  if (++set->generation == 0)
    {
      /* after 2^32 documents: slots of generation 0 would look in use again */
      memset (set->slots, 0, set->n_slots * sizeof *set->slots);
      set->generation = 1;
    }
}

/* FNV-1a, from the set's seed. */
static guint32
hash_bytes (guint32 seed, const char *s, gsize len)
{
  guint32 h = 2166136261u ^ seed;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guint8) s[i]) * 16777619u;
  return h;
}

/* The slot holding @hash/@s, or the free slot where it would go. */
static KeySetSlot *
find_slot (const KeySet *set, guint32 hash, const char *s, gsize len)
{
  guint mask = set->n_slots - 1;
  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      KeySetSlot *slot = &set->slots[i];
      if (slot->generation != set->generation)
        return slot;
      if (slot->hash == hash && slot->length == len && memcmp (set->bytes->str + slot->offset, s, len) == 0)
        return slot;
    }
}

static void
grow (KeySet *set)
{
  KeySetSlot *old = set->slots;
  guint n_old = set->n_slots;
  if (n_old == 0)
    set->seed = g_random_int (); /* seeded, so that no document can be written to make every key collide */
  set->n_slots = n_old == 0 ? FIRST_SLOTS : n_old * 2;
  set->slots = g_new0 (KeySetSlot, set->n_slots);
  for (guint i = 0; i < n_old; i++)
    if (old[i].generation == set->generation)
      *find_slot (set, old[i].hash, set->bytes->str + old[i].offset, old[i].length) = old[i];
  g_free (old);
}

gboolean
key_set_add_tail (KeySet *set, gsize start)
{
  if (2 * (set->n_used + 1) > set->n_slots)
    grow (set);
  const char *s = set->bytes->str + start;
  gsize len = set->bytes->len - start;
  guint32 hash = hash_bytes (set->seed, s, len);
  KeySetSlot *slot = find_slot (set, hash, s, len);
  if (slot->generation == set->generation)
    {
      g_string_truncate (set->bytes, start);
      return FALSE;
    }
  *slot = (KeySetSlot) { hash, set->generation, (guint32) start, (guint32) len };
  set->n_used++;
  return TRUE;
}
