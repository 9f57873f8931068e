/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* scan-private.h: the byte loops every document goes through, reading strings and escaping them again, done
 * eight bytes at a time. */
#pragma once

#include <glib.h>
#include <string.h>

#define ACTIVERING_SCAN_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define ACTIVERING_SCAN_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The first byte from @p that ends a run of plain string text: a quote, a backslash or a control character (or
 * @end). Never reads at or past @end. */
static inline const char *
activering_scan_plain (const char *p, const char *end)
{
  while (end - p >= 8)
    {
      guint64 v;
      memcpy (&v, p, 8);
      guint64 quote = v ^ (ACTIVERING_SCAN_ONES * '"'), backslash = v ^ (ACTIVERING_SCAN_ONES * '\\');
      /* a high bit in each byte that is a quote, a backslash or below 0x20; it may also flag a byte after a true
       * one (a borrow), never miss one, and the block is then looked at byte by byte */
      guint64 hit = ((quote - ACTIVERING_SCAN_ONES) & ~quote) | ((backslash - ACTIVERING_SCAN_ONES) & ~backslash)
                    | ((v - ACTIVERING_SCAN_ONES * 0x20) & ~v);
      hit &= ACTIVERING_SCAN_HIGHS;
      if (hit)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          /* a borrow only ever flags a byte above a true one: the lowest flag is exact */
          return p + (__builtin_ctzll (hit) >> 3);
#else
          break;
#endif
        }
      p += 8;
    }
  while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;
  return p;
}

/* g_string_append_len without the call when there is room (GLib before 2.76 has no inline version). */
static inline void
activering_string_append (GString *out, const char *s, gsize len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, s, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, (gssize) len);
}

/* Whether the @len bytes at @s are those of @padded, a string stored zero-padded to a multiple of eight bytes,
 * when @s may be read up to that multiple too: eight bytes at a time, without a call. */
static inline gboolean
activering_equal_padded (const char *s, const char *padded, gsize len)
{
  gsize i = 0;
  for (; i + 8 <= len; i += 8)
    {
      guint64 a, b;
      memcpy (&a, s + i, 8);
      memcpy (&b, padded + i, 8);
      if (a != b)
        return FALSE;
    }
  if (i == len)
    return TRUE;
  guint64 a, b;
  memcpy (&a, s + i, 8);
  memcpy (&b, padded + i, 8);
  guint64 mask = G_MAXUINT64 >> (8 * (8 - (len - i))); /* the bytes that belong to the string */
  return ((GUINT64_FROM_LE (a) ^ GUINT64_FROM_LE (b)) & mask) == 0;
}

/* The size a string of @len bytes is padded to for activering_equal_padded (a NUL always follows it). */
#define ACTIVERING_PADDED_SIZE(len) (((gsize) (len) + 8) & ~(gsize) 7)
