/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* loader-json.c: reading the JSON values of a rule set: typed members, codes, texts and role references, each
 * failing with the JSON pointer of the offending node. */
#include "config.h"

#include <string.h>

#include "json/json-tree-private.h"
#include "rules/loader-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

json_object *
loader_parse_source (const char *document, const char *data, gsize length, GError **error)
{
  return json_tree_parse (document, data, length, RULES_JSON_MAX_NESTING, JSON_TREE_COMMENTS, error);
}

const char *
loader_item_name (json_object *item)
{
  static const char *const keys[] = { "code", "id", "from" };
  json_object *name = NULL;
  for (guint k = 0; json_object_is_type (item, json_type_object) && k < G_N_ELEMENTS (keys); k++)
    if (json_object_object_get_ex (item, keys[k], &name) && json_object_is_type (name, json_type_string))
      return json_object_get_string (name);
  return NULL;
}

gboolean
loader_named_items (json_object *array)
{
  gsize n = json_object_array_length (array);
  if (n == 0)
    return FALSE;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n; i++)
    {
      const char *name = loader_item_name (json_object_array_get_idx (array, i));
      if (name == NULL || !g_hash_table_add (seen, (gpointer) name))
        return FALSE;
    }
  return TRUE;
}

const char *
loader_json_type_label (json_object *o)
{
  switch (json_object_get_type (o))
    {
    case json_type_null: return "null";
    case json_type_boolean: return "a boolean";
    case json_type_double:
    case json_type_int: return "a number";
    case json_type_object: return "an object";
    case json_type_array: return "an array";
    case json_type_string: return "a string";
    default: return "something else";
    }
}

/* Checks that @o has only @allowed keys (plus "note" and "x_…"). */
gboolean
loader_check_keys (Loader *L, json_object *o, const char *const *allowed)
{
  json_object_object_foreach (o, key, value)
    {
      (void) value;
      if (strcmp (key, "note") == 0 || g_str_has_prefix (key, "x_"))
        continue;
      gboolean found = FALSE;
      gsize n = 0;
      for (; allowed[n] != NULL; n++)
        found |= strcmp (allowed[n], key) == 0;
      if (found)
        continue;
      const char *hint = activering_suggest (key, strlen (key), allowed, n);
      loader_push (L, key);
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);
      return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_KEY, "unknown key \"%s\"%s%s%s (expected one of: %s)", key,
                          hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "", list);
    }
  return TRUE;
}

/* The member @key of @o, checked to be of @type; NULL if absent (an error if @required). */
json_object *
loader_member (Loader *L, json_object *o, const char *key, json_type type, gboolean required)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (o, key, &value) || value == NULL)
    {
      if (required)
        loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key);
      return NULL;
    }
  if (!json_object_is_type (value, type))
    {
      static const char *const wanted[] = { "null",      "a boolean", "a number", "a number",
                                            "an object", "an array",  "a string" };
      gsize mark = loader_push (L, key);
      loader_fail (L, ACTIVERING_ERROR_TYPE, "expected %s, found %s", wanted[type], loader_json_type_label (value));
      loader_pop (L, mark);
      return NULL;
    }
  return value;
}

const char *
loader_member_string (Loader *L, json_object *o, const char *key, gboolean required)
{
  json_object *value = loader_member (L, o, key, json_type_string, required);
  if (value == NULL)
    return NULL;
  if (json_object_get_string_len (value) == 0)
    {
      loader_push (L, key);
      loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "must not be empty");
      return NULL;
    }
  return json_object_get_string (value);
}

gboolean
loader_member_date (Loader *L, json_object *o, const char *key, gboolean required, gint32 *out, gboolean *present)
{
  json_object *value = NULL;
  *present = FALSE;
  if (!json_object_object_get_ex (o, key, &value) || value == NULL)
    return required ? loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key) : TRUE;
  gsize mark = loader_push (L, key);
  if (!json_object_is_type (value, json_type_string)
      || !activering_parse_date (json_object_get_string (value), (gsize) json_object_get_string_len (value), out))
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected a valid date \"YYYY-MM-DD\", found %s",
                        json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN));
  loader_pop (L, mark);
  *present = TRUE;
  return TRUE;
}

/* A code: lowercase snake_case segments, optionally joined by dots. */
gboolean
loader_is_code (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  gboolean segment_start = TRUE;
  for (const char *p = s; *p; p++)
    {
      if (*p == '.')
        {
          if (segment_start)
            return FALSE;
          segment_start = TRUE;
          continue;
        }
      if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
        return FALSE;
      segment_start = FALSE;
    }
  return !segment_start;
}

/* A text: one non-empty string per language of the rule set, and no other key. */
gboolean
loader_text_value (Loader *L, json_object *value, Text *out)
{
  ActiveringRuleSet *rules = L->rules;
  if (!json_object_is_type (value, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a text object with one string per language, found %s",
                        loader_json_type_label (value));
  if (!loader_check_keys (L, value, (const char *const *) rules->languages))
    return FALSE;
  Text text = rule_set_alloc (rules, sizeof (char *) * (rules->n_languages + 1));
  text[rules->n_languages] = NULL;
  gboolean quotes_parameters = FALSE;
  for (guint i = 0; i < rules->n_languages; i++)
    {
      json_object *s = NULL;
      if (!json_object_object_get_ex (value, rules->languages[i], &s) || !json_object_is_type (s, json_type_string)
          || json_object_get_string_len (s) == 0)
        return loader_fail (L, ACTIVERING_ERROR_TRANSLATION, "missing the \"%s\" translation", rules->languages[i]);
      text[i] = rule_set_strdup (rules, json_object_get_string (s));
      if (strstr (text[i], TEXT_PARAM_OPEN) != NULL)
        {
          gsize mark = loader_push (L, rules->languages[i]);
          if (!loader_check_text_params (L, text[i]))
            return FALSE;
          loader_pop (L, mark);
          quotes_parameters = TRUE;
        }
    }
  if (quotes_parameters)
    loader_add_template (L, text);
  *out = text;
  return TRUE;
}

gboolean
loader_legal_basis_value (Loader *L, json_object *value, LegalBasis *out)
{
  ActiveringRuleSet *rules = L->rules;
  if (json_object_is_type (value, json_type_string) && json_object_get_string_len (value) > 0)
    {
      /* One string, in the rule set's first language: every language falls back to it, and the output says so. */
      out->text = rule_set_alloc (rules, sizeof (char *) * (rules->n_languages + 1));
      char *dutch = rule_set_strdup (rules, json_object_get_string (value));
      for (guint i = 0; i < rules->n_languages; i++)
        out->text[i] = dutch;
      out->text[rules->n_languages] = NULL;
      out->fallback = TRUE;
      return TRUE;
    }
  if (json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "must not be empty");
  if (!json_object_is_type (value, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a legal basis: a text object or a non-empty string, found %s",
                        loader_json_type_label (value));
  out->fallback = FALSE;
  return loader_text_value (L, value, &out->text);
}

gboolean
loader_legal_basis (Loader *L, json_object *o, const char *key, LegalBasis *out)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (o, key, &value) || value == NULL)
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key);
  gsize mark = loader_push (L, key);
  if (!loader_legal_basis_value (L, value, out))
    return FALSE;
  loader_pop (L, mark);
  return TRUE;
}

gboolean
loader_text (Loader *L, json_object *o, const char *key, Text *out)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (o, key, &value) || value == NULL)
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key);
  gsize mark = loader_push (L, key);
  if (!loader_text_value (L, value, out))
    return FALSE;
  loader_pop (L, mark);
  return TRUE;
}

gboolean
loader_role (Loader *L, json_object *o, const char *key, char **out)
{
  const char *code = loader_member_string (L, o, key, TRUE);
  if (code == NULL)
    return FALSE;
  if (!g_hash_table_contains (L->roles_by_code, code))
    {
      loader_push (L, key);
      return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown role \"%s\"", code);
    }
  *out = rule_set_strdup (L->rules, code);
  return TRUE;
}

gboolean
loader_fail_unknown (Loader *L, const char *what, const char *word, const void *first_code, gsize stride, guint n)
{
  g_autofree const char **codes = g_new (const char *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    codes[i] = *(const char *const *) ((const char *) first_code + i * stride);
  const char *hint = activering_suggest (word, strlen (word), codes, n);
  return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown %s \"%s\"%s%s%s", what, word,
                      hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
}
