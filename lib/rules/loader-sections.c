/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* loader-sections.c: reading the recurring shapes of a rule set's sections: optional sections, lists of items, ids,
 * codes, measure and model references, and texts with placeholders. Shared by the loaders of phase models and of
 * roles and tasks. */
#include "config.h"

#include <string.h>

#include "rules/loader-private.h"
#include "util/error-private.h"

/* The section @key of the root: NULL if absent (or on error: check L->failed). The path is left at the section. */
json_object *
loader_section (Loader *L, json_object *root, const char *key, json_type type)
{
  g_string_truncate (L->path, 0);
  json_object *value = loader_member (L, root, key, type, FALSE);
  if (value != NULL)
    loader_push (L, key);
  return value;
}

gboolean
loader_expect_object (Loader *L, json_object *o, const char *what)
{
  if (json_object_is_type (o, json_type_object))
    return TRUE;
  return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected %s object, found %s", what, loader_json_type_label (o));
}

gboolean
loader_code_member (Loader *L, json_object *o, const char *key, const char **out)
{
  *out = loader_member_string (L, o, key, TRUE);
  if (*out == NULL)
    return FALSE;
  if (loader_is_code (*out) && strchr (*out, '.') == NULL)
    return TRUE;
  loader_push (L, key);
  return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" is not a lowercase snake_case code", *out);
}

/* A measure code at the current path (@value is the JSON string). */
gboolean
loader_measure_ref (Loader *L, json_object *value, guint *out)
{
  if (!json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a measure code, found %s", loader_json_type_label (value));
  const char *code = json_object_get_string (value);
  int index = rule_set_measure_index (L->rules, code, strlen (code));
  if (index < 0)
    return loader_fail_unknown (L, "measure", code, &L->rules->measures[0].code, sizeof (Measure),
                                L->rules->n_measures);
  *out = (guint) index;
  return TRUE;
}

/* A list of measure codes as a per-measure flag array. */
gboolean
loader_measure_set_member (Loader *L, json_object *o, const char *key, gboolean required, guint8 **out)
{
  json_object *list = loader_member (L, o, key, json_type_array, required);
  if (list == NULL)
    return !L->failed;
  gsize mark = loader_push (L, key);
  *out = rule_set_alloc (L->rules, MAX (L->rules->n_measures, 1));
  for (guint i = 0; i < json_object_array_length (list); i++)
    {
      gsize item = loader_push_index (L, i);
      guint m;
      if (!loader_measure_ref (L, json_object_array_get_idx (list, i), &m))
        return FALSE;
      if ((*out)[m])
        return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "measure \"%s\" is listed twice",
                            L->rules->measures[m].code);
      (*out)[m] = 1;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

gboolean
loader_checked_text (Loader *L, json_object *o, const char *key, guint32 placeholders, Text *out)
{
  if (!loader_text (L, o, key, out))
    return FALSE;
  for (guint lang = 0; lang < L->rules->n_languages; lang++)
    {
      const char *bad;
      gsize bad_len;
      if (!placeholders_check ((*out)[lang], placeholders, &bad, &bad_len))
        {
          loader_push (L, key);
          loader_push (L, L->rules->languages[lang]);
          return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%.*s\" is not a placeholder this text can use",
                              (int) MIN (bad_len, 64), bad);
        }
    }
  return TRUE;
}

gboolean
loader_list (Loader *L, json_object *root, const char *key, gsize size, gpointer *items, guint *n,
           gboolean (*load_item) (Loader *L, json_object *item, guint index))
{
  json_object *list = loader_section (L, root, key, json_type_array);
  if (list == NULL)
    return !L->failed;
  guint length = (guint) json_object_array_length (list);
  *items = rule_set_alloc (L->rules, size * MAX (length, 1));
  for (guint i = 0; i < length; i++)
    {
      gsize mark = loader_push_index (L, i);
      if (!load_item (L, json_object_array_get_idx (list, i), i))
        return FALSE;
      (*n)++;
      loader_pop (L, mark);
    }
  return TRUE;
}

gboolean
loader_model_member (Loader *L, json_object *o, const char *key, guint *out)
{
  const char *code = loader_member_string (L, o, key, TRUE);
  if (code == NULL)
    return FALSE;
  int index = rule_set_model_index (L->rules, code, strlen (code));
  if (index < 0)
    {
      loader_push (L, key);
      return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown phase model \"%s\"", code);
    }
  *out = (guint) index;
  return TRUE;
}

gboolean
loader_id_member (Loader *L, json_object *o, const char **out)
{
  *out = loader_member_string (L, o, "id", TRUE);
  if (*out == NULL)
    return FALSE;
  if (loader_is_code (*out))
    return TRUE;
  loader_push (L, "id");
  return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "an id is dotted lowercase snake_case");
}

gboolean
loader_fail_duplicate_id (Loader *L, const char *id)
{
  loader_push (L, "id");
  return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "\"%s\" is defined twice", id);
}

static gboolean
expression_member (Loader *L, json_object *o, const char *key, gboolean required, ValueType type, gint32 *node)
{
  json_object *e = NULL;
  *node = -1;
  if (!json_object_object_get_ex (o, key, &e))
    return required ? loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key) : TRUE;
  gsize mark = loader_push (L, key);
  Typed t;
  if (!expr_compile_as (L, e, type, &t))
    return FALSE;
  *node = t.node;
  loader_pop (L, mark);
  return TRUE;
}

gboolean
loader_bool_member (Loader *L, json_object *o, const char *key, gboolean required, gint32 *node)
{
  return expression_member (L, o, key, required, TYPE_BOOL, node);
}

gboolean
loader_expression_member (Loader *L, json_object *o, const char *key, ValueType type, gint32 *node)
{
  return expression_member (L, o, key, FALSE, type, node);
}
