/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* error.c: the ACTIVERING_ERROR domain and error messages that name where things went wrong. */
#include "config.h"

#include <string.h>

#include "util/error-private.h"
#include "util/scan-private.h"

/* What an error carries besides its message: GLib's extended errors keep it in front of the GError, and copy and
 * free it with the error. */
typedef struct
{
  char *document; /* the name the message starts with; NULL if none was given */
  char *path;     /* the JSON pointer the message names; NULL when the error is not about a place */
} ErrorPrivate;

/* Where GLib puts the private data: just before the GError, at GLib's struct alignment (as in the inline
 * accessor G_DEFINE_EXTENDED_ERROR writes). */
static ErrorPrivate *
error_get_private (const GError *error)
{
  const gsize alignment = 2 * sizeof (gsize);
  const gsize size = (sizeof (ErrorPrivate) + (alignment - 1)) & -alignment;
  return (ErrorPrivate *) (((guint8 *) error) - size);
}

static void
error_private_init (GError *error)
{
  ErrorPrivate *priv = error_get_private (error);
  priv->document = NULL;
  priv->path = NULL;
}

static void
error_private_copy (const GError *src, GError *dest)
{
  const ErrorPrivate *from = error_get_private (src);
  ErrorPrivate *to = error_get_private (dest);
  to->document = g_strdup (from->document);
  to->path = g_strdup (from->path);
}

static void
error_private_clear (GError *error)
{
  ErrorPrivate *priv = error_get_private (error);
  g_clear_pointer (&priv->document, g_free);
  g_clear_pointer (&priv->path, g_free);
}

/* G_DEFINE_EXTENDED_ERROR would name the domain "ActiveringError"; the domain string is API
 * ("activering-error-quark", as G_DEFINE_QUARK made it), so the domain is registered by hand, the way the macro
 * does it. */
GQuark
activering_error_quark (void)
{
  static GQuark domain;
  static gsize registered = 0;
  if (g_once_init_enter (&registered))
    {
      domain = g_error_domain_register_static ("activering-error-quark", sizeof (ErrorPrivate), error_private_init,
                                               error_private_copy, error_private_clear);
      g_once_init_leave (&registered, 1);
    }
  return domain;
}

const char *
activering_error_get_path (const GError *error)
{
  if (error == NULL || error->domain != ACTIVERING_ERROR)
    return NULL;
  return error_get_private (error)->path;
}

const char *
activering_error_get_document (const GError *error)
{
  if (error == NULL || error->domain != ACTIVERING_ERROR)
    return NULL;
  return error_get_private (error)->document;
}

static const char *const error_names[] = {
  "failed",       "syntax",      "format",    "type",        "unknown_key", "invalid_value",
  "out_of_range", "missing",     "too_large", "unknown_ref", "rule_type",   "cycle",
  "overlap",      "translation", "duplicate", "io",          "usage",
};

const char *
activering_error_code_to_string (int code)
{
  if (code < 0 || code >= (int) G_N_ELEMENTS (error_names))
    return "failed";
  return error_names[code];
}

void
activering_set_error_at (GError **error, ActiveringError code, const char *document, const char *path,
                         const char *format, va_list args)
{
  if (error == NULL)
    return;
  g_autofree char *message = g_strdup_vprintf (format, args);
  const char *shown_path = (path && *path) ? path : "/";
  GError *local =
      g_error_new (ACTIVERING_ERROR, code, "%s: %s: %s", document ? document : "document", shown_path, message);
  ErrorPrivate *priv = error_get_private (local);
  priv->document = g_strdup (document);
  priv->path = g_strdup (shown_path);
  g_propagate_error (error, local);
}

void
activering_error_set_at (GError **error, ActiveringError code, const char *document, const char *path,
                         const char *format, ...)
{
  va_list args;
  va_start (args, format);
  activering_set_error_at (error, code, document, path, format, args);
  va_end (args);
}

/* Levenshtein distance, bounded by the short lengths of keys and codes. */
static gsize
edit_distance (const char *a, gsize la, const char *b, gsize lb)
{
  if (la > 64 || lb > 64)
    return G_MAXSIZE;
  gsize row[65];
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      gsize diagonal = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          gsize above = row[j];
          gsize cost = a[i - 1] == b[j - 1] ? 0 : 1;
          gsize best = MIN (row[j] + 1, row[j - 1] + 1);
          row[j] = MIN (best, diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

const char *
activering_suggest (const char *word, gsize word_len, const char *const *candidates, gsize n_candidates)
{
  const char *best = NULL;
  gsize best_distance = G_MAXSIZE;
  for (gsize i = 0; i < n_candidates && candidates[i] != NULL; i++)
    {
      gsize d = edit_distance (word, word_len, candidates[i], strlen (candidates[i]));
      if (d < best_distance)
        {
          best_distance = d;
          best = candidates[i];
        }
    }
  /* Close enough to be a typo: at most a third of the word, and never more than 3 edits. */
  if (best != NULL && best_distance <= MAX (1, MIN (3, word_len / 3)))
    return best;
  return NULL;
}

void
activering_append_quoted (GString *out, const char *s, gsize len, gsize max_shown)
{
  gboolean cut = len > max_shown;
  if (cut)
    {
      len = max_shown;
      /* Do not split a UTF-8 sequence. */
      while (len > 0 && ((guchar) s[len] & 0xC0) == 0x80)
        len--;
    }
  activering_string_append (out, "\"", 1);
  const char *p = s, *end = s + len;
  while (TRUE)
    {
      const char *stop = activering_scan_plain (p, end); /* the text is mostly plain: copied in runs */
      activering_string_append (out, p, (gsize) (stop - p));
      if (stop == end)
        break;
      guchar c = (guchar) *stop;
      if (c < 0x20)
        {
          static const char hex[] = "0123456789abcdef";
          char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };
          activering_string_append (out, escape, 6);
        }
      else
        {
          char escape[2] = { '\\', (char) c };
          activering_string_append (out, escape, 2);
        }
      p = stop + 1;
    }
  if (cut)
    g_string_append (out, "…");
  activering_string_append (out, "\"", 1);
}

void
activering_append_display (GString *out, const char *s, gsize len, gsize max_shown)
{
  gsize i = 0;
  while (i < len)
    {
      if (out->len > 0 && i >= max_shown)
        {
          g_string_append (out, "…");
          return;
        }
      guchar c = (guchar) s[i];
      if (c < 0x20 || c == 0x7F)
        {
          g_string_append_printf (out, "\\u%04x", c);
          i++;
          continue;
        }
      if (c < 0x80)
        {
          g_string_append_c (out, (char) c);
          i++;
          continue;
        }
      gunichar u = g_utf8_get_char_validated (s + i, (gssize) (len - i));
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          g_string_append (out, "\xEF\xBF\xBD"); /* U+FFFD */
          i++;
          continue;
        }
      const char *next = g_utf8_next_char (s + i);
      g_string_append_len (out, s + i, next - (s + i));
      i = (gsize) (next - s);
    }
}

const char *
activering_id_problem (const char *s, gsize len)
{
  if (len == 0)
    return "is empty";
  for (gsize i = 0; i < len; i++)
    if ((guchar) s[i] < 0x20 || s[i] == 0x7F)
      return "contains a control character";
  return g_utf8_validate_len (s, len, NULL) ? NULL : "is not valid UTF-8";
}
