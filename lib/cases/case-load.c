/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-load.c: reading a case file and checking it against its rule set, before anything runs.
 *
 * An unreadable file, malformed JSON, an unknown key at any level, an unknown measure, condition, limit,
 * obligation, fact or role, or a bad value is reported, with the file, the case and the problem, and such a file
 * loads no case at all. What each key of "expect" may hold is checked by its row in case-expect.c.
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"
#include "json/json-tree-private.h"
#include "util/dates-private.h"

#define CASES_MAX_NESTING 128 /* inline facts and expected reports are a few levels deep */

static const char *const file_keys[] = { "format", "description", "rules", "ruleset_version", "cases", NULL };
static const char *const case_keys[] = { "name",         "as_of",  "facts", "facts_file", "set", "trajectory",
                                         "organisation", "expect", NULL };

/* ---- what is known about a rule set ---- */

static GHashTable *
string_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
case_rules_free (CaseRules *rules)
{
  activering_rule_set_unref (rules->rules);
  g_hash_table_unref (rules->conditions);
  g_hash_table_unref (rules->limits);
  g_hash_table_unref (rules->obligations);
  g_free (rules);
}

/* Adds the "id" of every object in @array (a JSON array), prefixed with @prefix and a dot. */
static void
collect_ids (json_object *array, const char *prefix, GHashTable *set)
{
  if (!json_object_is_type (array, json_type_array))
    return;
  for (size_t i = 0; i < json_object_array_length (array); i++)
    {
      json_object *id = NULL;
      json_object *item = json_object_array_get_idx (array, i);
      if (json_object_object_get_ex (item, "id", &id) && json_object_is_type (id, json_type_string))
        g_hash_table_add (set, g_strconcat (prefix, ".", json_object_get_string (id), NULL));
    }
}

/* The rule set at @path: a rule file, or a directory holding a rule set's history, of which the file of @version
 * (the case file's pin) is taken. NULL with @error set. */
static ActiveringRuleSet *
rule_set_at (const char *path, const char *version, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return activering_rule_set_new_from_file (path, error);
  g_autoptr (ActiveringRuleSetCollection) history = activering_rule_set_collection_new_from_directory (path, error);
  if (history == NULL)
    return NULL;
  if (version == NULL)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_MISSING, "%s is a history of %u files: pin the one the "
                   "cases are for with \"ruleset_version\"", path,
                   activering_rule_set_collection_get_n_rule_sets (history));
      return NULL;
    }
  int index = activering_rule_set_collection_lookup_version (history, version);
  if (index < 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_UNKNOWN_REF, "%s has no file of version %s", path,
                   version);
      return NULL;
    }
  return activering_rule_set_ref (activering_rule_set_collection_get_rule_set (history, (guint) index));
}

/* What a case file is checked against: @override if given, else the rule set at @path, else the default one; its
 * version must be @version when the file pins one. NULL with @error set. */
static CaseRules *
case_rules_new (ActiveringRuleSet *override, const char *path, const char *version, GError **error)
{
  ActiveringRuleSet *rule_set = override ? activering_rule_set_ref (override)
                                : path   ? rule_set_at (path, version, error)
                                         : activering_rule_set_new_default (error);
  if (rule_set == NULL)
    return NULL;
  if (version != NULL && strcmp (activering_rule_set_get_version (rule_set), version) != 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_INVALID_VALUE, "the cases are pinned to version %s, "
                   "the rule set is version %s", version, activering_rule_set_get_version (rule_set));
      activering_rule_set_unref (rule_set);
      return NULL;
    }
  CaseRules *rules = g_new0 (CaseRules, 1);
  rules->rules = rule_set;
  rules->conditions = string_set_new ();
  rules->limits = string_set_new ();
  /* The public API gives a measure's conditions and limits only inside its JSON. */
  for (guint m = 0; m < activering_rule_set_get_n_measures (rule_set); m++)
    {
      const char *code = activering_rule_set_get_measure_code (rule_set, m);
      g_autofree char *text = activering_rule_set_dup_measure_json (rule_set, m);
      json_object *measure = text ? json_tokener_parse (text) : NULL;
      json_object *list = NULL;
      if (json_object_object_get_ex (measure, "conditions", &list))
        collect_ids (list, code, rules->conditions);
      if (json_object_object_get_ex (measure, "limits", &list))
        collect_ids (list, code, rules->limits);
      json_object_put (measure);
    }
  rules->obligations = string_set_new ();
  for (guint o = 0; o < activering_rule_set_get_n_obligations (rule_set); o++)
    g_hash_table_add (rules->obligations, g_strdup (activering_rule_set_get_obligation_id (rule_set, o)));
  return rules;
}

void
case_free (gpointer data)
{
  Case *c = data;
  if (c == NULL)
    return;
  g_free (c->file);
  g_free (c->name);
  json_object_put (c->expect);
  g_free (c->facts_json);
  g_free (c->trajectory_json);
  g_free (c->organisation_json);
  g_strfreev (c->set);
  g_free (c);
}

/* ---- reporting a problem ---- */

/* One problem, one line: keys, names and values from the file may hold control characters. */
static void
append_problem (CaseLoader *L, const char *line)
{
  for (const char *p = line; *p; p++)
    if ((guchar) *p < 0x20)
      g_string_append_printf (L->errors, "\\u%04x", (guchar) *p);
    else
      g_string_append_c (L->errors, *p);
  g_string_append_c (L->errors, '\n');
  L->n_errors++;
}

void
case_loader_error (CaseLoader *L, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_autoptr (GString) line = g_string_new (NULL);
  if (L->case_index >= 0)
    g_string_append_printf (line, "%s: case %d%s%s%s: %s", L->file, L->case_index, L->case_name ? " \"" : "",
                            L->case_name ? L->case_name : "", L->case_name ? "\"" : "", message);
  else
    g_string_append_printf (line, "%s: %s", L->file, message);
  append_problem (L, line->str);
}

/* ---- checks, for the file, its cases and their expectations ---- */

static gboolean
in_list (const char *const *list, const char *word)
{
  for (; *list != NULL; list++)
    if (strcmp (*list, word) == 0)
      return TRUE;
  return FALSE;
}

static char *
join_list (const char *const *list)
{
  GString *s = g_string_new (NULL);
  for (; *list != NULL; list++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", *list);
  return g_string_free (s, FALSE);
}

const char *
case_json_string (json_object *value)
{
  return json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
}

/* Item @i of @array, an array of strings. */
const char *
case_array_string (json_object *array, size_t i)
{
  return json_object_get_string (json_object_array_get_idx (array, i));
}

/* A strict ISO date, YYYY-MM-DD with a day that exists, into @out. */
gboolean
case_parse_date (const char *text, GDate *out)
{
  gint32 days;
  if (text == NULL || !activering_parse_date (text, strlen (text), &days))
    return FALSE;
  activering_days_to_gdate (days, out);
  return TRUE;
}

/* Checks that @object (at @where) is an object whose keys are all in @allowed (or "note"). Returns FALSE only
 * if it is not an object: an unknown key is reported, and the caller goes on to check the known ones. */
gboolean
case_check_keys (CaseLoader *L, json_object *object, const char *where, const char *const *allowed)
{
  if (!json_object_is_type (object, json_type_object))
    {
      case_loader_error (L, "%s: expected an object, got %s", where, json_type_to_name (json_object_get_type (object)));
      return FALSE;
    }
  json_object_object_foreach (object, key, value)
    {
      (void) value;
      if (!in_list (allowed, key) && strcmp (key, "note") != 0)
        {
          g_autofree char *known = join_list (allowed);
          case_loader_error (L, "%s: unknown key \"%s\" (known keys: %s)", where, key, known);
        }
    }
  return TRUE;
}

/* "measure.thing" with a measure of the rule set and a thing in @ids (the measures' conditions or limits). */
gboolean
case_check_measure_dot_id (CaseLoader *L, const CaseRules *rules, const char *where, const char *what, const char *id,
                           GHashTable *ids)
{
  const char *dot = strchr (id, '.');
  g_autofree char *code = dot ? g_strndup (id, (gsize) (dot - id)) : g_strdup (id);
  if (activering_rule_set_lookup_measure (rules->rules, code) < 0)
    {
      case_loader_error (L, "%s: \"%s\": unknown measure \"%s\" (a %s is named \"measure.id\")", where, id, code, what);
      return FALSE;
    }
  if (!g_hash_table_contains (ids, id))
    {
      case_loader_error (L, "%s: \"%s\": measure %s has no %s of that id", where, id, code, what);
      return FALSE;
    }
  return TRUE;
}

void
case_check_measure_code (CaseLoader *L, const CaseRules *rules, const char *where, const char *code)
{
  if (activering_rule_set_lookup_measure (rules->rules, code) < 0)
    {
      g_autoptr (GString) known = g_string_new (NULL);
      for (guint m = 0; m < activering_rule_set_get_n_measures (rules->rules); m++)
        g_string_append_printf (known, "%s%s", m ? ", " : "", activering_rule_set_get_measure_code (rules->rules, m));
      case_loader_error (L, "%s: unknown measure \"%s\" (the rule set has: %s)", where, code, known->str);
    }
}

void
case_check_fact (CaseLoader *L, const CaseRules *rules, const char *where, const char *path)
{
  if (activering_rule_set_lookup_fact (rules->rules, path) < 0)
    case_loader_error (L, "%s: \"%s\" is not a fact of the rule set", where, path);
}

void
case_check_obligation_id (CaseLoader *L, const CaseRules *rules, const char *where, const char *id)
{
  if (!g_hash_table_contains (rules->obligations, id))
    case_loader_error (L, "%s: unknown obligation \"%s\"", where, id);
}

void
case_check_word (CaseLoader *L, const char *where, const char *key, json_object *value, const char *const *allowed)
{
  const char *word = case_json_string (value);
  if (word == NULL || !in_list (allowed, word))
    {
      g_autofree char *known = join_list (allowed);
      case_loader_error (L, "%s: \"%s\": %s is not one of %s", where, key, json_object_to_json_string (value), known);
    }
}

/* Checks that @value is the library's name of one of the values @first to @last of an enumeration, or @extra
 * ("absent", where an expectation may say that something is not reported). */
void
case_check_state_name (CaseLoader *L, const char *where, const char *key, json_object *value, CaseStateName name,
                       int first, int last, const char *extra)
{
  const char *words[8];
  guint n = 0;
  g_assert (last - first + 3 <= (int) G_N_ELEMENTS (words));
  for (int v = first; v <= last; v++)
    words[n++] = name (v);
  if (extra != NULL)
    words[n++] = extra;
  words[n] = NULL;
  case_check_word (L, where, key, value, words);
}

/* An object, as most expectations are. */
gboolean
case_check_object (CaseLoader *L, const char *where, json_object *value)
{
  if (json_object_is_type (value, json_type_object))
    return TRUE;
  case_loader_error (L, "%s: expected an object", where);
  return FALSE;
}

/* ---- the documents of a case ---- */

/* Parses @text as one JSON document through the strict reader, as facts are read: a duplicate key (a second
 * "outcomes" would drop the first expectation), invalid UTF-8 or too deep a nesting is refused with its JSON
 * pointer, and a syntax error gives its byte, line and column. NULL with @error set ("<document>: <path>: …"). */
static json_object *
parse_json (const char *document, const char *text, gsize length, GError **error)
{
  return json_tree_parse (document, text, length, CASES_MAX_NESTING, JSON_TREE_DEFAULT, error);
}

/* The facts document of a case as text: @facts with "format" and "id" filled in if absent. */
static char *
facts_text (CaseLoader *L, json_object *facts, const char *name, gboolean *has_as_of)
{
  if (!json_object_is_type (facts, json_type_object))
    {
      case_loader_error (L, "facts: expected an object");
      return NULL;
    }
  json_object *copy = NULL;
  if (json_object_deep_copy (facts, &copy, NULL) != 0 || copy == NULL)
    {
      case_loader_error (L, "facts: cannot copy");
      return NULL;
    }
  if (!json_object_object_get_ex (copy, "format", NULL))
    json_object_object_add (copy, "format", json_object_new_string ("activering.facts/1"));
  if (!json_object_object_get_ex (copy, "id", NULL))
    json_object_object_add (copy, "id", json_object_new_string (name));
  *has_as_of = json_object_object_get_ex (copy, "as_of", NULL);
  char *text = g_strdup (json_object_to_json_string_ext (copy, JSON_C_TO_STRING_PLAIN));
  json_object_put (copy);
  return text;
}

/* A trajectory or organisation document (@key) with its format, and the case name as its id, filled in. */
static char *
document_text (CaseLoader *L, const char *key, const char *format, json_object *document, const char *name)
{
  json_object *copy = NULL;
  if (!json_object_is_type (document, json_type_object) || json_object_deep_copy (document, &copy, NULL) != 0)
    {
      case_loader_error (L, "%s: expected an object", key);
      return NULL;
    }
  if (!json_object_object_get_ex (copy, "format", NULL))
    json_object_object_add (copy, "format", json_object_new_string (format));
  if (!json_object_object_get_ex (copy, "id", NULL))
    json_object_object_add (copy, "id", json_object_new_string (name));
  char *text = g_strdup (json_object_to_json_string_ext (copy, JSON_C_TO_STRING_PLAIN));
  json_object_put (copy);
  return text;
}

/* The facts of a case from its "facts_file", relative to the case file's directory @dir. */
static char *
facts_file_text (CaseLoader *L, const char *dir, const char *file, const char *name, gboolean *has_as_of)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (path, &contents, &size, &error))
    {
      case_loader_error (L, "\"facts_file\": %s", error->message);
      return NULL;
    }
  json_object *document = parse_json (file, contents, size, &error);
  char *text = NULL;
  if (error != NULL)
    case_loader_error (L, "\"facts_file\": %s", error->message);
  else
    text = facts_text (L, document, name, has_as_of);
  json_object_put (document);
  return text;
}

/* ---- a case ---- */

/* "set": {"path": value, …}, a what-if on the case's facts, as "path", "value as JSON" pairs; each value is checked
 * as activering_facts_set_json() checks it. */
static char **
set_changes (CaseLoader *L, const CaseRules *rules, json_object *set)
{
  if (!json_object_is_type (set, json_type_object) || json_object_object_length (set) == 0)
    {
      case_loader_error (L, "\"set\" must be an object of fact paths and their new values");
      return NULL;
    }
  g_autoptr (GStrvBuilder) pairs = g_strv_builder_new ();
  g_autoptr (ActiveringFacts) scratch = activering_facts_new (rules->rules);
  json_object_object_foreach (set, path, value)
    {
      const char *json = value == NULL ? "null" : json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN);
      g_autoptr (GError) error = NULL;
      if (!activering_facts_set_json (scratch, path, json, -1, &error))
        case_loader_error (L, "set: %s", error->message);
      g_strv_builder_add (pairs, path);
      g_strv_builder_add (pairs, json);
    }
  return g_strv_builder_end (pairs);
}

/* Checks case number @index (@spec) and, unless it has no usable name, appends it to @loaded. */
static void
load_case (CaseLoader *L, const char *dir, CaseRules *rules, json_object *spec, size_t index, GHashTable *names,
           GPtrArray *loaded)
{
  L->case_index = (int) index;
  L->case_name = NULL;
  if (!case_check_keys (L, spec, "case", case_keys))
    return;

  json_object *name = NULL, *as_of = NULL, *facts = NULL, *facts_file = NULL, *expect = NULL, *trajectory = NULL;
  json_object_object_get_ex (spec, "name", &name);
  L->case_name = case_json_string (name);
  if (L->case_name == NULL || *L->case_name == '\0')
    {
      case_loader_error (L, "\"name\" must be a non-empty string");
      return;
    }
  if (!g_hash_table_add (names, (gpointer) L->case_name))
    case_loader_error (L, "another case of this file has the same name");

  Case *c = g_new0 (Case, 1);
  c->file = g_strdup (L->file);
  c->name = g_strdup (L->case_name);
  c->rules = rules;
  g_ptr_array_add (loaded, c);

  if (json_object_object_get_ex (spec, "as_of", &as_of))
    {
      if (!case_parse_date (case_json_string (as_of), &c->as_of))
        case_loader_error (L, "\"as_of\": %s is not a date YYYY-MM-DD", json_object_to_json_string (as_of));
      c->has_as_of = TRUE;
    }

  gboolean has_facts = json_object_object_get_ex (spec, "facts", &facts);
  gboolean has_file = json_object_object_get_ex (spec, "facts_file", &facts_file);
  gboolean facts_as_of = FALSE;
  if (json_object_object_get_ex (spec, "trajectory", &trajectory))
    c->trajectory_json = document_text (L, "trajectory", "activering.trajectory/1", trajectory, c->name);
  json_object *organisation = NULL;
  if (json_object_object_get_ex (spec, "organisation", &organisation))
    c->organisation_json = document_text (L, "organisation", "activering.organisation/1", organisation, c->name);
  if (has_facts && has_file)
    case_loader_error (L, "give exactly one of \"facts\" and \"facts_file\"");
  else if (!has_facts && !has_file)
    {
      if (trajectory == NULL)
        case_loader_error (L, "give exactly one of \"facts\" and \"facts_file\" (or a \"trajectory\")");
    }
  else if (has_facts)
    c->facts_json = facts_text (L, facts, c->name, &facts_as_of);
  else if (case_json_string (facts_file) == NULL || *case_json_string (facts_file) == '\0')
    case_loader_error (L, "\"facts_file\" must be a path relative to the case file");
  else
    c->facts_json = facts_file_text (L, dir, case_json_string (facts_file), c->name, &facts_as_of);

  json_object *set = NULL;
  if (json_object_object_get_ex (spec, "set", &set))
    {
      if (c->facts_json == NULL)
        case_loader_error (L, "\"set\" changes the case's facts: it needs \"facts\" or \"facts_file\"");
      else
        c->set = set_changes (L, rules, set);
    }

  /* The documents a case gives and the expectations that compare them go together. */
  json_object *expected_report = NULL, *expected_roles = NULL;
  if (json_object_object_get_ex (spec, "expect", &expect) && json_object_is_type (expect, json_type_object))
    {
      json_object_object_get_ex (expect, "trajectory", &expected_report);
      json_object_object_get_ex (expect, "roles", &expected_roles);
      json_object_object_foreach (expect, key, expected_value)
        {
          (void) expected_value;
          if (c->facts_json == NULL && strcmp (key, "trajectory") != 0 && strcmp (key, "note") != 0)
            case_loader_error (L, "expect.%s: a case without facts can only expect \"trajectory\"", key);
        }
    }
  if ((organisation != NULL) != (expected_roles != NULL))
    case_loader_error (L, "an \"organisation\" goes with an \"expect.roles\", and the other way round");
  else if (trajectory != NULL && expected_report == NULL && expected_roles == NULL)
    case_loader_error (L, "a \"trajectory\" goes with an \"expect.trajectory\" or an \"expect.roles\"");
  else if (trajectory == NULL && expected_report != NULL)
    case_loader_error (L, "an \"expect.trajectory\" needs a \"trajectory\"");
  if (!c->has_as_of && !facts_as_of)
    case_loader_error (L, "no \"as_of\" in the case or its facts: the case would depend on today's date");

  if (!json_object_object_get_ex (spec, "expect", &expect))
    case_loader_error (L, "no \"expect\"");
  else if (case_check_expect (L, rules, expect))
    c->expect = json_object_get (expect);
}

/* ---- a case file ---- */

/* The rule set a case file names in "rules" (relative to @dir), or the default one; NULL after reporting why. */
static CaseRules *
load_rules (CaseLoader *L, json_object *root, const char *dir, ActiveringRuleSet *override)
{
  g_autoptr (GError) error = NULL;
  CaseRules *rules = NULL;
  json_object *value = NULL;
  const char *version = NULL;
  if (json_object_object_get_ex (root, "ruleset_version", &value)
      && ((version = case_json_string (value)) == NULL || *version == '\0'))
    {
      case_loader_error (L, "\"ruleset_version\" must be a rule set version such as \"2026.12.0\"");
      return NULL;
    }
  if (json_object_object_get_ex (root, "rules", &value))
    {
      const char *path = case_json_string (value);
      if (path == NULL || *path == '\0')
        {
          case_loader_error (L, "\"rules\" must be a path relative to the case file");
          return NULL;
        }
      g_autofree char *joined = g_build_filename (dir, path, NULL);
      g_autofree char *canonical = g_canonicalize_filename (joined, NULL);
      rules = case_rules_new (override, canonical, version, &error);
    }
  else
    rules = case_rules_new (override, NULL, version, &error);
  if (rules == NULL)
    case_loader_error (L, "the rule set does not load: %s", error ? error->message : "?");
  return rules;
}

/* Checks one case file held in @text and appends its cases to @cases; problems go to @errors, and a file with
 * any problem adds no case at all. @file names it in messages, @dir resolves its relative paths. On success
 * *@rules_out is the rule set the cases run against. Returns the number of problems. */
int
case_load_text (const char *file, const char *dir, const char *text, gsize length, ActiveringRuleSet *override,
                GPtrArray *cases, GString *errors, CaseRules **rules_out)
{
  CaseLoader loader = { .file = file, .errors = errors, .case_index = -1 };
  CaseLoader *L = &loader;
  g_autoptr (GError) syntax = NULL;
  json_object *root = parse_json (file, text, length, &syntax);
  if (syntax != NULL)
    {
      append_problem (L, syntax->message); /* it starts with the file's name already */
      return L->n_errors;
    }
  /* Declared before the first goto, so that their cleanup never sees an uninitialised pointer. */
  g_autoptr (GPtrArray) loaded = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  CaseRules *rules = NULL;
  json_object *value = NULL, *list = NULL;
  if (!case_check_keys (L, root, "top level", file_keys))
    goto out;

  if (!json_object_object_get_ex (root, "format", &value) || g_strcmp0 (case_json_string (value), CASES_FORMAT) != 0)
    {
      case_loader_error (L, "\"format\" must be \"%s\"", CASES_FORMAT);
      goto out;
    }
  if (json_object_object_get_ex (root, "description", &value) && case_json_string (value) == NULL)
    case_loader_error (L, "\"description\" must be a string");

  if ((rules = load_rules (L, root, dir, override)) == NULL)
    goto out;

  if (!json_object_object_get_ex (root, "cases", &list) || !json_object_is_type (list, json_type_array)
      || json_object_array_length (list) == 0)
    {
      case_loader_error (L, "\"cases\" must be a non-empty array");
      goto out;
    }
  for (size_t i = 0; i < json_object_array_length (list); i++)
    load_case (L, dir, rules, json_object_array_get_idx (list, i), i, names, loaded);

out:
  if (L->n_errors == 0)
    for (guint i = 0; i < loaded->len; i++)
      g_ptr_array_add (cases, g_steal_pointer (&loaded->pdata[i]));
  json_object_put (root);
  if (L->n_errors == 0 && rules != NULL)
    *rules_out = rules;
  else if (rules != NULL)
    case_rules_free (rules);
  return L->n_errors;
}
