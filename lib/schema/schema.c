/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* schema.c: the JSON Schema of a document format, from its template and the rule set (docs/schemas.md). */
#include "config.h"

#include <string.h>

#include "json/json-tree-private.h"
#include "schema/schema-private.h"

#define SCHEMA_DOCUMENT "schema"
#define SCHEMA_MAX_NESTING 64

const char *const *
activering_schema_list_formats (void)
{
  return (const char *const *) schema_formats;
}

/* The string a {"$text": {…}} placeholder stands for, or NULL if @value is none. */
static const char *
text_in (const SchemaContext *ctx, json_object *value)
{
  json_object *texts, *text;
  if (!json_object_is_type (value, json_type_object) || json_object_object_length (value) != 1
      || !json_object_object_get_ex (value, "$text", &texts))
    return NULL;
  /* the templates give nl, fr and en; a rule set in another language gets English */
  if (json_object_object_get_ex (texts, ctx->lang, &text) || json_object_object_get_ex (texts, "en", &text))
    return json_object_get_string (text);
  return "";
}

static gboolean expand (const SchemaContext *ctx, json_object *node, GError **error);

static gboolean
expand_object (const SchemaContext *ctx, json_object *node, GError **error)
{
  g_autofree char *generate = NULL;
  json_object *name;
  if (json_object_object_get_ex (node, "$generate", &name))
    {
      generate = g_strdup (json_object_get_string (name));
      json_object_object_del (node, "$generate");
    }
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  json_object_object_foreach (node, member, member_value)
    {
      (void) member_value;
      g_ptr_array_add (keys, member);
    }
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      json_object *value = json_object_object_get (node, key);
      const char *text = text_in (ctx, value);
      if (text != NULL)
        json_object_object_add (node, key, json_object_new_string (text));
      else if (!expand (ctx, value, error))
        return FALSE;
    }
  /* after the template's own members, so that what a generator adds is never expanded again */
  return generate == NULL || schema_generate (ctx, generate, node, error);
}

static gboolean
expand (const SchemaContext *ctx, json_object *node, GError **error)
{
  if (json_object_is_type (node, json_type_object))
    return expand_object (ctx, node, error);
  if (json_object_is_type (node, json_type_array))
    for (gsize i = 0; i < json_object_array_length (node); i++)
      {
        json_object *item = json_object_array_get_idx (node, i);
        const char *text = text_in (ctx, item);
        if (text != NULL)
          json_object_array_put_idx (node, i, json_object_new_string (text));
        else if (!expand (ctx, item, error))
          return FALSE;
      }
  return TRUE;
}

static const SchemaTemplate *
find_template (const char *format, GError **error)
{
  for (guint i = 0; i < schema_n_templates; i++)
    if (format != NULL && strcmp (schema_templates[i].format, format) == 0)
      return &schema_templates[i];
  g_autofree char *known = g_strjoinv (", ", (char **) schema_formats);
  g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "%s: no schema for the format \"%s\" (known: %s)",
               SCHEMA_DOCUMENT, format != NULL ? format : "(null)", known);
  return NULL;
}

char *
activering_rule_set_dup_schema (ActiveringRuleSet *rules, const char *format, const char *lang, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  const SchemaTemplate *template = find_template (format, error);
  if (template == NULL)
    return NULL;
  int language = rule_set_output_language (rules, lang, SCHEMA_DOCUMENT, error);
  if (language < 0)
    return NULL;
  json_object *root = json_tree_parse (template->format, template->data, template->size, SCHEMA_MAX_NESTING,
                                       JSON_TREE_DEFAULT, error);
  if (root == NULL)
    return NULL; /* a broken template: the build's tests keep this from happening */
  SchemaContext ctx = { .rules = rules, .lang = rules->languages[language], .language = language, .root = root };
  char *text = NULL;
  if (expand (&ctx, root, error))
    text = g_strconcat (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                                                                  | JSON_C_TO_STRING_NOSLASHESCAPE),
                        "\n", NULL);
  json_object_put (root);
  return text;
}
