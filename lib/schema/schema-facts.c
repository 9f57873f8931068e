/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* schema-facts.c: the declared facts of a rule set as the properties of the `activering.facts/1` schema.
 *
 * The facts parser (lib/facts/facts.c) walks the rule set's tree of fact paths: income.status is the member
 * "status" of the object "income". Each fact's schema refers to the template's "fact.<type>" definition (which
 * also allows null, a blank fact) and adds what the rule set declares: its label, its values, its bounds. Each
 * object of the tree takes the root's rule for members of one's own (x_…) and no other key; an object may be null
 * too (every fact below it blank). At the root a fact may also be given by its dotted path, as a $ref.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "schema/schema-private.h"

json_object *
schema_string_array (const char *const *strings, guint n)
{
  json_object *array = json_object_new_array_ext ((int) n);
  for (guint i = 0; i < n; i++)
    json_object_array_add (array, json_object_new_string (strings[i]));
  return array;
}

static json_object *
new_number (double value)
{
  return value == floor (value) && fabs (value) < 9007199254740992.0 ? json_object_new_int64 ((gint64) value)
                                                                      : json_object_new_double (value);
}

static json_object *
fact_values (const ActiveringRuleSet *rules, const FactDecl *decl, gboolean with_null)
{
  json_object *values = json_object_new_array_ext ((int) decl->n_values + 1);
  for (guint i = 0; i < decl->n_values; i++)
    json_object_array_add (values, json_object_new_string (rules->symbols[decl->values[i]]));
  if (with_null)
    json_object_array_add (values, NULL);
  return values;
}

static json_object *
fact_schema (const SchemaContext *ctx, guint slot)
{
  const ActiveringRuleSet *rules = ctx->rules;
  const FactDecl *decl = &rules->facts[slot];
  const char *type = activering_rule_set_get_fact_type (rules, slot);
  json_object *schema = json_object_new_object ();
  json_object_object_add (schema, "description", json_object_new_string (decl->label[ctx->language]));
  g_autofree char *ref = g_strdup_printf ("#/$defs/fact.%s", type);
  json_object_object_add (schema, "$ref", json_object_new_string (ref));
  if (decl->has_min)
    json_object_object_add (schema, "minimum", new_number (decl->min));
  if (decl->has_max)
    json_object_object_add (schema, "maximum", new_number (decl->max));
  if (decl->type == TYPE_ENUM)
    json_object_object_add (schema, "enum", fact_values (rules, decl, TRUE));
  else if (decl->type == TYPE_ENUM_LIST)
    {
      json_object *items = json_object_new_object ();
      json_object_object_add (items, "enum", fact_values (rules, decl, FALSE));
      json_object_object_add (schema, "items", items);
    }
  else if (decl->type == TYPE_RUNS)
    {
      json_object *measure = json_object_new_object ();
      json_object_object_add (measure, "enum", fact_values (rules, decl, FALSE));
      json_object *properties = json_object_new_object ();
      json_object_object_add (properties, "measure", measure);
      json_object *items = json_object_new_object ();
      json_object_object_add (items, "properties", properties);
      json_object_object_add (schema, "items", items);
    }
  return schema;
}

static json_object *
group_schema (const SchemaContext *ctx, const SchemaNode *node)
{
  json_object *schema = json_object_new_object ();
  json_object_object_add (schema, "$ref", json_object_new_string ("#/$defs/fact.group"));
  json_object *properties = json_object_new_object ();
  for (guint i = 0; i < node->n_children; i++)
    {
      const SchemaNode *child = node->children[i];
      json_object_object_add (properties, child->key,
                              child->fact >= 0 ? fact_schema (ctx, (guint) child->fact) : group_schema (ctx, child));
    }
  json_object_object_add (schema, "properties", properties);
  json_object *own = NULL;
  if (json_object_object_get_ex (ctx->root, "patternProperties", &own))
    json_object_object_add (schema, "patternProperties", json_object_get (own));
  json_object_object_add (schema, "additionalProperties", json_object_new_boolean (FALSE));
  return schema;
}

/* "/properties/income/properties/status" for "income.status": where the nested form of a fact is. */
static char *
pointer_to_fact (const char *path)
{
  GString *pointer = g_string_new ("#");
  g_auto (GStrv) keys = g_strsplit (path, ".", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_string_append (pointer, "/properties/");
      for (const char *c = keys[i]; *c != '\0'; c++)
        if (*c == '~')
          g_string_append (pointer, "~0");
        else if (*c == '/')
          g_string_append (pointer, "~1");
        else
          g_string_append_c (pointer, *c);
    }
  return g_string_free (pointer, FALSE);
}

void
schema_add_fact_tree (const SchemaContext *ctx, json_object *target)
{
  const ActiveringRuleSet *rules = ctx->rules;
  const SchemaNode *root = rules->schema;
  for (guint i = 0; i < root->n_children; i++)
    {
      const SchemaNode *child = root->children[i];
      json_object_object_add (target, child->key,
                              child->fact >= 0 ? fact_schema (ctx, (guint) child->fact) : group_schema (ctx, child));
    }
  /* a flat table's columns: "income.status" at the root, the same fact */
  for (guint slot = 0; slot < rules->n_facts; slot++)
    if (strchr (rules->facts[slot].path, '.') != NULL)
      {
        json_object *alias = json_object_new_object ();
        g_autofree char *pointer = pointer_to_fact (rules->facts[slot].path);
        json_object_object_add (alias, "$ref", json_object_new_string (pointer));
        json_object_object_add (target, rules->facts[slot].path, alias);
      }
}
