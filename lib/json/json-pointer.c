/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-pointer.c: the JSON pointer of where a reader is, kept for the error messages of every document. */
#include "config.h"

#include "json/json-pointer-private.h"
#include "util/error-private.h"

#define MAX_SHOWN_KEY 64 /* longer keys are cut in error paths */

gsize
json_pointer_push (GString *path, const char *key, gsize len)
{
  gsize mark = path->len;
  g_string_append_c (path, '/');
  /* The path is kept on every key, so the common case (a short plain key) is one copy; anything else is escaped
   * and cut so that a message stays one short line of valid UTF-8. */
  gboolean plain = len <= MAX_SHOWN_KEY;
  for (gsize i = 0; i < len && plain; i++)
    plain = (guchar) key[i] >= 0x20 && (guchar) key[i] < 0x7F && key[i] != '~' && key[i] != '/';
  if (plain)
    {
      g_string_append_len (path, key, (gssize) len);
      return mark;
    }
  g_autoptr (GString) display = g_string_new (NULL);
  activering_append_display (display, key, len, MAX_SHOWN_KEY);
  for (const char *p = display->str; *p; p++)
    {
      if (*p == '~')
        g_string_append (path, "~0");
      else if (*p == '/')
        g_string_append (path, "~1");
      else
        g_string_append_c (path, *p);
    }
  return mark;
}

gsize
json_pointer_push_index (GString *path, guint index)
{
  gsize mark = path->len;
  g_string_append_printf (path, "/%u", index);
  return mark;
}
