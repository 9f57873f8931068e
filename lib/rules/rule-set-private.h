/* rule-set-private.h: what a loaded rule set holds. Immutable once loaded. */
#pragma once

#include <glib.h>

#include "activering/activering.h"
#include "rules/program-private.h"

/* A label or text: one string per language of the rule set, in the order of rules->languages. */
typedef char **Text;

typedef struct
{
  char *path; /* dotted, e.g. "vdab.registered" */
  ValueType type;
  gboolean has_min, has_max;
  double min, max;
  guint32 *values; /* enum, enum_list, runs: symbol ids, in declared order */
  guint n_values;
  Text label;
  char *supplied_by;
} FactDecl;

typedef struct
{
  gint32 from, until; /* inclusive; until is G_MAXINT32 when open */
  Value value;
} ParamPeriod;

typedef struct
{
  char *name;
  ValueType type;
  char *unit;
  Text label;
  char *legal_basis;
  ParamPeriod *periods; /* sorted by from */
  guint n_periods;
} ParamDecl;

typedef enum
{
  TEXT_FALSE = 0,
  TEXT_TRUE = 1,
  TEXT_UNKNOWN = 2
} TextState;

typedef struct
{
  char *id; /* "<measure>.<condition>" */
  gint32 node;
  Text text[3]; /* by TextState */
  char *legal_basis;
  guint *facts; /* fact slots the condition reads, in declaration order */
  guint n_facts;
} Condition;

typedef struct
{
  char *id;
  char *unit;
  ValueType type; /* integer, number or date */
  gint32 value_node;
  gint32 when_node; /* -1: always */
  Text text;
} Limit;

typedef struct
{
  char *code;
  Text label;
  char **legal_basis;
  guint n_legal_basis;
  char *decided_by;
  gint32 exists_node;
  gint32 outcome_node;
  Condition *conditions;
  guint n_conditions;
  Limit *limits;
  guint n_limits;
  char *json;        /* the definition as written, re-serialised */
  char *outcome_key; /* `"<code>":"`, pre-rendered for the compact outcomes document */
  gsize outcome_key_len;
} Measure;

typedef struct
{
  char *id;
  gint32 applies_node, due_node, met_node;
  Text text;
  char *legal_basis;
  guint *facts;
  guint n_facts;
} Obligation;

typedef struct
{
  char *code;
  Text label;
} Role;

/* The shape of a facts document: objects down to the declared facts. */
typedef struct SchemaNode SchemaNode;
struct SchemaNode
{
  char *key;
  gsize key_len;
  int fact;     /* the fact slot, or -1 for an object */
  guint object; /* objects: their number, for the duplicate-key check */
  SchemaNode **children;
  guint n_children;
  const char **child_keys;
  const char **suggest_keys; /* the keys an unknown key may be a typo of (the root adds format, id, as_of) */
  guint n_suggest_keys;
};

struct _ActiveringRuleSet
{
  gatomicrefcount ref;
  GPtrArray *allocations; /* everything below is freed with it */
  char *id, *version, *digest;
  char **languages;
  guint n_languages;
  Text title;
  char **symbols; /* symbol id to string */
  guint n_symbols;
  FactDecl *facts;
  guint n_facts;
  ParamDecl *params;
  guint n_params;
  Role *roles;
  guint n_roles;
  Measure *measures;
  guint n_measures;
  Obligation *obligations;
  guint n_obligations;
  Program program;
  SchemaNode *schema;
  guint n_schema_objects;
};

/* Allocations owned by the rule set. */
gpointer rule_set_alloc (ActiveringRuleSet *rules, gsize size);
char *rule_set_strdup (ActiveringRuleSet *rules, const char *s);

/* The index of @lang among the rule set's languages (NULL: 0), or -1. */
int rule_set_language_index (const ActiveringRuleSet *rules, const char *lang);

/* Parses and checks @data; the rule set's structures are filled in. Defined in rules-load.c. */
gboolean rule_set_load (ActiveringRuleSet *rules, const char *data, gsize length, const char *document, GError **error);
