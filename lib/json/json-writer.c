/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-writer.c: a small streaming JSON writer; the library's documents go out through it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "json/json-writer-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/scan-private.h"

void
json_writer_init (JsonWriter *w, GString *out, gboolean pretty)
{
  memset (w, 0, sizeof *w);
  w->out = out;
  w->pretty = pretty;
  w->first[0] = TRUE;
}

static void
newline (JsonWriter *w)
{
  if (!w->pretty)
    return;
  g_string_append_c (w->out, '\n');
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Before any value: the comma and indentation that separate it from the previous one. */
static void
before_value (JsonWriter *w)
{
  if (w->after_key)
    {
      w->after_key = FALSE;
      return;
    }
  if (w->depth > 0)
    {
      if (!w->first[w->depth])
        g_string_append_c (w->out, ',');
      newline (w);
    }
  w->first[w->depth] = FALSE;
}

static void
open (JsonWriter *w, char c)
{
  before_value (w);
  g_string_append_c (w->out, c);
  if (w->depth < JSON_WRITER_MAX_DEPTH - 1)
    w->depth++;
  w->first[w->depth] = TRUE;
}

static void
close (JsonWriter *w, char c)
{
  gboolean empty = w->first[w->depth];
  if (w->depth > 0)
    w->depth--;
  if (!empty)
    newline (w);
  g_string_append_c (w->out, c);
}

void
json_writer_begin_object (JsonWriter *w)
{
  open (w, '{');
}
void
json_writer_end_object (JsonWriter *w)
{
  close (w, '}');
}
void
json_writer_begin_array (JsonWriter *w)
{
  open (w, '[');
}
void
json_writer_end_array (JsonWriter *w)
{
  close (w, ']');
}

void
json_writer_key (JsonWriter *w, const char *key)
{
  before_value (w);
  activering_append_quoted (w->out, key, strlen (key), G_MAXSIZE);
  g_string_append (w->out, w->pretty ? ": " : ":");
  w->after_key = TRUE;
}

void
json_writer_string (JsonWriter *w, const char *value)
{
  before_value (w);
  if (value == NULL)
    g_string_append (w->out, "null");
  else
    activering_append_quoted (w->out, value, strlen (value), G_MAXSIZE);
}

gsize
json_writer_begin_text (JsonWriter *w)
{
  before_value (w);
  return w->out->len;
}

void
json_writer_end_text (JsonWriter *w, gsize start)
{
  GString *out = w->out;
  gsize len = out->len - start;
  if (activering_scan_plain (out->str + start, out->str + out->len) == out->str + out->len)
    {
      /* the usual case: nothing to escape, the quotes go around it where it is */
      g_string_insert_c (out, (gssize) start, '"');
      g_string_append_c (out, '"');
      return;
    }
  char small[512];
  char *text = len <= sizeof small ? memcpy (small, out->str + start, len) : g_memdup2 (out->str + start, len);
  g_string_truncate (out, start);
  activering_append_quoted (out, text, len, G_MAXSIZE);
  if (text != small)
    g_free (text);
}

/* As "%" G_GINT64_FORMAT writes it, without printf: g_string_append_printf allocates on every call. */
void
json_append_integer (GString *out, gint64 value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

void
json_append_number (GString *out, double value)
{
  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      json_append_integer (out, (gint64) value);
      return;
    }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

void
json_writer_number (JsonWriter *w, double value)
{
  before_value (w);
  json_append_number (w->out, value);
}

void
json_writer_integer (JsonWriter *w, gint64 value)
{
  before_value (w);
  json_append_integer (w->out, value);
}

void
json_writer_bool (JsonWriter *w, gboolean value)
{
  before_value (w);
  g_string_append (w->out, value ? "true" : "false");
}

void
json_writer_null (JsonWriter *w)
{
  before_value (w);
  g_string_append (w->out, "null");
}

void
json_writer_date (JsonWriter *w, gint32 days)
{
  char buf[11];
  activering_format_date (days, buf);
  before_value (w);
  g_string_append_c (w->out, '"');
  g_string_append_len (w->out, buf, 10);
  g_string_append_c (w->out, '"');
}

void
json_writer_member_string (JsonWriter *w, const char *key, const char *value)
{
  json_writer_key (w, key);
  json_writer_string (w, value);
}

void
json_writer_member_date (JsonWriter *w, const char *key, gint32 days)
{
  json_writer_key (w, key);
  json_writer_date (w, days);
}

void
json_append_compact (GString *out, const char *json, gsize len)
{
  gboolean in_string = FALSE, escaped = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = json[i];
      if (in_string)
        {
          in_string = escaped || c != '"';
          escaped = !escaped && c == '\\';
        }
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;
      else
        in_string = c == '"';
      g_string_append_c (out, c);
    }
}

static void
pretty_newline (GString *out, int depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Indented as a pretty JsonWriter writes: a newline and two spaces per level before every member and element and
 * before the closing bracket of a container that is not empty, ": " after keys. */
void
json_append_pretty (GString *out, const char *json, gsize len)
{
  int depth = 0;
  for (gsize i = 0; i < len; i++)
    {
      char c = json[i];
      switch (c)
        {
        case '"':
          {
            gsize start = i++;
            while (i < len && json[i] != '"')
              i += json[i] == '\\' ? 2 : 1;
            g_string_append_len (out, json + start, (gssize) (MIN (i, len - 1) - start + 1));
            break;
          }
        case '{':
        case '[':
          g_string_append_c (out, c);
          if (i + 1 < len && (json[i + 1] == '}' || json[i + 1] == ']'))
            g_string_append_c (out, json[++i]);
          else
            pretty_newline (out, ++depth);
          break;
        case '}':
        case ']':
          pretty_newline (out, --depth);
          g_string_append_c (out, c);
          break;
        case ',':
          g_string_append_c (out, c);
          pretty_newline (out, depth);
          break;
        case ':':
          g_string_append (out, ": ");
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

void
json_writer_raw (JsonWriter *w, const char *json)
{
  before_value (w);
  g_string_append (w->out, json);
}

char *
json_document_finish (GString *out, gboolean pretty)
{
  if (pretty)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
