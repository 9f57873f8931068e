/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* loader-private.h: the state of loading one rule set, shared by rules-load.c and expr-compile.c. */
#pragma once

#include <json-c/json.h>

#include "rules/rule-set-private.h"

#define RULES_MAX_DEPTH 64
#define RULES_JSON_MAX_NESTING 512 /* an expression of RULES_MAX_DEPTH levels takes up to two JSON levels each */

/* Compile-time state of a definition or a measure: for the cycle check. */
typedef enum
{
  PENDING = 0,
  IN_PROGRESS,
  DONE
} CompileState;

/* A compiled expression with its static type. Enums carry their domain so literals can be checked. */
typedef struct
{
  gint32 node;
  ValueType type;
  const guint32 *domain; /* enum, enum_list, runs: the allowed symbols */
  guint n_domain;
  int fact; /* runs: the fact slot */
} Typed;

typedef struct
{
  ActiveringRuleSet *rules;
  const char *document;
  GString *path; /* the JSON pointer of the node being read */
  GError **error;
  gboolean failed;

  GHashTable *facts_by_path, *params_by_name, *roles_by_code, *symbols_by_name;
  GHashTable *schema_by_prefix; /* "a.b" -> the SchemaNode of that object or fact */
  GPtrArray *symbols;

  /* definitions and measures are compiled on first use, so references may come before declarations */
  json_object *definitions;
  GHashTable *definitions_by_name; /* name -> index + 1 */
  char **definition_names;
  CompileState *definition_state;
  Typed *definition_value;
  json_object *measures_json;
  GHashTable *measures_by_code; /* code -> index + 1 */
  CompileState *measure_state;

  GPtrArray *templates; /* Text: the texts that quote parameters */
  GArray *nodes; /* Node, operands as node indexes */
  guint n_outcome_nodes;
  GArray *args; /* gint32 */
  int depth;
} Loader;

/* Path handling: push returns a mark to pop back to. */
gsize loader_push (Loader *L, const char *key);
gsize loader_push_index (Loader *L, guint index);
void loader_pop (Loader *L, gsize mark);

/* Records the first error at the current path; always returns FALSE. */
gboolean loader_fail (Loader *L, ActiveringError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

guint32 loader_intern (Loader *L, const char *s);

/* Compiles the expression @e (read at the current path). Returns FALSE on error. */
gboolean expr_compile (Loader *L, json_object *e, Typed *out);
/* Compiles @e and requires the given type (integers are widened to numbers where a number is wanted). */
gboolean expr_compile_as (Loader *L, json_object *e, ValueType want, Typed *out);
/* Compiles a reference to the fact at dotted @path (read at the current path). */
gboolean expr_compile_fact_path (Loader *L, const char *path, Typed *out);
/* Appends a node and returns its index. */
gint32 expr_add_node (Loader *L, const Node *node);
/* Lays the compiled nodes out as the rule set's program, once everything compiled (program-layout.c). */
void program_lay_out (Loader *L);
/* Compiles measure @index (conditions, exists, outcome) if not done yet. Defined in rules-load.c. */
gboolean loader_compile_measure (Loader *L, guint index);

/* A rule file's text as a json-c tree, through the strict reader (comments allowed); loading, lint and diff all
 * read it here, with one depth limit. NULL with @error set, or for a document that is JSON null. */
json_object *loader_parse_source (const char *document, const char *data, gsize length, GError **error);

/* The name an array item of a rule file goes by: its "code", "id" or (a parameter's period) "from"; NULL if it has
 * none. Lint and diff name paths by it (/measures/ibo/conditions/duration), not by index. */
const char *loader_item_name (json_object *item);
/* Whether every item of @array has a distinct name. */
gboolean loader_named_items (json_object *array);

/* Reading JSON values (loader-json.c). Each fails at the current path and returns FALSE or NULL. */
const char *loader_json_type_label (json_object *o);
/* Checks that @o has only @allowed keys (plus "note" and "x_…"). */
gboolean loader_check_keys (Loader *L, json_object *o, const char *const *allowed);
/* The member @key of @o, checked to be of @type; NULL if absent (an error if @required). */
json_object *loader_member (Loader *L, json_object *o, const char *key, json_type type, gboolean required);
/* A non-empty string member. */
const char *loader_member_string (Loader *L, json_object *o, const char *key, gboolean required);
gboolean loader_member_date (Loader *L, json_object *o, const char *key, gboolean required, gint32 *out,
                             gboolean *present);
/* A code: lowercase snake_case segments, optionally joined by dots. */
gboolean loader_is_code (const char *s);
/* A text: one non-empty string per language of the rule set, and no other key. */
gboolean loader_text_value (Loader *L, json_object *value, Text *out);
gboolean loader_text (Loader *L, json_object *o, const char *key, Text *out);
/* A legal basis: a text, or a non-empty string in the rule set's first language, used for every
 * language (marked as a fallback). */
gboolean loader_legal_basis_value (Loader *L, json_object *value, LegalBasis *out);
gboolean loader_legal_basis (Loader *L, json_object *o, const char *key, LegalBasis *out);

/* Texts that quote parameters (text-params.c). */
#define TEXT_PARAM_OPEN "{param:"
/* Checks every "{param:NAME}" and "{param:NAME|percent}" of @s against the declared parameters. */
gboolean loader_check_text_params (Loader *L, const char *s);
/* Records @text (whose entry after the languages is still NULL) as a template to render per evaluation date. */
void loader_add_template (Loader *L, Text text);
/* Fails with UNKNOWN_REF, "unknown @what "@word"", suggesting one of the @n codes found at @first_code and every
 * @stride bytes after it (the `code` member of an array of structs). */
gboolean loader_fail_unknown (Loader *L, const char *what, const char *word, const void *first_code, gsize stride,
                              guint n);
/* A required member naming a role of the rule set. */
gboolean loader_role (Loader *L, json_object *o, const char *key, char **out);

/* Recurring shapes of the sections (loader-sections.c). Each fails at the current path and returns FALSE or NULL. */
/* The optional section @key of the root: NULL if absent (or on error: check L->failed); the path is left at it. */
json_object *loader_section (Loader *L, json_object *root, const char *key, json_type type);
gboolean loader_expect_object (Loader *L, json_object *o, const char *what);
/* A required member holding an undotted code. */
gboolean loader_code_member (Loader *L, json_object *o, const char *key, const char **out);
/* A measure code at the current path (@value is the JSON string), with a "did you mean" hint. */
gboolean loader_measure_ref (Loader *L, json_object *value, guint *out);
/* A list of measure codes as a per-measure flag array (left NULL when absent and not @required). */
gboolean loader_measure_set_member (Loader *L, json_object *o, const char *key, gboolean required, guint8 **out);
/* A text whose placeholders ("{name}") are all among @placeholders. */
gboolean loader_checked_text (Loader *L, json_object *o, const char *key, guint32 placeholders, Text *out);
/* The optional array section @key: @load_item reads each item into (*@items)[index], allocated here. */
gboolean loader_list (Loader *L, json_object *root, const char *key, gsize size, gpointer *items, guint *n,
                      gboolean (*load_item) (Loader *L, json_object *item, guint index));
gboolean loader_model_member (Loader *L, json_object *o, const char *key, guint *out);
/* The boolean expression in member @key, compiled into *@node; -1 when it is absent and not @required. */
gboolean loader_bool_member (Loader *L, json_object *o, const char *key, gboolean required, gint32 *node);
/* The optional expression of type @type in member @key, compiled into *@node; -1 when it is absent. */
gboolean loader_expression_member (Loader *L, json_object *o, const char *key, ValueType type, gint32 *node);
/* The required "id" member: dotted lowercase snake_case. */
gboolean loader_id_member (Loader *L, json_object *o, const char **out);
gboolean loader_fail_duplicate_id (Loader *L, const char *id);

/* Phase models, correspondences, trajectory checks, indicators and messages (phase-models-load.c). */
gboolean load_phase_models (Loader *L, json_object *root);
/* The optional "change_messages" section (change-messages.c). */
gboolean load_change_messages (Loader *L, json_object *root);
/* Tasks and the organisation section (tasks-load.c). */
gboolean load_tasks (Loader *L, json_object *root);
