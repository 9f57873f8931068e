/* expr-compile.c: the rule language's expressions, type-checked and compiled into the flat program. */
#include "config.h"

#include <string.h>

#include "rules/loader-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

const char *
value_type_name (ValueType type)
{
  static const char *const names[] = { "bool", "integer", "number", "date", "enum", "enum_list", "runs", "string", "id" };
  return type < G_N_ELEMENTS (names) ? names[type] : "?";
}

gint32
expr_add_node (Loader *L, const Node *node)
{
  g_array_append_val (L->nodes, *node);
  return (gint32) L->nodes->len - 1;
}

static Node
node_of (Op op, ValueType type)
{
  Node n;
  memset (&n, 0, sizeof n);
  n.op = (guint8) op;
  n.type = (guint8) type;
  n.a = n.b = n.c = -1;
  return n;
}

static Node *
node_at (Loader *L, gint32 index)
{
  return &g_array_index (L->nodes, Node, index);
}

static gint32
add_args (Loader *L, const gint32 *values, guint n)
{
  gint32 start = (gint32) L->args->len;
  g_array_append_vals (L->args, values, n);
  return start;
}

static gboolean
is_numeric (ValueType t)
{
  return t == TYPE_INTEGER || t == TYPE_NUMBER;
}

static void
widen_to_number (Loader *L, Typed *t)
{
  if (t->type != TYPE_INTEGER)
    return;
  Node n = node_of (OP_TO_NUMBER, TYPE_NUMBER);
  n.a = t->node;
  t->node = expr_add_node (L, &n);
  t->type = TYPE_NUMBER;
}

static gboolean
domain_has (const Typed *t, guint32 symbol, guint *position)
{
  for (guint i = 0; i < t->n_domain; i++)
    if (t->domain[i] == symbol)
      {
        if (position)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
fail_not_in_domain (Loader *L, guint32 symbol, const Typed *t)
{
  const char *word = g_ptr_array_index (L->symbols, symbol);
  g_autofree const char **names = g_new0 (const char *, t->n_domain + 1);
  for (guint i = 0; i < t->n_domain; i++)
    names[i] = g_ptr_array_index (L->symbols, t->domain[i]);
  const char *hint = activering_suggest (word, strlen (word), names, t->n_domain);
  g_autofree char *allowed = g_strjoinv (", ", (char **) names);
  return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" is not one of the values compared with (%s)%s%s%s",
                      word, allowed, hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "");
}

/* Gives a string literal the enum type of the other side, checking that it is one of its values. */
static gboolean
resolve_literal (Loader *L, Typed *literal, const Typed *other)
{
  if (other->type != TYPE_ENUM)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE,
                        "a string literal can only be compared with an enum, not with %s",
                        value_type_name (other->type));
  guint32 symbol = (guint32) node_at (L, literal->node)->constant.i;
  if (!domain_has (other, symbol, NULL))
    return fail_not_in_domain (L, symbol, other);
  node_at (L, literal->node)->type = TYPE_ENUM;
  literal->type = TYPE_ENUM;
  literal->domain = other->domain;
  literal->n_domain = other->n_domain;
  return TRUE;
}

/* Brings two operands to one type for equality, ordering, min/max and if. */
static gboolean
unify (Loader *L, Typed *a, Typed *b, const char *op)
{
  if (a->type == TYPE_LITERAL && b->type == TYPE_LITERAL)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'%s' needs at least one operand that is not a string literal",
                        op);
  if (a->type == TYPE_LITERAL)
    return resolve_literal (L, a, b);
  if (b->type == TYPE_LITERAL)
    return resolve_literal (L, b, a);
  if (is_numeric (a->type) && is_numeric (b->type))
    {
      if (a->type != b->type)
        {
          widen_to_number (L, a);
          widen_to_number (L, b);
        }
      return TRUE;
    }
  if (a->type != b->type || a->type == TYPE_RUNS)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'%s' cannot combine %s with %s", op, value_type_name (a->type),
                        value_type_name (b->type));
  return TRUE;
}

static gboolean
expect (Loader *L, const Typed *t, ValueType want, const char *what)
{
  if (t->type == want)
    return TRUE;
  return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "%s must be %s, found %s", what, value_type_name (want),
                      value_type_name (t->type));
}

/* Reads the operand list of an operator: an array of @min..@max expressions (a lone expression counts as one). */
static gboolean
operands (Loader *L, json_object *value, guint min, guint max, json_object **items, guint *n)
{
  if (!json_object_is_type (value, json_type_array))
    {
      if (min > 1)
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an array of %u operands", min);
      items[0] = value;
      *n = 1;
      return TRUE;
    }
  gsize len = json_object_array_length (value);
  if (len < min || len > max)
    return min == max ? loader_fail (L, ACTIVERING_ERROR_TYPE, "expected %u operands, found %zu", min, len)
                      : loader_fail (L, ACTIVERING_ERROR_TYPE, "expected %u to %u operands, found %zu", min, max, len);
  for (gsize i = 0; i < len; i++)
    items[i] = json_object_array_get_idx (value, i);
  *n = (guint) len;
  return TRUE;
}

static gboolean
compile_at (Loader *L, json_object *e, guint index, Typed *out)
{
  gsize mark = loader_push_index (L, index);
  gboolean ok = expr_compile (L, e, out);
  if (ok)
    loader_pop (L, mark);
  return ok;
}

typedef struct
{
  const char *name;
  Op op;
} OpName;

static const OpName comparisons[] = {
  { "==", OP_EQ }, { "!=", OP_NE }, { "<", OP_LT }, { "<=", OP_LE }, { ">", OP_GT }, { ">=", OP_GE },
};

static gboolean
compile_comparison (Loader *L, Op op, const char *name, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed a, b;
  if (!operands (L, value, 2, 2, items, &n) || !compile_at (L, items[0], 0, &a) || !compile_at (L, items[1], 1, &b))
    return FALSE;
  if (!unify (L, &a, &b, name))
    return FALSE;
  if (op != OP_EQ && op != OP_NE && !is_numeric (a.type) && a.type != TYPE_DATE)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'%s' orders numbers or dates, not %s", name,
                        value_type_name (a.type));
  Node node = node_of (op, TYPE_BOOL);
  node.a = a.node;
  node.b = b.node;
  node.numeric = a.type == TYPE_NUMBER;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_BOOL;
  return TRUE;
}

static gboolean
compile_logic (Loader *L, Op op, json_object *value, Typed *out)
{
  if (!json_object_is_type (value, json_type_array) || json_object_array_length (value) == 0)
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a non-empty array of conditions");
  guint n = (guint) json_object_array_length (value);
  g_autofree gint32 *children = g_new (gint32, n);
  for (guint i = 0; i < n; i++)
    {
      Typed t;
      if (!compile_at (L, json_object_array_get_idx (value, i), i, &t))
        return FALSE;
      gsize mark = loader_push_index (L, i);
      if (!expect (L, &t, TYPE_BOOL, "a condition"))
        return FALSE;
      loader_pop (L, mark);
      children[i] = t.node;
    }
  Node node = node_of (op, TYPE_BOOL);
  node.args = add_args (L, children, n);
  node.n_args = (gint32) n;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_BOOL;
  return TRUE;
}

static gboolean
compile_min_max (Loader *L, Op op, const char *name, json_object *value, Typed *out)
{
  json_object *items[16];
  guint n;
  Typed t[16];
  if (!operands (L, value, 1, 16, items, &n))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!compile_at (L, items[i], i, &t[i]))
      return FALSE;
  gboolean any_number = FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!is_numeric (t[i].type) && t[i].type != TYPE_DATE)
        return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'%s' takes numbers or dates, not %s", name,
                            value_type_name (t[i].type));
      if ((t[i].type == TYPE_DATE) != (t[0].type == TYPE_DATE))
        return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'%s' cannot mix dates and numbers", name);
      any_number |= t[i].type == TYPE_NUMBER;
    }
  gint32 children[16];
  for (guint i = 0; i < n; i++)
    {
      if (any_number)
        widen_to_number (L, &t[i]);
      children[i] = t[i].node;
    }
  Node node = node_of (op, t[0].type);
  node.numeric = t[0].type == TYPE_NUMBER;
  node.args = add_args (L, children, n);
  node.n_args = (gint32) n;
  out->node = expr_add_node (L, &node);
  out->type = t[0].type;
  return TRUE;
}

static gboolean
compile_arithmetic (Loader *L, Op op, const char *name, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed a, b;
  if (!operands (L, value, 2, 2, items, &n) || !compile_at (L, items[0], 0, &a) || !compile_at (L, items[1], 1, &b))
    return FALSE;
  if (!is_numeric (a.type) || !is_numeric (b.type))
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'%s' takes numbers, not %s and %s", name,
                        value_type_name (a.type), value_type_name (b.type));
  if (a.type != b.type)
    {
      widen_to_number (L, &a);
      widen_to_number (L, &b);
    }
  Node node = node_of (op, a.type);
  node.a = a.node;
  node.b = b.node;
  out->node = expr_add_node (L, &node);
  out->type = a.type;
  return TRUE;
}

/* age_on, months_between, days_between: two dates to an integer. */
static gboolean
compile_date_pair (Loader *L, Op op, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed a, b;
  if (!operands (L, value, 2, 2, items, &n) || !compile_at (L, items[0], 0, &a) || !compile_at (L, items[1], 1, &b))
    return FALSE;
  if (!expect (L, &a, TYPE_DATE, "the first operand") || !expect (L, &b, TYPE_DATE, "the second operand"))
    return FALSE;
  Node node = node_of (op, TYPE_INTEGER);
  node.a = a.node;
  node.b = b.node;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_INTEGER;
  return TRUE;
}

/* add_days, add_weeks, add_months, add_years: a date and an integer count to a date. */
static gboolean
compile_date_shift (Loader *L, Op op, gint64 unit, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed a, b;
  if (!operands (L, value, 2, 2, items, &n) || !compile_at (L, items[0], 0, &a) || !compile_at (L, items[1], 1, &b))
    return FALSE;
  if (!expect (L, &a, TYPE_DATE, "the first operand") || !expect (L, &b, TYPE_INTEGER, "the second operand"))
    return FALSE;
  Node node = node_of (op, TYPE_DATE);
  node.a = a.node;
  node.b = b.node;
  node.imm = unit;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_DATE;
  return TRUE;
}

gboolean
expr_compile_fact_path (Loader *L, const char *path, Typed *out)
{
  gpointer slot_plus_one = g_hash_table_lookup (L->facts_by_path, path);
  if (slot_plus_one == NULL)
    {
      const char **paths = g_new0 (const char *, L->rules->n_facts + 1);
      for (guint i = 0; i < L->rules->n_facts; i++)
        paths[i] = L->rules->facts[i].path;
      const char *hint = activering_suggest (path, strlen (path), paths, L->rules->n_facts);
      gboolean r = loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown fact \"%s\"%s%s%s", path,
                                hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
      g_free (paths);
      return r;
    }
  guint slot = GPOINTER_TO_UINT (slot_plus_one) - 1;
  const FactDecl *decl = &L->rules->facts[slot];
  if (decl->type == TYPE_ID)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "fact \"%s\" is an id: an expression cannot read it", path);
  Node node = node_of (OP_FACT, decl->type);
  node.imm = slot;
  out->node = expr_add_node (L, &node);
  out->type = decl->type;
  out->domain = decl->values;
  out->n_domain = decl->n_values;
  out->fact = (int) slot;
  return TRUE;
}

static gboolean
compile_fact (Loader *L, json_object *value, Typed *out)
{
  if (!json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "'fact' expects a fact path as a string");
  return expr_compile_fact_path (L, json_object_get_string (value), out);
}

static gboolean
compile_param (Loader *L, json_object *value, Typed *out)
{
  if (!json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "'param' expects a parameter name as a string");
  const char *name = json_object_get_string (value);
  gpointer index_plus_one = g_hash_table_lookup (L->params_by_name, name);
  if (index_plus_one == NULL)
    {
      const char **names = g_new0 (const char *, L->rules->n_params + 1);
      for (guint i = 0; i < L->rules->n_params; i++)
        names[i] = L->rules->params[i].name;
      const char *hint = activering_suggest (name, strlen (name), names, L->rules->n_params);
      gboolean r = loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown parameter \"%s\"%s%s%s", name,
                                hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
      g_free (names);
      return r;
    }
  guint index = GPOINTER_TO_UINT (index_plus_one) - 1;
  Node node = node_of (OP_PARAM, L->rules->params[index].type);
  node.imm = index;
  out->node = expr_add_node (L, &node);
  out->type = L->rules->params[index].type;
  return TRUE;
}

static gboolean
compile_definition (Loader *L, json_object *value, Typed *out)
{
  if (!json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "'def' expects a definition name as a string");
  const char *name = json_object_get_string (value);
  gpointer index_plus_one = L->definitions_by_name ? g_hash_table_lookup (L->definitions_by_name, name) : NULL;
  if (index_plus_one == NULL)
    return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown definition \"%s\"", name);
  guint index = GPOINTER_TO_UINT (index_plus_one) - 1;
  if (L->definition_state[index] == IN_PROGRESS)
    return loader_fail (L, ACTIVERING_ERROR_CYCLE, "definition \"%s\" depends on itself", name);
  if (L->definition_state[index] == PENDING)
    {
      /* Compile the definition where it is declared, so its errors carry its own path. */
      g_autofree char *saved = g_strdup (L->path->str);
      g_string_assign (L->path, "/definitions");
      loader_push (L, name);
      json_object *decl = json_object_object_get (L->definitions, name);
      json_object *type = json_object_object_get (decl, "type");
      json_object *expr = json_object_object_get (decl, "expr");
      L->definition_state[index] = IN_PROGRESS;
      loader_push (L, "expr");
      if (!expr_compile (L, expr, &L->definition_value[index]))
        return FALSE;
      g_string_truncate (L->path, L->path->len - strlen ("/expr"));
      const char *want = json_object_get_string (type);
      const Typed *got = &L->definition_value[index];
      if (g_strcmp0 (want, value_type_name (got->type)) != 0)
        {
          loader_push (L, "type");
          return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "declared as %s, but the expression is %s", want,
                              value_type_name (got->type));
        }
      L->definition_state[index] = DONE;
      g_string_assign (L->path, saved);
    }
  *out = L->definition_value[index];
  return TRUE;
}

static gboolean
compile_measure_ref (Loader *L, json_object *value, Typed *out)
{
  if (!json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "'measure' expects a measure code as a string");
  const char *code = json_object_get_string (value);
  gpointer index_plus_one = g_hash_table_lookup (L->measures_by_code, code);
  if (index_plus_one == NULL)
    return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown measure \"%s\"", code);
  guint index = GPOINTER_TO_UINT (index_plus_one) - 1;
  if (L->measure_state[index] == IN_PROGRESS)
    return loader_fail (L, ACTIVERING_ERROR_CYCLE, "measure \"%s\" depends on its own outcome", code);
  if (L->measure_state[index] == PENDING)
    {
      g_autofree char *saved = g_strdup (L->path->str);
      if (!loader_compile_measure (L, index))
        return FALSE;
      g_string_assign (L->path, saved);
    }
  out->node = L->rules->measures[index].outcome_node;
  out->type = TYPE_BOOL;
  return TRUE;
}

/* absent: {"fact": path}. Two-valued, like known, but it tells an absent key (nobody asked) from a null one
 * (asked, not known), which the contract gives different meanings for some facts. */
static gboolean
compile_absent (Loader *L, json_object *value, Typed *out)
{
  json_object *path = NULL;
  if (!json_object_is_type (value, json_type_object) || json_object_object_length (value) != 1
      || !json_object_object_get_ex (value, "fact", &path))
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "'absent' applies to a fact only: {\"absent\": {\"fact\": …}}");
  Typed fact;
  gsize mark = loader_push (L, "fact");
  if (!compile_fact (L, path, &fact))
    return FALSE;
  loader_pop (L, mark);
  Node node = node_of (OP_ABSENT, TYPE_BOOL);
  node.imm = node_at (L, fact.node)->imm;
  node.a = fact.node; /* read by nothing at run time, but it names the fact the condition reads */
  out->node = expr_add_node (L, &node);
  out->type = TYPE_BOOL;
  return TRUE;
}

/* param_on: ["name", date]: the parameter's value on a date other than the evaluation date, such as a proposal's
 * start (contract C5: a proposal is judged by the rules in force when it starts). */
static gboolean
compile_param_on (Loader *L, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed param, day;
  if (!operands (L, value, 2, 2, items, &n))
    return FALSE;
  gsize mark = loader_push_index (L, 0);
  if (!compile_param (L, items[0], &param))
    return FALSE;
  loader_pop (L, mark);
  if (!compile_at (L, items[1], 1, &day) || !expect (L, &day, TYPE_DATE, "the date of 'param_on'"))
    return FALSE;
  Node node = node_of (OP_PARAM_ON, param.type);
  node.imm = node_at (L, param.node)->imm;
  node.a = day.node;
  out->node = expr_add_node (L, &node);
  out->type = param.type;
  return TRUE;
}

static gboolean
compile_date_literal (Loader *L, json_object *value, Typed *out)
{
  gint32 day;
  if (!json_object_is_type (value, json_type_string)
      || !activering_parse_date (json_object_get_string (value), (gsize) json_object_get_string_len (value), &day))
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "'date' expects a valid date as \"YYYY-MM-DD\"");
  Node node = node_of (OP_CONST, TYPE_DATE);
  node.constant.i = day;
  node.constant.known = TRUE;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_DATE;
  return TRUE;
}

/* in: [enum, [codes]] */
static gboolean
compile_in (Loader *L, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed a;
  if (!operands (L, value, 2, 2, items, &n) || !compile_at (L, items[0], 0, &a))
    return FALSE;
  if (!expect (L, &a, TYPE_ENUM, "the first operand of 'in'"))
    return FALSE;
  gsize mark = loader_push_index (L, 1);
  if (!json_object_is_type (items[1], json_type_array) || json_object_array_length (items[1]) == 0)
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a non-empty array of codes");
  guint count = (guint) json_object_array_length (items[1]);
  g_autofree gint32 *symbols = g_new (gint32, count);
  for (guint i = 0; i < count; i++)
    {
      json_object *code = json_object_array_get_idx (items[1], i);
      gsize item_mark = loader_push_index (L, i);
      if (!json_object_is_type (code, json_type_string))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a code as a string");
      guint32 symbol = loader_intern (L, json_object_get_string (code));
      if (!domain_has (&a, symbol, NULL))
        return fail_not_in_domain (L, symbol, &a);
      symbols[i] = (gint32) symbol;
      loader_pop (L, item_mark);
    }
  loader_pop (L, mark);
  Node node = node_of (OP_IN, TYPE_BOOL);
  node.a = a.node;
  node.args = add_args (L, symbols, count);
  node.n_args = (gint32) count;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_BOOL;
  return TRUE;
}

/* contains: [enum_list, "code"] */
static gboolean
compile_contains (Loader *L, json_object *value, Typed *out)
{
  json_object *items[2];
  guint n;
  Typed list;
  if (!operands (L, value, 2, 2, items, &n) || !compile_at (L, items[0], 0, &list))
    return FALSE;
  if (!expect (L, &list, TYPE_ENUM_LIST, "the first operand of 'contains'"))
    return FALSE;
  gsize mark = loader_push_index (L, 1);
  if (!json_object_is_type (items[1], json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a code as a string");
  guint32 symbol = loader_intern (L, json_object_get_string (items[1]));
  guint bit;
  if (!domain_has (&list, symbol, &bit))
    return fail_not_in_domain (L, symbol, &list);
  loader_pop (L, mark);
  Node node = node_of (OP_CONTAINS, TYPE_BOOL);
  node.a = list.node;
  node.imm = bit;
  out->node = expr_add_node (L, &node);
  out->type = TYPE_BOOL;
  return TRUE;
}

/* count_runs and latest_start: {"of": {"fact": runs}, "measures": [codes], "running_on": date} */
static gboolean
compile_runs (Loader *L, Op op, json_object *value, Typed *out)
{
  if (!json_object_is_type (value, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object with \"of\", \"measures\" and \"running_on\"");
  json_object_object_foreach (value, key, child)
    {
      (void) child;
      if (strcmp (key, "of") != 0 && strcmp (key, "measures") != 0 && strcmp (key, "running_on") != 0)
        {
          loader_push (L, key);
          return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_KEY,
                              "unknown key (expected \"of\", \"measures\" or \"running_on\")");
        }
    }
  json_object *of = json_object_object_get (value, "of");
  json_object *measures = json_object_object_get (value, "measures");
  json_object *running_on = json_object_object_get (value, "running_on");
  if (of == NULL)
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"of\"");
  Typed runs;
  gsize mark = loader_push (L, "of");
  if (!expr_compile (L, of, &runs))
    return FALSE;
  if (node_at (L, runs.node)->op != OP_FACT || runs.type != TYPE_RUNS)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "expected a fact of type runs");
  loader_pop (L, mark);
  guint64 mask = 0;
  if (measures != NULL)
    {
      mark = loader_push (L, "measures");
      if (!json_object_is_type (measures, json_type_array))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an array of measure codes");
      for (gsize i = 0; i < json_object_array_length (measures); i++)
        {
          json_object *code = json_object_array_get_idx (measures, i);
          gsize item_mark = loader_push_index (L, (guint) i);
          if (!json_object_is_type (code, json_type_string))
            return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a code as a string");
          guint bit;
          guint32 symbol = loader_intern (L, json_object_get_string (code));
          if (!domain_has (&runs, symbol, &bit))
            return fail_not_in_domain (L, symbol, &runs);
          mask |= G_GUINT64_CONSTANT (1) << bit;
          loader_pop (L, item_mark);
        }
      loader_pop (L, mark);
    }
  else
    mask = G_MAXUINT64;
  gint32 on = -1;
  if (running_on != NULL)
    {
      Typed day;
      mark = loader_push (L, "running_on");
      if (!expr_compile (L, running_on, &day) || !expect (L, &day, TYPE_DATE, "\"running_on\""))
        return FALSE;
      loader_pop (L, mark);
      on = day.node;
    }
  Node node = node_of (op, op == OP_COUNT_RUNS ? TYPE_INTEGER : TYPE_DATE);
  node.imm = node_at (L, runs.node)->imm;
  node.imm2 = (gint64) mask;
  node.a = runs.node;
  node.c = on;
  out->node = expr_add_node (L, &node);
  out->type = (ValueType) node.type;
  return TRUE;
}

static gboolean
compile_operator (Loader *L, const char *op, json_object *value, Typed *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    if (strcmp (op, comparisons[i].name) == 0)
      return compile_comparison (L, comparisons[i].op, op, value, out);
  if (strcmp (op, "all") == 0)
    return compile_logic (L, OP_ALL, value, out);
  if (strcmp (op, "any") == 0)
    return compile_logic (L, OP_ANY, value, out);
  if (strcmp (op, "fact") == 0)
    return compile_fact (L, value, out);
  if (strcmp (op, "param") == 0)
    return compile_param (L, value, out);
  if (strcmp (op, "param_on") == 0)
    return compile_param_on (L, value, out);
  if (strcmp (op, "def") == 0)
    return compile_definition (L, value, out);
  if (strcmp (op, "measure") == 0)
    return compile_measure_ref (L, value, out);
  if (strcmp (op, "absent") == 0)
    return compile_absent (L, value, out);
  if (strcmp (op, "date") == 0)
    return compile_date_literal (L, value, out);
  if (strcmp (op, "in") == 0)
    return compile_in (L, value, out);
  if (strcmp (op, "contains") == 0)
    return compile_contains (L, value, out);
  if (strcmp (op, "count_runs") == 0)
    return compile_runs (L, OP_COUNT_RUNS, value, out);
  if (strcmp (op, "latest_start") == 0)
    return compile_runs (L, OP_LATEST_START, value, out);
  if (strcmp (op, "min") == 0)
    return compile_min_max (L, OP_MIN, op, value, out);
  if (strcmp (op, "max") == 0)
    return compile_min_max (L, OP_MAX, op, value, out);
  if (strcmp (op, "+") == 0)
    return compile_arithmetic (L, OP_ADD, op, value, out);
  if (strcmp (op, "-") == 0)
    return compile_arithmetic (L, OP_SUB, op, value, out);
  if (strcmp (op, "*") == 0)
    return compile_arithmetic (L, OP_MUL, op, value, out);
  if (strcmp (op, "age_on") == 0)
    return compile_date_pair (L, OP_AGE_ON, value, out);
  if (strcmp (op, "months_between") == 0)
    return compile_date_pair (L, OP_MONTHS_BETWEEN, value, out);
  if (strcmp (op, "days_between") == 0)
    return compile_date_pair (L, OP_DAYS_BETWEEN, value, out);
  if (strcmp (op, "add_days") == 0)
    return compile_date_shift (L, OP_ADD_DAYS, 1, value, out);
  if (strcmp (op, "add_weeks") == 0)
    return compile_date_shift (L, OP_ADD_DAYS, 7, value, out);
  if (strcmp (op, "add_months") == 0)
    return compile_date_shift (L, OP_ADD_MONTHS, 1, value, out);
  if (strcmp (op, "add_years") == 0)
    return compile_date_shift (L, OP_ADD_MONTHS, 12, value, out);
  if (strcmp (op, "as_of") == 0)
    {
      Node node = node_of (OP_AS_OF, TYPE_DATE);
      out->node = expr_add_node (L, &node);
      out->type = TYPE_DATE;
      return TRUE;
    }
  if (strcmp (op, "not") == 0 || strcmp (op, "known") == 0 || strcmp (op, "count") == 0)
    {
      json_object *items[1];
      guint n;
      Typed a;
      if (!operands (L, value, 1, 1, items, &n) || !expr_compile (L, items[0], &a))
        return FALSE;
      Op code = op[0] == 'n' ? OP_NOT : op[0] == 'k' ? OP_KNOWN : OP_COUNT;
      if (code == OP_NOT && !expect (L, &a, TYPE_BOOL, "the operand of 'not'"))
        return FALSE;
      if (code == OP_COUNT && !expect (L, &a, TYPE_ENUM_LIST, "the operand of 'count'"))
        return FALSE;
      Node node = node_of (code, code == OP_COUNT ? TYPE_INTEGER : TYPE_BOOL);
      node.a = a.node;
      out->node = expr_add_node (L, &node);
      out->type = (ValueType) node.type;
      return TRUE;
    }
  if (strcmp (op, "if") == 0)
    {
      json_object *items[3];
      guint n;
      Typed c, a, b;
      if (!operands (L, value, 3, 3, items, &n) || !compile_at (L, items[0], 0, &c) || !compile_at (L, items[1], 1, &a)
          || !compile_at (L, items[2], 2, &b))
        return FALSE;
      if (!expect (L, &c, TYPE_BOOL, "the condition of 'if'") || !unify (L, &a, &b, "if"))
        return FALSE;
      Node node = node_of (OP_IF, a.type);
      node.a = c.node;
      node.b = a.node;
      node.c = b.node;
      out->node = expr_add_node (L, &node);
      *out = a;
      out->node = (gint32) L->nodes->len - 1;
      return TRUE;
    }
  static const char *const known_ops[] = {
    "all",
    "any",
    "not",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "in",
    "contains",
    "count",
    "known",
    "absent",
    "if",
    "+",
    "-",
    "*",
    "min",
    "max",
    "fact",
    "param",
    "param_on",
    "def",
    "measure",
    "date",
    "as_of",
    "age_on",
    "months_between",
    "days_between",
    "add_days",
    "add_weeks",
    "add_months",
    "add_years",
    "count_runs",
    "latest_start",
  };
  const char *hint = activering_suggest (op, strlen (op), known_ops, G_N_ELEMENTS (known_ops));
  return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_KEY, "unknown operator \"%s\"%s%s%s", op,
                      hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
}

gboolean
expr_compile (Loader *L, json_object *e, Typed *out)
{
  memset (out, 0, sizeof *out);
  out->node = -1;
  out->fact = -1;
  if (++L->depth > RULES_MAX_DEPTH)
    return loader_fail (L, ACTIVERING_ERROR_TOO_LARGE, "expression nested deeper than %d levels", RULES_MAX_DEPTH);
  gboolean ok = FALSE;
  Node node = node_of (OP_CONST, TYPE_BOOL);
  node.constant.known = TRUE;
  switch (json_object_get_type (e))
    {
    case json_type_boolean:
      node.constant.i = json_object_get_boolean (e);
      out->type = TYPE_BOOL;
      ok = TRUE;
      break;
    case json_type_int:
      node.type = TYPE_INTEGER;
      node.constant.i = json_object_get_int64 (e);
      out->type = TYPE_INTEGER;
      ok = TRUE;
      break;
    case json_type_double:
      node.type = TYPE_NUMBER;
      node.constant.n = json_object_get_double (e);
      out->type = TYPE_NUMBER;
      ok = TRUE;
      break;
    case json_type_string:
      node.type = TYPE_LITERAL;
      node.constant.i = loader_intern (L, json_object_get_string (e));
      out->type = TYPE_LITERAL;
      ok = TRUE;
      break;
    case json_type_object:
      if (json_object_object_length (e) != 1)
        {
          loader_fail (L, ACTIVERING_ERROR_TYPE, "an expression object has exactly one key, its operator");
          break;
        }
      json_object_object_foreach (e, op, value)
        {
          gsize mark = loader_push (L, op);
          ok = compile_operator (L, op, value, out);
          if (ok)
            loader_pop (L, mark);
        }
      break;
    case json_type_null:
    case json_type_array:
    default:
      loader_fail (L, ACTIVERING_ERROR_TYPE,
                   "expected an expression (a literal or an object with one operator), found %s",
                   json_object_get_type (e) == json_type_array ? "an array" : "null");
      break;
    }
  if (ok && json_object_get_type (e) != json_type_object)
    out->node = expr_add_node (L, &node);
  L->depth--;
  return ok;
}

gboolean
expr_compile_as (Loader *L, json_object *e, ValueType want, Typed *out)
{
  if (!expr_compile (L, e, out))
    return FALSE;
  if (want == TYPE_NUMBER && out->type == TYPE_INTEGER)
    {
      widen_to_number (L, out);
      return TRUE;
    }
  return expect (L, out, want, "the expression");
}
