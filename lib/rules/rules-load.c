/* rules-load.c: reading an `activering.rules/1` document, checking it, and compiling it. */
#include "config.h"

#include <string.h>

#include "json/json-pointer-private.h"
#include "rules/loader-private.h"
#include "util/scan-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

#define RULES_FORMAT_KIND "activering.rules/"
#define RULES_FORMAT_MAJOR 1
#define MAX_FACT_SEGMENTS 16 /* well within the nesting a facts document may have */
#define MAX_ENUM_VALUES 4096

/* ---- paths and errors ---- */

gsize
loader_push (Loader *L, const char *key)
{
  return json_pointer_push (L->path, key, strlen (key));
}

gsize
loader_push_index (Loader *L, guint index)
{
  return json_pointer_push_index (L->path, index);
}

void
loader_pop (Loader *L, gsize mark)
{
  g_string_truncate (L->path, mark);
}

gboolean
loader_fail (Loader *L, ActiveringError code, const char *format, ...)
{
  if (L->failed)
    return FALSE;
  L->failed = TRUE;
  va_list args;
  va_start (args, format);
  activering_set_error_at (L->error, code, L->document, L->path->str, format, args);
  va_end (args);
  return FALSE;
}

guint32
loader_intern (Loader *L, const char *s)
{
  gpointer id_plus_one = g_hash_table_lookup (L->symbols_by_name, s);
  if (id_plus_one != NULL)
    return GPOINTER_TO_UINT (id_plus_one) - 1;
  gsize len = strlen (s);
  char *copy = rule_set_alloc (L->rules, ACTIVERING_PADDED_SIZE (len)); /* zero-padded: compared 8 bytes at a time */
  memcpy (copy, s, len);
  g_ptr_array_add (L->symbols, copy);
  g_hash_table_insert (L->symbols_by_name, copy, GUINT_TO_POINTER (L->symbols->len));
  return L->symbols->len - 1;
}

/* ---- sections ---- */

static gboolean
load_header (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  if (!json_object_object_get_ex (root, "format", NULL))
    return loader_fail (L, ACTIVERING_ERROR_FORMAT, "missing \"format\" (expected \"%s%d\")", RULES_FORMAT_KIND,
                        RULES_FORMAT_MAJOR);
  const char *format = loader_member_string (L, root, "format", TRUE);
  if (format == NULL)
    return FALSE;
  if (!g_str_has_prefix (format, RULES_FORMAT_KIND))
    {
      loader_push (L, "format");
      return loader_fail (L, ACTIVERING_ERROR_FORMAT, "\"%s\" is not a rule set (expected \"%s%d\")", format,
                          RULES_FORMAT_KIND, RULES_FORMAT_MAJOR);
    }
  if (g_strcmp0 (format + strlen (RULES_FORMAT_KIND), G_STRINGIFY (RULES_FORMAT_MAJOR)) != 0)
    {
      loader_push (L, "format");
      return loader_fail (L, ACTIVERING_ERROR_FORMAT,
                          "\"%s\" is a major version this library does not read (it reads %s%d)", format,
                          RULES_FORMAT_KIND, RULES_FORMAT_MAJOR);
    }
  const char *id = loader_member_string (L, root, "id", TRUE);
  const char *version = loader_member_string (L, root, "version", TRUE);
  if (id == NULL || version == NULL)
    return FALSE;
  rules->id = rule_set_strdup (rules, id);
  rules->version = rule_set_strdup (rules, version);

  json_object *languages = loader_member (L, root, "languages", json_type_array, TRUE);
  if (languages == NULL)
    return FALSE;
  gsize mark = loader_push (L, "languages");
  guint n = (guint) json_object_array_length (languages);
  if (n == 0 || n > 16)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected 1 to 16 language codes");
  rules->languages = rule_set_alloc (rules, sizeof (char *) * (n + 1));
  for (guint i = 0; i < n; i++)
    {
      json_object *code = json_object_array_get_idx (languages, i);
      gsize item = loader_push_index (L, i);
      if (!json_object_is_type (code, json_type_string) || json_object_get_string_len (code) < 2
          || json_object_get_string_len (code) > 8 || !loader_is_code (json_object_get_string (code)))
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected a language code such as \"nl\"");
      for (guint j = 0; j < i; j++)
        if (strcmp (rules->languages[j], json_object_get_string (code)) == 0)
          return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "language \"%s\" is listed twice", rules->languages[j]);
      rules->languages[i] = rule_set_strdup (rules, json_object_get_string (code));
      loader_pop (L, item);
    }
  rules->n_languages = n;
  loader_pop (L, mark);
  return loader_text (L, root, "title", &rules->title);
}

/* in_force: {"from": date, "until": date|null}: the days this file of a rule set's history is the law (both
 * included; null: still in force). Absent: in force on every day (a history of one). */
static gboolean
load_in_force (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  rules->in_force_from = G_MININT32;
  rules->in_force_until = G_MAXINT32;
  json_object *in_force = NULL;
  if (!json_object_object_get_ex (root, "in_force", &in_force))
    return TRUE;
  if (in_force == NULL) /* json-c's null */
    {
      loader_push (L, "in_force");
      return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object {\"from\", \"until\"}, found null");
    }
  if ((in_force = loader_member (L, root, "in_force", json_type_object, TRUE)) == NULL)
    return FALSE;
  gsize mark = loader_push (L, "in_force");
  static const char *const keys[] = { "from", "until", NULL };
  gboolean present;
  if (!loader_check_keys (L, in_force, keys) || !loader_member_date (L, in_force, "from", TRUE, &rules->in_force_from,
                                                                      &present))
    return FALSE;
  if (!json_object_object_get_ex (in_force, "until", NULL))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"until\" (its last day in force, or null)");
  if (!loader_member_date (L, in_force, "until", FALSE, &rules->in_force_until, &present))
    return FALSE;
  if (!present)
    rules->in_force_until = G_MAXINT32;
  else if (rules->in_force_until < rules->in_force_from)
    {
      loader_push (L, "until");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"until\" is before \"from\"");
    }
  rules->has_in_force = TRUE;
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_roles (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *roles = loader_member (L, root, "roles", json_type_object, TRUE);
  if (roles == NULL)
    return FALSE;
  gsize mark = loader_push (L, "roles");
  rules->n_roles = (guint) json_object_object_length (roles);
  rules->roles = rule_set_alloc (rules, sizeof (Role) * MAX (rules->n_roles, 1));
  guint i = 0;
  json_object_object_foreach (roles, code, decl)
    {
      gsize item = loader_push (L, code);
      if (!loader_is_code (code))
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                            "a role code is lowercase snake_case, optionally dotted");
      if (!json_object_is_type (decl, json_type_object))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object, found %s", loader_json_type_label (decl));
      static const char *const keys[] = { "label", "presence", NULL };
      Role *role = &rules->roles[i++];
      role->code = rule_set_strdup (rules, code);
      if (!loader_check_keys (L, decl, keys) || !loader_text (L, decl, "label", &role->label))
        return FALSE;
      const char *presence = loader_member_string (L, decl, "presence", FALSE);
      if (L->failed)
        return FALSE;
      if (presence != NULL && strcmp (presence, "always") != 0 && strcmp (presence, "listed") != 0)
        {
          loader_push (L, "presence");
          return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                              "expected \"always\" (every dossier has it) or \"listed\" (an organisation lists its "
                              "actors), found \"%s\"",
                              presence);
        }
      role->always = presence != NULL && strcmp (presence, "always") == 0;
      g_hash_table_insert (L->roles_by_code, role->code, role);
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
parse_fact_type (const char *name, ValueType *out)
{
  static const struct
  {
    const char *name;
    ValueType type;
  } types[] = {
    { "bool", TYPE_BOOL }, { "integer", TYPE_INTEGER },     { "number", TYPE_NUMBER }, { "date", TYPE_DATE },
    { "enum", TYPE_ENUM }, { "enum_list", TYPE_ENUM_LIST }, { "runs", TYPE_RUNS },         { "id", TYPE_ID },
  };
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (name, types[i].name) == 0)
      {
        *out = types[i].type;
        return TRUE;
      }
  return FALSE;
}

static gboolean
load_fact (Loader *L, const char *path, json_object *decl, FactDecl *fact)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "type", "values", "min", "max", "label", "supplied_by", NULL };
  if (!json_object_is_type (decl, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object, found %s", loader_json_type_label (decl));
  if (!loader_check_keys (L, decl, keys))
    return FALSE;
  g_auto (GStrv) segments = g_strsplit (path, ".", -1);
  if (!loader_is_code (path) || strcmp (segments[0], "format") == 0 || strcmp (segments[0], "id") == 0
      || strcmp (segments[0], "as_of") == 0)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                        "a fact path is dotted lowercase snake_case, and does not start with \"format\", \"id\" or "
                        "\"as_of\" (those belong to every facts document)");
  if (g_strv_length (segments) > MAX_FACT_SEGMENTS)
    return loader_fail (L, ACTIVERING_ERROR_TOO_LARGE, "a fact path has at most %d segments", MAX_FACT_SEGMENTS);
  fact->path = rule_set_strdup (rules, path);
  const char *type = loader_member_string (L, decl, "type", TRUE);
  if (type == NULL)
    return FALSE;
  if (!parse_fact_type (type, &fact->type))
    {
      loader_push (L, "type");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                          "unknown type \"%s\" (expected bool, integer, number, date, enum, enum_list, runs or id)", type);
    }
  gboolean has_values = fact->type == TYPE_ENUM || fact->type == TYPE_ENUM_LIST || fact->type == TYPE_RUNS;
  json_object *values = loader_member (L, decl, "values", json_type_array, has_values);
  if (L->failed)
    return FALSE;
  if (values != NULL)
    {
      gsize mark = loader_push (L, "values");
      if (!has_values)
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "only enum, enum_list and runs facts have values");
      guint n = (guint) json_object_array_length (values);
      if (n == 0 || n > (fact->type == TYPE_ENUM ? MAX_ENUM_VALUES : 64))
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected 1 to %d values",
                            fact->type == TYPE_ENUM ? MAX_ENUM_VALUES : 64);
      fact->values = rule_set_alloc (rules, sizeof (guint32) * n);
      for (guint i = 0; i < n; i++)
        {
          json_object *code = json_object_array_get_idx (values, i);
          gsize item = loader_push_index (L, i);
          if (!json_object_is_type (code, json_type_string) || json_object_get_string_len (code) == 0)
            return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a non-empty string");
          fact->values[i] = loader_intern (L, json_object_get_string (code));
          for (guint j = 0; j < i; j++)
            if (fact->values[j] == fact->values[i])
              return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "value \"%s\" is listed twice",
                                  json_object_get_string (code));
          loader_pop (L, item);
        }
      fact->n_values = n;
      loader_pop (L, mark);
    }
  for (int bound = 0; bound < 2; bound++)
    {
      const char *key = bound == 0 ? "min" : "max";
      json_object *limit = NULL;
      if (!json_object_object_get_ex (decl, key, &limit))
        continue;
      gsize mark = loader_push (L, key);
      if (fact->type != TYPE_INTEGER && fact->type != TYPE_NUMBER)
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "only integer and number facts have bounds");
      if (!json_object_is_type (limit, json_type_int) && !json_object_is_type (limit, json_type_double))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a number, found %s", loader_json_type_label (limit));
      loader_pop (L, mark);
      if (bound == 0)
        fact->has_min = TRUE, fact->min = json_object_get_double (limit);
      else
        fact->has_max = TRUE, fact->max = json_object_get_double (limit);
    }
  if (fact->has_min && fact->has_max && fact->min > fact->max)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"min\" is greater than \"max\"");
  return loader_text (L, decl, "label", &fact->label) && loader_role (L, decl, "supplied_by", &fact->supplied_by);
}

/* Builds the shape of a facts document from the dotted paths. A node is found by its path prefix ("a.b"), so that
 * a rule set of many facts loads in linear time. */
static SchemaNode *
schema_child (Loader *L, SchemaNode *parent, const char *path, gsize prefix_len, const char *key, gsize len)
{
  g_autofree char *prefix = g_strndup (path, prefix_len);
  SchemaNode *child = g_hash_table_lookup (L->schema_by_prefix, prefix);
  if (child != NULL)
    return child;
  child = rule_set_alloc (L->rules, sizeof (SchemaNode));
  child->key = rule_set_alloc (L->rules, ACTIVERING_PADDED_SIZE (len)); /* zero-padded: compared 8 bytes at a time */
  memcpy (child->key, key, len);
  child->key_len = len;
  child->fact = -1;
  g_hash_table_insert (L->schema_by_prefix, g_steal_pointer (&prefix), child);
  /* The children arrays live in the rule set's arena: they double when full, so the copies add up to linear. */
  guint n = parent->n_children;
  if ((n & (n - 1)) == 0)
    {
      guint capacity = MAX (n * 2, 1);
      SchemaNode **children = rule_set_alloc (L->rules, sizeof (SchemaNode *) * capacity);
      const char **keys = rule_set_alloc (L->rules, sizeof (char *) * (capacity + 1));
      if (n > 0)
        {
          memcpy (children, parent->children, sizeof (SchemaNode *) * n);
          memcpy (keys, parent->child_keys, sizeof (char *) * n);
        }
      parent->children = children;
      parent->child_keys = keys;
    }
  parent->children[n] = child;
  parent->child_keys[n] = child->key;
  parent->n_children++;
  return child;
}

static gboolean
schema_add (Loader *L, guint slot)
{
  const char *path = L->rules->facts[slot].path;
  SchemaNode *node = L->rules->schema;
  const char *segment = path;
  while (TRUE)
    {
      const char *dot = strchr (segment, '.');
      gsize len = dot ? (gsize) (dot - segment) : strlen (segment);
      if (node->fact >= 0)
        return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "\"%s\" is declared as a fact, so it cannot hold \"%s\"",
                            L->rules->facts[node->fact].path, path);
      node = schema_child (L, node, path, (gsize) (segment - path) + len, segment, len);
      if (dot == NULL)
        break;
      segment = dot + 1;
    }
  if (node->n_children > 0)
    return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "\"%s\" is the parent of other facts, so it cannot be a fact",
                        path);
  node->fact = (int) slot;
  return TRUE;
}

/* Numbers the objects of the schema and lists the keys an unknown key may be a typo of. */
static void
number_schema (ActiveringRuleSet *rules, SchemaNode *node, gboolean root)
{
  if (node->fact >= 0)
    return;
  node->object = rules->n_schema_objects++;
  static const char *const document_keys[] = { "format", "id", "as_of" };
  guint extra = root ? G_N_ELEMENTS (document_keys) : 0;
  node->suggest_keys = rule_set_alloc (rules, sizeof (char *) * (node->n_children + extra + 1));
  for (guint i = 0; i < node->n_children; i++)
    node->suggest_keys[i] = node->child_keys[i];
  for (guint i = 0; i < extra; i++)
    node->suggest_keys[node->n_children + i] = document_keys[i];
  node->n_suggest_keys = node->n_children + extra;
  /* The children's key lengths and first eight bytes side by side, so that looking a key up does not go through
   * each child's node. */
  node->child_len = rule_set_alloc (rules, sizeof (gsize) * MAX (node->n_children, 1));
  node->child_head = rule_set_alloc (rules, sizeof (guint64) * MAX (node->n_children, 1));
  for (guint i = 0; i < node->n_children; i++)
    {
      node->child_len[i] = node->children[i]->key_len;
      memcpy (&node->child_head[i], node->children[i]->key, 8); /* zero-padded to at least 8 bytes */
    }
  for (guint i = 0; i < node->n_children; i++)
    number_schema (rules, node->children[i], FALSE);
}

static gint
compare_fact_paths (gconstpointer a, gconstpointer b, gpointer data)
{
  const ActiveringRuleSet *rules = data;
  return strcmp (rules->facts[*(const guint *) a].path, rules->facts[*(const guint *) b].path);
}

static gboolean
load_facts (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *facts = loader_member (L, root, "facts", json_type_object, TRUE);
  if (facts == NULL)
    return FALSE;
  gsize mark = loader_push (L, "facts");
  rules->n_facts = (guint) json_object_object_length (facts);
  rules->facts = rule_set_alloc (rules, sizeof (FactDecl) * MAX (rules->n_facts, 1));
  rules->schema = rule_set_alloc (rules, sizeof (SchemaNode));
  rules->schema->fact = -1;
  guint slot = 0;
  json_object_object_foreach (facts, path, decl)
    {
      gsize item = loader_push (L, path);
      if (!load_fact (L, path, decl, &rules->facts[slot]) || !schema_add (L, slot))
        return FALSE;
      g_hash_table_insert (L->facts_by_path, rules->facts[slot].path, GUINT_TO_POINTER (slot + 1));
      slot++;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  number_schema (rules, rules->schema, TRUE);
  rules->facts_by_path = rule_set_alloc (rules, sizeof (guint) * MAX (rules->n_facts, 1));
  for (guint f = 0; f < rules->n_facts; f++)
    rules->facts_by_path[f] = f;
  g_qsort_with_data (rules->facts_by_path, (gint) rules->n_facts, sizeof (guint), compare_fact_paths, rules);
  return TRUE;
}

static gboolean
load_param_value (Loader *L, json_object *value, ValueType type, Value *out)
{
  out->known = TRUE;
  switch (type)
    {
    case TYPE_BOOL:
      if (!json_object_is_type (value, json_type_boolean))
        break;
      out->i = json_object_get_boolean (value);
      return TRUE;
    case TYPE_INTEGER:
      if (!json_object_is_type (value, json_type_int))
        break;
      out->i = json_object_get_int64 (value);
      return TRUE;
    case TYPE_NUMBER:
      if (!json_object_is_type (value, json_type_int) && !json_object_is_type (value, json_type_double))
        break;
      out->n = json_object_get_double (value);
      return TRUE;
    case TYPE_DATE:
      {
        gint32 day;
        if (!json_object_is_type (value, json_type_string)
            || !activering_parse_date (json_object_get_string (value), (gsize) json_object_get_string_len (value),
                                       &day))
          break;
        out->i = day;
        return TRUE;
      }
    default: break;
    }
  return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected %s%s, found %s",
                      type == TYPE_DATE   ? "a date \"YYYY-MM-DD\""
                      : type == TYPE_BOOL ? "a boolean"
                                          : "a number",
                      type == TYPE_INTEGER ? " without a fraction" : "", loader_json_type_label (value));
}

static int
compare_periods (gconstpointer a, gconstpointer b)
{
  const ParamPeriod *pa = a, *pb = b;
  return pa->from < pb->from ? -1 : pa->from > pb->from;
}

static gboolean
load_parameter (Loader *L, const char *name, json_object *decl, ParamDecl *param)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "type", "unit", "label", "legal_basis", "values", NULL };
  if (!json_object_is_type (decl, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object, found %s", loader_json_type_label (decl));
  if (!loader_check_keys (L, decl, keys))
    return FALSE;
  if (!loader_is_code (name))
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a parameter name is dotted lowercase snake_case");
  param->name = rule_set_strdup (rules, name);
  const char *type = loader_member_string (L, decl, "type", TRUE);
  const char *unit = loader_member_string (L, decl, "unit", TRUE);
  if (type == NULL || unit == NULL || !loader_legal_basis (L, decl, "legal_basis", &param->legal_basis))
    return FALSE;
  if (!parse_fact_type (type, &param->type) || param->type > TYPE_DATE)
    {
      loader_push (L, "type");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a parameter is bool, integer, number or date, not \"%s\"",
                          type);
    }
  param->unit = rule_set_strdup (rules, unit);
  if (!loader_text (L, decl, "label", &param->label))
    return FALSE;
  json_object *values = loader_member (L, decl, "values", json_type_array, TRUE);
  if (values == NULL)
    return FALSE;
  gsize mark = loader_push (L, "values");
  guint n = (guint) json_object_array_length (values);
  if (n == 0)
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "a parameter needs at least one dated value");
  param->periods = rule_set_alloc (rules, sizeof (ParamPeriod) * n);
  g_autofree guint *order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      json_object *period = json_object_array_get_idx (values, i);
      gsize item = loader_push_index (L, i);
      static const char *const period_keys[] = { "from", "until", "value", NULL };
      if (!json_object_is_type (period, json_type_object))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object with \"from\" and \"value\"");
      if (!loader_check_keys (L, period, period_keys))
        return FALSE;
      ParamPeriod *p = &param->periods[i];
      gboolean present;
      if (!loader_member_date (L, period, "from", TRUE, &p->from, &present)
          || !loader_member_date (L, period, "until", FALSE, &p->until, &present))
        return FALSE;
      if (!present)
        p->until = G_MAXINT32;
      else if (p->until < p->from)
        {
          loader_push (L, "until");
          return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"until\" is before \"from\"");
        }
      json_object *value = NULL;
      if (!json_object_object_get_ex (period, "value", &value))
        return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"value\"");
      loader_push (L, "value");
      if (!load_param_value (L, value, param->type, &p->value))
        return FALSE;
      loader_pop (L, item);
    }
  /* Sort by start, keeping each period's own index for error paths, then look for overlaps. */
  ParamPeriod *sorted = param->periods;
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && sorted[order[j]].from < sorted[order[j - 1]].from; j--)
      {
        guint t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (guint i = 1; i < n; i++)
    {
      const ParamPeriod *before = &sorted[order[i - 1]], *after = &sorted[order[i]];
      if (before->from == after->from || (before->until != G_MAXINT32 && before->until >= after->from))
        {
          loader_push_index (L, order[i]);
          return loader_fail (L, ACTIVERING_ERROR_OVERLAP, "this period overlaps the period of /values/%u",
                              order[i - 1]);
        }
    }
  qsort (param->periods, n, sizeof (ParamPeriod), compare_periods);
  /* An open period ends where the next one starts. */
  for (guint i = 0; i + 1 < n; i++)
    if (param->periods[i].until == G_MAXINT32)
      param->periods[i].until = param->periods[i + 1].from - 1;
  param->n_periods = n;
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_parameters (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *params = loader_member (L, root, "parameters", json_type_object, TRUE);
  if (params == NULL)
    return FALSE;
  gsize mark = loader_push (L, "parameters");
  rules->n_params = (guint) json_object_object_length (params);
  rules->params = rule_set_alloc (rules, sizeof (ParamDecl) * MAX (rules->n_params, 1));
  guint i = 0;
  json_object_object_foreach (params, name, decl)
    {
      gsize item = loader_push (L, name);
      if (!load_parameter (L, name, decl, &rules->params[i]))
        return FALSE;
      g_hash_table_insert (L->params_by_name, rules->params[i].name, GUINT_TO_POINTER (i + 1));
      i++;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
index_definitions (Loader *L, json_object *root)
{
  json_object *defs = NULL;
  if (!json_object_object_get_ex (root, "definitions", &defs))
    return TRUE;
  defs = loader_member (L, root, "definitions", json_type_object, TRUE);
  if (defs == NULL)
    return FALSE;
  L->definitions = defs;
  guint n = (guint) json_object_object_length (defs);
  L->definitions_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  L->definition_names = g_new0 (char *, n + 1);
  L->definition_state = g_new0 (CompileState, n + 1);
  L->definition_value = g_new0 (Typed, n + 1);
  gsize mark = loader_push (L, "definitions");
  guint i = 0;
  json_object_object_foreach (defs, name, decl)
    {
      gsize item = loader_push (L, name);
      static const char *const keys[] = { "type", "expr", NULL };
      if (!loader_is_code (name))
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a definition name is lowercase snake_case");
      if (!json_object_is_type (decl, json_type_object))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an object with \"type\" and \"expr\"");
      if (!loader_check_keys (L, decl, keys) || loader_member_string (L, decl, "type", TRUE) == NULL)
        return FALSE;
      if (!json_object_object_get_ex (decl, "expr", NULL))
        return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"expr\"");
      L->definition_names[i] = name;
      g_hash_table_insert (L->definitions_by_name, name, GUINT_TO_POINTER (i + 1));
      i++;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_legal_basis_list (Loader *L, json_object *m, Measure *measure)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (m, "legal_basis", &value))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"legal_basis\"");
  gsize mark = loader_push (L, "legal_basis");
  if (!json_object_is_type (value, json_type_array))
    {
      measure->legal_basis = rule_set_alloc (L->rules, sizeof (LegalBasis));
      measure->n_legal_basis = 1;
      if (!loader_legal_basis_value (L, value, &measure->legal_basis[0]))
        return FALSE;
    }
  else if (json_object_array_length (value) > 0)
    {
      guint n = (guint) json_object_array_length (value);
      measure->legal_basis = rule_set_alloc (L->rules, sizeof (LegalBasis) * n);
      for (guint i = 0; i < n; i++)
        {
          gsize item = loader_push_index (L, i);
          if (!loader_legal_basis_value (L, json_object_array_get_idx (value, i), &measure->legal_basis[i]))
            return FALSE;
          loader_pop (L, item);
        }
      measure->n_legal_basis = n;
    }
  else
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a legal basis or a non-empty array of them");
  loader_pop (L, mark);
  return TRUE;
}

static Node
plain_node (Op op, ValueType type)
{
  Node n;
  memset (&n, 0, sizeof n);
  n.op = (guint8) op;
  n.type = (guint8) type;
  n.a = n.b = n.c = -1;
  return n;
}

/* exists: {"regions": [...], "region_fact": "region", "valid_from": date|null, "valid_to": date|null} */
static gboolean
load_exists (Loader *L, json_object *m, Measure *measure)
{
  json_object *exists = loader_member (L, m, "exists", json_type_object, TRUE);
  if (exists == NULL)
    return FALSE;
  gsize mark = loader_push (L, "exists");
  static const char *const keys[] = { "regions", "region_fact", "valid_from", "valid_to", "encoded_from", NULL };
  if (!loader_check_keys (L, exists, keys))
    return FALSE;
  Node node = plain_node (OP_EXISTS, TYPE_BOOL);
  gint32 dates[3] = { G_MININT32, G_MAXINT32, G_MININT32 };
  static const char *const date_keys[] = { "valid_from", "valid_to", "encoded_from" };
  gint32 day;
  gboolean present;
  for (int k = 0; k < 3; k++)
    {
      json_object *value = NULL;
      if (json_object_object_get_ex (exists, date_keys[k], &value) && value != NULL)
        {
          if (!loader_member_date (L, exists, date_keys[k], FALSE, &day, &present))
            return FALSE;
          dates[k] = day;
        }
    }
  node.imm = measure->valid_from = dates[0];
  node.imm2 = measure->valid_to = dates[1];
  node.constant.i = dates[2];
  measure->region_fact = -1;
  if (node.imm > node.imm2)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"valid_to\" is before \"valid_from\"");
  if (dates[2] != G_MININT32 && (dates[2] <= dates[0] || dates[2] > dates[1]))
    {
      loader_push (L, "encoded_from");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                          "\"encoded_from\" must lie after \"valid_from\" and not after \"valid_to\"");
    }
  json_object *regions = loader_member (L, exists, "regions", json_type_array, FALSE);
  if (L->failed)
    return FALSE;
  if (regions != NULL)
    {
      const char *fact_path = loader_member_string (L, exists, "region_fact", TRUE);
      if (fact_path == NULL)
        return FALSE;
      Typed region;
      loader_push (L, "region_fact");
      if (!expr_compile_fact_path (L, fact_path, &region))
        return FALSE;
      if (region.type != TYPE_ENUM)
        return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "the region fact must be an enum");
      g_string_truncate (L->path, mark + strlen ("/exists"));
      loader_push (L, "regions");
      guint n = (guint) json_object_array_length (regions);
      gint32 symbols[64];
      if (n == 0 || n > 64)
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected 1 to 64 region codes");
      for (guint i = 0; i < n; i++)
        {
          json_object *code = json_object_array_get_idx (regions, i);
          gboolean found = FALSE;
          if (json_object_is_type (code, json_type_string))
            {
              guint32 symbol = loader_intern (L, json_object_get_string (code));
              for (guint j = 0; j < region.n_domain; j++)
                found |= region.domain[j] == symbol;
              symbols[i] = (gint32) symbol;
            }
          if (!found)
            {
              loader_push_index (L, i);
              return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "not one of the values of the region fact");
            }
        }
      node.a = region.node;
      measure->region_fact = (int) g_array_index (L->nodes, Node, region.node).imm;
      node.args = (gint32) L->args->len;
      node.n_args = (gint32) n;
      g_array_append_vals (L->args, symbols, n);
    }
  measure->exists_node = expr_add_node (L, &node);
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_condition (Loader *L, const Measure *measure, json_object *c, Condition *condition, gint32 *node)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "id", "when", "applies", "text", "legal_basis", "confidence", NULL };
  if (!json_object_is_type (c, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a condition object, found %s", loader_json_type_label (c));
  if (!loader_check_keys (L, c, keys))
    return FALSE;
  const char *id = loader_member_string (L, c, "id", TRUE);
  const char *confidence = loader_member_string (L, c, "confidence", TRUE);
  if (id == NULL || confidence == NULL || !loader_legal_basis (L, c, "legal_basis", &condition->legal_basis))
    return FALSE;
  if (!loader_is_code (id) || strchr (id, '.') != NULL)
    {
      loader_push (L, "id");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a condition id is lowercase snake_case");
    }
  if (strcmp (confidence, "H") != 0 && strcmp (confidence, "M") != 0)
    {
      loader_push (L, "confidence");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                          "only facts of high (\"H\") or medium (\"M\") confidence become conditions, not \"%s\"",
                          confidence);
    }
  condition->id = g_strconcat (measure->code, ".", id, NULL);
  g_ptr_array_add (rules->allocations, condition->id);
  json_object *text = loader_member (L, c, "text", json_type_object, TRUE);
  if (text == NULL)
    return FALSE;
  gsize mark = loader_push (L, "text");
  static const char *const states[] = { "false", "true", "unknown", NULL };
  if (!loader_check_keys (L, text, states))
    return FALSE;
  for (int s = 0; s < 3; s++)
    if (!loader_text (L, text, states[s], &condition->text[s]))
      return FALSE;
  loader_pop (L, mark);
  json_object *when = NULL;
  if (!json_object_object_get_ex (c, "when", &when))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"when\"");
  if (!loader_bool_member (L, c, "applies", FALSE, &condition->applies_node))
    return FALSE;
  loader_push (L, "when");
  Typed t;
  if (!expr_compile_as (L, when, TYPE_BOOL, &t))
    return FALSE;
  *node = t.node;
  if (condition->applies_node >= 0)
    {
      /* Where it may not apply, the condition holds unless it applies and fails: "not applies or when". */
      Node not_applies = plain_node (OP_NOT, TYPE_BOOL);
      not_applies.a = condition->applies_node;
      gint32 parts[2] = { expr_add_node (L, &not_applies), t.node };
      Node either = plain_node (OP_ANY, TYPE_BOOL);
      either.args = (gint32) L->args->len;
      either.n_args = 2;
      g_array_append_vals (L->args, parts, 2);
      *node = expr_add_node (L, &either);
    }
  return TRUE;
}

gboolean
loader_compile_measure (Loader *L, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  Measure *measure = &rules->measures[index];
  json_object *m = json_object_array_get_idx (L->measures_json, index);
  L->measure_state[index] = IN_PROGRESS;
  g_string_assign (L->path, "/measures");
  gsize mark = loader_push_index (L, index);
  if (!load_exists (L, m, measure))
    return FALSE;
  json_object *conditions = loader_member (L, m, "conditions", json_type_array, TRUE);
  if (conditions == NULL)
    return FALSE;
  gsize list_mark = loader_push (L, "conditions");
  guint n = (guint) json_object_array_length (conditions);
  measure->conditions = rule_set_alloc (rules, sizeof (Condition) * MAX (n, 1));
  g_autofree gint32 *children = g_new (gint32, n + 1);
  children[0] = measure->exists_node;
  for (guint i = 0; i < n; i++)
    {
      gsize item = loader_push_index (L, i);
      if (!load_condition (L, measure, json_object_array_get_idx (conditions, i), &measure->conditions[i],
                           &children[i + 1]))
        return FALSE;
      /* load_condition leaves the path inside the condition: come back to the condition itself. */
      g_string_truncate (L->path, item);
      loader_push_index (L, i);
      for (guint j = 0; j < i; j++)
        if (strcmp (measure->conditions[j].id, measure->conditions[i].id) == 0)
          {
            loader_push (L, "id");
            return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "condition \"%s\" is defined twice",
                                measure->conditions[i].id);
          }
      measure->conditions[i].node = children[i + 1];
      g_string_truncate (L->path, item);
    }
  measure->n_conditions = n;
  loader_pop (L, list_mark);
  /* The outcome as a truth value: exists and every condition (Kleene and). */
  Node outcome = plain_node (OP_OUTCOME, TYPE_BOOL);
  outcome.args = (gint32) L->args->len;
  outcome.n_args = (gint32) n + 1;
  g_array_append_vals (L->args, children, n + 1);
  measure->outcome_node = expr_add_node (L, &outcome);
  loader_pop (L, mark);
  L->measure_state[index] = DONE;
  return TRUE;
}

static gboolean
load_measure_header (Loader *L, json_object *m, Measure *measure)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "code",       "label",  "legal_basis", "decided_by", "exists",
                                      "conditions", "limits", "coverage",    NULL };
  if (!json_object_is_type (m, json_type_object))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a measure object, found %s", loader_json_type_label (m));
  if (!loader_check_keys (L, m, keys))
    return FALSE;
  const char *code = loader_member_string (L, m, "code", TRUE);
  if (code == NULL)
    return FALSE;
  if (!loader_is_code (code) || strchr (code, '.') != NULL)
    {
      loader_push (L, "code");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a measure code is lowercase snake_case");
    }
  if (g_hash_table_contains (L->measures_by_code, code))
    {
      loader_push (L, "code");
      return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "measure \"%s\" is defined twice", code);
    }
  measure->code = rule_set_strdup (rules, code);
  measure->outcome_key = g_strdup_printf ("\"%s\":\"", code); /* a code needs no escaping */
  measure->outcome_key_len = strlen (measure->outcome_key);
  g_ptr_array_add (rules->allocations, measure->outcome_key);
  measure->json =
      rule_set_strdup (rules, json_object_to_json_string_ext (m, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                                                                     | JSON_C_TO_STRING_NOSLASHESCAPE));
  return loader_text (L, m, "label", &measure->label) && load_legal_basis_list (L, m, measure)
         && loader_role (L, m, "decided_by", &measure->decided_by);
}

static gboolean
load_limits (Loader *L, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  Measure *measure = &rules->measures[index];
  json_object *m = json_object_array_get_idx (L->measures_json, index);
  g_string_assign (L->path, "/measures");
  loader_push_index (L, index);
  json_object *limits = loader_member (L, m, "limits", json_type_array, FALSE);
  if (L->failed)
    return FALSE;
  if (limits == NULL)
    return TRUE;
  loader_push (L, "limits");
  guint n = (guint) json_object_array_length (limits);
  measure->limits = rule_set_alloc (rules, sizeof (Limit) * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      json_object *l = json_object_array_get_idx (limits, i);
      gsize item = loader_push_index (L, i);
      static const char *const keys[] = { "id", "unit", "value", "when", "text", NULL };
      if (!json_object_is_type (l, json_type_object))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a limit object, found %s", loader_json_type_label (l));
      if (!loader_check_keys (L, l, keys))
        return FALSE;
      Limit *limit = &measure->limits[i];
      const char *id = loader_member_string (L, l, "id", TRUE);
      const char *unit = loader_member_string (L, l, "unit", TRUE);
      if (id == NULL || unit == NULL || !loader_text (L, l, "text", &limit->text))
        return FALSE;
      limit->id = g_strconcat (measure->code, ".", id, NULL);
      g_ptr_array_add (rules->allocations, limit->id);
      for (guint j = 0; j < i; j++)
        if (strcmp (measure->limits[j].id, limit->id) == 0)
          {
            loader_push (L, "id");
            return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "limit \"%s\" is defined twice", limit->id);
          }
      limit->unit = rule_set_strdup (rules, unit);
      json_object *value = NULL;
      if (!json_object_object_get_ex (l, "value", &value))
        return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"value\"");
      Typed t;
      gsize value_mark = loader_push (L, "value");
      if (!expr_compile (L, value, &t))
        return FALSE;
      if (t.type != TYPE_INTEGER && t.type != TYPE_NUMBER && t.type != TYPE_DATE)
        return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "a limit is a number or a date, not %s",
                            value_type_name (t.type));
      loader_pop (L, value_mark);
      limit->type = t.type;
      limit->value_node = t.node;
      limit->when_node = -1;
      json_object *when = NULL;
      if (json_object_object_get_ex (l, "when", &when))
        {
          loader_push (L, "when");
          if (!expr_compile_as (L, when, TYPE_BOOL, &t))
            return FALSE;
          limit->when_node = t.node;
        }
      loader_pop (L, item);
      measure->n_limits++;
    }
  return TRUE;
}

/* coverage: [{"code", "when", "text"}]: what the result says the rule set does not check where `when` holds. */
static gboolean
load_coverage (Loader *L, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  Measure *measure = &rules->measures[index];
  json_object *m = json_object_array_get_idx (L->measures_json, index);
  g_string_assign (L->path, "/measures");
  loader_push_index (L, index);
  json_object *coverage = loader_member (L, m, "coverage", json_type_array, FALSE);
  if (coverage == NULL)
    return !L->failed;
  loader_push (L, "coverage");
  guint n = (guint) json_object_array_length (coverage);
  measure->coverage = rule_set_alloc (rules, sizeof (Coverage) * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      json_object *c = json_object_array_get_idx (coverage, i);
      gsize item = loader_push_index (L, i);
      static const char *const keys[] = { "code", "when", "text", NULL };
      Coverage *entry = &measure->coverage[i];
      const char *code;
      if (!loader_expect_object (L, c, "coverage entry") || !loader_check_keys (L, c, keys)
          || !loader_code_member (L, c, "code", &code) || !loader_text (L, c, "text", &entry->text)
          || !loader_bool_member (L, c, "when", TRUE, &entry->when_node))
        return FALSE;
      entry->code = rule_set_strdup (rules, code);
      loader_pop (L, item);
      measure->n_coverage++;
    }
  return TRUE;
}

static gboolean
load_measures (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *measures = loader_member (L, root, "measures", json_type_array, TRUE);
  if (measures == NULL)
    return FALSE;
  L->measures_json = measures;
  rules->n_measures = (guint) json_object_array_length (measures);
  rules->measures = rule_set_alloc (rules, sizeof (Measure) * MAX (rules->n_measures, 1));
  L->measure_state = g_new0 (CompileState, rules->n_measures + 1);
  /* First every header, so that measures may refer to each other in any order. */
  for (guint i = 0; i < rules->n_measures; i++)
    {
      g_string_assign (L->path, "/measures");
      loader_push_index (L, i);
      if (!load_measure_header (L, json_object_array_get_idx (measures, i), &rules->measures[i]))
        return FALSE;
      g_hash_table_insert (L->measures_by_code, rules->measures[i].code, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < rules->n_measures; i++)
    if (L->measure_state[i] == PENDING && !loader_compile_measure (L, i))
      return FALSE;
  /* Everything an outcome needs is compiled: the fast path stops here. */
  L->n_outcome_nodes = L->nodes->len;
  for (guint i = 0; i < rules->n_measures; i++)
    if (!load_limits (L, i) || !load_coverage (L, i))
      return FALSE;
  return TRUE;
}

static gboolean
load_obligations (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  g_string_truncate (L->path, 0);
  json_object *obligations = loader_member (L, root, "obligations", json_type_array, FALSE);
  if (L->failed)
    return FALSE;
  if (obligations == NULL)
    return TRUE;
  loader_push (L, "obligations");
  guint n = (guint) json_object_array_length (obligations);
  rules->obligations = rule_set_alloc (rules, sizeof (Obligation) * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      json_object *o = json_object_array_get_idx (obligations, i);
      gsize item = loader_push_index (L, i);
      static const char *const keys[] = { "id",   "applies",           "due",         "met", "met_on",
                                          "text", "text_undetermined", "legal_basis", NULL };
      if (!json_object_is_type (o, json_type_object))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected an obligation object, found %s", loader_json_type_label (o));
      if (!loader_check_keys (L, o, keys))
        return FALSE;
      Obligation *obligation = &rules->obligations[i];
      const char *id = loader_member_string (L, o, "id", TRUE);
      if (id == NULL || !loader_legal_basis (L, o, "legal_basis", &obligation->legal_basis)
          || !loader_text (L, o, "text", &obligation->text))
        return FALSE;
      if (!loader_is_code (id))
        {
          loader_push (L, "id");
          return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "an obligation id is dotted lowercase snake_case");
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (rules->obligations[j].id, id) == 0)
          {
            loader_push (L, "id");
            return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "obligation \"%s\" is defined twice", id);
          }
      obligation->id = rule_set_strdup (rules, id);
      static const char *const parts[] = { "applies", "due", "met" };
      static const ValueType types[] = { TYPE_BOOL, TYPE_DATE, TYPE_BOOL };
      gint32 *nodes[] = { &obligation->applies_node, &obligation->due_node, &obligation->met_node };
      for (int p = 0; p < 3; p++)
        {
          json_object *e = NULL;
          if (!json_object_object_get_ex (o, parts[p], &e))
            return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", parts[p]);
          gsize part_mark = loader_push (L, parts[p]);
          Typed t;
          if (!expr_compile_as (L, e, types[p], &t))
            return FALSE;
          *nodes[p] = t.node;
          loader_pop (L, part_mark);
        }
      if (!loader_expression_member (L, o, "met_on", TYPE_DATE, &obligation->met_on_node))
        return FALSE;
      if (json_object_object_get_ex (o, "text_undetermined", NULL)
          && !loader_text (L, o, "text_undetermined", &obligation->text_undetermined))
        return FALSE;
      loader_pop (L, item);
      rules->n_obligations++;
    }
  return TRUE;
}

/* signals: [{"id", "when", "text", "source"}]: observations reported with a result, never part of an outcome. */
static gboolean
load_signal (Loader *L, json_object *o, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "id", "when", "text", "source", NULL };
  Signal *signal = &rules->signals[index];
  const char *id, *source;
  if (!loader_expect_object (L, o, "signal") || !loader_check_keys (L, o, keys) || !loader_id_member (L, o, &id)
      || (source = loader_member_string (L, o, "source", TRUE)) == NULL || !loader_text (L, o, "text", &signal->text))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if (strcmp (rules->signals[j].id, id) == 0)
      return loader_fail_duplicate_id (L, id);
  signal->id = rule_set_strdup (rules, id);
  signal->source = rule_set_strdup (rules, source);
  return loader_bool_member (L, o, "when", TRUE, &signal->when_node);
}

static gboolean
load_signals (Loader *L, json_object *root)
{
  g_string_truncate (L->path, 0);
  return loader_list (L, root, "signals", sizeof (Signal), (gpointer *) &L->rules->signals, &L->rules->n_signals,
                      load_signal);
}

/* Definitions nobody used are still checked, so a rule author learns of their errors. */
static gboolean
compile_remaining_definitions (Loader *L)
{
  for (guint i = 0; L->definition_names && L->definition_names[i]; i++)
    if (L->definition_state[i] == PENDING)
      {
        json_object *ref = json_object_new_object ();
        json_object_object_add (ref, "def", json_object_new_string (L->definition_names[i]));
        Typed t;
        g_string_assign (L->path, "/definitions");
        gboolean ok = expr_compile (L, ref, &t);
        json_object_put (ref);
        if (!ok)
          return FALSE;
      }
  return TRUE;
}

static gboolean
parse_json (Loader *L, const char *data, gsize length, json_object **out)
{
  if (length > (gsize) G_MAXINT)
    return loader_fail (L, ACTIVERING_ERROR_TOO_LARGE, "the document is larger than 2 GiB");
  GError *local = NULL;
  json_object *root = loader_parse_source (L->document, data, length, &local);
  if (local != NULL)
    {
      L->failed = TRUE;
      g_propagate_error (L->error, local);
      return FALSE;
    }
  if (!json_object_is_type (root, json_type_object))
    {
      gboolean r =
          loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a rule set object, found %s", loader_json_type_label (root));
      json_object_put (root);
      return r;
    }
  *out = root;
  return TRUE;
}

gboolean
rule_set_load (ActiveringRuleSet *rules, const char *data, gsize length, const char *document, GError **error)
{
  Loader loader = { 0 };
  Loader *L = &loader;
  L->rules = rules;
  L->document = document;
  L->path = g_string_new (NULL);
  L->error = error;
  L->facts_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  L->schema_by_prefix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  L->params_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  L->roles_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  L->symbols_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  L->measures_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  L->symbols = g_ptr_array_new ();
  L->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  L->args = g_array_new (FALSE, TRUE, sizeof (gint32));

  json_object *root = NULL;
  static const char *const keys[] = { "format",
                                      "id",
                                      "version",
                                      "languages",
                                      "title",
                                      "in_force",
                                      "roles",
                                      "facts",
                                      "parameters",
                                      "definitions",
                                      "measures",
                                      "obligations",
                                      "signals",
                                      "phase_models",
                                      "phase_correspondences",
                                      "trajectory_checks",
                                      "trajectory_indicators",
                                      "trajectory_messages",
                                      "tasks",
                                      "organisation",
                                      "change_messages",
                                      NULL };
  gboolean ok = parse_json (L, data, length, &root) && loader_check_keys (L, root, keys) && load_header (L, root)
                && load_in_force (L, root) && load_roles (L, root) && load_facts (L, root) && load_parameters (L, root)
                && index_definitions (L, root) && load_measures (L, root) && load_obligations (L, root)
                && load_signals (L, root) && load_phase_models (L, root) && load_tasks (L, root)
                && load_change_messages (L, root) && compile_remaining_definitions (L);
  if (ok)
    program_lay_out (L);
  if (ok)
    rule_set_take_templates (rules, g_steal_pointer (&L->templates));
  else if (L->templates != NULL)
    g_ptr_array_free (L->templates, TRUE);

  json_object_put (root);
  g_string_free (L->path, TRUE);
  g_hash_table_destroy (L->facts_by_path);
  g_hash_table_destroy (L->schema_by_prefix);
  g_hash_table_destroy (L->params_by_name);
  g_hash_table_destroy (L->roles_by_code);
  g_hash_table_destroy (L->symbols_by_name);
  g_hash_table_destroy (L->measures_by_code);
  if (L->definitions_by_name)
    g_hash_table_destroy (L->definitions_by_name);
  g_free (L->definition_names);
  g_free (L->definition_state);
  g_free (L->definition_value);
  g_free (L->measure_state);
  g_ptr_array_free (L->symbols, TRUE);
  g_array_free (L->nodes, TRUE);
  g_array_free (L->args, TRUE);
  return ok;
}
