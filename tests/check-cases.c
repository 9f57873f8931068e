/* check-cases.c: data-driven rule cases.
 *
 * Loads every tests/cases/<name>.json (in sorted order) and runs each case through the public API, against the
 * default rule set or the rule set a case file names. Every case is one Check test, so one failing case
 * hides no other one, and its message names the case file, the case, what was expected and what came out.
 * See also docs/rule-cases.md.
 *
 * Case file format, `activering.cases/1`:
 *
 *   {
 *     "format": "activering.cases/1",
 *     "description": "what the file covers",                   optional
 *     "rules": "../../data/rules/be-vlaanderen.json",          optional: a rule set file, relative to the
 *                                                              case file's directory; default: the rule
 *                                                              set compiled into the library
 *     "note": "…",                                             optional, free text, also allowed on a case
 *     "cases": [
 *       {
 *         "name": "twe: half-time boundary 0.5 is eligible",   required, unique within the file
 *         "as_of": "2026-11-22",                               the evaluation date; may be left out only if
 *                                                              the facts carry their own "as_of"
 *         "facts": { … },                                      an activering.facts/1 document; "format" and
 *                                                              "id" may be left out: the runner adds the
 *                                                              format and uses the case name as the id
 *         "facts_file": "relative/path.json",                  instead of "facts": a facts document, relative
 *                                                              to the case file's directory
 *         "trajectory": { … },                                 an activering.trajectory/1 document to replay
 *                                                              on as_of (with the facts, if any)
 *         "organisation": { … },                               an activering.organisation/1 document: the
 *                                                              dossier's roles are assigned in it
 *         "expect": {                                          at least one of:
 *           "outcomes":   {"twe_ocmw": "eligible"},            only the measures listed are checked
 *           "conditions": {"twe_ocmw.half_time": "true"},      "true", "false" or "unknown"
 *           "missing":    {"twe_ocmw": ["work_capacity"]},     the exact set of missing facts of a measure,
 *                                                              in any order; [] means none
 *           "missing_asked_of": {"vdab.registered": "vdab.bemiddelaar"},
 *                                                              the fact is missing for at least one measure,
 *                                                              and wherever it is, it is asked of that role
 *           "missing_state": {"work_capacity": "blank"},       likewise, with "unknown" (absent) or "blank"
 *                                                              (null)
 *           "limits":     {"ibo.max_weeks": 26, "ibo.ends_on": "2027-03-29"},
 *                                                              each listed limit is reported, with that
 *                                                              number or date
 *           "absent_limits": ["twe_ocmw.ends_on"],             each listed limit is not reported
 *           "obligations": {"gpmi.deadline": "overdue"},       "met", "due", "overdue", "undetermined", or
 *                                                              "absent" (the obligation is not reported)
 *           "obligation_due": {"gpmi.deadline": "2026-06-01"}  the obligation is reported with that due
 *                                                              date; null: reported without a known due date
 *           "trajectory": {"current_phase": "nazorg", …}       with a case "trajectory": what its report holds
 *                                                              (a subset; see docs/rule-cases.md)
 *           "roles": {"regie": {…}, "gaps": […], …}            with an "organisation": what the assignment holds
 *                                                              (assignments by task, a subset; see
 *                                                              docs/rule-cases.md)
 *         }
 *       }
 *     ]
 *   }
 *
 * A case file is checked before anything runs: an unreadable file, malformed JSON, an unknown key at any
 * level, an unknown measure, condition, limit, obligation, fact or role, or a bad value fails the suite with
 * a message that says which file, which case and what is wrong. Such a file never crashes the runner.
 *
 * Besides the cases, some tests hold across all of them: a not_eligible outcome always has at least one false
 * condition; every outcome agrees with its conditions and missing facts; one evaluation and one facts object
 * reused from case to case answer exactly as fresh ones do; and the outcomes-only fast path gives the same
 * outcomes. The runner tests itself too: bad case files are rejected with the right message, and a mismatch
 * is reported in full.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "test-util.h"

#define CASES_FORMAT "activering.cases/1"
#define CASES_DIR "tests/cases"
#define REPORT_LANG "en"

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
  char *file;                  /* as shown in messages: tests/cases/ibo.json */
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

static GPtrArray *all_cases;    /* Case */
static GString *load_errors;    /* one line per problem with a case file */
static GHashTable *rule_cache;  /* key -> RuleInfo */

static const char *const outcome_names[] = {"eligible", "not_eligible", "undetermined", "not_applicable", NULL};
static const char *const truth_names[] = {"false", "true", "unknown", NULL};
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

/* The rule set for a case file: the default one (@path NULL) or a file. Cached. NULL with @error set. */
static RuleInfo *
rule_info_get (const char *path, GError **error)
{
  const char *key = path ? path : "";
  RuleInfo *info = g_hash_table_lookup (rule_cache, key);
  if (info)
    return info;

  ActiveringRuleSet *rules = path ? activering_rule_set_new_from_file (path, error)
                                  : activering_rule_set_new_default (error);
  if (rules == NULL)
    return NULL;
  info = g_new0 (RuleInfo, 1);
  info->key = g_strdup (key);
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
  g_hash_table_insert (rule_cache, info->key, info);
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

static void G_GNUC_PRINTF (2, 3)
loader_error (Loader *L, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  if (L->case_index >= 0)
    g_string_append_printf (L->errors, "%s: case %d%s%s%s: %s\n", L->file, L->case_index,
                            L->case_name ? " \"" : "", L->case_name ? L->case_name : "", L->case_name ? "\"" : "",
                            message);
  else
    g_string_append_printf (L->errors, "%s: %s\n", L->file, message);
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
                                          "limits", "absent_limits", "obligations", "obligation_due", "trajectory",
                                          "roles", NULL};

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
      gboolean is_list = strcmp (key, "absent_limits") == 0;
      if (is_list ? !json_object_is_type (value, json_type_array) : !json_object_is_type (value, json_type_object))
        {
          loader_error (L, "%s: expected %s", where, is_list ? "an array of limit ids" : "an object");
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

/* Parses @text as one JSON document; NULL with a message naming the line and column of the problem. */
static json_object *
parse_json (const char *text, gsize length, char **message)
{
  if (length > G_MAXINT)
    {
      *message = g_strdup ("too large");
      return NULL;
    }
  json_tokener *tok = json_tokener_new ();
  json_object *root = json_tokener_parse_ex (tok, text, (int) length);
  enum json_tokener_error err = json_tokener_get_error (tok);
  size_t end = json_tokener_get_parse_end (tok);
  json_tokener_free (tok);
  if (root != NULL && err == json_tokener_success)
    {
      for (size_t i = end; i < length; i++)
        if (!g_ascii_isspace (text[i]))
          {
            err = json_tokener_error_parse_unexpected;
            end = i;
            json_object_put (root);
            root = NULL;
            break;
          }
      if (root)
        return root;
    }
  if (root)
    json_object_put (root);
  int line = 1, column = 1;
  for (size_t i = 0; i < end && i < length; i++)
    if (text[i] == '\n')
      line++, column = 1;
    else
      column++;
  const char *why = err == json_tokener_continue ? "unexpected end of the document"
                    : err == json_tokener_success ? "text after the document"
                                                  : json_tokener_error_desc (err);
  *message = g_strdup_printf ("not valid JSON at line %d, column %d: %s", line, column, why);
  return NULL;
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
load_case_text (const char *file, const char *dir, const char *text, gsize length, GPtrArray *cases,
                GString *errors)
{
  Loader loader = {.file = file, .dir = dir, .errors = errors, .case_index = -1};
  Loader *L = &loader;
  g_autofree char *message = NULL;
  json_object *root = parse_json (text, length, &message);
  if (root == NULL)
    {
      loader_error (L, "%s", message);
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
      info = rule_info_get (canonical, &error);
    }
  else
    info = rule_info_get (NULL, &error);
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
          g_autofree char *why = NULL;
          gsize size = 0;
          g_autoptr (GError) read_error = NULL;
          if (!g_file_get_contents (path, &contents, &size, &read_error))
            loader_error (L, "\"facts_file\": %s", read_error->message);
          else
            {
              json_object *doc = parse_json (contents, size, &why);
              if (doc == NULL)
                loader_error (L, "\"facts_file\" %s: %s", get_string (facts_file), why);
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
  return L->n_errors;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
load_all_cases (void)
{
  g_autofree char *dir = test_path (CASES_DIR);
  g_autoptr (GError) error = NULL;
  GDir *d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      g_string_append_printf (load_errors, "%s: cannot open the case directory: %s\n", CASES_DIR, error->message);
      return;
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name = g_dir_read_name (d); name != NULL; name = g_dir_read_name (d))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *shown = g_build_filename (CASES_DIR, names->pdata[i], NULL);
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *text = NULL;
      gsize length = 0;
      g_autoptr (GError) read_error = NULL;
      if (!g_file_get_contents (path, &text, &length, &read_error))
        g_string_append_printf (load_errors, "%s: cannot read: %s\n", shown, read_error->message);
      else
        load_case_text (shown, dir, text, length, all_cases, load_errors);
    }
  if (names->len == 0)
    g_string_append_printf (load_errors, "%s: no case files (*.json)\n", CASES_DIR);
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

static void
append_missing (GString *out, const ActiveringEvaluation *ev, guint measure)
{
  guint n = activering_evaluation_get_n_missing (ev, measure);
  if (n == 0)
    g_string_append (out, "none");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s (%s, asked of %s)", i ? ", " : "",
                            activering_evaluation_get_missing_fact (ev, measure, i),
                            activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, measure, i)),
                            activering_evaluation_get_missing_asked_of (ev, measure, i));
}

/* What came out for one measure: outcome, every condition with its state and text, the missing facts. */
static void
describe_measure (GString *out, const ActiveringEvaluation *ev, guint measure)
{
  g_string_append_printf (out, "    outcome: %s\n", activering_outcome_to_string (activering_evaluation_get_outcome (ev, measure)));
  for (guint i = 0; i < activering_evaluation_get_n_conditions (ev, measure); i++)
    g_string_append_printf (out, "    %s = %s: %s\n", activering_evaluation_get_condition_id (ev, measure, i),
                            activering_truth_to_string (activering_evaluation_get_condition_state (ev, measure, i)),
                            activering_evaluation_get_condition_text (ev, measure, i, REPORT_LANG));
  g_string_append (out, "    missing: ");
  append_missing (out, ev, measure);
  g_string_append_c (out, '\n');
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

static void
check_case (const Case *c, ActiveringEvaluation *ev, GString *out)
{
  ActiveringRuleSet *rules = c->info->rules;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = NULL;
  if (c->facts_json != NULL && (facts = activering_facts_new_from_json (rules, c->facts_json, -1, &error)) == NULL)
    {
      g_string_append_printf (out, "  the facts do not parse: %s\n", error->message);
      return;
    }
  if (c->trajectory_json != NULL && json_object_object_get_ex (c->expect, "trajectory", NULL))
    check_trajectory_case (c, facts, out);
  if (facts == NULL)
    return;
  if (c->organisation_json != NULL)
    check_roles_case (c, facts, out);
  if (!activering_evaluation_run (ev, facts, c->has_as_of ? &c->as_of : NULL, ACTIVERING_EVALUATE_DEFAULT, &error))
    {
      g_string_append_printf (out, "  the evaluation fails: %s\n", error->message);
      return;
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
          if (i < 0)
            {
              g_string_append_printf (out, "  condition %s: expected %s, but it is not reported\n", id,
                                      json_object_get_string (value));
              continue;
            }
          const char *got = activering_truth_to_string (activering_evaluation_get_condition_state (ev, m, (guint) i));
          if (strcmp (got, json_object_get_string (value)) != 0)
            g_string_append_printf (out, "  condition %s: expected %s, got %s: %s\n", id, json_object_get_string (value),
                                    got, activering_evaluation_get_condition_text (ev, m, (guint) i, REPORT_LANG));
        }
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
              append_missing (out, ev, m);
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

/* ---- tests ---- */

START_TEST (test_case_files)
{
  ck_assert_msg (load_errors->len == 0, "bad case files:\n%s", load_errors->str);
  ck_assert_msg (all_cases->len > 0, "no cases in %s", CASES_DIR);
}
END_TEST

START_TEST (test_case)
{
  const Case *c = all_cases->pdata[_i];
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (c->info->rules);
  g_autoptr (GString) mismatches = g_string_new (NULL);
  check_case (c, ev, mismatches);
  if (mismatches->len)
    {
      g_autoptr (GString) report = g_string_new (NULL);
      case_heading (report, c);
      g_string_append (report, mismatches->str);
      ck_abort_msg ("%s", report->str);
    }
}
END_TEST

/* Runs every case and calls @check on each measure of each; @check appends to @out what is wrong. */
static void
for_each_outcome (void (*check) (GString *out, const ActiveringEvaluation *ev, guint measure), GString *out)
{
  for (guint k = 0; k < all_cases->len; k++)
    {
      const Case *c = all_cases->pdata[k];
      if (c->facts_json == NULL)
        continue; /* a trajectory case without facts */
      g_autoptr (GError) error = NULL;
      g_autoptr (ActiveringFacts) facts = activering_facts_new_from_json (c->info->rules, c->facts_json, -1, &error);
      g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (c->info->rules);
      if (facts == NULL
          || !activering_evaluation_run (ev, facts, c->has_as_of ? &c->as_of : NULL, ACTIVERING_EVALUATE_DEFAULT, &error))
        continue; /* reported by the case's own test */
      for (guint m = 0; m < activering_rule_set_get_n_measures (c->info->rules); m++)
        {
          g_autoptr (GString) wrong = g_string_new (NULL);
          check (wrong, ev, m);
          if (wrong->len)
            {
              case_heading (out, c);
              g_string_append_printf (out, "  %s: %s\n", activering_rule_set_get_measure_code (c->info->rules, m),
                                      wrong->str);
              describe_measure (out, ev, m);
            }
        }
    }
}

static guint
count_conditions (const ActiveringEvaluation *ev, guint measure, ActiveringTruth truth)
{
  guint n = 0;
  for (guint i = 0; i < activering_evaluation_get_n_conditions (ev, measure); i++)
    n += activering_evaluation_get_condition_state (ev, measure, i) == truth;
  return n;
}

static void
check_not_eligible_has_false (GString *out, const ActiveringEvaluation *ev, guint measure)
{
  if (activering_evaluation_get_outcome (ev, measure) == ACTIVERING_OUTCOME_NOT_ELIGIBLE
      && count_conditions (ev, measure, ACTIVERING_TRUTH_FALSE) == 0)
    g_string_append (out, "not_eligible without a false condition");
}

START_TEST (test_not_eligible_has_false_condition)
{
  g_autoptr (GString) out = g_string_new (NULL);
  for_each_outcome (check_not_eligible_has_false, out);
  ck_assert_msg (out->len == 0, "%s", out->str);
}
END_TEST

/* eligible: every condition true, nothing missing; undetermined: no condition false, something missing;
 * not_eligible: nothing missing. */
static void
check_outcome_consistent (GString *out, const ActiveringEvaluation *ev, guint measure)
{
  guint n = activering_evaluation_get_n_conditions (ev, measure);
  guint n_true = count_conditions (ev, measure, ACTIVERING_TRUTH_TRUE);
  guint n_false = count_conditions (ev, measure, ACTIVERING_TRUTH_FALSE);
  guint n_missing = activering_evaluation_get_n_missing (ev, measure);
  switch (activering_evaluation_get_outcome (ev, measure))
    {
    case ACTIVERING_OUTCOME_ELIGIBLE:
      if (n_true != n || n_missing != 0)
        g_string_append (out, "eligible, but not every condition is true or some fact is reported missing");
      break;
    case ACTIVERING_OUTCOME_UNDETERMINED:
      if (n_false != 0 || n_missing == 0)
        g_string_append (out, "undetermined, but a condition is false or no fact is reported missing");
      break;
    case ACTIVERING_OUTCOME_NOT_ELIGIBLE:
      if (n_missing != 0)
        g_string_append (out, "not_eligible, but facts are reported missing");
      break;
    case ACTIVERING_OUTCOME_NOT_APPLICABLE:
    default:
      break;
    }
}

START_TEST (test_outcomes_consistent)
{
  g_autoptr (GString) out = g_string_new (NULL);
  for_each_outcome (check_outcome_consistent, out);
  ck_assert_msg (out->len == 0, "%s", out->str);
}
END_TEST

/* One evaluation and one facts object, reused from case to case in both orders, answer exactly as fresh ones
 * do; and the outcomes-only fast path gives the same outcomes. */
static char *
fresh_answer (const Case *c, ActiveringEvaluateFlags flags, ActiveringOutcome *outcomes, guint n_outcomes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_json (c->info->rules, c->facts_json, -1, &error);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (c->info->rules);
  if (facts == NULL || !activering_evaluation_run (ev, facts, c->has_as_of ? &c->as_of : NULL, flags, &error))
    return NULL;
  for (guint m = 0; m < n_outcomes; m++)
    outcomes[m] = activering_evaluation_get_outcome (ev, m);
  return flags == ACTIVERING_EVALUATE_DEFAULT ? activering_evaluation_to_json (ev, REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL)
                                              : g_strdup ("");
}

START_TEST (test_reuse_and_fast_path)
{
  g_autoptr (GString) out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, rule_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RuleInfo *info = value;
      guint n_measures = activering_rule_set_get_n_measures (info->rules);
      g_autofree ActiveringOutcome *full = g_new0 (ActiveringOutcome, n_measures);
      g_autofree ActiveringOutcome *fast = g_new0 (ActiveringOutcome, n_measures);
      g_autoptr (ActiveringFacts) facts = activering_facts_new (info->rules);
      g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (info->rules);
      for (guint pass = 0; pass < 2; pass++)
        for (guint j = 0; j < all_cases->len; j++)
          {
            const Case *c = all_cases->pdata[pass == 0 ? j : all_cases->len - 1 - j];
            if (c->info != info || c->facts_json == NULL)
              continue;
            g_autofree char *expected = fresh_answer (c, ACTIVERING_EVALUATE_DEFAULT, full, n_measures);
            g_autofree char *unused = fresh_answer (c, ACTIVERING_EVALUATE_OUTCOMES_ONLY, fast, n_measures);
            if (expected == NULL)
              continue; /* reported by the case's own test */
            for (guint m = 0; m < n_measures; m++)
              if (full[m] != fast[m])
                {
                  case_heading (out, c);
                  g_string_append_printf (out, "  %s: outcomes only says %s, the full evaluation %s\n",
                                          activering_rule_set_get_measure_code (info->rules, m),
                                          activering_outcome_to_string (fast[m]), activering_outcome_to_string (full[m]));
                }
            g_autoptr (GError) error = NULL;
            g_autofree char *reused = NULL;
            if (activering_facts_parse (facts, c->facts_json, -1, &error)
                && activering_evaluation_run (ev, facts, c->has_as_of ? &c->as_of : NULL, ACTIVERING_EVALUATE_DEFAULT, &error))
              reused = activering_evaluation_to_json (ev, REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL);
            if (g_strcmp0 (reused, expected) != 0)
              {
                case_heading (out, c);
                g_string_append_printf (out, "  a reused evaluation answers differently (pass %u)%s%s\n    fresh:  %s\n    reused: %s\n",
                                        pass + 1, error ? ": " : "", error ? error->message : "", expected,
                                        reused ? reused : "(none)");
              }
          }
    }
  ck_assert_msg (out->len == 0, "%s", out->str);
}
END_TEST

/* The runner itself: bad case files are reported, with the file, the case and the problem, and load nothing. */
static void
assert_rejected (const char *text, ...) G_GNUC_NULL_TERMINATED;

static void
assert_rejected (const char *text, ...)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GString) errors = g_string_new (NULL);
  g_autofree char *dir = test_path (CASES_DIR);
  int n = load_case_text ("bad.json", dir, text, strlen (text), cases, errors);
  ck_assert_msg (n > 0 && errors->len > 0, "case file accepted: %s", text);
  ck_assert_msg (cases->len == 0, "a bad case file still loaded %u cases: %s", cases->len, text);
  ck_assert_msg (g_str_has_prefix (errors->str, "bad.json: "), "message does not name the file: %s", errors->str);
  va_list args;
  va_start (args, text);
  for (const char *part = va_arg (args, const char *); part; part = va_arg (args, const char *))
    ck_assert_msg (strstr (errors->str, part) != NULL, "message \"%s\" lacks \"%s\"", errors->str, part);
  va_end (args);
}

#define GOOD_FACTS "\"facts\": {\"region\": \"vlaanderen\"}"
#define ONE_CASE(body) "{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"c\", \"as_of\": \"2026-11-22\", " body "}]}"

START_TEST (test_bad_case_files)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GString) errors = g_string_new (NULL);
  g_autofree char *dir = test_path (CASES_DIR);
  const char *good = ONE_CASE (GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"undetermined\"}}");
  ck_assert_int_eq (load_case_text ("good.json", dir, good, strlen (good), cases, errors), 0);
  ck_assert_uint_eq (cases->len, 1);

  assert_rejected ("", "not valid JSON", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [", "not valid JSON", "line 1", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\",\n \"cases\": [}]}", "not valid JSON", "line 2", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": []} x", "not valid JSON", NULL);
  assert_rejected ("[]", "top level: expected an object", NULL);
  assert_rejected ("{\"format\": \"activering.cases/2\", \"cases\": []}", "\"format\" must be", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": []}", "non-empty array", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"case\": []}", "unknown key \"case\"", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"rules\": \"no-such-rules.json\", \"cases\": [{}]}",
                   "the rule set does not load", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [42]}", "case 0", "expected an object", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"outcome\": {\"art60\": \"eligible\"}}"),
                   "case 0 \"c\"", "unknown key \"outcome\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"outcomes\": {\"twe\": \"eligible\"}}"),
                   "unknown measure \"twe\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"eligble\"}}"),
                   "\"eligble\" is not one of", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"conditions\": {\"art60.statuss\": \"true\"}}"),
                   "measure art60 has no condition of that id", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"conditions\": {\"tweocmw.status\": \"true\"}}"),
                   "unknown measure \"tweocmw\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"missing\": {\"art60\": [\"vdab.registred\"]}}"),
                   "\"vdab.registred\" is not a fact", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"missing\": {\"art60\": \"region\"}}"), "expected an array", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"missing_asked_of\": {\"region\": \"nobody\"}}"),
                   "not a role", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"limits\": {\"ibo.max_week\": 26}}"),
                   "measure ibo has no limit of that id", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"limits\": {\"ibo.ends_on\": \"2027-02-30\"}}"),
                   "neither a number nor a date", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"absent_limits\": \"ibo.ends_on\"}"), "expected an array", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"obligations\": {\"gpmi.deadline\": \"late\"}}"),
                   "\"late\" is not one of", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {}"), "checks nothing", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS), "no \"expect\"", NULL);
  assert_rejected (ONE_CASE ("\"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"), "exactly one of", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"facts_file\": \"x.json\", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"),
                   "exactly one of", NULL);
  assert_rejected (ONE_CASE ("\"facts_file\": \"no-such-facts.json\", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"),
                   "\"facts_file\"", NULL);
  assert_rejected (ONE_CASE ("\"facts\": [], \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"),
                   "facts: expected an object", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"c\", \"as_of\": \"2026-02-30\", "
                   GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}}]}",
                   "\"as_of\"", "not a date", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"c\", "
                   GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}}]}",
                   "today's date", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"\", \"as_of\": \"2026-11-22\", "
                   GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}}]}",
                   "\"name\" must be", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": ["
                   "{\"name\": \"c\", \"as_of\": \"2026-11-22\", " GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}},"
                   "{\"name\": \"c\", \"as_of\": \"2026-11-22\", " GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}}]}",
                   "case 1 \"c\"", "same name", NULL);
  /* trajectory cases */
#define TRAJECTORY "\"trajectory\": {\"model\": \"ocmw7\", \"events\": []}"
  assert_rejected (ONE_CASE ("\"trajectory\": 3, \"expect\": {\"trajectory\": {\"state\": \"not_started\"}}"),
                   "trajectory: expected an object", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", " TRAJECTORY ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"),
                   "a \"trajectory\" goes with an \"expect.trajectory\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"trajectory\": {\"state\": \"open\"}}"),
                   "an \"expect.trajectory\" needs a \"trajectory\"", NULL);
  /* role cases */
#define ORGANISATION "\"organisation\": {\"activation_service\": \"internal_dedicated\", \"actors\": []}"
  assert_rejected (ONE_CASE (GOOD_FACTS ", " ORGANISATION ", \"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"),
                   "an \"organisation\" goes with an \"expect.roles\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"roles\": {\"regie\": null}}"),
                   "an \"organisation\" goes with an \"expect.roles\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"organisation\": [], \"expect\": {\"roles\": {\"regie\": null}}"),
                   "organisation: expected an object", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", " ORGANISATION ", \"expect\": {\"roles\": {\"regi\": null}}"),
                   "expect.roles", "regi", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", " ORGANISATION ", \"expect\": {\"roles\": 1}"),
                   "expect.roles: expected an object: what the role assignment must hold", NULL);
  assert_rejected (ONE_CASE (ORGANISATION ", \"expect\": {\"roles\": {\"regie\": null}}"),
                   "expect.roles: a case without facts can only expect \"trajectory\"", NULL);
  assert_rejected (ONE_CASE (TRAJECTORY ", \"expect\": {\"trajectory\": []}"), "expect.trajectory: expected an object",
                   NULL);
  assert_rejected (ONE_CASE (TRAJECTORY ", \"expect\": {\"trajectory\": {\"current_phse\": \"screening\"}}"),
                   "expect.trajectory", "current_phse", NULL);
  assert_rejected (ONE_CASE (TRAJECTORY ", \"expect\": {\"trajectory\": {\"state\": \"not_started\"}, "
                             "\"outcomes\": {\"art60\": \"eligible\"}}"),
                   "expect.outcomes: a case without facts can only expect \"trajectory\"", NULL);
  assert_rejected (ONE_CASE ("\"expect\": {\"outcomes\": {\"art60\": \"eligible\"}}"), "(or a \"trajectory\")", NULL);
#undef TRAJECTORY
}
END_TEST

/* A case that does not hold reports the file, the case, what was expected and what came out, and for an
 * outcome every condition's id, state and text. */
START_TEST (test_mismatch_report)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GString) errors = g_string_new (NULL);
  g_autofree char *dir = test_path (CASES_DIR);
  const char *text = ONE_CASE ("\"facts\": {\"region\": \"vlaanderen\", \"income\": {\"status\": \"none\"}}, "
                               "\"expect\": {\"outcomes\": {\"art60\": \"eligible\"}, "
                               "\"conditions\": {\"art60.status\": \"true\"}, \"missing\": {\"art60\": []}, "
                               "\"limits\": {\"ibo.max_weeks\": 52}, \"obligations\": {\"gpmi.deadline\": \"due\"}}");
  ck_assert_int_eq (load_case_text ("mine.json", dir, text, strlen (text), cases, errors), 0);
  const Case *c = cases->pdata[0];
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (c->info->rules);
  g_autoptr (GString) out = g_string_new (NULL);
  check_case (c, ev, out);
  static const char *const parts[] = {
    "outcome of art60: expected eligible, got not_eligible",
    "art60.status = false: ",
    "art60.no_full_unemployment_entitlement = unknown: ",
    "art60.twe_framework = ",
    "condition art60.status: expected true, got false",
    "limit ibo.max_weeks: expected 52, got 26",
    "obligation gpmi.deadline: expected due, got absent",
  };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    ck_assert_msg (strstr (out->str, parts[i]) != NULL, "report lacks \"%s\":\n%s", parts[i], out->str);
}
END_TEST

int
main (void)
{
  check_set_max_msg_size (256 * 1024);
  all_cases = g_ptr_array_new_with_free_func (case_free);
  load_errors = g_string_new (NULL);
  rule_cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, rule_info_free);
  load_all_cases ();

  Suite *suite = suite_create ("cases");
  TCase *tc = tcase_create ("runner");
  tcase_add_test (tc, test_bad_case_files);
  tcase_add_test (tc, test_mismatch_report);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("cases");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_case_files);
  tcase_add_loop_test (tc, test_case, 0, (int) all_cases->len);
  tcase_add_test (tc, test_not_eligible_has_false_condition);
  tcase_add_test (tc, test_outcomes_consistent);
  tcase_add_test (tc, test_reuse_and_fast_path);
  suite_add_tcase (suite, tc);

  int status = test_run_suite (suite);
  g_ptr_array_unref (all_cases);
  g_string_free (load_errors, TRUE);
  g_hash_table_unref (rule_cache);
  return status;
}
