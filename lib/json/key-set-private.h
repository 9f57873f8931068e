/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* key-set-private.h: a set of byte strings, emptied per document, that allocates only when it outgrows every
 * document before: for telling a key met twice in one object from the first one without a hash table per object.
 *
 * A key is built at the end of the set's byte buffer and then offered with key_set_add_tail(). Emptying bumps a
 * generation rather than clearing the slots, so it costs the same after a document of ten thousand keys. */
#pragma once

#include <glib.h>

typedef struct
{
  guint32 hash, generation, offset, length;
} KeySetSlot;

typedef struct
{
  GString *bytes;    /* the keys, one after another */
  KeySetSlot *slots; /* open addressing: a slot is in use when its generation is the set's */
  guint n_slots, n_used;
  guint32 generation, seed;
} KeySet;

void key_set_init (KeySet *set);
void key_set_clear (KeySet *set);
/* Empties the set, keeping its memory. */
void key_set_reset (KeySet *set);
/* Adds the bytes appended to set->bytes since @start as one key. Returns FALSE if that key was in the set already
 * (the bytes are dropped then). */
gboolean key_set_add_tail (KeySet *set, gsize start);
