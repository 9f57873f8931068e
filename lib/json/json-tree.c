/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-tree.c: a whole document into a json-c tree, read by the strict reader (see json-tree-private.h). */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "json/json-tree-private.h"

#define JSON_TREE_MAX_STRING (16 * 1024 * 1024) /* a rule file's longest text is far shorter */

typedef struct
{
  JsonReader r;
  gboolean comments;
} TreeParser;

/* Whitespace, and comments when allowed. */
static gboolean
skip_space (TreeParser *T)
{
  JsonReader *R = &T->r;
  while (TRUE)
    {
      json_reader_skip_space (R);
      if (!T->comments || R->end - R->p < 2 || R->p[0] != '/')
        return TRUE;
      if (R->p[1] == '/')
        {
          while (R->p < R->end && *R->p != '\n')
            R->p++;
        }
      else if (R->p[1] == '*')
        {
          const char *close = g_strstr_len (R->p + 2, R->end - R->p - 2, "*/");
          if (close == NULL)
            return json_reader_fail_syntax (R, "the end of a comment (\"*/\")");
          R->p = close + 2;
        }
      else
        return TRUE;
    }
}

static json_object *read_value (TreeParser *T);

static json_object *
read_number (JsonReader *R)
{
  const char *begin = R->p;
  double number;
  gboolean integer;
  if (!json_reader_number (R, &number, &integer))
    return NULL;
  g_autofree char *text = g_strndup (begin, (gsize) (R->p - begin));
  if (integer)
    {
      errno = 0;
      gint64 value = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        return json_object_new_int64 (value);
    }
  /* json-c keeps a number's text, so that a value written back (rules diff) reads as it was written */
  return json_object_new_double_s (number, text);
}

static json_object *
read_container (TreeParser *T, gboolean object)
{
  JsonReader *R = &T->r;
  if (++R->depth > R->max_depth)
    {
      json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", R->max_depth);
      return NULL;
    }
  R->p++;
  json_object *container = object ? json_object_new_object () : json_object_new_array ();
  char close = object ? '}' : ']';
  for (guint index = 0;; index++)
    {
      if (!skip_space (T))
        goto fail;
      if (index == 0 && R->p < R->end && *R->p == close)
        break;
      if (index > 0)
        {
          if (R->p < R->end && *R->p == close)
            break;
          if (R->p >= R->end || *R->p != ',')
            {
              json_reader_fail_syntax (R, object ? "',' or '}'" : "',' or ']'");
              goto fail;
            }
          R->p++;
          if (!skip_space (T))
            goto fail;
        }
      gsize mark;
      g_autofree char *key = NULL;
      if (object)
        {
          const char *s;
          gsize len;
          if (R->p >= R->end || *R->p != '"')
            {
              json_reader_fail_syntax (R, "a key in quotes");
              goto fail;
            }
          if (!json_reader_text (R, JSON_READER_MAX_STRING, &s, &len))
            goto fail;
          key = g_strndup (s, len);
          mark = json_reader_push (R, s, len);
          if (json_object_object_get_ex (container, key, NULL))
            {
              json_reader_fail (R, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
              goto fail;
            }
          if (!skip_space (T))
            goto fail;
          if (R->p >= R->end || *R->p != ':')
            {
              json_reader_fail_syntax (R, "':' after a key");
              goto fail;
            }
          R->p++;
        }
      else
        mark = json_reader_push_index (R, index);
      json_object *value = read_value (T);
      if (R->error != NULL && *R->error != NULL)
        goto fail;
      if (object)
        json_object_object_add (container, key, value);
      else
        json_object_array_add (container, value);
      json_reader_pop (R, mark);
    }
  R->p++;
  R->depth--;
  return container;

fail:
  json_object_put (container);
  return NULL;
}

/* A value, or NULL: JSON null, or an error (R->error says which). */
static json_object *
read_value (TreeParser *T)
{
  JsonReader *R = &T->r;
  if (!skip_space (T))
    return NULL;
  if (R->p >= R->end)
    {
      json_reader_fail_syntax (R, "a value");
      return NULL;
    }
  const char *s;
  gsize len;
  switch (*R->p)
    {
    case '{': return read_container (T, TRUE);
    case '[': return read_container (T, FALSE);
    case '"': return json_reader_text (R, JSON_TREE_MAX_STRING, &s, &len) ? json_object_new_string_len (s, (int) len) : NULL;
    case 't': return json_reader_literal (R, "true") ? json_object_new_boolean (TRUE) : NULL;
    case 'f': return json_reader_literal (R, "false") ? json_object_new_boolean (FALSE) : NULL;
    case 'n': json_reader_literal (R, "null"); return NULL;
    default:
      if (*R->p == '-' || g_ascii_isdigit (*R->p))
        return read_number (R);
      json_reader_fail_syntax (R, "a JSON value");
      return NULL;
    }
}

json_object *
json_tree_parse (const char *document, const char *data, gsize length, int max_depth, JsonTreeFlags flags,
                 GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  GError *local = NULL;
  g_autoptr (GString) path = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  TreeParser T = { .comments = (flags & JSON_TREE_COMMENTS) != 0 };
  JsonReader *R = &T.r;
  json_reader_init (R, document, data, length, max_depth, path, text, &local);
  json_object *root = NULL;
  if (skip_space (&T) && R->p >= R->end)
    json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "empty document");
  else if (local == NULL)
    {
      root = read_value (&T);
      json_reader_pop (R, 0);
      if (local == NULL && skip_space (&T) && R->p < R->end)
        json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "malformed JSON: unexpected data after the document at byte %zu",
                          (gsize) (R->p - R->start));
    }
  if (local != NULL)
    {
      json_object_put (root);
      g_propagate_error (error, local);
      return NULL;
    }
  return root;
}
