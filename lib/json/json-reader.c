/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-reader.c: a small strict JSON reader (RFC 8259) for documents parsed straight into their own structures.
 *
 * It reads one token at a time from a buffer and keeps the JSON pointer of where it is, so that every error
 * names the document, the path and what was expected. Nothing is allocated once its buffers have grown.
 */
#include "config.h"

#include <string.h>

#include "json/json-pointer-private.h"
#include "json/json-reader-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/scan-private.h"

void
json_reader_init (JsonReader *R, const char *document, const char *data, gsize length, int max_depth, GString *path,
                  GString *text, GError **error)
{
  memset (R, 0, sizeof *R);
  R->document = document;
  R->start = R->p = data ? data : "";
  R->end = R->p + length;
  if (length >= 3 && memcmp (R->p, "\xEF\xBB\xBF", 3) == 0)
    R->p += 3;
  R->max_depth = max_depth;
  R->path = path;
  R->text = text;
  R->error = error;
  g_string_truncate (path, 0);
  R->path_written = FALSE;
}

void
json_reader_clear (JsonReader *R)
{
  if (R->own_keys != NULL)
    {
      key_set_clear (R->own_keys);
      g_clear_pointer (&R->own_keys, g_free);
    }
}

void
json_reader_use_keys (JsonReader *R, KeySet *keys)
{
  key_set_reset (keys);
  R->keys = keys;
}

/* Adds the key @key of the object the reader is in (the key pushed last) to the document's keys: FALSE with the
 * error set if that object has it already. The object is told by the frames of the path up to it: they hold where
 * its keys are in the input, so they differ for every object of a document, without a JSON pointer written. */
static gboolean
add_own_key (JsonReader *R, const char *key, gsize len)
{
  if (R->keys == NULL)
    {
      R->own_keys = g_new (KeySet, 1);
      key_set_init (R->own_keys);
      R->keys = R->own_keys;
    }
  GString *bytes = R->keys->bytes;
  gsize start = bytes->len;
  gsize scope = R->path->len >= sizeof (JsonPathFrame) ? R->path->len - sizeof (JsonPathFrame) : 0;
  if (start + scope + len + 1 > G_MAXUINT32)
    return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "too many keys in one document");
  g_string_append_len (bytes, R->path->str, (gssize) scope);
  g_string_append_c (bytes, '\n');
  g_string_append_len (bytes, key, (gssize) len);
  if (!key_set_add_tail (R->keys, start))
    return json_reader_fail (R, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
  return TRUE;
}

/* Writes the pointer of the first error into the path buffer, in place of the frames it was made from. */
static void
write_failed_path (JsonReader *R)
{
  if (R->path_written)
    return;
  g_autoptr (GString) pointer = g_string_new (NULL);
  json_reader_write_path (R, pointer);
  g_string_assign (R->path, pointer->str);
  R->path_written = TRUE;
}

gboolean
json_reader_fail (JsonReader *R, ActiveringError code, const char *format, ...)
{
  if (R->error != NULL && *R->error != NULL)
    return FALSE;
  write_failed_path (R);
  if (R->error == NULL)
    return FALSE;
  va_list args;
  va_start (args, format);
  activering_set_error_at (R->error, code, R->document, R->path->str, format, args);
  va_end (args);
  return FALSE;
}

gboolean
json_reader_fail_syntax (JsonReader *R, const char *expected)
{
  if (R->p >= R->end)
    return json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "malformed JSON: the document ends where %s was expected",
                             expected);
  gsize offset = (gsize) (R->p - R->start);
  /* A document of several lines (a file) also gets the line and column (in bytes), as editors show them. */
  if (memchr (R->start, '\n', (gsize) (R->end - R->start)) == NULL)
    return json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "malformed JSON at byte %zu: expected %s", offset, expected);
  gsize line = 1, column = 1;
  for (const char *q = R->start; q < R->p; q++)
    if (*q == '\n')
      line++, column = 1;
    else
      column++;
  return json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "malformed JSON at byte %zu (line %zu, column %zu): expected %s",
                           offset, line, column, expected);
}

void
json_reader_skip_space_run (JsonReader *R)
{
  while (R->p < R->end && (*R->p == ' ' || *R->p == '\t' || *R->p == '\n' || *R->p == '\r'))
    R->p++;
}

/* A key with escapes, read again from the input (only on the way to an error). */
static void
append_escaped_key (JsonReader *R, gsize offset, GString *out)
{
  g_autoptr (GString) path = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  JsonReader again;
  json_reader_init (&again, R->document, R->start, (gsize) (R->end - R->start), R->max_depth, path, text, NULL);
  again.p = R->start + offset;
  const char *key;
  gsize len;
  if (json_reader_string (&again, JSON_READER_MAX_SKIPPED_STRING, &key, &len))
    json_pointer_push (out, key, len);
}

void
json_reader_write_path (JsonReader *R, GString *out)
{
  g_string_truncate (out, 0);
  if (R->path_written)
    {
      g_string_append_len (out, R->path->str, (gssize) R->path->len);
      return;
    }
  for (gsize at = 0; at + sizeof (JsonPathFrame) <= R->path->len; at += sizeof (JsonPathFrame))
    {
      JsonPathFrame frame;
      memcpy (&frame, R->path->str + at, sizeof frame);
      switch (frame.kind)
        {
        case JSON_FRAME_KEY: json_pointer_push (out, frame.key, frame.size); break;
        case JSON_FRAME_ESCAPED_KEY: append_escaped_key (R, frame.size, out); break;
        case JSON_FRAME_INDEX:
        default: json_pointer_push_index (out, (guint) frame.size); break;
        }
    }
}

/* What the value at the cursor is, for "expected …, found …". */
const char *
json_reader_found (JsonReader *R)
{
  if (R->p >= R->end)
    return "the end of the document";
  switch (*R->p)
    {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return (*R->p == '-' || (*R->p >= '0' && *R->p <= '9')) ? "a number" : "something that is not JSON";
    }
}

gboolean
json_reader_fail_literal (JsonReader *R)
{
  return json_reader_fail_syntax (R, "a JSON value");
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (JsonReader *R, guint32 *out)
{
  if (R->end - R->p < 4)
    return json_reader_fail_syntax (R, "four hex digits after \\u");
  guint32 v = 0;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (R->p[i]);
      if (h < 0)
        return json_reader_fail_syntax (R, "four hex digits after \\u");
      v = v << 4 | (guint32) h;
    }
  R->p += 4;
  *out = v;
  return TRUE;
}

/* Reads a string (the cursor is on its opening quote). Without escapes the result points into the input;
 * with escapes it is unescaped into the reader's scratch buffer. */
gboolean
json_reader_string (JsonReader *R, gsize max, const char **out, gsize *out_len)
{
  R->string_start = (gsize) (R->p - R->start);
  R->p++;
  const char *begin = R->p;
  R->p = activering_scan_plain (R->p, R->end);
  if (R->p < R->end && *R->p == '"')
    {
      *out = begin;
      *out_len = (gsize) (R->p - begin);
      R->p++;
      if (*out_len > max)
        return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "a string of %zu bytes is longer than the %zu allowed",
                                 *out_len, max);
      return TRUE;
    }
  GString *text = R->text;
  g_string_truncate (text, 0);
  g_string_append_len (text, begin, R->p - begin);
  while (TRUE)
    {
      if (R->p >= R->end)
        return json_reader_fail_syntax (R, "the end of a string");
      char c = *R->p;
      if (c == '"')
        break;
      if ((guchar) c < 0x20)
        return json_reader_fail_syntax (R, "an escaped control character inside a string");
      if (c != '\\')
        {
          g_string_append_c (text, c);
          R->p++;
        }
      else
        {
          R->p++;
          if (R->p >= R->end)
            return json_reader_fail_syntax (R, "an escape sequence");
          char e = *R->p++;
          switch (e)
            {
            case '"': g_string_append_c (text, '"'); break;
            case '\\': g_string_append_c (text, '\\'); break;
            case '/': g_string_append_c (text, '/'); break;
            case 'b': g_string_append_c (text, '\b'); break;
            case 'f': g_string_append_c (text, '\f'); break;
            case 'n': g_string_append_c (text, '\n'); break;
            case 'r': g_string_append_c (text, '\r'); break;
            case 't': g_string_append_c (text, '\t'); break;
            case 'u':
              {
                guint32 cp;
                if (!read_hex4 (R, &cp))
                  return FALSE;
                if (cp >= 0xD800 && cp <= 0xDBFF)
                  {
                    guint32 low;
                    if (R->end - R->p < 2 || R->p[0] != '\\' || R->p[1] != 'u')
                      return json_reader_fail_syntax (R, "the second half of a surrogate pair");
                    R->p += 2;
                    if (!read_hex4 (R, &low))
                      return FALSE;
                    if (low < 0xDC00 || low > 0xDFFF)
                      return json_reader_fail_syntax (R, "the second half of a surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                  }
                else if (cp >= 0xDC00 && cp <= 0xDFFF)
                  return json_reader_fail_syntax (R, "a \\u escape that is not half a surrogate pair");
                g_string_append_unichar (text, (gunichar) cp);
                break;
              }
            default: R->p--; return json_reader_fail_syntax (R, "a valid escape sequence");
            }
        }
      if (text->len > max)
        return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "a string is longer than the %zu bytes allowed", max);
    }
  R->p++;
  *out = text->str;
  *out_len = text->len;
  return TRUE;
}

gboolean
json_reader_text (JsonReader *R, gsize max, const char **out, gsize *out_len)
{
  gsize offset = (gsize) (R->p - R->start);
  if (!json_reader_string (R, max, out, out_len))
    return FALSE;
  if (memchr (*out, '\0', *out_len) != NULL)
    return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE,
                             "the string at byte %zu holds \\u0000 (a NUL character), which is not allowed", offset);
  if (!g_utf8_validate_len (*out, *out_len, NULL))
    return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "the string at byte %zu is not valid UTF-8", offset);
  return TRUE;
}

/* Reads a JSON number; *is_integer is FALSE if it has a fraction or an exponent. */
gboolean
json_reader_number (JsonReader *R, double *out, gboolean *is_integer)
{
  const char *begin = R->p;
  *is_integer = TRUE;
  if (R->p < R->end && *R->p == '-')
    R->p++;
  if (R->p < R->end && *R->p == '0')
    R->p++;
  else if (R->p < R->end && *R->p >= '1' && *R->p <= '9')
    while (R->p < R->end && g_ascii_isdigit (*R->p))
      R->p++;
  else
    return json_reader_fail_syntax (R, "a number");
  if (R->p < R->end && *R->p == '.')
    {
      *is_integer = FALSE;
      R->p++;
      if (R->p >= R->end || !g_ascii_isdigit (*R->p))
        return json_reader_fail_syntax (R, "a digit after the decimal point");
      while (R->p < R->end && g_ascii_isdigit (*R->p))
        R->p++;
    }
  if (R->p < R->end && (*R->p == 'e' || *R->p == 'E'))
    {
      *is_integer = FALSE;
      R->p++;
      if (R->p < R->end && (*R->p == '+' || *R->p == '-'))
        R->p++;
      if (R->p >= R->end || !g_ascii_isdigit (*R->p))
        return json_reader_fail_syntax (R, "a digit in the exponent");
      while (R->p < R->end && g_ascii_isdigit (*R->p))
        R->p++;
    }
  gsize len = (gsize) (R->p - begin);
  gboolean negative = *begin == '-';
  if (*is_integer && len - negative <= 15)
    {
      /* up to 15 digits: exact as a double, so no need for strtod (most numbers in facts are small integers) */
      gint64 v = 0;
      for (const char *q = begin + negative; q < R->p; q++)
        v = v * 10 + (*q - '0');
      *out = negative ? -(double) v : (double) v;
      return TRUE;
    }
  char buf[64];
  if (len >= sizeof buf)
    return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "a number written with more than %zu characters",
                             sizeof buf - 1);
  memcpy (buf, begin, len);
  buf[len] = '\0';
  *out = g_ascii_strtod (buf, NULL);
  return TRUE;
}

/* Skips any value (inside x_ keys). */
gboolean
json_reader_skip_value (JsonReader *R)
{
  json_reader_skip_space (R);
  if (R->p >= R->end)
    return json_reader_fail_syntax (R, "a value");
  const char *s;
  gsize len;
  double number;
  gboolean integer;
  switch (*R->p)
    {
    case '"': return json_reader_string (R, JSON_READER_MAX_SKIPPED_STRING, &s, &len);
    case 't': return json_reader_literal (R, "true");
    case 'f': return json_reader_literal (R, "false");
    case 'n': return json_reader_literal (R, "null");
    case '{':
    case '[':
      {
        char close = *R->p == '{' ? '}' : ']';
        gboolean object = close == '}';
        if (++R->depth > R->max_depth)
          return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", R->max_depth);
        R->p++;
        json_reader_skip_space (R);
        if (R->p < R->end && *R->p == close)
          {
            R->p++;
            R->depth--;
            return TRUE;
          }
        while (TRUE)
          {
            json_reader_skip_space (R);
            if (object)
              {
                if (R->p >= R->end || *R->p != '"')
                  return json_reader_fail_syntax (R, "a key in quotes");
                if (!json_reader_string (R, JSON_READER_MAX_SKIPPED_STRING, &s, &len))
                  return FALSE;
                json_reader_skip_space (R);
                if (R->p >= R->end || *R->p != ':')
                  return json_reader_fail_syntax (R, "':'");
                R->p++;
              }
            if (!json_reader_skip_value (R))
              return FALSE;
            json_reader_skip_space (R);
            if (R->p < R->end && *R->p == ',')
              {
                R->p++;
                continue;
              }
            if (R->p < R->end && *R->p == close)
              {
                R->p++;
                R->depth--;
                return TRUE;
              }
            return json_reader_fail_syntax (R, object ? "',' or '}'" : "',' or ']'");
          }
      }
    default: return json_reader_number (R, &number, &integer);
    }
}

/* The value of an own member, checked and dropped; @keys of its objects are checked for duplicates. */
static gboolean
check_own_value (JsonReader *R)
{
  json_reader_skip_space (R);
  if (R->p >= R->end)
    return json_reader_fail_syntax (R, "a value");
  const char *s;
  gsize len;
  if (*R->p == '"')
    return json_reader_text (R, JSON_READER_MAX_SKIPPED_STRING, &s, &len);
  if (*R->p != '{' && *R->p != '[')
    return json_reader_skip_value (R);
  gboolean object = *R->p == '{', first = TRUE, done = FALSE;
  if (++R->depth > R->max_depth)
    return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", R->max_depth);
  R->p++;
  for (guint index = 0;; index++)
    {
      gsize mark;
      if (object)
        {
          json_reader_skip_space (R);
          if (R->p < R->end && *R->p == '}' && first)
            {
              R->p++;
              break;
            }
          if (!first)
            {
              if (R->p < R->end && *R->p == '}')
                {
                  R->p++;
                  break;
                }
              if (R->p >= R->end || *R->p != ',')
                return json_reader_fail_syntax (R, "',' or '}'");
              R->p++;
              json_reader_skip_space (R);
            }
          first = FALSE;
          if (R->p >= R->end || *R->p != '"')
            return json_reader_fail_syntax (R, "a key in quotes");
          if (!json_reader_text (R, JSON_READER_MAX_STRING, &s, &len))
            return FALSE;
          mark = json_reader_push (R, s, len);
          if (!add_own_key (R, s, len))
            return FALSE;
          json_reader_skip_space (R);
          if (R->p >= R->end || *R->p != ':')
            return json_reader_fail_syntax (R, "':' after a key");
          R->p++;
        }
      else
        {
          if (!json_reader_next_element (R, &first, &done))
            return FALSE;
          if (done)
            break;
          mark = json_reader_push_index (R, index);
        }
      if (!check_own_value (R))
        return FALSE;
      json_reader_pop (R, mark);
    }
  R->depth--;
  return TRUE;
}

gboolean
json_reader_own_member (JsonReader *R, const char *key, gsize len)
{
  if (!g_utf8_validate_len (key, len, NULL) || memchr (key, '\0', len) != NULL)
    return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "the key is not valid UTF-8 or holds \\u0000");
  return add_own_key (R, key, len) && check_own_value (R);
}

/* Iterates over an object's members: call with *first TRUE; returns TRUE with the key, FALSE at the end or on error. */
gboolean
json_reader_next_member_any (JsonReader *R, gboolean *first, const char **key, gsize *key_len, gboolean *done)
{
  json_reader_skip_space (R);
  *done = FALSE;
  if (*first)
    {
      *first = FALSE;
      if (R->p < R->end && *R->p == '}')
        {
          R->p++;
          *done = TRUE;
          return TRUE;
        }
    }
  else
    {
      if (R->p < R->end && *R->p == '}')
        {
          R->p++;
          *done = TRUE;
          return TRUE;
        }
      if (R->p >= R->end || *R->p != ',')
        return json_reader_fail_syntax (R, "',' or '}'");
      R->p++;
      json_reader_skip_space (R);
    }
  if (R->p >= R->end || *R->p != '"')
    return json_reader_fail_syntax (R, "a key in quotes");
  if (!json_reader_string (R, JSON_READER_MAX_STRING, key, key_len))
    return FALSE;
  json_reader_skip_space (R);
  if (R->p >= R->end || *R->p != ':')
    return json_reader_fail_syntax (R, "':' after a key");
  R->p++;
  json_reader_skip_space (R);
  return TRUE;
}

/* Input text quoted for an error message. */
GString *
json_reader_quote_input (const char *s, gsize len, gsize max_shown)
{
  GString *quoted = g_string_new ("\"");
  activering_append_display (quoted, s, len, max_shown);
  g_string_append_c (quoted, '"');
  return quoted;
}

gboolean
json_reader_fail_unknown_key (JsonReader *R, const char *key, gsize len, const char *const *candidates, gsize n)
{
  const char *hint = activering_suggest (key, len, candidates, n);
  g_autoptr (GString) quoted = json_reader_quote_input (key, len, 64);
  if (hint != NULL)
    return json_reader_fail (R, ACTIVERING_ERROR_UNKNOWN_KEY, "unknown key %s (did you mean \"%s\"?)", quoted->str,
                             hint);
  return json_reader_fail (R, ACTIVERING_ERROR_UNKNOWN_KEY, "unknown key %s (keys of your own must start with x_)",
                           quoted->str);
}

gboolean
json_reader_expect (JsonReader *R, char first_char, const char *what)
{
  if (R->p < R->end && *R->p == first_char)
    return TRUE;
  /* Only a well-formed value is of the wrong type: "nope" or "not json" is a syntax error, not "found null".
   * This reads the value once more, but only on the way to an error. */
  const char *at = R->p;
  int depth = R->depth;
  GError **error = R->error, *syntax = NULL;
  R->error = &syntax;
  gboolean well_formed = json_reader_skip_value (R);
  R->error = error;
  R->depth = depth;
  if (!well_formed)
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, syntax);
      else
        g_clear_error (&syntax);
      return FALSE;
    }
  R->p = at;
  return json_reader_fail (R, ACTIVERING_ERROR_TYPE, "expected %s, found %s", what, json_reader_found (R));
}

gboolean
json_reader_date (JsonReader *R, gint32 *out)
{
  if (!json_reader_expect (R, '"', "a date \"YYYY-MM-DD\""))
    return FALSE;
  const char *s;
  gsize len;
  if (!json_reader_string (R, JSON_READER_MAX_STRING, &s, &len))
    return FALSE;
  if (!activering_parse_date (s, len, out))
    {
      g_autoptr (GString) quoted = json_reader_quote_input (s, len, 32);
      return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "%s is not a valid date (expected \"YYYY-MM-DD\")",
                               quoted->str);
    }
  return TRUE;
}

/* Reads a code that must be one of @values; *index is its position there. */

gboolean
json_reader_format (JsonReader *R, const char *format)
{
  const char *s;
  gsize len;
  if (R->p >= R->end || *R->p != '"')
    {
      g_autofree char *wanted = g_strdup_printf ("the string \"%s\"", format); /* only on the error path */
      return json_reader_expect (R, '"', wanted);
    }
  if (!json_reader_string (R, JSON_READER_MAX_STRING, &s, &len))
    return FALSE;
  if (len == strlen (format) && memcmp (s, format, len) == 0)
    return TRUE;
  gsize kind_len = (gsize) (strrchr (format, '/') - format) + 1; /* "activering.facts/" */
  g_autoptr (GString) quoted = json_reader_quote_input (s, len, 64);
  if (len > kind_len && memcmp (s, format, kind_len) == 0)
    return json_reader_fail (R, ACTIVERING_ERROR_FORMAT,
                             "%s is a major version this library does not read (it reads \"%s\")", quoted->str, format);
  return json_reader_fail (R, ACTIVERING_ERROR_FORMAT, "%s is not a %s document (expected \"%s\")", quoted->str,
                           R->document, format);
}

gboolean
json_reader_id (JsonReader *R, const char *what, gsize max, const char **out, gsize *out_len)
{
  if (R->p >= R->end || *R->p != '"')
    {
      g_autofree char *expected = g_strdup_printf ("%s as a string", what); /* only on the error path */
      return json_reader_expect (R, '"', expected);
    }
  if (!json_reader_string (R, max, out, out_len))
    return FALSE;
  const char *problem = activering_id_problem (*out, *out_len);
  if (problem != NULL)
    return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "%s %s", what, problem);
  return TRUE;
}

gboolean
json_reader_next_element (JsonReader *R, gboolean *first, gboolean *done)
{
  json_reader_skip_space (R);
  *done = FALSE;
  if (R->p < R->end && *R->p == ']')
    {
      R->p++;
      *done = TRUE;
      return TRUE;
    }
  if (*first)
    *first = FALSE;
  else if (R->p < R->end && *R->p == ',')
    {
      R->p++;
      json_reader_skip_space (R);
    }
  else
    return json_reader_fail_syntax (R, "',' or ']'");
  return TRUE;
}

gboolean
json_reader_fields (JsonReader *R, const char *what, const char *const *keys, guint n_keys, JsonFieldFunc field,
                    gpointer data, guint32 *seen)
{
  g_return_val_if_fail (n_keys <= 32, FALSE);
  json_reader_skip_space (R);
  if (!json_reader_expect (R, '{', what))
    return FALSE;
  if (++R->depth > R->max_depth)
    return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", R->max_depth);
  R->p++;
  *seen = 0;
  gboolean first = TRUE, done;
  const char *key;
  gsize len;
  while (json_reader_next_member (R, &first, &key, &len, &done) && !done)
    {
      gsize mark = json_reader_push (R, key, len);
      int index = -1;
      for (guint k = 0; k < n_keys && index < 0; k++)
        if (strlen (keys[k]) == len && memcmp (keys[k], key, len) == 0)
          index = (int) k;
      if (index < 0 && (len < 2 || key[0] != 'x' || key[1] != '_'))
        return json_reader_fail_unknown_key (R, key, len, keys, n_keys);
      if (index >= 0 && (*seen & (1u << index)))
        return json_reader_fail (R, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      if (index >= 0)
        *seen |= 1u << index;
      if (!field (data, R, index, key, len))
        return FALSE;
      json_reader_pop (R, mark);
    }
  if (R->error != NULL && *R->error != NULL)
    return FALSE;
  R->depth--;
  return TRUE;
}

gboolean
json_reader_document (JsonReader *R, const char *what, const char *const *keys, guint n_keys, JsonFieldFunc field,
                      gpointer data, guint32 *seen)
{
  json_reader_skip_space (R);
  if (R->p >= R->end)
    return json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "empty document");
  if (!json_reader_fields (R, what, keys, n_keys, field, data, seen))
    return FALSE;
  json_reader_skip_space (R);
  json_reader_pop (R, 0);
  if (R->p < R->end)
    return json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "malformed JSON: unexpected data after the document at byte %zu",
                             (gsize) (R->p - R->start));
  return TRUE;
}
