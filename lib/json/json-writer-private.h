/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-writer-private.h: writing JSON documents into a GString, compact or indented for people. */
#pragma once

#include <glib.h>

#define JSON_WRITER_MAX_DEPTH 32

typedef struct
{
  GString *out;
  gboolean pretty;
  int depth;
  gboolean first[JSON_WRITER_MAX_DEPTH]; /* no value written yet at this depth */
  gboolean after_key;
} JsonWriter;

void json_writer_init (JsonWriter *w, GString *out, gboolean pretty);
void json_writer_begin_object (JsonWriter *w);
void json_writer_end_object (JsonWriter *w);
void json_writer_begin_array (JsonWriter *w);
void json_writer_end_array (JsonWriter *w);
void json_writer_key (JsonWriter *w, const char *key);
void json_writer_string (JsonWriter *w, const char *value); /* NULL writes null */
/* A string value built piece by piece straight into the output, with no buffer of its own (a message): append its
 * text to w->out after json_writer_begin_text(), then json_writer_end_text() with what begin returned quotes it. */
gsize json_writer_begin_text (JsonWriter *w);
void json_writer_end_text (JsonWriter *w, gsize start);
void json_writer_number (JsonWriter *w, double value);
void json_writer_integer (JsonWriter *w, gint64 value);
void json_writer_bool (JsonWriter *w, gboolean value);
void json_writer_null (JsonWriter *w);
void json_writer_date (JsonWriter *w, gint32 days);

/* Shorthands for "key": value. */
void json_writer_member_string (JsonWriter *w, const char *key, const char *value);
void json_writer_member_date (JsonWriter *w, const char *key, gint32 days);

/* Numbers as the writer writes them, appended to @out. */
void json_append_integer (GString *out, gint64 value);
void json_append_number (GString *out, double value);

/* Appends the valid compact JSON text @json indented as a pretty writer would have written it. */
void json_append_pretty (GString *out, const char *json, gsize len);
/* Appends the valid JSON text @json without its insignificant whitespace. */
void json_append_compact (GString *out, const char *json, gsize len);
/* Writes @json, a valid compact JSON value, as it is. */
void json_writer_raw (JsonWriter *w, const char *json);

/* @out, a whole document, as a string to return to the caller (transfer full): a pretty one ends with a newline.
 * Takes @out. */
char *json_document_finish (GString *out, gboolean pretty);
