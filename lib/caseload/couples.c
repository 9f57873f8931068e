/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* couples.c: the dossiers of a caseload by a hash of their id, for pairing couples whose two dossiers come in any
 * order, in 16 to 32 bytes a dossier (docs/caseload-report.md, "Couples"). */
#include "config.h"

#include <string.h>

#include "caseload/caseload-private.h"

#define KEY_MASK (~(guint64) DOSSIER_FLAGS)

/* FNV-1a over the id, then a 64-bit finaliser (splitmix64's) so that the low bits, which hold flags, and the
 * bits that pick a slot are well mixed. 0 marks an empty slot, so no key is 0. */
guint64
couples_hash (const char *id)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  for (const unsigned char *p = (const unsigned char *) id; *p; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  h ^= h >> 30;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h ^= h >> 27;
  h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  h ^= h >> 31;
  h &= KEY_MASK;
  return h == 0 ? DOSSIER_FLAGS + 1 : h;
}

void
couples_init (Couples *couples)
{
  couples->capacity = 1024;
  couples->used = 0;
  couples->slots = g_new0 (guint64, couples->capacity);
  couples->pairs = g_array_new (FALSE, FALSE, sizeof (guint64) * 2);
}

void
couples_clear (Couples *couples)
{
  g_clear_pointer (&couples->slots, g_free);
  g_clear_pointer (&couples->pairs, g_array_unref);
}

static gsize
slot_of (const Couples *couples, guint64 key)
{
  gsize mask = couples->capacity - 1;
  gsize i = (gsize) (key >> 3) & mask;
  while (couples->slots[i] != 0 && (couples->slots[i] & KEY_MASK) != key)
    i = (i + 1) & mask;
  return i;
}

static void
grow (Couples *couples)
{
  guint64 *old = couples->slots;
  gsize old_capacity = couples->capacity;
  couples->capacity *= 2;
  couples->slots = g_new0 (guint64, couples->capacity);
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i] != 0)
      couples->slots[slot_of (couples, old[i] & KEY_MASK)] = old[i];
  g_free (old);
}

void
couples_mark (Couples *couples, guint64 hash, guint flags)
{
  if (2 * (couples->used + 1) > couples->capacity)
    grow (couples);
  gsize i = slot_of (couples, hash);
  if (couples->slots[i] == 0)
    {
      couples->slots[i] = hash;
      couples->used++;
    }
  couples->slots[i] |= flags & DOSSIER_FLAGS;
}

void
couples_add_pair (Couples *couples, guint64 hash, guint64 partner)
{
  guint64 pair[2] = { hash, partner };
  g_array_append_val (couples->pairs, pair);
}

int
couples_lookup (const Couples *couples, guint64 hash)
{
  guint64 slot = couples->slots[slot_of (couples, hash)];
  return slot == 0 ? -1 : (int) (slot & DOSSIER_FLAGS);
}
