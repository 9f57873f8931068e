/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-reader-private.h: a strict streaming JSON reader for documents parsed into their own structures.
 *
 * The caller drives it token by token along the shape it expects. The reader keeps where it is (push a key or an
 * index, pop back to a mark) and builds errors as "<document>: <path>: <message>", one line of valid UTF-8 whatever
 * the input held. Only the first error is kept.
 *
 * Where it is costs next to nothing on the happy path: a push records the key's span (or the index) as a frame in
 * the caller's path buffer, and the JSON pointer is only written out when something fails. After the first error
 * the path buffer holds that pointer as text (json_reader_write_path gives it at any time).
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "activering/activering.h"
#include "json/key-set-private.h"
#include "util/scan-private.h"

#define JSON_READER_MAX_STRING 1024          /* ids and codes */
#define JSON_READER_MAX_SKIPPED_STRING 65536 /* inside values that are skipped */

typedef struct
{
  const char *document; /* for messages: "facts", "trajectory", … */
  const char *start, *p, *end;
  int depth, max_depth;
  GString *path; /* frames (JsonPathFrame) of the current position; after an error, the error's JSON pointer */
  gboolean path_written; /* @path holds the pointer of the first error, as text */
  gsize string_start;    /* offset of the last string read: an escaped key is decoded again from there */
  GString *text;         /* scratch for strings with escapes */
  GError **error;
  KeySet *keys;    /* the keys of "x_" members and of objects inside them: the caller's, or own_keys */
  KeySet *own_keys; /* made on first use when the caller gave none: see json_reader_clear */
} JsonReader;

/* @path and @text are the caller's reusable buffers; @error must point to a NULL GError *. A leading UTF-8 byte
 * order mark (as Windows and spreadsheet exports write) is skipped; byte offsets still count it. */
void json_reader_init (JsonReader *R, const char *document, const char *data, gsize length, int max_depth,
                       GString *path, GString *text, GError **error);

/* Frees what the reader made for itself; call it when done with a reader that may have met "x_" members. */
void json_reader_clear (JsonReader *R);

/* Gives the reader a key set to keep the keys of "x_" members in (emptied now), so that a caller that reads document
 * after document allocates nothing for them once warmed up. Without one the reader makes its own. */
void json_reader_use_keys (JsonReader *R, KeySet *keys);

gboolean json_reader_fail (JsonReader *R, ActiveringError code, const char *format, ...) G_GNUC_PRINTF (3, 4);
gboolean json_reader_fail_syntax (JsonReader *R, const char *expected);
gboolean json_reader_fail_unknown_key (JsonReader *R, const char *key, gsize len, const char *const *candidates,
                                       gsize n);
/* Input text quoted for an error message (display-safe, cut at @max_shown bytes). */
GString *json_reader_quote_input (const char *s, gsize len, gsize max_shown);

/* Where the reader is: one frame per key or index, in the path buffer, so that a push is a few stores. */
typedef enum
{
  JSON_FRAME_KEY,         /* @key, @size bytes: stays valid while pushed */
  JSON_FRAME_ESCAPED_KEY, /* a key with escapes, its opening quote at byte @size of the input */
  JSON_FRAME_INDEX,       /* array index @size */
} JsonFrameKind;

typedef struct
{
  const char *key;
  gsize size;
  gsize kind; /* JsonFrameKind, as wide as the rest: a frame is three plain words, with no padding to stall on */
} JsonPathFrame;

static inline gsize
json_reader_push_frame (JsonReader *R, const char *key, gsize size, JsonFrameKind kind)
{
  GString *path = R->path;
  gsize mark = path->len;
  if (G_UNLIKELY (R->path_written))
    return mark; /* after an error: the path is that error's */
  gsize need = mark + sizeof (JsonPathFrame);
  if (G_UNLIKELY (need >= path->allocated_len))
    g_string_set_size (path, need);
  path->len = need;
  /* stored field by field (frames are whole words from the start of a malloc'd buffer, so aligned): a struct
   * copied in from the stack costs a store-forwarding stall on every key */
  JsonPathFrame *frame = (JsonPathFrame *) (void *) (path->str + mark);
  frame->key = key;
  frame->size = size;
  frame->kind = kind;
  return mark;
}

/* @key must stay valid while it is pushed: a span of the input, a string that outlives the reader, or the key
 * json_reader_string or json_reader_text has just read (one with escapes is decoded from the input again, since
 * the scratch buffer it was unescaped into is overwritten by the next string). */
static inline gsize
json_reader_push (JsonReader *R, const char *key, gsize len)
{
  const char *text = R->text->str;
  if (G_UNLIKELY (key >= text && key < text + R->text->allocated_len))
    return json_reader_push_frame (R, NULL, R->string_start, JSON_FRAME_ESCAPED_KEY);
  return json_reader_push_frame (R, key, len, JSON_FRAME_KEY);
}

static inline gsize
json_reader_push_index (JsonReader *R, guint index)
{
  return json_reader_push_frame (R, NULL, index, JSON_FRAME_INDEX);
}

static inline void
json_reader_pop (JsonReader *R, gsize mark)
{
  if (!R->path_written && mark <= R->path->len)
    R->path->len = mark; /* frames are bytes, not text: no terminator to keep */
}

/* The JSON pointer of the current position (of the first error, after one), written into @out. */
void json_reader_write_path (JsonReader *R, GString *out);

void json_reader_skip_space_run (JsonReader *R);
/* Whitespace is rare in machine-written documents: a look at one byte, and a call only when there is some. */
static inline void
json_reader_skip_space (JsonReader *R)
{
  if (G_LIKELY (R->p < R->end && (guchar) *R->p > ' '))
    return;
  json_reader_skip_space_run (R);
}
/* What the value at the cursor is ("an object", "a number", …), for "expected …, found …". */
const char *json_reader_found (JsonReader *R);
/* TRUE if the value at the cursor starts with @first_char; else a type or syntax error naming @what. */
gboolean json_reader_expect (JsonReader *R, char first_char, const char *what);

gboolean json_reader_fail_literal (JsonReader *R);
/* true, false or null: inline, so that the word's length is known and the comparison needs no call. */
static inline gboolean
json_reader_literal (JsonReader *R, const char *word)
{
  gsize len = strlen (word);
  if (G_UNLIKELY ((gsize) (R->end - R->p) < len || memcmp (R->p, word, len) != 0))
    return json_reader_fail_literal (R);
  R->p += len;
  return TRUE;
}
/* A string (the cursor on its quote), pointing into the input or, with escapes, into the scratch buffer. */
gboolean json_reader_string (JsonReader *R, gsize max, const char **out, gsize *out_len);
/* A string as json_reader_string, that must also be valid UTF-8 without NUL (\u0000): every string that may reach
 * an output or a json-c tree goes through here. */
gboolean json_reader_text (JsonReader *R, gsize max, const char **out, gsize *out_len);
/* A number; *is_integer is FALSE with a fraction or an exponent. */
gboolean json_reader_number (JsonReader *R, double *out, gboolean *is_integer);
/* A date as "YYYY-MM-DD", as a day number. */
gboolean json_reader_date (JsonReader *R, gint32 *out);
gboolean json_reader_skip_value (JsonReader *R);
/* The value of a writer's own "x_" member (the cursor on it, its key pushed on the path), read unkept but checked
 * like the rest of the document: valid UTF-8, no \u0000, no key twice (the member's own key included), no deeper
 * than the reader's limit. Errors name the path, never the value (such members may hold personal data). */
gboolean json_reader_own_member (JsonReader *R, const char *key, gsize len);
gboolean json_reader_next_member_any (JsonReader *R, gboolean *first, const char **key, gsize *key_len,
                                      gboolean *done);
/* Object members, after the '{': call with *first TRUE; *done at the '}'. Returns FALSE on error. Inline for what
 * machine-written documents hold between members (`,"key":` without whitespace or escapes, or the '}'); anything
 * else is read by json_reader_next_member_any. */
static inline gboolean
json_reader_next_member (JsonReader *R, gboolean *first, const char **key, gsize *key_len, gboolean *done)
{
  const char *p = R->p;
  if (G_LIKELY (R->end - p >= 2))
    {
      if (*p == '}')
        {
          R->p = p + 1;
          *first = FALSE;
          *done = TRUE;
          return TRUE;
        }
      const char *quote = *first ? p : p[0] == ',' ? p + 1 : NULL;
      if (quote != NULL && *quote == '"')
        {
          const char *k = quote + 1, *stop = activering_scan_plain (k, R->end);
          if (G_LIKELY (R->end - stop >= 2 && stop[0] == '"' && stop[1] == ':'
                        && (gsize) (stop - k) <= JSON_READER_MAX_STRING))
            {
              R->string_start = (gsize) (quote - R->start);
              R->p = stop + 2;
              *key = k;
              *key_len = (gsize) (stop - k);
              *first = FALSE;
              *done = FALSE;
              json_reader_skip_space (R);
              return TRUE;
            }
        }
    }
  return json_reader_next_member_any (R, first, key, key_len, done);
}
/* The value of a document's "format" key: exactly @format (e.g. "activering.facts/1"); another major version of
 * the same kind, or another kind, is a FORMAT error saying which. */
gboolean json_reader_format (JsonReader *R, const char *format);
/* An opaque id (@what: "the dossier id", …): a non-empty string of at most @max bytes, valid UTF-8, without
 * control characters. */
gboolean json_reader_id (JsonReader *R, const char *what, gsize max, const char **out, gsize *out_len);
/* Array elements, after the '[': call with *first TRUE; *done at the ']', else the cursor is on the next element.
 * Returns FALSE on error. */
gboolean json_reader_next_element (JsonReader *R, gboolean *first, gboolean *done);

/* What json_reader_fields calls for each member, the cursor on its value (which it must read) and the member's
 * path pushed: @field is the index of the key in the keys given, or -1 for a key of the writer's own ("x_…"). */
typedef gboolean (*JsonFieldFunc) (gpointer data, JsonReader *R, int field, const char *key, gsize len);

/* Reads the object at the cursor (@what for "expected …, found …"): each key of @keys goes to @field at most once
 * (twice is a DUPLICATE error), a key starting with "x_" goes to @field as -1, and any other key is an
 * UNKNOWN_KEY error with a suggestion. *@seen gets the bit of each of the (at most 32) @keys met. */
gboolean json_reader_fields (JsonReader *R, const char *what, const char *const *keys, guint n_keys, JsonFieldFunc field,
                             gpointer data, guint32 *seen);
/* Reads a whole document: its root object as json_reader_fields does, then nothing but whitespace. An empty
 * document is a SYNTAX error. The path is left at the root, for the checks of the document as a whole. */
gboolean json_reader_document (JsonReader *R, const char *what, const char *const *keys, guint n_keys,
                               JsonFieldFunc field, gpointer data, guint32 *seen);
