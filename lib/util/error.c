/* error.c: the ACTIVERING_ERROR domain and error messages that name where things went wrong. */
#include "config.h"

#include <string.h>

#include "util/error-private.h"

/* The macro stringifies its first argument: clang-format must not see it as a subtraction. */
// clang-format off
G_DEFINE_QUARK (activering-error-quark, activering_error)
// clang-format on

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
  g_set_error (error, ACTIVERING_ERROR, code, "%s: %s: %s", document ? document : "document",
               (path && *path) ? path : "/", message);
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
  g_string_append_c (out, '"');
  gsize run = 0; /* start of the pending run of bytes that need no escaping */
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c != '"' && c != '\\' && c >= 0x20)
        continue;
      g_string_append_len (out, s + run, (gssize) (i - run));
      if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      run = i + 1;
    }
  g_string_append_len (out, s + run, (gssize) (len - run));
  if (cut)
    g_string_append (out, "…");
  g_string_append_c (out, '"');
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
