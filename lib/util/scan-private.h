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
      if (hit & ACTIVERING_SCAN_HIGHS)
        break;
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
