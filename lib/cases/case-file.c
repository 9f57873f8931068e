/* case-file.c: data-driven rule cases (`activering.cases/1`, docs/rule-cases.md): loading a case file, checked
 * against its rule set, and running each case, with what was expected against what came out when they differ.
 *
 * The runner behind `activering test` and the project's own tests/cases. A case file is checked before anything
 * runs: an unreadable file, malformed JSON, an unknown key at any level, an unknown measure, condition, limit,
 * obligation, fact or role, or a bad value is reported, with the file, the case and the problem, and such a file
 * loads no case at all.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "activering/activering.h"
#include "eval/evaluation-private.h"
#include "json/json-tree-private.h"
#include "json/json-writer-private.h"
#include "util/dates-private.h"

#define CASES_FORMAT "activering.cases/1"
#define REPORT_LANG "en"
#define CASES_MAX_NESTING 128 /* inline facts and expected reports are a few levels deep */

/* ---- what is known about a rule set, to check case files against it ---- */

typedef struct
{
  char *key;                   /* "" for the default rule set, else the absolute path of the file */
  ActiveringRuleSet *rules;
  GHashTable *conditions;      /* "measure.condition" */
  GHashTable *limits;          /* "measure.limit" */
  GHashTable *obligations;     /* obligation ids */
} RuleInfo;

typedef struct
{
  char *file;                  /* as shown in messages: the path as given */
  char *name;
  RuleInfo *info;              /* borrowed from the cache */
  json_object *expect;         /* a reference of its own */
  char *facts_json;            /* the facts document, with format and id filled in; NULL for a trajectory case
                                  without facts */
  char *trajectory_json;       /* the trajectory document, with format and id filled in; or NULL */
  char *organisation_json;     /* the organisation document, with format and id filled in; or NULL */
  gboolean has_as_of;
  GDate as_of;
} Case;


static const char *const outcome_names[] = {"eligible", "not_eligible", "undetermined", "not_applicable", NULL};
static const char *const truth_names[] = {"false", "true", "unknown", "absent", NULL};
static const char *const reason_names[] = {"not_in_force", "not_in_region", "regime_not_encoded", NULL};
static const char *const obligation_names[] = {"met", "due", "overdue", "undetermined", "absent", NULL};

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

/* A strict ISO date: YYYY-MM-DD and a day that exists. */
static gboolean
parse_date (const char *text, GDate *out)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  int year = atoi (text), month = atoi (text + 5), day = atoi (text + 8);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static void
format_date (const GDate *date, char out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (unsigned) g_date_get_year (date), (unsigned) g_date_get_month (date),
              (unsigned) g_date_get_day (date));
}

static GHashTable *
string_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
rule_info_free (gpointer data)
{
  RuleInfo *info = data;
  g_free (info->key);
  activering_rule_set_unref (info->rules);
  g_hash_table_unref (info->conditions);
  g_hash_table_unref (info->limits);
  if (info->obligations)
    g_hash_table_unref (info->obligations);
  g_free (info);
}

/* Adds the "id" of every object in @array (a JSON array), prefixed with @prefix and a dot if @prefix is set. */
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
        g_hash_table_add (set, prefix ? g_strconcat (prefix, ".", json_object_get_string (id), NULL)
                                      : g_strdup (json_object_get_string (id)));
    }
}

/* What a case file is checked against: @override if given, else the rule set at @path, else the default one. NULL
 * with @error set. */
static RuleInfo *
rule_info_new (ActiveringRuleSet *override, const char *path, GError **error)
{
  ActiveringRuleSet *rules = override ? activering_rule_set_ref (override)
                             : path   ? activering_rule_set_new_from_file (path, error)
                                      : activering_rule_set_new_default (error);
  if (rules == NULL)
    return NULL;
  RuleInfo *info = g_new0 (RuleInfo, 1);
  info->key = g_strdup (path ? path : "");
  info->rules = rules;
  info->conditions = string_set_new ();
  info->limits = string_set_new ();
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    {
      const char *code = activering_rule_set_get_measure_code (rules, m);
      g_autofree char *text = activering_rule_set_dup_measure_json (rules, m);
      json_object *measure = text ? json_tokener_parse (text) : NULL;
      json_object *list = NULL;
      if (json_object_object_get_ex (measure, "conditions", &list))
        collect_ids (list, code, info->conditions);
      if (json_object_object_get_ex (measure, "limits", &list))
        collect_ids (list, code, info->limits);
      json_object_put (measure);
    }
  info->obligations = string_set_new ();
  for (guint o = 0; o < activering_rule_set_get_n_obligations (rules); o++)
    g_hash_table_add (info->obligations, g_strdup (activering_rule_set_get_obligation_id (rules, o)));
  return info;
}

static void
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
  g_free (c);
}

/* ---- checking a case file ---- */

typedef struct
{
  const char *file;            /* for messages */
  const char *dir;             /* the case file's directory, for relative paths */
  GString *errors;
  int n_errors;
  const char *case_name;       /* for messages, while checking one case */
  int case_index;
} Loader;

static void append_problem (Loader *L, const char *line);

static void G_GNUC_PRINTF (2, 3)
loader_error (Loader *L, const char *format, ...)
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

/* One problem, one line: keys, names and values from the file may hold control characters. */
static void
append_problem (Loader *L, const char *line)
{
  for (const char *p = line; *p; p++)
    if ((guchar) *p < 0x20)
      g_string_append_printf (L->errors, "\\u%04x", (guchar) *p);
    else
      g_string_append_c (L->errors, *p);
  g_string_append_c (L->errors, '\n');
  L->n_errors++;
}

/* Checks that @object (at @where) is an object whose keys are all in @allowed (or "note"). Returns FALSE only
 * if it is not an object: an unknown key is reported, and the caller goes on to check the known ones. */
static gboolean
check_keys (Loader *L, json_object *object, const char *where, const char *const *allowed)
{
  if (!json_object_is_type (object, json_type_object))
    {
      loader_error (L, "%s: expected an object, got %s", where, json_type_to_name (json_object_get_type (object)));
      return FALSE;
    }
  json_object_object_foreach (object, key, value)
    {
      (void) value;
      if (!in_list (allowed, key) && strcmp (key, "note") != 0)
        {
          g_autofree char *known = join_list (allowed);
          loader_error (L, "%s: unknown key \"%s\" (known keys: %s)", where, key, known);
        }
    }
  return TRUE;
}

static const char *
get_string (json_object *value)
{
  return json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
}

/* "measure.thing" with a measure of the rule set and a thing in @set (the measure's conditions or limits). */
static gboolean
check_measure_dot_id (Loader *L, RuleInfo *info, const char *where, const char *what, const char *id,
                      GHashTable *set)
{
  const char *dot = strchr (id, '.');
  g_autofree char *code = dot ? g_strndup (id, (gsize) (dot - id)) : g_strdup (id);
  if (activering_rule_set_lookup_measure (info->rules, code) < 0)
    {
      loader_error (L, "%s: \"%s\": unknown measure \"%s\" (a %s is named \"measure.id\")", where, id, code, what);
      return FALSE;
    }
  if (!g_hash_table_contains (set, id))
    {
      loader_error (L, "%s: \"%s\": measure %s has no %s of that id", where, id, code, what);
      return FALSE;
    }
  return TRUE;
}

static void
check_measure_code (Loader *L, RuleInfo *info, const char *where, const char *code)
{
  if (activering_rule_set_lookup_measure (info->rules, code) < 0)
    {
      GString *known = g_string_new (NULL);
      for (guint m = 0; m < activering_rule_set_get_n_measures (info->rules); m++)
        g_string_append_printf (known, "%s%s", m ? ", " : "", activering_rule_set_get_measure_code (info->rules, m));
      loader_error (L, "%s: unknown measure \"%s\" (the rule set has: %s)", where, code, known->str);
      g_string_free (known, TRUE);
    }
}

static void
check_fact (Loader *L, RuleInfo *info, const char *where, const char *path)
{
  if (activering_rule_set_lookup_fact (info->rules, path) < 0)
    loader_error (L, "%s: \"%s\" is not a fact of the rule set", where, path);
}

static void
check_word (Loader *L, const char *where, const char *key, json_object *value, const char *const *allowed)
{
  const char *word = get_string (value);
  if (word == NULL || !in_list (allowed, word))
    {
      g_autofree char *known = join_list (allowed);
      loader_error (L, "%s: \"%s\": %s is not one of %s", where, key, json_object_to_json_string (value), known);
    }
}

static void
check_obligation_id (Loader *L, RuleInfo *info, const char *where, const char *id)
{
  if (!g_hash_table_contains (info->obligations, id))
    loader_error (L, "%s: unknown obligation \"%s\"", where, id);
}

static const char *const expect_keys[] = {"outcomes", "conditions", "missing", "missing_asked_of", "missing_state",
                                          "limits", "absent_limits", "obligations", "obligation_due", "reasons",
                                          "coverage", "via", "signals", "trajectory", "roles", NULL};

/* The keys of a role assignment that an expectation may check (see roles_view ()). */
static const char *const roles_keys[] = {"model", "phase", "regie", "assignments", "absent_tasks", "gaps", "conflicts",
                                         "missing", NULL};

/* The keys of a trajectory report that an expectation may check. */
static const char *const report_keys[] = {"state", "current_model", "current_phase", "corresponds_to",
                                          "open_measures", "days_per_phase", "days_per_measure", "path", "runs",
                                          "indicators", "violations", NULL};

static gboolean
check_expect (Loader *L, RuleInfo *info, json_object *expect)
{
  int before = L->n_errors;
  if (!check_keys (L, expect, "expect", expect_keys))
    return FALSE;
  if (json_object_object_length (expect) == 0)
    loader_error (L, "expect: checks nothing");

  json_object_object_foreach (expect, key, value)
    {
      if (!in_list (expect_keys, key))
        continue; /* "note", or reported by check_keys () */
      g_autofree char *where = g_strconcat ("expect.", key, NULL);
      if (strcmp (key, "trajectory") == 0 || strcmp (key, "roles") == 0)
        {
          gboolean roles = strcmp (key, "roles") == 0;
          if (!json_object_is_type (value, json_type_object))
            loader_error (L, "%s: expected an object: what the %s must hold", where,
                          roles ? "role assignment" : "trajectory report");
          else
            check_keys (L, value, where, roles ? roles_keys : report_keys);
          continue;
        }
      gboolean is_list = strcmp (key, "absent_limits") == 0 || strcmp (key, "signals") == 0;
      if (is_list ? !json_object_is_type (value, json_type_array) : !json_object_is_type (value, json_type_object))
        {
          loader_error (L, "%s: expected %s", where, is_list ? "an array of ids" : "an object");
          continue;
        }
      if (strcmp (key, "signals") == 0)
        {
          for (size_t i = 0; i < json_object_array_length (value); i++)
            if (get_string (json_object_array_get_idx (value, i)) == NULL)
              loader_error (L, "%s: item %zu is not a string", where, i);
          continue;
        }
      if (is_list)
        {
          for (size_t i = 0; i < json_object_array_length (value); i++)
            {
              const char *id = get_string (json_object_array_get_idx (value, i));
              if (id == NULL)
                loader_error (L, "%s: item %zu is not a string", where, i);
              else
                check_measure_dot_id (L, info, where, "limit", id, info->limits);
            }
          continue;
        }
      json_object_object_foreach (value, k, v)
        {
          if (strcmp (key, "outcomes") == 0)
            {
              check_measure_code (L, info, where, k);
              check_word (L, where, k, v, outcome_names);
            }
          else if (strcmp (key, "conditions") == 0)
            {
              check_measure_dot_id (L, info, where, "condition", k, info->conditions);
              check_word (L, where, k, v, truth_names);
            }
          else if (strcmp (key, "reasons") == 0 || strcmp (key, "coverage") == 0)
            {
              check_measure_code (L, info, where, k);
              if (strcmp (key, "reasons") == 0 && !json_object_is_type (v, json_type_null))
                check_word (L, where, k, v, reason_names);
              else if (!json_object_is_type (v, json_type_null) && get_string (v) == NULL)
                loader_error (L, "%s: \"%s\": expected a coverage code or null", where, k);
            }
          else if (strcmp (key, "via") == 0)
            {
              check_measure_dot_id (L, info, where, "condition", k, info->conditions);
              if (!json_object_is_type (v, json_type_array))
                loader_error (L, "%s: \"%s\": expected an array of condition ids", where, k);
              for (size_t i = 0; json_object_is_type (v, json_type_array) && i < json_object_array_length (v); i++)
                {
                  const char *via = get_string (json_object_array_get_idx (v, i));
                  if (via == NULL)
                    loader_error (L, "%s: \"%s\": item %zu is not a string", where, k, i);
                  else
                    check_measure_dot_id (L, info, where, "condition", via, info->conditions);
                }
            }
          else if (strcmp (key, "missing") == 0)
            {
              check_measure_code (L, info, where, k);
              if (!json_object_is_type (v, json_type_array))
                {
                  loader_error (L, "%s: \"%s\": expected an array of fact paths", where, k);
                  continue;
                }
              g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
              for (size_t i = 0; i < json_object_array_length (v); i++)
                {
                  const char *fact = get_string (json_object_array_get_idx (v, i));
                  if (fact == NULL)
                    loader_error (L, "%s: \"%s\": item %zu is not a string", where, k, i);
                  else if (!g_hash_table_add (seen, (gpointer) fact))
                    loader_error (L, "%s: \"%s\": \"%s\" is listed twice", where, k, fact);
                  else
                    check_fact (L, info, where, fact);
                }
            }
          else if (strcmp (key, "missing_asked_of") == 0)
            {
              check_fact (L, info, where, k);
              const char *role = get_string (v);
              if (role == NULL || activering_rule_set_get_role_label (info->rules, role, NULL) == NULL)
                loader_error (L, "%s: \"%s\": %s is not a role of the rule set", where, k, json_object_to_json_string (v));
            }
          else if (strcmp (key, "missing_state") == 0)
            {
              static const char *const missing_states[] = {"unknown", "blank", NULL};
              check_fact (L, info, where, k);
              check_word (L, where, k, v, missing_states);
            }
          else if (strcmp (key, "limits") == 0)
            {
              GDate date;
              check_measure_dot_id (L, info, where, "limit", k, info->limits);
              if (!json_object_is_type (v, json_type_int) && !json_object_is_type (v, json_type_double)
                  && !parse_date (get_string (v), &date))
                loader_error (L, "%s: \"%s\": %s is neither a number nor a date", where, k, json_object_to_json_string (v));
            }
          else if (strcmp (key, "obligations") == 0)
            {
              check_obligation_id (L, info, where, k);
              check_word (L, where, k, v, obligation_names);
            }
          else if (strcmp (key, "obligation_due") == 0)
            {
              GDate date;
              check_obligation_id (L, info, where, k);
              if (!json_object_is_type (v, json_type_null) && !parse_date (get_string (v), &date))
                loader_error (L, "%s: \"%s\": %s is neither a date nor null", where, k, json_object_to_json_string (v));
            }
        }
    }
  return L->n_errors == before;
}

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
facts_text (Loader *L, json_object *facts, const char *name, gboolean *has_as_of)
{
  if (!json_object_is_type (facts, json_type_object))
    {
      loader_error (L, "facts: expected an object");
      return NULL;
    }
  json_object *copy = NULL;
  if (json_object_deep_copy (facts, &copy, NULL) != 0 || copy == NULL)
    {
      loader_error (L, "facts: cannot copy");
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

static const char *const file_keys[] = {"format", "description", "rules", "cases", NULL};
static const char *const case_keys[] = {"name", "as_of", "facts", "facts_file", "trajectory", "organisation", "expect",
                                        NULL};

/* A trajectory or organisation document (@key) with its format, and the case name as its id, filled in. */
static char *
document_text (Loader *L, const char *key, const char *format, json_object *trajectory, const char *name)
{
  json_object *copy = NULL;
  if (!json_object_is_type (trajectory, json_type_object) || json_object_deep_copy (trajectory, &copy, NULL) != 0)
    {
      loader_error (L, "%s: expected an object", key);
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

/* Checks one case file held in @text and appends its cases to @cases; problems go to @errors, and a file with
 * any problem adds no case at all. @file names it in messages, @dir resolves its relative paths.
 * Returns the number of problems. */
static int
load_case_text (const char *file, const char *dir, const char *text, gsize length, ActiveringRuleSet *override,
                GPtrArray *cases, GString *errors, RuleInfo **info_out)
{
  Loader loader = {.file = file, .dir = dir, .errors = errors, .case_index = -1};
  Loader *L = &loader;
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
  g_autoptr (GError) error = NULL;
  RuleInfo *info = NULL;
  json_object *value = NULL, *list = NULL;
  if (!check_keys (L, root, "top level", file_keys))
    goto out;

  if (!json_object_object_get_ex (root, "format", &value) || g_strcmp0 (get_string (value), CASES_FORMAT) != 0)
    {
      loader_error (L, "\"format\" must be \"%s\"", CASES_FORMAT);
      goto out;
    }
  if (json_object_object_get_ex (root, "description", &value) && get_string (value) == NULL)
    loader_error (L, "\"description\" must be a string");

  if (json_object_object_get_ex (root, "rules", &value))
    {
      const char *rules = get_string (value);
      if (rules == NULL || *rules == '\0')
        {
          loader_error (L, "\"rules\" must be a path relative to the case file");
          goto out;
        }
      g_autofree char *path = g_build_filename (dir, rules, NULL);
      g_autofree char *canonical = g_canonicalize_filename (path, NULL);
      info = rule_info_new (override, canonical, &error);
    }
  else
    info = rule_info_new (override, NULL, &error);
  if (info == NULL)
    {
      loader_error (L, "the rule set does not load: %s", error ? error->message : "?");
      goto out;
    }

  if (!json_object_object_get_ex (root, "cases", &list) || !json_object_is_type (list, json_type_array)
      || json_object_array_length (list) == 0)
    {
      loader_error (L, "\"cases\" must be a non-empty array");
      goto out;
    }

  for (size_t i = 0; i < json_object_array_length (list); i++)
    {
      json_object *spec = json_object_array_get_idx (list, i);
      L->case_index = (int) i;
      L->case_name = NULL;
      if (!check_keys (L, spec, "case", case_keys))
        continue;

      json_object *name = NULL, *as_of = NULL, *facts = NULL, *facts_file = NULL, *expect = NULL, *trajectory = NULL;
      json_object_object_get_ex (spec, "name", &name);
      L->case_name = get_string (name);
      if (L->case_name == NULL || *L->case_name == '\0')
        {
          loader_error (L, "\"name\" must be a non-empty string");
          continue;
        }
      if (!g_hash_table_add (names, (gpointer) L->case_name))
        loader_error (L, "another case of this file has the same name");

      Case *c = g_new0 (Case, 1);
      c->file = g_strdup (file);
      c->name = g_strdup (L->case_name);
      c->info = info;
      g_ptr_array_add (loaded, c);

      if (json_object_object_get_ex (spec, "as_of", &as_of))
        {
          if (!parse_date (get_string (as_of), &c->as_of))
            loader_error (L, "\"as_of\": %s is not a date YYYY-MM-DD", json_object_to_json_string (as_of));
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
        loader_error (L, "give exactly one of \"facts\" and \"facts_file\"");
      else if (!has_facts && !has_file)
        {
          if (trajectory == NULL)
            loader_error (L, "give exactly one of \"facts\" and \"facts_file\" (or a \"trajectory\")");
        }
      else if (has_facts)
        c->facts_json = facts_text (L, facts, c->name, &facts_as_of);
      else if (get_string (facts_file) == NULL || *get_string (facts_file) == '\0')
        loader_error (L, "\"facts_file\" must be a path relative to the case file");
      else
        {
          g_autofree char *path = g_build_filename (dir, get_string (facts_file), NULL);
          g_autofree char *contents = NULL;
          g_autoptr (GError) why = NULL;
          gsize size = 0;
          g_autoptr (GError) read_error = NULL;
          if (!g_file_get_contents (path, &contents, &size, &read_error))
            loader_error (L, "\"facts_file\": %s", read_error->message);
          else
            {
              json_object *doc = parse_json (get_string (facts_file), contents, size, &why);
              if (why != NULL)
                loader_error (L, "\"facts_file\": %s", why->message);
              else
                c->facts_json = facts_text (L, doc, c->name, &facts_as_of);
              json_object_put (doc);
            }
        }
      json_object *expected_report = NULL, *expected_roles = NULL;
      if (json_object_object_get_ex (spec, "expect", &expect) && json_object_is_type (expect, json_type_object))
        {
          json_object_object_get_ex (expect, "trajectory", &expected_report);
          json_object_object_get_ex (expect, "roles", &expected_roles);
          json_object_object_foreach (expect, key, expected_value)
            {
              (void) expected_value;
              if (c->facts_json == NULL && strcmp (key, "trajectory") != 0 && strcmp (key, "note") != 0)
                loader_error (L, "expect.%s: a case without facts can only expect \"trajectory\"", key);
            }
        }
      if ((organisation != NULL) != (expected_roles != NULL))
        loader_error (L, "an \"organisation\" goes with an \"expect.roles\", and the other way round");
      else if (trajectory != NULL && expected_report == NULL && expected_roles == NULL)
        loader_error (L, "a \"trajectory\" goes with an \"expect.trajectory\" or an \"expect.roles\"");
      else if (trajectory == NULL && expected_report != NULL)
        loader_error (L, "an \"expect.trajectory\" needs a \"trajectory\"");
      if (!c->has_as_of && !facts_as_of)
        loader_error (L, "no \"as_of\" in the case or its facts: the case would depend on today's date");

      if (!json_object_object_get_ex (spec, "expect", &expect))
        loader_error (L, "no \"expect\"");
      else if (check_expect (L, info, expect))
        c->expect = json_object_get (expect);
    }

out:
  if (L->n_errors == 0)
    for (guint i = 0; i < loaded->len; i++)
      g_ptr_array_add (cases, g_steal_pointer (&loaded->pdata[i]));
  json_object_put (root);
  if (L->n_errors == 0 && info != NULL)
    *info_out = info;
  else if (info != NULL)
    rule_info_free (info);
  return L->n_errors;
}

/* ---- running a case ---- */

static int
condition_index (const ActiveringEvaluation *ev, guint measure, const char *id)
{
  for (guint i = 0; i < activering_evaluation_get_n_conditions (ev, measure); i++)
    if (g_strcmp0 (activering_evaluation_get_condition_id (ev, measure, i), id) == 0)
      return (int) i;
  return -1;
}

static int
limit_index (const ActiveringEvaluation *ev, guint measure, const char *id)
{
  for (guint i = 0; i < activering_evaluation_get_n_limits (ev, measure); i++)
    if (g_strcmp0 (activering_evaluation_get_limit_id (ev, measure, i), id) == 0)
      return (int) i;
  return -1;
}

static int
obligation_index (const ActiveringEvaluation *ev, const char *id)
{
  for (guint i = 0; i < activering_evaluation_get_n_obligations (ev); i++)
    if (g_strcmp0 (activering_evaluation_get_obligation_id (ev, i), id) == 0)
      return (int) i;
  return -1;
}

static int
measure_of (const ActiveringEvaluation *ev, const RuleInfo *info, const char *id)
{
  const char *dot = strchr (id, '.');
  g_autofree char *code = dot ? g_strndup (id, (gsize) (dot - id)) : g_strdup (id);
  return activering_rule_set_lookup_measure (info->rules, code);
}

/* What came out for one measure, under a mismatch. */
static void
describe_measure (GString *out, const ActiveringEvaluation *ev, guint measure)
{
  activering_evaluation_append_measure_text (ev, measure, REPORT_LANG, "    ", out);
}

static void
append_limit_value (GString *out, const ActiveringEvaluation *ev, guint measure, guint limit)
{
  double number = 0;
  GDate date;
  char text[11];
  if (activering_evaluation_get_limit_number (ev, measure, limit, &number))
    g_string_append_printf (out, "%g", number);
  else if (activering_evaluation_get_limit_date (ev, measure, limit, &date))
    {
      format_date (&date, text);
      g_string_append (out, text);
    }
  else
    g_string_append (out, "(neither a number nor a date)");
}

static gboolean
number_equal (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, fabs (b));
}

/* Runs case @c with @ev and appends one paragraph per mismatch to @out. */
/* Whether @actual holds everything @expected says: objects hold at least the expected keys (recursively), arrays
 * have the same length and hold the expected items in order, other values are equal. Mismatches are appended to
 * @out with their path in the report. */
static void
json_expect_subset (json_object *expected, json_object *actual, GString *path, GString *out)
{
  if (json_object_is_type (expected, json_type_object) && json_object_is_type (actual, json_type_object))
    {
      json_object_object_foreach (expected, key, value)
        {
          gsize mark = path->len;
          g_string_append_printf (path, "/%s", key);
          json_object *found = NULL;
          if (!json_object_object_get_ex (actual, key, &found))
            g_string_append_printf (out, "  %s: expected %s, but the report has no such key\n", path->str,
                                    json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN));
          else
            json_expect_subset (value, found, path, out);
          g_string_truncate (path, mark);
        }
      return;
    }
  if (json_object_is_type (expected, json_type_array) && json_object_is_type (actual, json_type_array)
      && json_object_array_length (expected) == json_object_array_length (actual))
    {
      for (size_t i = 0; i < json_object_array_length (expected); i++)
        {
          gsize mark = path->len;
          g_string_append_printf (path, "/%zu", i);
          json_expect_subset (json_object_array_get_idx (expected, i), json_object_array_get_idx (actual, i), path,
                              out);
          g_string_truncate (path, mark);
        }
      return;
    }
  if (!json_object_equal (expected, actual))
    g_string_append_printf (out, "  %s: expected %s, found %s\n", path->len ? path->str : "/",
                            json_object_to_json_string_ext (expected, JSON_C_TO_STRING_PLAIN),
                            json_object_to_json_string_ext (actual, JSON_C_TO_STRING_PLAIN));
}

/* Replays the case's trajectory (with its facts, if any) and compares the report with expect.trajectory. */
static void
check_trajectory_case (const Case *c, const ActiveringFacts *facts, GString *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringTrajectory) trajectory =
      activering_trajectory_parse (c->info->rules, c->trajectory_json, -1, &error);
  if (trajectory == NULL)
    {
      g_string_append_printf (out, "  the trajectory does not parse: %s\n", error->message);
      return;
    }
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (c->info->rules);
  g_autofree char *json = NULL;
  if (!activering_trajectory_report_run (report, trajectory, facts, c->has_as_of ? &c->as_of : NULL, &error)
      || (json = activering_trajectory_report_to_json (report, REPORT_LANG, ACTIVERING_JSON_DEFAULT, &error)) == NULL)
    {
      g_string_append_printf (out, "  the replay fails: %s\n", error->message);
      return;
    }
  json_object *actual = json_tokener_parse (json);
  json_object *expected = NULL;
  json_object_object_get_ex (c->expect, "trajectory", &expected);
  g_autoptr (GString) path = g_string_new (NULL);
  gsize before = out->len;
  json_expect_subset (expected, actual, path, out);
  if (out->len > before)
    {
      g_autofree char *pretty = g_strdup (json_object_to_json_string_ext (actual, JSON_C_TO_STRING_PRETTY));
      g_string_append_printf (out, "  the report:\n%s\n", pretty);
    }
  json_object_put (actual);
}

/* The role assignment as a case checks it: assignments by task, gaps as task codes, missing facts by fact, and the
 * tasks listed (for absent_tasks). */
static json_object *
roles_view (json_object *document)
{
  json_object *view = json_object_new_object (), *value = NULL;
  static const char *const copied[] = {"model", "phase", "regie", "conflicts"};
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    if (json_object_object_get_ex (document, copied[i], &value))
      json_object_object_add (view, copied[i], json_object_get (value));
  json_object *by_task = json_object_new_object (), *listed = json_object_new_array ();
  json_object_object_get_ex (document, "assignments", &value);
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      json_object *row = json_object_array_get_idx (value, i), *task = NULL;
      json_object_object_get_ex (row, "task", &task);
      json_object_object_add (by_task, json_object_get_string (task), json_object_get (row));
      json_object_array_add (listed, json_object_get (task));
    }
  json_object_object_add (view, "assignments", by_task);
  json_object_object_add (view, "listed", listed);
  json_object *gaps = json_object_new_array ();
  json_object_object_get_ex (document, "gaps", &value);
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      json_object *task = NULL;
      json_object_object_get_ex (json_object_array_get_idx (value, i), "task", &task);
      json_object_array_add (gaps, json_object_get (task));
    }
  json_object_object_add (view, "gaps", gaps);
  json_object *missing = json_object_new_object ();
  json_object_object_get_ex (document, "missing", &value);
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      json_object *item = json_object_array_get_idx (value, i), *fact = NULL, *who = NULL;
      json_object_object_get_ex (item, "fact", &fact);
      json_object_object_get_ex (item, "who", &who);
      json_object_object_add (missing, json_object_get_string (fact), json_object_get (who));
    }
  json_object_object_add (view, "missing", missing);
  return view;
}

/* Assigns the case's roles (with its trajectory, if any) and compares them with expect.roles. */
static void
check_roles_case (const Case *c, const ActiveringFacts *facts, GString *out)
{
  ActiveringRuleSet *rules = c->info->rules;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringOrganisation) organisation = activering_organisation_parse (rules, c->organisation_json, -1, &error);
  if (organisation == NULL)
    {
      g_string_append_printf (out, "  the organisation does not parse: %s\n", error->message);
      return;
    }
  g_autoptr (ActiveringTrajectory) trajectory = NULL;
  if (c->trajectory_json != NULL && (trajectory = activering_trajectory_parse (rules, c->trajectory_json, -1, &error)) == NULL)
    {
      g_string_append_printf (out, "  the trajectory does not parse: %s\n", error->message);
      return;
    }
  g_autoptr (ActiveringRoleAssignment) assignment = activering_role_assignment_new (rules);
  g_autofree char *json = NULL;
  if (!activering_role_assignment_run (assignment, organisation, facts, trajectory, c->has_as_of ? &c->as_of : NULL,
                                       ACTIVERING_ROLES_ALL_TASKS, &error)
      || (json = activering_role_assignment_to_json (assignment, REPORT_LANG, ACTIVERING_JSON_DEFAULT, &error)) == NULL)
    {
      g_string_append_printf (out, "  the assignment fails: %s\n", error->message);
      return;
    }
  json_object *actual = json_tokener_parse (json);
  json_object *view = roles_view (actual);
  json_object *expected = NULL, *absent = NULL, *listed = NULL;
  json_object_object_get_ex (c->expect, "roles", &expected);
  json_object_object_get_ex (view, "listed", &listed);
  g_autoptr (GString) path = g_string_new (NULL);
  gsize before = out->len;
  json_object_object_foreach (expected, key, value)
    {
      if (strcmp (key, "absent_tasks") == 0)
        {
          absent = value;
          continue;
        }
      g_string_printf (path, "/%s", key);
      json_object *found = NULL;
      if (!json_object_object_get_ex (view, key, &found))
        g_string_append_printf (out, "  %s: not in the assignment\n", path->str);
      else
        json_expect_subset (value, found, path, out);
    }
  /* absent_tasks: not active (the assignment ran with every task listed, each marked active or not) */
  json_object *by_task = NULL;
  json_object_object_get_ex (view, "assignments", &by_task);
  for (size_t i = 0; absent != NULL && i < json_object_array_length (absent); i++)
    {
      const char *task = json_object_get_string (json_object_array_get_idx (absent, i));
      json_object *row = NULL, *active = NULL;
      if (json_object_object_get_ex (by_task, task, &row) && json_object_object_get_ex (row, "active", &active)
          && json_object_get_boolean (active))
        g_string_append_printf (out, "  /absent_tasks: %s is active\n", task);
    }
  (void) listed;
  if (out->len > before)
    {
      g_autofree char *pretty = g_strdup (json_object_to_json_string_ext (actual, JSON_C_TO_STRING_PRETTY));
      g_string_append_printf (out, "  the assignment:\n%s\n", pretty);
    }
  json_object_put (view);
  json_object_put (actual);
}

/* Runs case @c with @ev, appending one paragraph per mismatch to @out. Returns whether @ev was evaluated. */
static gboolean
check_case (const Case *c, ActiveringEvaluation *ev, GString *out)
{
  ActiveringRuleSet *rules = c->info->rules;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = NULL;
  if (c->facts_json != NULL && (facts = activering_facts_new_from_json (rules, c->facts_json, -1, &error)) == NULL)
    {
      g_string_append_printf (out, "  the facts do not parse: %s\n", error->message);
      return FALSE;
    }
  if (c->trajectory_json != NULL && json_object_object_get_ex (c->expect, "trajectory", NULL))
    check_trajectory_case (c, facts, out);
  if (facts == NULL)
    return FALSE;
  if (c->organisation_json != NULL)
    check_roles_case (c, facts, out);
  if (!activering_evaluation_run (ev, facts, c->has_as_of ? &c->as_of : NULL, ACTIVERING_EVALUATE_DEFAULT, &error))
    {
      g_string_append_printf (out, "  the evaluation fails: %s\n", error->message);
      return FALSE;
    }

  /* Each measure with a mismatch is described once, after its first mismatch. */
  g_autoptr (GHashTable) described = g_hash_table_new (NULL, NULL);
#define DESCRIBE(m) \
  do { if (g_hash_table_add (described, GUINT_TO_POINTER ((m) + 1))) describe_measure (out, ev, (m)); } while (0)

  json_object *section = NULL;
  if (json_object_object_get_ex (c->expect, "outcomes", &section))
    {
      json_object_object_foreach (section, code, value)
        {
          guint m = (guint) activering_rule_set_lookup_measure (rules, code);
          const char *got = activering_outcome_to_string (activering_evaluation_get_outcome (ev, m));
          if (strcmp (got, json_object_get_string (value)) != 0)
            {
              g_string_append_printf (out, "  outcome of %s: expected %s, got %s\n", code, json_object_get_string (value), got);
              DESCRIBE (m);
            }
        }
    }

  if (json_object_object_get_ex (c->expect, "conditions", &section))
    {
      json_object_object_foreach (section, id, value)
        {
          guint m = (guint) measure_of (ev, c->info, id);
          int i = condition_index (ev, m, id);
          gboolean want_absent = strcmp (json_object_get_string (value), "absent") == 0;
          if (i < 0 || want_absent)
            {
              if (i < 0 && !want_absent)
                g_string_append_printf (out, "  condition %s: expected %s, but it is not reported\n", id,
                                        json_object_get_string (value));
              else if (i >= 0)
                g_string_append_printf (out, "  condition %s: expected it not to be reported, got %s\n", id,
                                        activering_truth_to_string (activering_evaluation_get_condition_state (ev, m, (guint) i)));
              continue;
            }
          const char *got = activering_truth_to_string (activering_evaluation_get_condition_state (ev, m, (guint) i));
          if (strcmp (got, json_object_get_string (value)) != 0)
            g_string_append_printf (out, "  condition %s: expected %s, got %s: %s\n", id, json_object_get_string (value),
                                    got, activering_evaluation_get_condition_text (ev, m, (guint) i, REPORT_LANG));
        }
    }

  if (json_object_object_get_ex (c->expect, "reasons", &section))
    {
      json_object_object_foreach (section, code, value)
        {
          guint m = (guint) activering_rule_set_lookup_measure (rules, code);
          const char *got = activering_reason_to_string (activering_evaluation_get_reason (ev, m));
          const char *want = json_object_is_type (value, json_type_null) ? NULL : json_object_get_string (value);
          if (g_strcmp0 (got, want) != 0)
            {
              g_string_append_printf (out, "  reason of %s: expected %s, got %s\n", code, want ? want : "none",
                                      got ? got : "none");
              DESCRIBE (m);
            }
        }
    }

  if (json_object_object_get_ex (c->expect, "coverage", &section))
    {
      json_object_object_foreach (section, code, value)
        {
          guint m = (guint) activering_rule_set_lookup_measure (rules, code);
          const char *got = activering_evaluation_get_coverage (ev, m);
          const char *want = json_object_is_type (value, json_type_null) ? NULL : json_object_get_string (value);
          if (g_strcmp0 (got, want) != 0)
            g_string_append_printf (out, "  coverage of %s: expected %s, got %s\n", code, want ? want : "none",
                                    got ? got : "none");
        }
    }

  if (json_object_object_get_ex (c->expect, "via", &section))
    {
      json_object_object_foreach (section, id, value)
        {
          guint m = (guint) measure_of (ev, c->info, id);
          int i = condition_index (ev, m, id);
          guint n = i < 0 ? 0 : activering_evaluation_get_n_condition_via (ev, m, (guint) i);
          gboolean ok = n == json_object_array_length (value);
          g_autoptr (GString) got = g_string_new (NULL);
          for (guint k = 0; k < n; k++)
            {
              const char *via = activering_evaluation_get_condition_via (ev, m, (guint) i, k);
              g_string_append_printf (got, " %s", via);
              gboolean listed = FALSE;
              for (size_t j = 0; j < json_object_array_length (value) && !listed; j++)
                listed = strcmp (via, json_object_get_string (json_object_array_get_idx (value, j))) == 0;
              ok &= listed;
            }
          if (!ok)
            g_string_append_printf (out, "  via of %s: expected %s, got%s\n", id,
                                    json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN),
                                    got->len ? got->str : " nothing");
        }
    }

  if (json_object_object_get_ex (c->expect, "signals", &section))
    {
      guint n = activering_evaluation_get_n_signals (ev);
      gboolean ok = n == json_object_array_length (section);
      g_autoptr (GString) got = g_string_new (NULL);
      for (guint k = 0; k < n; k++)
        {
          const char *id = activering_evaluation_get_signal_id (ev, k);
          g_string_append_printf (got, " %s", id);
          gboolean listed = FALSE;
          for (size_t j = 0; j < json_object_array_length (section) && !listed; j++)
            listed = g_strcmp0 (id, json_object_get_string (json_object_array_get_idx (section, j))) == 0;
          ok &= listed;
        }
      if (!ok)
        g_string_append_printf (out, "  signals: expected %s, got%s\n",
                                json_object_to_json_string_ext (section, JSON_C_TO_STRING_PLAIN),
                                got->len ? got->str : " none");
    }

  if (json_object_object_get_ex (c->expect, "missing", &section))
    {
      json_object_object_foreach (section, code, value)
        {
          guint m = (guint) activering_rule_set_lookup_measure (rules, code);
          g_autoptr (GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
          for (size_t i = 0; i < json_object_array_length (value); i++)
            g_hash_table_add (expected, (gpointer) json_object_get_string (json_object_array_get_idx (value, i)));
          g_autoptr (GString) extra = g_string_new (NULL);
          guint n = activering_evaluation_get_n_missing (ev, m), found = 0;
          for (guint i = 0; i < n; i++)
            {
              const char *fact = activering_evaluation_get_missing_fact (ev, m, i);
              if (g_hash_table_contains (expected, fact))
                found++;
              else
                g_string_append_printf (extra, " %s", fact);
            }
          g_autoptr (GString) lacking = g_string_new (NULL);
          for (size_t i = 0; i < json_object_array_length (value); i++)
            {
              const char *fact = json_object_get_string (json_object_array_get_idx (value, i));
              gboolean there = FALSE;
              for (guint j = 0; j < n && !there; j++)
                there = strcmp (activering_evaluation_get_missing_fact (ev, m, j), fact) == 0;
              if (!there)
                g_string_append_printf (lacking, " %s", fact);
            }
          if (extra->len || lacking->len || found != g_hash_table_size (expected) || n != found)
            {
              g_string_append_printf (out, "  missing facts of %s: expected %s, got ", code,
                                      json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN));
              activering_evaluation_append_missing_text (ev, m, out);
              g_string_append_printf (out, "\n    not expected:%s\n    not reported:%s\n", extra->len ? extra->str : " -",
                                      lacking->len ? lacking->str : " -");
              DESCRIBE (m);
            }
        }
    }

  /* missing_asked_of and missing_state: the fact is missing somewhere, and everywhere with that role/state. */
  static const char *const per_fact[] = {"missing_asked_of", "missing_state"};
  for (guint s = 0; s < G_N_ELEMENTS (per_fact); s++)
    if (json_object_object_get_ex (c->expect, per_fact[s], &section))
      {
        json_object_object_foreach (section, fact, value)
          {
            const char *want = json_object_get_string (value);
            guint seen = 0;
            for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
              for (guint i = 0; i < activering_evaluation_get_n_missing (ev, m); i++)
                {
                  if (strcmp (activering_evaluation_get_missing_fact (ev, m, i), fact) != 0)
                    continue;
                  seen++;
                  const char *got = s == 0 ? activering_evaluation_get_missing_asked_of (ev, m, i)
                                           : activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, m, i));
                  if (g_strcmp0 (got, want) != 0)
                    g_string_append_printf (out, "  missing fact %s of %s: expected %s %s, got %s\n", fact,
                                            activering_rule_set_get_measure_code (rules, m),
                                            s == 0 ? "to be asked of" : "state", want, got);
                }
            if (seen == 0)
              g_string_append_printf (out, "  %s: expected %s to be missing (%s %s), but no measure reports it missing\n",
                                      per_fact[s], fact, s == 0 ? "asked of" : "state", want);
          }
      }

  if (json_object_object_get_ex (c->expect, "limits", &section))
    {
      json_object_object_foreach (section, id, value)
        {
          guint m = (guint) measure_of (ev, c->info, id);
          int i = limit_index (ev, m, id);
          g_autoptr (GString) got = g_string_new (NULL);
          if (i < 0)
            g_string_append (got, "not reported");
          else
            append_limit_value (got, ev, m, (guint) i);
          gboolean ok = FALSE;
          double number = 0;
          GDate want, date;
          if (i >= 0 && json_object_is_type (value, json_type_string))
            ok = parse_date (json_object_get_string (value), &want)
                 && activering_evaluation_get_limit_date (ev, m, (guint) i, &date) && g_date_compare (&want, &date) == 0;
          else if (i >= 0)
            ok = activering_evaluation_get_limit_number (ev, m, (guint) i, &number)
                 && number_equal (number, json_object_get_double (value));
          if (!ok)
            g_string_append_printf (out, "  limit %s: expected %s, got %s\n", id,
                                    json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN), got->str);
        }
    }

  if (json_object_object_get_ex (c->expect, "absent_limits", &section))
    for (size_t k = 0; k < json_object_array_length (section); k++)
      {
        const char *id = json_object_get_string (json_object_array_get_idx (section, k));
        guint m = (guint) measure_of (ev, c->info, id);
        int i = limit_index (ev, m, id);
        if (i >= 0)
          {
            g_autoptr (GString) got = g_string_new (NULL);
            append_limit_value (got, ev, m, (guint) i);
            g_string_append_printf (out, "  limit %s: expected it not to be reported, got %s\n", id, got->str);
          }
      }

  if (json_object_object_get_ex (c->expect, "obligations", &section))
    {
      json_object_object_foreach (section, id, value)
        {
          int i = obligation_index (ev, id);
          const char *got = i < 0 ? "absent"
                                  : activering_obligation_state_to_string (activering_evaluation_get_obligation_state (ev, (guint) i));
          if (strcmp (got, json_object_get_string (value)) != 0)
            {
              GDate due;
              char text[11] = "unknown";
              if (i >= 0 && activering_evaluation_get_obligation_due (ev, (guint) i, &due))
                format_date (&due, text);
              g_string_append_printf (out, "  obligation %s: expected %s, got %s", id, json_object_get_string (value), got);
              if (i >= 0)
                g_string_append_printf (out, " (due %s)", text);
              g_string_append_c (out, '\n');
            }
        }
    }

  if (json_object_object_get_ex (c->expect, "obligation_due", &section))
    {
      json_object_object_foreach (section, id, value)
        {
          int i = obligation_index (ev, id);
          GDate due, want;
          char text[11];
          const char *expected = json_object_is_type (value, json_type_null) ? "no known due date"
                                                                             : json_object_get_string (value);
          if (i < 0)
            {
              g_string_append_printf (out, "  due date of obligation %s: expected %s, but the obligation is not reported\n",
                                      id, expected);
              continue;
            }
          gboolean known = activering_evaluation_get_obligation_due (ev, (guint) i, &due);
          if (known)
            format_date (&due, text);
          else
            g_strlcpy (text, "unknown", sizeof text);
          gboolean ok = json_object_is_type (value, json_type_null)
                          ? !known
                          : known && parse_date (json_object_get_string (value), &want) && g_date_compare (&want, &due) == 0;
          if (!ok)
            g_string_append_printf (out, "  due date of obligation %s: expected %s, got %s\n", id, expected, text);
        }
    }
  return TRUE;
}

#undef DESCRIBE

static void
case_heading (GString *out, const Case *c)
{
  char date[32] = "the facts' as_of";
  if (c->has_as_of)
    format_date (&c->as_of, date);
  g_string_append_printf (out, "%s: case \"%s\" (as of %s):\n", c->file, c->name, date);
}

/* ---- coverage ---- */

struct _ActiveringCaseCoverage
{
  ActiveringRuleSet *rules;
  guint n_cases;
  guint8 **seen;    /* per measure, per condition: bit set of the ActiveringTruth states seen */
  guint8 **periods; /* per parameter, per period: a case was evaluated in it */
};

ActiveringCaseCoverage *
activering_case_coverage_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  ActiveringCaseCoverage *coverage = g_new0 (ActiveringCaseCoverage, 1);
  coverage->rules = activering_rule_set_ref (rules);
  coverage->seen = g_new0 (guint8 *, MAX (rules->n_measures, 1));
  for (guint m = 0; m < rules->n_measures; m++)
    coverage->seen[m] = g_new0 (guint8, MAX (rules->measures[m].n_conditions, 1));
  coverage->periods = g_new0 (guint8 *, MAX (rules->n_params, 1));
  for (guint p = 0; p < rules->n_params; p++)
    coverage->periods[p] = g_new0 (guint8, MAX (rules->params[p].n_periods, 1));
  return coverage;
}

void
activering_case_coverage_free (ActiveringCaseCoverage *coverage)
{
  if (coverage == NULL)
    return;
  for (guint m = 0; m < coverage->rules->n_measures; m++)
    g_free (coverage->seen[m]);
  for (guint p = 0; p < coverage->rules->n_params; p++)
    g_free (coverage->periods[p]);
  g_free (coverage->seen);
  g_free (coverage->periods);
  activering_rule_set_unref (coverage->rules);
  g_free (coverage);
}

/* What one evaluation of a case exercised: each condition's state, each parameter's period on its date. */
static void
coverage_add (ActiveringCaseCoverage *coverage, const ActiveringEvaluation *ev)
{
  /* the same rule set: loaded once per case file, so told by its digest */
  if (coverage == NULL || strcmp (ev->rules->digest, coverage->rules->digest) != 0)
    return;
  const ActiveringRuleSet *rules = coverage->rules;
  coverage->n_cases++;
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < activering_evaluation_get_n_conditions (ev, m); i++)
      coverage->seen[m][i] |= (guint8) (1u << activering_evaluation_get_condition_state (ev, m, i));
  for (guint p = 0; p < rules->n_params; p++)
    for (guint k = 0; k < rules->params[p].n_periods; k++)
      if (rules->params[p].periods[k].from <= ev->as_of && ev->as_of <= rules->params[p].periods[k].until)
        coverage->periods[p][k] = 1;
}

/* {"format", "ruleset", "cases", "conditions": [{"id", "true", "false", "unknown"}], "parameter_periods_not_exercised":
 * [{"parameter", "from", "until"}]} */
char *
activering_case_coverage_to_json (const ActiveringCaseCoverage *coverage, ActiveringJsonFlags flags)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  const ActiveringRuleSet *rules = coverage->rules;
  GString *out = g_string_new (NULL);
  JsonWriter writer;
  JsonWriter *w = &writer;
  json_writer_init (w, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (w);
  json_writer_member_string (w, "format", "activering.coverage/1");
  rule_set_write_stamp (w, rules);
  json_writer_key (w, "cases");
  json_writer_integer (w, coverage->n_cases);
  json_writer_key (w, "conditions");
  json_writer_begin_array (w);
  static const char *const states[] = { "false", "true", "unknown" };
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < rules->measures[m].n_conditions; i++)
      {
        json_writer_begin_object (w);
        json_writer_member_string (w, "id", rules->measures[m].conditions[i].id);
        for (guint s = 0; s < G_N_ELEMENTS (states); s++)
          {
            json_writer_key (w, states[s]);
            json_writer_bool (w, (coverage->seen[m][i] >> s) & 1);
          }
        json_writer_end_object (w);
      }
  json_writer_end_array (w);
  json_writer_key (w, "parameter_periods_not_exercised");
  json_writer_begin_array (w);
  for (guint p = 0; p < rules->n_params; p++)
    for (guint k = 0; k < rules->params[p].n_periods; k++)
      if (!coverage->periods[p][k])
        {
          const ParamPeriod *period = &rules->params[p].periods[k];
          json_writer_begin_object (w);
          json_writer_member_string (w, "parameter", rules->params[p].name);
          json_writer_member_date (w, "from", period->from);
          json_writer_key (w, "until");
          if (period->until == G_MAXINT32)
            json_writer_null (w);
          else
            json_writer_date (w, period->until);
          json_writer_end_object (w);
        }
  json_writer_end_array (w);
  json_writer_end_object (w);
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}

char *
activering_case_coverage_to_text (const ActiveringCaseCoverage *coverage, const char *prefix)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  const ActiveringRuleSet *rules = coverage->rules;
  const char *p = prefix ? prefix : "";
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%scoverage of %s %s by %u evaluated case%s\n", p, rules->id, rules->version,
                          coverage->n_cases, coverage->n_cases == 1 ? "" : "s");
  static const char *const states[] = { "false", "true", "unknown" };
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < rules->measures[m].n_conditions; i++)
      {
        guint8 seen = coverage->seen[m][i];
        g_string_append_printf (out, "%s  %-52s", p, rules->measures[m].conditions[i].id);
        for (guint s = 0; s < G_N_ELEMENTS (states); s++)
          g_string_append_printf (out, " %-8s", (seen >> s) & 1 ? states[s] : "-");
        if (seen != 7)
          {
            g_string_append (out, "  never");
            for (guint s = 0, n = 0; s < G_N_ELEMENTS (states); s++)
              if (!((seen >> s) & 1))
                g_string_append_printf (out, "%s %s", n++ ? "," : "", states[s]);
          }
        g_string_append_c (out, '\n');
      }
  gboolean any = FALSE;
  for (guint q = 0; q < rules->n_params; q++)
    for (guint k = 0; k < rules->params[q].n_periods; k++)
      if (!coverage->periods[q][k])
        {
          char from[11];
          activering_format_date (rules->params[q].periods[k].from, from);
          if (!any)
            g_string_append_printf (out, "%sparameter periods no case was evaluated in:\n", p);
          any = TRUE;
          g_string_append_printf (out, "%s  %s from %s\n", p, rules->params[q].name, from);
        }
  if (!any)
    g_string_append_printf (out, "%severy parameter period was exercised\n", p);
  return g_string_free (out, FALSE);
}

/* ---- the public face ---- */

struct _ActiveringCaseFile
{
  char *name;
  RuleInfo *info;
  GPtrArray *cases; /* Case */
};

ActiveringCaseFile *
activering_case_file_new_from_data (const char *name, const char *dir, const char *data, gssize length,
                                    ActiveringRuleSet *rules, GError **error)
{
  g_return_val_if_fail (name != NULL && (data != NULL || length == 0), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GString) problems = g_string_new (NULL);
  RuleInfo *info = NULL;
  gsize size = data == NULL ? 0 : length < 0 ? strlen (data) : (gsize) length;
  const char *invalid = NULL;
  if (data != NULL && !g_utf8_validate_len (data, size, &invalid))
    {
      /* messages quote the file's keys and values: the text must be UTF-8 before anything is read */
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_SYNTAX, "%s: not valid UTF-8 at byte %zu", name,
                   (gsize) (invalid - data));
      return NULL;
    }
  g_autofree char *here = g_get_current_dir ();
  if (load_case_text (name, dir ? dir : here, data ? data : "", size, rules, cases, problems, &info) > 0)
    {
      /* every problem, one per line; the code says what kind of document it is about */
      if (problems->len > 0 && problems->str[problems->len - 1] == '\n')
        g_string_truncate (problems, problems->len - 1);
      g_set_error_literal (error, ACTIVERING_ERROR, ACTIVERING_ERROR_INVALID_VALUE, problems->str);
      return NULL;
    }
  ActiveringCaseFile *file = g_new0 (ActiveringCaseFile, 1);
  file->name = g_strdup (name);
  file->info = info;
  file->cases = g_steal_pointer (&cases);
  return file;
}

ActiveringCaseFile *
activering_case_file_load (const char *path, ActiveringRuleSet *rules, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) io_error = NULL;
  if (!g_file_get_contents (path, &text, &length, &io_error))
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_IO, "%s: cannot read: %s", path, io_error->message);
      return NULL;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  return activering_case_file_new_from_data (path, dir, text, (gssize) length, rules, error);
}

void
activering_case_file_free (ActiveringCaseFile *file)
{
  if (file == NULL)
    return;
  g_ptr_array_unref (file->cases);
  rule_info_free (file->info);
  g_free (file->name);
  g_free (file);
}

const char *
activering_case_file_get_name (const ActiveringCaseFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->name;
}

ActiveringRuleSet *
activering_case_file_get_rule_set (const ActiveringCaseFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->info->rules;
}

guint
activering_case_file_get_n_cases (const ActiveringCaseFile *file)
{
  g_return_val_if_fail (file != NULL, 0);
  return file->cases->len;
}

static const Case *
case_at (const ActiveringCaseFile *file, guint index)
{
  g_return_val_if_fail (file != NULL, NULL); /* a programmer's error, as for every handle */
  return index < file->cases->len ? g_ptr_array_index (file->cases, index) : NULL;
}

const char *
activering_case_file_get_case_name (const ActiveringCaseFile *file, guint index)
{
  const Case *c = case_at (file, index);
  return c ? c->name : NULL;
}

const char *
activering_case_file_get_case_facts (const ActiveringCaseFile *file, guint index)
{
  const Case *c = case_at (file, index);
  return c ? c->facts_json : NULL;
}

gboolean
activering_case_file_get_case_as_of (const ActiveringCaseFile *file, guint index, GDate *out)
{
  const Case *c = case_at (file, index);
  if (c == NULL || !c->has_as_of)
    return FALSE;
  if (out != NULL)
    *out = c->as_of;
  return TRUE;
}

gboolean
activering_case_file_run_case (const ActiveringCaseFile *file, guint index, ActiveringCaseCoverage *coverage,
                               GString *failure)
{
  const Case *c = case_at (file, index);
  g_return_val_if_fail (c != NULL, FALSE);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (file->info->rules);
  g_autoptr (GString) mismatches = g_string_new (NULL);
  if (check_case (c, ev, mismatches) && coverage != NULL)
    coverage_add (coverage, ev);
  if (mismatches->len == 0)
    return TRUE;
  if (failure != NULL)
    {
      case_heading (failure, c);
      g_string_append (failure, mismatches->str);
    }
  return FALSE;
}
