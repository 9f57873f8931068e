/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* schema-private.h: JSON Schemas of the documents, made from templates (the files of data/schemas, embedded at build
 * time) and filled in from a rule set.
 *
 * A template is a JSON Schema with two kinds of placeholders:
 * - {"$text": {"nl": …, "fr": …, "en": …}} stands for one string, in the language asked for;
 * - a member "$generate": NAME asks generator NAME to add members to the object it sits in (an "enum" of the rule
 *   set's measure codes, the properties of the declared facts, …).
 */
#pragma once

#include <json-c/json.h>

#include "rules/rule-set-private.h"

typedef struct
{
  const char *format; /* "activering.facts/1" */
  const char *data;   /* the template's JSON text, NUL-terminated */
  gsize size;
} SchemaTemplate;

/* The templates, in the order activering_schema_list_formats() lists them (generated: schema-templates.c). */
extern const SchemaTemplate schema_templates[];
extern const guint schema_n_templates;
extern const char *const schema_formats[];

typedef struct
{
  const ActiveringRuleSet *rules;
  const char *lang; /* the language asked for, one of the rule set's */
  int language;     /* its index among the rule set's languages */
  json_object *root; /* the schema being made */
} SchemaContext;

/* Runs generator @name on @target (an object of the template); FALSE with @error for a name no generator has. */
gboolean schema_generate (const SchemaContext *ctx, const char *name, json_object *target, GError **error);

/* Generators of schema-facts.c: the declared facts as properties of @target (the root's "properties"). */
void schema_add_fact_tree (const SchemaContext *ctx, json_object *target);

/* A new JSON array of strings. */
json_object *schema_string_array (const char *const *strings, guint n);
