/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-evaluation.c: evaluating dossiers through the public API.
 *
 * Most tests use a small rule set written for this suite (logic_rules()), so that each operator of the rule
 * language can be probed on its own: condition states show three-valued truth, and limits show computed values
 * (a limit is reported only when its value is known, so "not reported" means unknown). The rest run the default
 * rule set over examples/caseload.jsonl: reuse, the outcomes-only fast path, JSON output and threads.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "test-util.h"

/* ---- a rule set written for the tests -------------------------------------------------------------------- */

static void
add_text (GString *s, const char *what)
{
  g_string_append_printf (s, "{\"en\": \"%s (en)\", \"nl\": \"%s (nl)\", \"fr\": \"%s (fr)\"}", what, what, what);
}

static void
add_condition (GString *s, gboolean first, const char *id, const char *when)
{
  g_string_append_printf (s, "%s{\"id\": \"%s\", \"when\": %s, \"text\": {\"true\": ", first ? "" : ", ", id, when);
  g_autofree char *t = g_strdup_printf ("%s is true", id);
  g_autofree char *f = g_strdup_printf ("%s is false", id);
  g_autofree char *u = g_strdup_printf ("%s is unknown", id);
  add_text (s, t);
  g_string_append (s, ", \"false\": ");
  add_text (s, f);
  g_string_append (s, ", \"unknown\": ");
  add_text (s, u);
  g_string_append_printf (s, "}, \"legal_basis\": \"rule %s\", \"confidence\": \"H\"}", id);
}

static void
add_limit (GString *s, gboolean first, const char *id, const char *unit, const char *value, const char *when)
{
  g_string_append_printf (s, "%s{\"id\": \"%s\", \"unit\": \"%s\", \"value\": %s, ", first ? "" : ", ", id, unit, value);
  if (when != NULL)
    g_string_append_printf (s, "\"when\": %s, ", when);
  g_string_append (s, "\"text\": ");
  add_text (s, id);
  g_string_append (s, "}");
}

static void
begin_measure (GString *s, gboolean first, const char *code, const char *exists)
{
  g_string_append_printf (s, "%s{\"code\": \"%s\", \"label\": ", first ? "" : ", ", code);
  add_text (s, code);
  g_string_append_printf (s, ", \"legal_basis\": \"law of %s\", \"decided_by\": \"clerk\", \"exists\": %s, "
                             "\"conditions\": [", code, exists);
}

static void
add_fact (GString *s, gboolean first, const char *path, const char *type, const char *extra, const char *role)
{
  g_string_append_printf (s, "%s\"%s\": {\"type\": \"%s\", %s%s\"label\": ", first ? "" : ", ", path, type,
                          extra ? extra : "", extra ? ", " : "");
  add_text (s, path);
  g_string_append_printf (s, ", \"supplied_by\": \"%s\"}", role);
}

#define INT64_MAX_TEXT "9223372036854775807"

static char *
logic_rules_text (void)
{
  GString *s = g_string_new (NULL);
  g_string_append (s, "{\"format\": \"activering.rules/1\", \"id\": \"test-logic\", \"version\": \"1.2.3\", "
                      "\"languages\": [\"en\", \"nl\", \"fr\"], \"title\": ");
  add_text (s, "logic");
  g_string_append (s, ", \"roles\": {\"clerk\": {\"label\": ");
  add_text (s, "clerk");
  g_string_append (s, "}, \"doctor\": {\"label\": ");
  add_text (s, "doctor");
  g_string_append (s, "}}, \"facts\": {");
  add_fact (s, TRUE, "region", "enum", "\"values\": [\"north\", \"south\"]", "clerk");
  add_fact (s, FALSE, "a", "bool", NULL, "clerk");
  add_fact (s, FALSE, "b", "bool", NULL, "clerk");
  add_fact (s, FALSE, "c", "bool", NULL, "doctor");
  add_fact (s, FALSE, "n", "integer", NULL, "clerk");
  add_fact (s, FALSE, "m", "integer", NULL, "clerk");
  add_fact (s, FALSE, "big", "integer", NULL, "clerk");
  add_fact (s, FALSE, "x", "number", "\"min\": 0, \"max\": 1", "clerk");
  add_fact (s, FALSE, "d", "date", NULL, "clerk");
  add_fact (s, FALSE, "e", "date", NULL, "clerk");
  add_fact (s, FALSE, "status", "enum", "\"values\": [\"on\", \"off\"]", "clerk");
  add_fact (s, FALSE, "tags", "enum_list", "\"values\": [\"red\", \"green\", \"blue\"]", "clerk");
  add_fact (s, FALSE, "runs", "runs", "\"values\": [\"alpha\", \"beta\"]", "clerk");
  add_fact (s, FALSE, "group.p", "bool", NULL, "doctor");
  add_fact (s, FALSE, "group.q", "bool", NULL, "doctor");
  g_string_append (s, "}, \"parameters\": {\"threshold\": {\"type\": \"integer\", \"unit\": \"points\", \"label\": ");
  add_text (s, "threshold");
  g_string_append (s, ", \"legal_basis\": \"rule t\", \"values\": [{\"from\": \"2020-01-01\", \"value\": 10}, "
                      "{\"from\": \"2025-01-01\", \"until\": \"2025-12-31\", \"value\": 20}]}}, ");
  g_string_append (s, "\"definitions\": {\"both\": {\"type\": \"bool\", \"expr\": {\"all\": [{\"fact\": \"a\"}, "
                      "{\"fact\": \"b\"}]}}}, \"measures\": [");

  /* 0: logic: one condition per boolean operator. */
  begin_measure (s, TRUE, "logic", "{}");
  add_condition (s, TRUE, "all_ab", "{\"all\": [{\"fact\": \"a\"}, {\"fact\": \"b\"}]}");
  add_condition (s, FALSE, "any_ab", "{\"any\": [{\"fact\": \"a\"}, {\"fact\": \"b\"}]}");
  add_condition (s, FALSE, "not_a", "{\"not\": {\"fact\": \"a\"}}");
  add_condition (s, FALSE, "known_d", "{\"known\": {\"fact\": \"d\"}}");
  add_condition (s, FALSE, "status_on", "{\"==\": [{\"fact\": \"status\"}, \"on\"]}");
  add_condition (s, FALSE, "in_on", "{\"in\": [{\"fact\": \"status\"}, [\"on\"]]}");
  add_condition (s, FALSE, "has_red", "{\"contains\": [{\"fact\": \"tags\"}, \"red\"]}");
  add_condition (s, FALSE, "n_lt_m", "{\"<\": [{\"fact\": \"n\"}, {\"fact\": \"m\"}]}");
  add_condition (s, FALSE, "x_ge_half", "{\">=\": [{\"fact\": \"x\"}, 0.5]}");
  add_condition (s, FALSE, "n_ge_threshold", "{\">=\": [{\"fact\": \"n\"}, {\"param\": \"threshold\"}]}");
  add_condition (s, FALSE, "if_abc", "{\"if\": [{\"fact\": \"a\"}, {\"fact\": \"b\"}, {\"fact\": \"c\"}]}");
  add_condition (s, FALSE, "both", "{\"def\": \"both\"}");
  add_condition (s, FALSE, "d_before_e", "{\"<\": [{\"fact\": \"d\"}, {\"fact\": \"e\"}]}");
  g_string_append (s, "]}");

  /* 1: calc: values as limits. */
  begin_measure (s, FALSE, "calc", "{}");
  add_condition (s, TRUE, "always", "true");
  g_string_append (s, "], \"limits\": [");
  add_limit (s, TRUE, "if_val", "n", "{\"if\": [{\"fact\": \"a\"}, {\"fact\": \"n\"}, {\"fact\": \"m\"}]}", NULL);
  add_limit (s, FALSE, "min_nm", "n", "{\"min\": [{\"fact\": \"n\"}, {\"fact\": \"m\"}, 5]}", NULL);
  add_limit (s, FALSE, "max_mix", "n", "{\"max\": [{\"fact\": \"x\"}, {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "min_date", "date", "{\"min\": [{\"fact\": \"d\"}, {\"fact\": \"e\"}]}", NULL);
  add_limit (s, FALSE, "max_date", "date", "{\"max\": [{\"fact\": \"d\"}, {\"fact\": \"e\"}]}", NULL);
  add_limit (s, FALSE, "sum", "n", "{\"+\": [{\"fact\": \"n\"}, {\"fact\": \"m\"}]}", NULL);
  add_limit (s, FALSE, "diff", "n", "{\"-\": [{\"fact\": \"n\"}, {\"fact\": \"m\"}]}", NULL);
  add_limit (s, FALSE, "prod_mix", "n", "{\"*\": [{\"fact\": \"x\"}, {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "sum_over", "n", "{\"+\": [{\"fact\": \"n\"}, " INT64_MAX_TEXT "]}", NULL);
  add_limit (s, FALSE, "diff_over", "n", "{\"-\": [-" INT64_MAX_TEXT ", {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "prod_over", "n", "{\"*\": [{\"fact\": \"big\"}, {\"fact\": \"big\"}]}", NULL);
  add_limit (s, FALSE, "plus_months", "date", "{\"add_months\": [{\"fact\": \"d\"}, {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "plus_years", "date", "{\"add_years\": [{\"fact\": \"d\"}, {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "plus_weeks", "date", "{\"add_weeks\": [{\"fact\": \"d\"}, {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "plus_days", "date", "{\"add_days\": [{\"fact\": \"d\"}, {\"fact\": \"n\"}]}", NULL);
  add_limit (s, FALSE, "months", "months", "{\"months_between\": [{\"fact\": \"d\"}, {\"fact\": \"e\"}]}", NULL);
  add_limit (s, FALSE, "days", "days", "{\"days_between\": [{\"fact\": \"d\"}, {\"fact\": \"e\"}]}", NULL);
  add_limit (s, FALSE, "age", "years", "{\"age_on\": [{\"fact\": \"d\"}, {\"fact\": \"e\"}]}", NULL);
  add_limit (s, FALSE, "alpha_running", "runs",
             "{\"count_runs\": {\"of\": {\"fact\": \"runs\"}, \"measures\": [\"alpha\"], \"running_on\": {\"fact\": \"d\"}}}",
             NULL);
  add_limit (s, FALSE, "all_runs", "runs", "{\"count_runs\": {\"of\": {\"fact\": \"runs\"}}}", NULL);
  add_limit (s, FALSE, "beta_runs", "runs", "{\"count_runs\": {\"of\": {\"fact\": \"runs\"}, \"measures\": [\"beta\"]}}",
             NULL);
  add_limit (s, FALSE, "alpha_latest", "date",
             "{\"latest_start\": {\"of\": {\"fact\": \"runs\"}, \"measures\": [\"alpha\"], \"running_on\": {\"fact\": \"d\"}}}",
             NULL);
  add_limit (s, FALSE, "any_latest", "date", "{\"latest_start\": {\"of\": {\"fact\": \"runs\"}}}", NULL);
  add_limit (s, FALSE, "tag_count", "tags", "{\"count\": {\"fact\": \"tags\"}}", NULL);
  add_limit (s, FALSE, "threshold", "points", "{\"param\": \"threshold\"}", NULL);
  add_limit (s, FALSE, "gated", "n", "{\"fact\": \"n\"}", "{\"fact\": \"a\"}");
  add_limit (s, FALSE, "today", "date", "{\"as_of\": {}}", NULL);
  g_string_append (s, "]}");

  /* 2: regional: exists only in the north, from 2020 to 2030. */
  begin_measure (s, FALSE, "regional",
                 "{\"regions\": [\"north\"], \"region_fact\": \"region\", \"valid_from\": \"2020-01-01\", "
                 "\"valid_to\": \"2030-12-31\"}");
  add_condition (s, TRUE, "a_true", "{\"==\": [{\"fact\": \"a\"}, true]}");
  g_string_append (s, "], \"limits\": [");
  add_limit (s, TRUE, "n", "n", "{\"fact\": \"n\"}", NULL);
  g_string_append (s, "]}");

  /* 3: screen: for the missing-facts walk. */
  begin_measure (s, FALSE, "screen", "{}");
  add_condition (s, TRUE, "c1", "{\"all\": [{\"fact\": \"a\"}, {\"fact\": \"b\"}]}");
  add_condition (s, FALSE, "c2", "{\"any\": [{\"fact\": \"c\"}, {\"==\": [{\"fact\": \"status\"}, \"on\"]}]}");
  add_condition (s, FALSE, "c3", "{\"if\": [{\"fact\": \"a\"}, {\"fact\": \"group.p\"}, {\"fact\": \"group.q\"}]}");
  g_string_append (s, "]}");

  /* 4: depends: on the outcome of regional. */
  begin_measure (s, FALSE, "depends", "{}");
  add_condition (s, TRUE, "regional_ok", "{\"measure\": \"regional\"}");
  add_condition (s, FALSE, "regional_or_c", "{\"any\": [{\"measure\": \"regional\"}, {\"fact\": \"c\"}]}");
  g_string_append (s, "]}");

  g_string_append (s, "], \"obligations\": [{\"id\": \"ob\", \"applies\": {\"fact\": \"a\"}, \"due\": {\"fact\": \"d\"}, "
                      "\"met\": {\"fact\": \"b\"}, \"legal_basis\": \"rule ob\", \"text\": ");
  add_text (s, "ob");
  g_string_append (s, "}]}");
  return g_string_free (s, FALSE);
}

enum { M_LOGIC, M_CALC, M_REGIONAL, M_SCREEN, M_DEPENDS };

static ActiveringRuleSet *
logic_rules (void)
{
  g_autofree char *text = logic_rules_text ();
  g_autoptr (GError) error = NULL;
  ActiveringRuleSet *rules = activering_rule_set_new_from_data (text, -1, "logic.json", &error);
  ck_assert_msg (rules != NULL, "the test rule set does not load: %s", error ? error->message : "?");
  ck_assert_int_eq (activering_rule_set_lookup_measure (rules, "depends"), M_DEPENDS);
  return rules;
}

/* A facts document for the test rule set: @members (JSON object members, may be "") on @as_of. */
static char *
doc (const char *as_of, const char *members)
{
  return g_strdup_printf ("{\"format\": \"activering.facts/1\", \"id\": \"t-1\", \"as_of\": \"%s\"%s%s}", as_of,
                          *members ? ", " : "", members);
}

/* Parses @members into a fresh facts object and runs a fresh evaluation on 2024-06-15. */
static ActiveringEvaluation *
eval_at (ActiveringRuleSet *rules, const char *as_of, const char *members)
{
  g_autofree char *json = doc (as_of, members);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, json, -1, &error);
  ck_assert_msg (facts != NULL, "test facts do not parse: %s\n%s", error ? error->message : "?", json);
  ActiveringEvaluation *ev = activering_evaluation_new (rules);
  ck_assert_msg (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error), "%s",
                 error ? error->message : "?");
  return ev;
}

static ActiveringEvaluation *
eval (ActiveringRuleSet *rules, const char *members)
{
  return eval_at (rules, "2024-06-15", members);
}

/* The state of condition "<measure>.<id>". */
static ActiveringTruth
state_of (const ActiveringEvaluation *ev, guint measure, const char *id)
{
  guint n = activering_evaluation_get_n_conditions (ev, measure);
  for (guint c = 0; c < n; c++)
    {
      const char *full = activering_evaluation_get_condition_id (ev, measure, c);
      const char *dot = strchr (full, '.');
      if (dot && strcmp (dot + 1, id) == 0)
        return activering_evaluation_get_condition_state (ev, measure, c);
    }
  ck_abort_msg ("no condition %s in measure %u", id, measure);
  return ACTIVERING_TRUTH_UNKNOWN;
}

#define assert_state(ev, measure, id, expected)                                                             \
  do                                                                                                        \
    {                                                                                                       \
      ActiveringTruth got_ = state_of ((ev), (measure), (id));                                              \
      ck_assert_msg (got_ == (expected), "%s: expected %s, got %s", (id), activering_truth_to_string (expected), \
                     activering_truth_to_string (got_));                                                    \
    }                                                                                                       \
  while (0)

#define assert_outcome(ev, measure, expected)                                                               \
  do                                                                                                        \
    {                                                                                                       \
      ActiveringOutcome got_ = activering_evaluation_get_outcome ((ev), (measure));                         \
      ck_assert_msg (got_ == (expected), "measure %d: expected %s, got %s", (int) (measure),                \
                     activering_outcome_to_string (expected), activering_outcome_to_string (got_));         \
    }                                                                                                       \
  while (0)

/* The index of limit "<measure>.<id>" among those reported, or -1 if it is not reported. */
static int
limit_index (const ActiveringEvaluation *ev, guint measure, const char *id)
{
  guint n = activering_evaluation_get_n_limits (ev, measure);
  for (guint l = 0; l < n; l++)
    {
      const char *full = activering_evaluation_get_limit_id (ev, measure, l);
      const char *dot = strchr (full, '.');
      if (dot && strcmp (dot + 1, id) == 0)
        return (int) l;
    }
  return -1;
}

static double
limit_number (const ActiveringEvaluation *ev, const char *id)
{
  int l = limit_index (ev, M_CALC, id);
  ck_assert_msg (l >= 0, "limit %s is not reported", id);
  double value = -12345;
  ck_assert_msg (activering_evaluation_get_limit_number (ev, M_CALC, (guint) l, &value), "limit %s is not a number", id);
  return value;
}

static void
assert_limit_unknown (const ActiveringEvaluation *ev, const char *id)
{
  ck_assert_msg (limit_index (ev, M_CALC, id) < 0, "limit %s is reported though it is unknown", id);
}

#define assert_limit_number(ev, id, expected)                                                               \
  do                                                                                                        \
    {                                                                                                       \
      double got_ = limit_number ((ev), (id));                                                              \
      ck_assert_msg (got_ == (double) (expected), "limit %s: expected %.17g, got %.17g", (id), (double) (expected), \
                     got_);                                                                                 \
    }                                                                                                       \
  while (0)

static void
assert_limit_date (const ActiveringEvaluation *ev, const char *id, const char *expected)
{
  int l = limit_index (ev, M_CALC, id);
  ck_assert_msg (l >= 0, "limit %s is not reported", id);
  GDate date;
  g_date_clear (&date, 1);
  double number;
  ck_assert_msg (!activering_evaluation_get_limit_number (ev, M_CALC, (guint) l, &number), "limit %s is a number", id);
  ck_assert_msg (activering_evaluation_get_limit_date (ev, M_CALC, (guint) l, &date), "limit %s is not a date", id);
  char buf[16];
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  ck_assert_msg (strcmp (buf, expected) == 0, "limit %s: expected %s, got %s", id, expected, buf);
}

/* Asserts the missing list of @measure: pairs of fact path and "unknown"/"blank", NULL-terminated. */
static void
assert_missing (const ActiveringEvaluation *ev, guint measure, ...)
{
  va_list args;
  va_start (args, measure);
  guint i = 0;
  GString *got = g_string_new (NULL);
  for (guint k = 0; k < activering_evaluation_get_n_missing (ev, measure); k++)
    g_string_append_printf (got, "%s(%s) ", activering_evaluation_get_missing_fact (ev, measure, k),
                            activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, measure, k)));
  for (const char *fact = va_arg (args, const char *); fact != NULL; fact = va_arg (args, const char *), i++)
    {
      const char *state = va_arg (args, const char *);
      ck_assert_msg (i < activering_evaluation_get_n_missing (ev, measure), "measure %u: %s missing from [%s]",
                     measure, fact, got->str);
      ck_assert_msg (strcmp (activering_evaluation_get_missing_fact (ev, measure, i), fact) == 0,
                     "measure %u: missing #%u: expected %s, got [%s]", measure, i, fact, got->str);
      ck_assert_msg (strcmp (activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, measure, i)),
                             state) == 0,
                     "measure %u: %s: expected %s, got [%s]", measure, fact, state, got->str);
    }
  va_end (args);
  ck_assert_msg (activering_evaluation_get_n_missing (ev, measure) == i, "measure %u: expected %u missing, got [%s]",
                 measure, i, got->str);
  g_string_free (got, TRUE);
}

/* ---- three-valued logic ---------------------------------------------------------------------------------- */

START_TEST (test_all_kleene)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *members; ActiveringTruth all; } cases[] = {
    { "\"a\": false", ACTIVERING_TRUTH_FALSE },                  /* all(false, unknown) = false */
    { "\"b\": false", ACTIVERING_TRUTH_FALSE },                  /* all(unknown, false) = false */
    { "\"a\": false, \"b\": null", ACTIVERING_TRUTH_FALSE },     /* blank counts as unknown */
    { "\"a\": true", ACTIVERING_TRUTH_UNKNOWN },                 /* all(true, unknown) = unknown */
    { "\"a\": null, \"b\": true", ACTIVERING_TRUTH_UNKNOWN },
    { "", ACTIVERING_TRUTH_UNKNOWN },
    { "\"a\": true, \"b\": true", ACTIVERING_TRUTH_TRUE },
    { "\"a\": true, \"b\": false", ACTIVERING_TRUTH_FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ActiveringEvaluation) ev = eval (rules, cases[i].members);
      ck_assert_msg (state_of (ev, M_LOGIC, "all_ab") == cases[i].all, "all with {%s}: got %s", cases[i].members,
                     activering_truth_to_string (state_of (ev, M_LOGIC, "all_ab")));
      /* A definition holding the same expression gives the same answer. */
      ck_assert_int_eq (state_of (ev, M_LOGIC, "both"), cases[i].all);
    }
}
END_TEST

START_TEST (test_any_kleene)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *members; ActiveringTruth any; } cases[] = {
    { "\"a\": true", ACTIVERING_TRUTH_TRUE },                    /* any(true, unknown) = true */
    { "\"b\": true, \"a\": null", ACTIVERING_TRUTH_TRUE },
    { "\"a\": false", ACTIVERING_TRUTH_UNKNOWN },                /* any(false, unknown) = unknown */
    { "", ACTIVERING_TRUTH_UNKNOWN },
    { "\"a\": false, \"b\": false", ACTIVERING_TRUTH_FALSE },
    { "\"a\": false, \"b\": true", ACTIVERING_TRUTH_TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ActiveringEvaluation) ev = eval (rules, cases[i].members);
      ck_assert_msg (state_of (ev, M_LOGIC, "any_ab") == cases[i].any, "any with {%s}: got %s", cases[i].members,
                     activering_truth_to_string (state_of (ev, M_LOGIC, "any_ab")));
    }
}
END_TEST

START_TEST (test_not_and_known)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) unknown = eval (rules, "");
  assert_state (unknown, M_LOGIC, "not_a", ACTIVERING_TRUTH_UNKNOWN);     /* not(unknown) = unknown */
  assert_state (unknown, M_LOGIC, "known_d", ACTIVERING_TRUTH_FALSE);     /* known() is two-valued */
  g_autoptr (ActiveringEvaluation) blank = eval (rules, "\"a\": null, \"d\": null");
  assert_state (blank, M_LOGIC, "not_a", ACTIVERING_TRUTH_UNKNOWN);
  assert_state (blank, M_LOGIC, "known_d", ACTIVERING_TRUTH_FALSE);
  g_autoptr (ActiveringEvaluation) known = eval (rules, "\"a\": true, \"d\": \"2020-02-02\"");
  assert_state (known, M_LOGIC, "not_a", ACTIVERING_TRUTH_FALSE);
  assert_state (known, M_LOGIC, "known_d", ACTIVERING_TRUTH_TRUE);
  g_autoptr (ActiveringEvaluation) f = eval (rules, "\"a\": false");
  assert_state (f, M_LOGIC, "not_a", ACTIVERING_TRUTH_TRUE);
}
END_TEST

START_TEST (test_comparisons_unknown_in_unknown_out)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) none = eval (rules, "");
  static const char *const ids[] = { "status_on", "in_on", "has_red", "n_lt_m", "x_ge_half", "n_ge_threshold",
                                     "d_before_e" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_state (none, M_LOGIC, ids[i], ACTIVERING_TRUTH_UNKNOWN);
  g_autoptr (ActiveringEvaluation) half = eval (rules, "\"n\": 3, \"d\": \"2020-01-01\", \"status\": null");
  assert_state (half, M_LOGIC, "n_lt_m", ACTIVERING_TRUTH_UNKNOWN);
  assert_state (half, M_LOGIC, "d_before_e", ACTIVERING_TRUTH_UNKNOWN);
  assert_state (half, M_LOGIC, "status_on", ACTIVERING_TRUTH_UNKNOWN);
  g_autoptr (ActiveringEvaluation) all = eval (rules, "\"n\": 3, \"m\": 4, \"x\": 0.5, \"status\": \"off\", "
                                                      "\"tags\": [\"blue\", \"red\"], \"d\": \"2020-01-01\", "
                                                      "\"e\": \"2019-12-31\"");
  assert_state (all, M_LOGIC, "n_lt_m", ACTIVERING_TRUTH_TRUE);
  assert_state (all, M_LOGIC, "x_ge_half", ACTIVERING_TRUTH_TRUE);
  assert_state (all, M_LOGIC, "status_on", ACTIVERING_TRUTH_FALSE);
  assert_state (all, M_LOGIC, "in_on", ACTIVERING_TRUTH_FALSE);
  assert_state (all, M_LOGIC, "has_red", ACTIVERING_TRUTH_TRUE);
  assert_state (all, M_LOGIC, "d_before_e", ACTIVERING_TRUTH_FALSE);
  assert_state (all, M_LOGIC, "n_ge_threshold", ACTIVERING_TRUTH_FALSE);   /* 3 >= 10 */
  g_autoptr (ActiveringEvaluation) other = eval (rules, "\"status\": \"on\", \"tags\": [], \"x\": 0.4999");
  assert_state (other, M_LOGIC, "status_on", ACTIVERING_TRUTH_TRUE);
  assert_state (other, M_LOGIC, "in_on", ACTIVERING_TRUTH_TRUE);
  assert_state (other, M_LOGIC, "has_red", ACTIVERING_TRUTH_FALSE);
  assert_state (other, M_LOGIC, "x_ge_half", ACTIVERING_TRUTH_FALSE);
}
END_TEST

START_TEST (test_if)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  /* The branch taken decides; the other may be unknown. */
  g_autoptr (ActiveringEvaluation) t = eval (rules, "\"a\": true, \"b\": true, \"n\": 3");
  assert_state (t, M_LOGIC, "if_abc", ACTIVERING_TRUTH_TRUE);
  assert_limit_number (t, "if_val", 3);
  g_autoptr (ActiveringEvaluation) f = eval (rules, "\"a\": false, \"c\": false, \"m\": 8");
  assert_state (f, M_LOGIC, "if_abc", ACTIVERING_TRUTH_FALSE);
  assert_limit_number (f, "if_val", 8);
  g_autoptr (ActiveringEvaluation) t_unknown_branch = eval (rules, "\"a\": true, \"c\": true, \"m\": 8");
  assert_state (t_unknown_branch, M_LOGIC, "if_abc", ACTIVERING_TRUTH_UNKNOWN);
  assert_limit_unknown (t_unknown_branch, "if_val");
  /* An unknown condition gives unknown, even when both branches agree. */
  g_autoptr (ActiveringEvaluation) u = eval (rules, "\"b\": true, \"c\": true, \"n\": 1, \"m\": 1");
  assert_state (u, M_LOGIC, "if_abc", ACTIVERING_TRUTH_UNKNOWN);
  assert_limit_unknown (u, "if_val");
}
END_TEST

START_TEST (test_min_max)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) a = eval (rules, "\"n\": 7, \"m\": 3, \"x\": 0.25");
  assert_limit_number (a, "min_nm", 3);
  assert_limit_number (a, "max_mix", 7);
  g_autoptr (ActiveringEvaluation) b = eval (rules, "\"n\": 7, \"m\": 9, \"x\": 0.25");
  assert_limit_number (b, "min_nm", 5);
  g_autoptr (ActiveringEvaluation) c = eval (rules, "\"n\": 0, \"m\": -4, \"x\": 0.25");
  assert_limit_number (c, "min_nm", -4);
  assert_limit_number (c, "max_mix", 0.25);
  /* Unknown in, unknown out, wherever the unknown operand is. */
  g_autoptr (ActiveringEvaluation) d = eval (rules, "\"n\": 7, \"x\": 0.25");
  assert_limit_unknown (d, "min_nm");
  g_autoptr (ActiveringEvaluation) e = eval (rules, "\"m\": 7, \"x\": 0.25");
  assert_limit_unknown (e, "min_nm");
  assert_limit_unknown (e, "max_mix");
  g_autoptr (ActiveringEvaluation) f = eval (rules, "\"n\": 1");
  assert_limit_unknown (f, "max_mix");
  /* Dates. */
  g_autoptr (ActiveringEvaluation) g = eval (rules, "\"d\": \"2024-03-01\", \"e\": \"2023-12-31\"");
  assert_limit_date (g, "min_date", "2023-12-31");
  assert_limit_date (g, "max_date", "2024-03-01");
  g_autoptr (ActiveringEvaluation) h = eval (rules, "\"d\": \"2024-03-01\"");
  assert_limit_unknown (h, "min_date");
  assert_limit_unknown (h, "max_date");
}
END_TEST

START_TEST (test_arithmetic)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) a = eval (rules, "\"n\": 7, \"m\": 3, \"x\": 0.5");
  assert_limit_number (a, "sum", 10);
  assert_limit_number (a, "diff", 4);
  assert_limit_number (a, "prod_mix", 3.5);
  g_autoptr (ActiveringEvaluation) b = eval (rules, "\"n\": 7");
  assert_limit_unknown (b, "sum");
  assert_limit_unknown (b, "diff");
  assert_limit_unknown (b, "prod_mix");
}
END_TEST

START_TEST (test_integer_overflow_is_unknown)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  /* Right at the edge: still known. */
  g_autoptr (ActiveringEvaluation) edge = eval (rules, "\"n\": 0, \"big\": 3037000499");
  assert_limit_number (edge, "sum_over", (double) INT64_MAX);
  assert_limit_number (edge, "prod_over", 3037000499.0 * 3037000499.0);
  g_autoptr (ActiveringEvaluation) edge2 = eval (rules, "\"n\": 1");
  assert_limit_number (edge2, "diff_over", (double) INT64_MIN);
  /* One past it: unknown, not wrapped around, and no crash. */
  g_autoptr (ActiveringEvaluation) over = eval (rules, "\"n\": 1, \"big\": 3037000500");
  assert_limit_unknown (over, "sum_over");
  assert_limit_unknown (over, "prod_over");
  g_autoptr (ActiveringEvaluation) over2 = eval (rules, "\"n\": 2, \"big\": -9007199254740992");
  assert_limit_unknown (over2, "diff_over");
  assert_limit_unknown (over2, "prod_over");
  /* The rest of the answer is still there, and serialises. */
  assert_outcome (over2, M_CALC, ACTIVERING_OUTCOME_ELIGIBLE);
  assert_limit_date (over2, "today", "2024-06-15");
  g_autoptr (GError) error = NULL;
  g_autofree char *json = activering_evaluation_to_json (over2, "en", ACTIVERING_JSON_DEFAULT, &error);
  ck_assert_ptr_nonnull (json);
  json_object *root = json_tokener_parse (json);
  ck_assert_ptr_nonnull (root);
  json_object_put (root);
}
END_TEST

START_TEST (test_date_arithmetic)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *d; int n; const char *months, *years, *weeks, *days; } cases[] = {
    { "2024-01-31", 1, "2024-02-29", "2025-01-31", "2024-02-07", "2024-02-01" },   /* leap February */
    { "2023-01-31", 1, "2023-02-28", "2024-01-31", "2023-02-07", "2023-02-01" },   /* common February */
    { "2024-01-31", 13, "2025-02-28", "2037-01-31", "2024-05-01", "2024-02-13" },
    { "2024-03-31", -1, "2024-02-29", "2023-03-31", "2024-03-24", "2024-03-30" },
    { "2024-02-29", 12, "2025-02-28", "2036-02-29", "2024-05-23", "2024-03-12" },
    { "2024-02-29", 1, "2024-03-29", "2025-02-28", "2024-03-07", "2024-03-01" },  /* add_years from 29 Feb */
    { "2024-05-31", 1, "2024-06-30", "2025-05-31", "2024-06-07", "2024-06-01" },
    { "2024-12-31", 2, "2025-02-28", "2026-12-31", "2025-01-14", "2025-01-02" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *members = g_strdup_printf ("\"d\": \"%s\", \"n\": %d", cases[i].d, cases[i].n);
      g_autoptr (ActiveringEvaluation) ev = eval (rules, members);
      assert_limit_date (ev, "plus_months", cases[i].months);
      assert_limit_date (ev, "plus_years", cases[i].years);
      assert_limit_date (ev, "plus_weeks", cases[i].weeks);
      assert_limit_date (ev, "plus_days", cases[i].days);
    }
  /* Out of the calendar: unknown, not a crash. */
  g_autoptr (ActiveringEvaluation) far = eval (rules, "\"d\": \"9999-12-01\", \"n\": 1");
  assert_limit_unknown (far, "plus_months");
  assert_limit_unknown (far, "plus_years");
  g_autoptr (ActiveringEvaluation) huge = eval (rules, "\"d\": \"2024-01-01\", \"n\": 9007199254740992");
  assert_limit_unknown (huge, "plus_months");
  assert_limit_unknown (huge, "plus_years");
  assert_limit_unknown (huge, "plus_weeks");
  assert_limit_unknown (huge, "plus_days");
  g_autoptr (ActiveringEvaluation) none = eval (rules, "\"n\": 1");
  assert_limit_unknown (none, "plus_months");

  /* Differences. */
  g_autoptr (ActiveringEvaluation) diff = eval (rules, "\"d\": \"2024-01-15\", \"e\": \"2024-03-14\"");
  assert_limit_number (diff, "months", 1);
  assert_limit_number (diff, "days", 59);
  g_autoptr (ActiveringEvaluation) diff2 = eval (rules, "\"d\": \"2024-01-15\", \"e\": \"2024-03-15\"");
  assert_limit_number (diff2, "months", 2);
  g_autoptr (ActiveringEvaluation) back = eval (rules, "\"d\": \"2024-03-15\", \"e\": \"2024-01-15\"");
  assert_limit_number (back, "months", -2);
  assert_limit_number (back, "days", -60);
  /* age_on: born on 29 February, a year older on 1 March in common years. */
  g_autoptr (ActiveringEvaluation) age1 = eval (rules, "\"d\": \"2000-02-29\", \"e\": \"2021-02-28\"");
  assert_limit_number (age1, "age", 20);
  g_autoptr (ActiveringEvaluation) age2 = eval (rules, "\"d\": \"2000-02-29\", \"e\": \"2021-03-01\"");
  assert_limit_number (age2, "age", 21);
  g_autoptr (ActiveringEvaluation) age3 = eval (rules, "\"d\": \"2000-02-29\", \"e\": \"2024-02-29\"");
  assert_limit_number (age3, "age", 24);
  g_autoptr (ActiveringEvaluation) age4 = eval (rules, "\"e\": \"2024-02-29\"");
  assert_limit_unknown (age4, "age");
  assert_limit_unknown (age4, "days");
  assert_limit_unknown (age4, "months");
}
END_TEST

START_TEST (test_count_runs_and_latest_start)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const char runs[] =
    "\"runs\": [{\"measure\": \"alpha\", \"start\": \"2024-01-01\", \"end\": \"2024-06-30\"},"
    " {\"measure\": \"alpha\", \"start\": \"2024-06-01\", \"end\": null, \"hours_fraction\": 0.5},"
    " {\"measure\": \"beta\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\"},"
    " {\"measure\": \"alpha\", \"start\": \"2022-01-01\"}]";
  static const struct { const char *d; int running; const char *latest; } cases[] = {
    { "2021-12-31", 0, NULL },                  /* nothing yet */
    { "2022-01-01", 1, "2022-01-01" },          /* start is inclusive */
    { "2024-01-01", 2, "2024-01-01" },
    { "2024-06-01", 3, "2024-06-01" },
    { "2024-06-30", 3, "2024-06-01" },          /* end is inclusive */
    { "2024-07-01", 2, "2024-06-01" },
    { "2030-01-01", 2, "2024-06-01" },          /* the open runs go on */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *members = g_strdup_printf ("%s, \"d\": \"%s\"", runs, cases[i].d);
      g_autoptr (ActiveringEvaluation) ev = eval (rules, members);
      ck_assert_msg (limit_number (ev, "alpha_running") == cases[i].running, "running on %s: expected %d, got %g",
                     cases[i].d, cases[i].running, limit_number (ev, "alpha_running"));
      if (cases[i].latest)
        assert_limit_date (ev, "alpha_latest", cases[i].latest);
      else
        assert_limit_unknown (ev, "alpha_latest");
      assert_limit_number (ev, "all_runs", 4);
      assert_limit_number (ev, "beta_runs", 1);
      assert_limit_date (ev, "any_latest", "2024-08-01");
    }
  /* running_on unknown: unknown. */
  g_autofree char *no_day = g_strdup (runs);
  g_autoptr (ActiveringEvaluation) u = eval (rules, no_day);
  assert_limit_unknown (u, "alpha_running");
  assert_limit_unknown (u, "alpha_latest");
  assert_limit_number (u, "all_runs", 4);
  /* An empty list is known: zero runs, and no latest start. */
  g_autoptr (ActiveringEvaluation) empty = eval (rules, "\"runs\": [], \"d\": \"2024-01-01\"");
  assert_limit_number (empty, "alpha_running", 0);
  assert_limit_number (empty, "all_runs", 0);
  assert_limit_unknown (empty, "alpha_latest");
  assert_limit_unknown (empty, "any_latest");
  /* Unknown and blank lists are unknown. */
  g_autoptr (ActiveringEvaluation) absent = eval (rules, "\"d\": \"2024-01-01\"");
  assert_limit_unknown (absent, "alpha_running");
  assert_limit_unknown (absent, "all_runs");
  g_autoptr (ActiveringEvaluation) blank = eval (rules, "\"runs\": null, \"d\": \"2024-01-01\"");
  assert_limit_unknown (blank, "all_runs");
  /* count of an enum list. */
  g_autoptr (ActiveringEvaluation) tags = eval (rules, "\"tags\": [\"red\", \"blue\"]");
  assert_limit_number (tags, "tag_count", 2);
  assert_limit_unknown (absent, "tag_count");
}
END_TEST

START_TEST (test_parameters_by_date)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *as_of; int threshold; ActiveringTruth n15; } cases[] = {
    { "2019-12-31", -1, ACTIVERING_TRUTH_UNKNOWN },  /* before the first period */
    { "2020-01-01", 10, ACTIVERING_TRUTH_TRUE },
    { "2024-12-31", 10, ACTIVERING_TRUTH_TRUE },
    { "2025-01-01", 20, ACTIVERING_TRUTH_FALSE },
    { "2025-12-31", 20, ACTIVERING_TRUTH_FALSE },    /* until is inclusive */
    { "2026-01-01", -1, ACTIVERING_TRUTH_UNKNOWN },  /* after an explicit until: no value */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ActiveringEvaluation) ev = eval_at (rules, cases[i].as_of, "\"n\": 15");
      ck_assert_msg (state_of (ev, M_LOGIC, "n_ge_threshold") == cases[i].n15, "%s: n >= threshold is %s",
                     cases[i].as_of, activering_truth_to_string (state_of (ev, M_LOGIC, "n_ge_threshold")));
      if (cases[i].threshold < 0)
        assert_limit_unknown (ev, "threshold");
      else
        assert_limit_number (ev, "threshold", cases[i].threshold);
    }
}
END_TEST

/* ---- outcomes -------------------------------------------------------------------------------------------- */

START_TEST (test_outcomes_from_conditions)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) e = eval (rules, "\"a\": true, \"b\": true, \"c\": true, \"status\": \"on\", "
                                                    "\"group\": {\"p\": true}");
  assert_outcome (e, M_SCREEN, ACTIVERING_OUTCOME_ELIGIBLE);
  assert_missing (e, M_SCREEN, NULL);
  assert_outcome (e, M_CALC, ACTIVERING_OUTCOME_ELIGIBLE);
  g_autoptr (ActiveringEvaluation) ne = eval (rules, "\"a\": false");
  assert_outcome (ne, M_SCREEN, ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  assert_missing (ne, M_SCREEN, NULL);     /* a false condition decides: nothing is asked */
  g_autoptr (ActiveringEvaluation) u = eval (rules, "\"a\": true, \"b\": true, \"status\": \"on\"");
  assert_outcome (u, M_SCREEN, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (u, M_SCREEN, "group.p", "unknown", NULL);
}
END_TEST

START_TEST (test_not_applicable_by_region)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) south = eval (rules, "\"region\": \"south\", \"a\": true, \"n\": 4");
  assert_outcome (south, M_REGIONAL, ACTIVERING_OUTCOME_NOT_APPLICABLE);
  assert_missing (south, M_REGIONAL, NULL);
  /* Whatever the conditions say. */
  g_autoptr (ActiveringEvaluation) south2 = eval (rules, "\"region\": \"south\", \"a\": false");
  assert_outcome (south2, M_REGIONAL, ACTIVERING_OUTCOME_NOT_APPLICABLE);
  g_autoptr (ActiveringEvaluation) south3 = eval (rules, "\"region\": \"south\"");
  assert_outcome (south3, M_REGIONAL, ACTIVERING_OUTCOME_NOT_APPLICABLE);
  assert_missing (south3, M_REGIONAL, NULL);
  g_autoptr (ActiveringEvaluation) north = eval (rules, "\"region\": \"north\", \"a\": true");
  assert_outcome (north, M_REGIONAL, ACTIVERING_OUTCOME_ELIGIBLE);
  g_autoptr (ActiveringEvaluation) north2 = eval (rules, "\"region\": \"north\", \"a\": false");
  assert_outcome (north2, M_REGIONAL, ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  /* Measures without regions exist everywhere. */
  assert_outcome (south, M_CALC, ACTIVERING_OUTCOME_ELIGIBLE);
}
END_TEST

START_TEST (test_not_applicable_by_date)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *as_of; ActiveringOutcome outcome; } cases[] = {
    { "2019-12-31", ACTIVERING_OUTCOME_NOT_APPLICABLE },
    { "2020-01-01", ACTIVERING_OUTCOME_ELIGIBLE },      /* valid_from is inclusive */
    { "2030-12-31", ACTIVERING_OUTCOME_ELIGIBLE },      /* valid_to is inclusive */
    { "2031-01-01", ACTIVERING_OUTCOME_NOT_APPLICABLE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ActiveringEvaluation) ev = eval_at (rules, cases[i].as_of, "\"region\": \"north\", \"a\": true");
      ck_assert_msg (activering_evaluation_get_outcome (ev, M_REGIONAL) == cases[i].outcome, "%s: got %s",
                     cases[i].as_of, activering_outcome_to_string (activering_evaluation_get_outcome (ev, M_REGIONAL)));
    }
  /* Outside its dates a measure is not applicable even where the region is unknown: nothing is asked. */
  g_autoptr (ActiveringEvaluation) early = eval_at (rules, "2019-06-01", "\"a\": true");
  assert_outcome (early, M_REGIONAL, ACTIVERING_OUTCOME_NOT_APPLICABLE);
  assert_missing (early, M_REGIONAL, NULL);
}
END_TEST

START_TEST (test_unknown_region_undetermined)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) absent = eval (rules, "\"a\": true");
  assert_outcome (absent, M_REGIONAL, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (absent, M_REGIONAL, "region", "unknown", NULL);
  ck_assert_str_eq (activering_evaluation_get_missing_asked_of (absent, M_REGIONAL, 0), "clerk");
  g_autoptr (ActiveringEvaluation) blank = eval (rules, "\"a\": true, \"region\": null");
  assert_outcome (blank, M_REGIONAL, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (blank, M_REGIONAL, "region", "blank", NULL);
  g_autoptr (ActiveringEvaluation) both = eval (rules, "");
  assert_outcome (both, M_REGIONAL, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (both, M_REGIONAL, "region", "unknown", "a", "unknown", NULL);
}
END_TEST

/* An evaluation that has not run yet claims nothing: every outcome is undetermined and there is no document. */
START_TEST (test_before_first_run)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    ck_assert_int_eq (activering_evaluation_get_outcome (ev, m), ACTIVERING_OUTCOME_UNDETERMINED);
  ck_assert_uint_eq (activering_evaluation_get_n_obligations (ev), 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = activering_evaluation_to_json (ev, "nl", 0, &error);
  ck_assert (json == NULL);
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "no dossier has been evaluated yet", NULL);
}
END_TEST

START_TEST (test_unknown_region_with_false_condition)
{
  /* docs/rule-language.md, Measures: with the region unknown and a condition already false, the measure is
   * not_eligible wherever the dossier turns out to be (the contract: undetermined means no condition is false),
   * and the region is not asked for. */
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) ev = eval (rules, "\"a\": false");
  assert_outcome (ev, M_REGIONAL, ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  ck_assert_uint_eq (activering_evaluation_get_n_missing (ev, M_REGIONAL), 0);
}
END_TEST

START_TEST (test_measure_reference)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *members; ActiveringOutcome regional; ActiveringTruth ref; } cases[] = {
    { "\"region\": \"north\", \"a\": true", ACTIVERING_OUTCOME_ELIGIBLE, ACTIVERING_TRUTH_TRUE },
    { "\"region\": \"north\", \"a\": false", ACTIVERING_OUTCOME_NOT_ELIGIBLE, ACTIVERING_TRUTH_FALSE },
    { "\"region\": \"south\", \"a\": true", ACTIVERING_OUTCOME_NOT_APPLICABLE, ACTIVERING_TRUTH_FALSE },
    { "\"region\": \"north\"", ACTIVERING_OUTCOME_UNDETERMINED, ACTIVERING_TRUTH_UNKNOWN },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ActiveringEvaluation) ev = eval (rules, cases[i].members);
      assert_outcome (ev, M_REGIONAL, cases[i].regional);
      ck_assert_msg (state_of (ev, M_DEPENDS, "regional_ok") == cases[i].ref, "{%s}: measure ref is %s",
                     cases[i].members, activering_truth_to_string (state_of (ev, M_DEPENDS, "regional_ok")));
    }
  /* Undetermined through the other measure: its missing facts are asked. */
  g_autoptr (ActiveringEvaluation) u = eval (rules, "\"region\": \"north\", \"c\": false");
  assert_outcome (u, M_DEPENDS, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (u, M_DEPENDS, "a", "unknown", NULL);
}
END_TEST

START_TEST (test_missing_only_under_unknown_parts)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  /* c1 = all(a, b): unknown through b.  c2 = any(c, status == on): true, so c is not asked.
   * c3 = if(a, group.p, group.q): a is true, so only group.p is asked. */
  g_autoptr (ActiveringEvaluation) ev = eval (rules, "\"a\": true, \"status\": \"on\"");
  assert_outcome (ev, M_SCREEN, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (ev, M_SCREEN, "b", "unknown", "group.p", "unknown", NULL);
  ck_assert_str_eq (activering_evaluation_get_missing_asked_of (ev, M_SCREEN, 0), "clerk");
  ck_assert_str_eq (activering_evaluation_get_missing_asked_of (ev, M_SCREEN, 1), "doctor");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_missing_fact (ev, M_SCREEN, 2)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_missing_asked_of (ev, M_SCREEN, 2)));

  /* Blank (null) facts are reported as blank; a null object makes every fact below it blank. */
  g_autoptr (ActiveringEvaluation) blank = eval (rules, "\"a\": true, \"b\": null, \"status\": \"on\", \"group\": null");
  assert_missing (blank, M_SCREEN, "b", "blank", "group.p", "blank", NULL);
  ck_assert_int_eq (activering_evaluation_get_missing_state (blank, M_SCREEN, 1), ACTIVERING_FACT_BLANK);

  /* a unknown: if() needs its condition first, so neither group fact is asked. status off: c is asked. */
  g_autoptr (ActiveringEvaluation) more = eval (rules, "\"status\": \"off\", \"group\": {\"q\": null}");
  assert_missing (more, M_SCREEN, "a", "unknown", "b", "unknown", "c", "unknown", NULL);
  ck_assert_str_eq (activering_evaluation_get_missing_asked_of (more, M_SCREEN, 2), "doctor");

  /* a false: c3 takes group.q. b is not asked though c1 is... false. The outcome is not_eligible: nothing. */
  g_autoptr (ActiveringEvaluation) ne = eval (rules, "\"a\": false, \"status\": \"off\"");
  assert_outcome (ne, M_SCREEN, ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  assert_missing (ne, M_SCREEN, NULL);

  /* Known facts are never asked, even under unknown parts. */
  g_autoptr (ActiveringEvaluation) k = eval (rules, "\"a\": true, \"b\": true, \"c\": false, \"group\": {\"q\": true}");
  assert_outcome (k, M_SCREEN, ACTIVERING_OUTCOME_UNDETERMINED);
  assert_missing (k, M_SCREEN, "status", "unknown", "group.p", "unknown", NULL);

  /* Eligible and not-applicable outcomes ask nothing. */
  assert_missing (k, M_CALC, NULL);
}
END_TEST

START_TEST (test_condition_getters)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) ev = eval (rules, "\"a\": true, \"status\": \"on\"");
  ck_assert_uint_eq (activering_evaluation_get_n_conditions (ev, M_SCREEN), 3);
  ck_assert_str_eq (activering_evaluation_get_condition_id (ev, M_SCREEN, 0), "screen.c1");
  ck_assert_str_eq (activering_evaluation_get_condition_id (ev, M_SCREEN, 2), "screen.c3");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_condition_id (ev, M_SCREEN, 3)));
  ck_assert_int_eq (activering_evaluation_get_condition_state (ev, M_SCREEN, 1), ACTIVERING_TRUTH_TRUE);
  ck_assert_str_eq (activering_evaluation_get_condition_text (ev, M_SCREEN, 0, "en"), "c1 is unknown (en)");
  ck_assert_str_eq (activering_evaluation_get_condition_text (ev, M_SCREEN, 1, "fr"), "c2 is true (fr)");
  ck_assert_str_eq (activering_evaluation_get_condition_text (ev, M_SCREEN, 1, NULL), "c2 is true (en)");
  ck_assert_ptr_null (activering_evaluation_get_condition_text (ev, M_SCREEN, 1, "de"));
  ck_assert_str_eq (activering_evaluation_get_condition_legal_basis (ev, M_SCREEN, 2, NULL), "rule c3");
  g_autoptr (ActiveringEvaluation) f = eval (rules, "\"a\": false");
  ck_assert_str_eq (activering_evaluation_get_condition_text (f, M_SCREEN, 0, "nl"), "c1 is false (nl)");
  ck_assert_str_eq (activering_evaluation_get_id (f), "t-1");
}
END_TEST

/* ---- limits and obligations ------------------------------------------------------------------------------ */

START_TEST (test_limits_only_when_known)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  /* Nothing known: only the limits that need no facts. */
  g_autoptr (ActiveringEvaluation) none = eval (rules, "");
  ck_assert_uint_eq (activering_evaluation_get_n_limits (none, M_CALC), 2);
  ck_assert_str_eq (activering_evaluation_get_limit_id (none, M_CALC, 0), "calc.threshold");
  ck_assert_str_eq (activering_evaluation_get_limit_unit (none, M_CALC, 0), "points");
  ck_assert_str_eq (activering_evaluation_get_limit_text (none, M_CALC, 0, "nl"), "threshold (nl)");
  ck_assert_ptr_null (activering_evaluation_get_limit_text (none, M_CALC, 0, "de"));
  ck_assert_str_eq (activering_evaluation_get_limit_id (none, M_CALC, 1), "calc.today");
  assert_limit_date (none, "today", "2024-06-15");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_limit_id (none, M_CALC, 2)));
  ck_assert_uint_eq (activering_evaluation_get_n_limits (none, M_REGIONAL), 0);
  GDate date;
  double number;
  TEST_EXPECT_CRITICAL (ck_assert (!activering_evaluation_get_limit_date (none, M_CALC, 5, &date)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_evaluation_get_limit_number (none, M_CALC, 5, &number)));

  /* A limit with "when": reported only when it holds, not when false or unknown. */
  g_autoptr (ActiveringEvaluation) on = eval (rules, "\"a\": true, \"n\": 4");
  assert_limit_number (on, "gated", 4);
  g_autoptr (ActiveringEvaluation) off = eval (rules, "\"a\": false, \"n\": 4");
  assert_limit_unknown (off, "gated");
  g_autoptr (ActiveringEvaluation) unsure = eval (rules, "\"n\": 4");
  assert_limit_unknown (unsure, "gated");
  g_autoptr (ActiveringEvaluation) blank = eval (rules, "\"a\": null, \"n\": 4");
  assert_limit_unknown (blank, "gated");
  g_autoptr (ActiveringEvaluation) no_value = eval (rules, "\"a\": true");
  assert_limit_unknown (no_value, "gated");

  /* Limits are reported whatever the outcome, in declaration order. */
  g_autoptr (ActiveringEvaluation) ne = eval (rules, "\"region\": \"north\", \"a\": false, \"n\": 3");
  assert_outcome (ne, M_REGIONAL, ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  ck_assert_uint_eq (activering_evaluation_get_n_limits (ne, M_REGIONAL), 1);
  ck_assert_str_eq (activering_evaluation_get_limit_id (ne, M_REGIONAL, 0), "regional.n");
  g_autoptr (ActiveringEvaluation) all = eval (rules, "\"n\": 3, \"m\": 4, \"a\": true");
  int previous = -1;
  static const char *const order[] = { "if_val", "min_nm", "sum", "diff", "gated", "today" };
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      int at = limit_index (all, M_CALC, order[i]);
      ck_assert_msg (at > previous, "limit %s out of order", order[i]);
      previous = at;
    }
}
END_TEST

static ActiveringObligationState
obligation (ActiveringRuleSet *rules, const char *members, guint *n, GDate *due, gboolean *has_due)
{
  g_autoptr (ActiveringEvaluation) ev = eval (rules, members);
  *n = activering_evaluation_get_n_obligations (ev);
  if (*n == 0)
    return (ActiveringObligationState) -1;
  ck_assert_str_eq (activering_evaluation_get_obligation_id (ev, 0), "ob");
  ck_assert_str_eq (activering_evaluation_get_obligation_text (ev, 0, "fr"), "ob (fr)");
  ck_assert_ptr_null (activering_evaluation_get_obligation_text (ev, 0, "xx"));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_obligation_id (ev, 1)));
  g_date_clear (due, 1);
  *has_due = activering_evaluation_get_obligation_due (ev, 0, due);
  return activering_evaluation_get_obligation_state (ev, 0);
}

START_TEST (test_obligations)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const struct { const char *members; int n; ActiveringObligationState state; gboolean has_due; } cases[] = {
    { "\"a\": false, \"b\": false, \"d\": \"2024-01-01\"", 0, 0, FALSE },  /* does not apply: not reported */
    { "\"a\": false", 0, 0, FALSE },
    { "\"a\": true, \"b\": true", 1, ACTIVERING_OBLIGATION_MET, FALSE },
    { "\"a\": true, \"b\": true, \"d\": \"2024-01-01\"", 1, ACTIVERING_OBLIGATION_MET, TRUE },
    { "\"a\": true, \"b\": false, \"d\": \"2024-06-16\"", 1, ACTIVERING_OBLIGATION_DUE, TRUE },
    { "\"a\": true, \"b\": false, \"d\": \"2024-06-15\"", 1, ACTIVERING_OBLIGATION_DUE, TRUE }, /* on the day */
    { "\"a\": true, \"b\": false, \"d\": \"2024-06-14\"", 1, ACTIVERING_OBLIGATION_OVERDUE, TRUE },
    { "\"a\": true, \"d\": \"2024-06-14\"", 1, ACTIVERING_OBLIGATION_UNDETERMINED, TRUE },
    { "\"a\": true, \"b\": false", 1, ACTIVERING_OBLIGATION_UNDETERMINED, FALSE },
    { "\"b\": true", 1, ACTIVERING_OBLIGATION_MET, FALSE },               /* may apply, but met anyway */
    { "\"a\": null, \"b\": false, \"d\": \"2024-06-14\"", 1, ACTIVERING_OBLIGATION_UNDETERMINED, TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n;
      GDate due;
      gboolean has_due;
      ActiveringObligationState state = obligation (rules, cases[i].members, &n, &due, &has_due);
      ck_assert_msg (n == (guint) cases[i].n, "{%s}: %u obligations", cases[i].members, n);
      if (n == 0)
        continue;
      ck_assert_msg (state == cases[i].state, "{%s}: expected %s, got %s", cases[i].members,
                     activering_obligation_state_to_string (cases[i].state), activering_obligation_state_to_string (state));
      ck_assert_msg (has_due == cases[i].has_due, "{%s}: due known is %d", cases[i].members, has_due);
    }
  guint n;
  GDate due;
  gboolean has_due;
  obligation (rules, "\"a\": true, \"b\": false, \"d\": \"2024-06-14\"", &n, &due, &has_due);
  ck_assert (has_due);
  ck_assert_uint_eq (g_date_get_year (&due), 2024);
  ck_assert_uint_eq (g_date_get_month (&due), 6);
  ck_assert_uint_eq (g_date_get_day (&due), 14);

  /* Undetermined obligations say what is missing, in the JSON result. */
  g_autoptr (ActiveringEvaluation) ev = eval (rules, "\"b\": false, \"d\": \"2024-06-14\"");
  g_autoptr (GError) error = NULL;
  g_autofree char *json = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, &error);
  json_object *root = json_tokener_parse (json);
  ck_assert_ptr_nonnull (root);
  json_object *obligations = json_object_object_get (root, "obligations");
  ck_assert_uint_eq (json_object_array_length (obligations), 1);
  json_object *o = json_object_array_get_idx (obligations, 0);
  ck_assert_str_eq (json_object_get_string (json_object_object_get (o, "id")), "ob");
  ck_assert_str_eq (json_object_get_string (json_object_object_get (o, "state")), "undetermined");
  ck_assert_str_eq (json_object_get_string (json_object_object_get (o, "due")), "2024-06-14");
  json_object *missing = json_object_object_get (o, "missing");
  ck_assert_uint_eq (json_object_array_length (missing), 1);
  json_object *m0 = json_object_array_get_idx (missing, 0);
  ck_assert_str_eq (json_object_get_string (json_object_object_get (m0, "fact")), "a");
  ck_assert_str_eq (json_object_get_string (json_object_object_get (m0, "state")), "unknown");
  ck_assert_str_eq (json_object_get_string (json_object_object_get (m0, "asked_of")), "clerk");
  json_object_put (root);
  /* A met obligation has no missing list. */
  g_autoptr (ActiveringEvaluation) met = eval (rules, "\"a\": true, \"b\": true");
  g_autofree char *json2 = activering_evaluation_to_json (met, "en", ACTIVERING_JSON_DEFAULT, &error);
  root = json_tokener_parse (json2);
  o = json_object_array_get_idx (json_object_object_get (root, "obligations"), 0);
  ck_assert_str_eq (json_object_get_string (json_object_object_get (o, "state")), "met");
  ck_assert (!json_object_object_get_ex (o, "missing", NULL));
  ck_assert (json_object_is_type (json_object_object_get (o, "due"), json_type_null));
  json_object_put (root);
}
END_TEST

/* ---- the default rule set over the example caseload ------------------------------------------------------ */

static GPtrArray *
caseload_lines (void)
{
  g_autofree char *text = test_read_file ("examples/caseload.jsonl", NULL);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (char **l = lines; *l; l++)
    if (**l != '\0')
      g_ptr_array_add (out, g_strdup (*l));
  ck_assert_uint_ge (out->len, 10);
  return out;
}

/* The full JSON result of @line, with fresh objects. */
static char *
fresh_json (ActiveringRuleSet *rules, const char *line, const char *lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, line, -1, &error);
  ck_assert_msg (facts != NULL, "%s", error ? error->message : "?");
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  char *json = activering_evaluation_to_json (ev, lang, ACTIVERING_JSON_DEFAULT, &error);
  ck_assert_ptr_nonnull (json);
  return json;
}

START_TEST (test_reuse_gives_same_answers)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GPtrArray) lines = caseload_lines ();
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (expected, fresh_json (rules, lines->pdata[i], "fr"));
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  g_autoptr (GError) error = NULL;
  /* Forwards, backwards, and in a stride, so every dossier follows several different ones. */
  for (guint round = 0; round < 3; round++)
    for (guint k = 0; k < lines->len; k++)
      {
        guint i = round == 0 ? k : round == 1 ? lines->len - 1 - k : (k * 5) % lines->len;
        ck_assert (activering_facts_parse (facts, lines->pdata[i], -1, &error));
        ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
        g_autofree char *json = activering_evaluation_to_json (ev, "fr", ACTIVERING_JSON_DEFAULT, &error);
        ck_assert_msg (strcmp (json, expected->pdata[i]) == 0, "round %u, line %u: reused objects differ:\n%s\n%s",
                       round, i, json, (char *) expected->pdata[i]);
      }
}
END_TEST

START_TEST (test_reuse_logic_rule_set)
{
  /* The same with the test rule set, whose dossiers differ much more from one another. */
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  static const char *const members[] = {
    "\"a\": true, \"b\": true, \"n\": 3, \"m\": 4, \"d\": \"2024-01-31\", \"region\": \"north\"",
    "",
    "\"a\": null, \"group\": null, \"runs\": [{\"measure\": \"beta\", \"start\": \"2024-01-01\"}]",
    "\"a\": false, \"b\": false, \"d\": \"2024-06-01\", \"region\": \"south\", \"tags\": [\"red\"]",
    "\"n\": 1, \"big\": 3037000500, \"x\": 1, \"status\": \"on\"",
    "\"a\": true, \"d\": \"2024-06-14\", \"e\": \"2020-01-01\", \"region\": null",
  };
  static const char *const dates[] = { "2024-06-15", "2019-01-01", "2025-05-05" };
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *expected = g_ptr_array_new_with_free_func (g_free);
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      {
        char *json = doc (dates[d], members[i]);
        g_ptr_array_add (docs, json);
        g_ptr_array_add (expected, fresh_json (rules, json, "nl"));
      }
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  g_autoptr (GError) error = NULL;
  for (guint round = 0; round < 4; round++)
    for (guint k = 0; k < docs->len; k++)
      {
        guint i = (k * (2 * round + 1) + round) % docs->len;
        ck_assert (activering_facts_parse (facts, docs->pdata[i], -1, &error));
        /* Interleave outcome-only runs: they must not leave anything behind either. */
        if ((k + round) % 3 == 0)
          ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error));
        ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
        g_autofree char *json = activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_DEFAULT, &error);
        ck_assert_msg (strcmp (json, expected->pdata[i]) == 0, "round %u, doc %u: reused objects differ:\n%s\n%s",
                       round, i, json, (char *) expected->pdata[i]);
      }
  g_ptr_array_free (docs, TRUE);
  g_ptr_array_free (expected, TRUE);
}
END_TEST

START_TEST (test_outcomes_only_same_outcomes)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GPtrArray) lines = caseload_lines ();
  guint n_measures = activering_rule_set_get_n_measures (rules);
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) full = activering_evaluation_new (rules);
  g_autoptr (ActiveringEvaluation) fast = activering_evaluation_new (rules);
  g_autoptr (GError) error = NULL;
  guint seen[4] = { 0, 0, 0, 0 };
  for (guint i = 0; i < lines->len; i++)
    {
      ck_assert_msg (activering_facts_parse (facts, lines->pdata[i], -1, &error), "%s", error ? error->message : "?");
      ck_assert (activering_evaluation_run (full, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
      ck_assert (activering_evaluation_run (fast, facts, NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error));
      for (guint m = 0; m < n_measures; m++)
        {
          ActiveringOutcome a = activering_evaluation_get_outcome (full, m);
          ActiveringOutcome b = activering_evaluation_get_outcome (fast, m);
          ck_assert_msg (a == b, "line %u, %s: default %s, outcomes only %s", i,
                         activering_rule_set_get_measure_code (rules, m), activering_outcome_to_string (a),
                         activering_outcome_to_string (b));
          seen[a]++;
          /* The fast path reports nothing else. */
          ck_assert_uint_eq (activering_evaluation_get_n_conditions (fast, m), 0);
          ck_assert_uint_eq (activering_evaluation_get_n_missing (fast, m), 0);
          ck_assert_uint_eq (activering_evaluation_get_n_limits (fast, m), 0);
        }
      ck_assert_uint_eq (activering_evaluation_get_n_obligations (fast), 0);
      /* The compact documents agree too. */
      GString *a = g_string_new (NULL), *b = g_string_new (NULL);
      activering_evaluation_append_outcomes_json (full, a);
      activering_evaluation_append_outcomes_json (fast, b);
      ck_assert_str_eq (a->str, b->str);
      g_string_free (a, TRUE);
      g_string_free (b, TRUE);
    }
  /* The caseload exercises every outcome, so the comparison above means something. */
  for (guint o = 0; o < 4; o++)
    ck_assert_msg (seen[o] > 0, "no %s outcome in the caseload", activering_outcome_to_string (o));
  /* The fast path with the test rule set too (limits and obligations are compiled after the outcomes). */
  g_autoptr (ActiveringRuleSet) logic = logic_rules ();
  g_autoptr (ActiveringFacts) lf = activering_facts_new (logic);
  g_autoptr (ActiveringEvaluation) lfull = activering_evaluation_new (logic);
  g_autoptr (ActiveringEvaluation) lfast = activering_evaluation_new (logic);
  static const char *const members[] = { "", "\"a\": true, \"region\": \"north\"", "\"a\": false, \"region\": \"south\"",
                                         "\"region\": \"north\", \"c\": true, \"status\": \"on\", \"group\": {\"p\": true}" };
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *json = doc ("2024-06-15", members[i]);
      ck_assert (activering_facts_parse (lf, json, -1, &error));
      ck_assert (activering_evaluation_run (lfull, lf, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
      ck_assert (activering_evaluation_run (lfast, lf, NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error));
      for (guint m = 0; m < activering_rule_set_get_n_measures (logic); m++)
        ck_assert_int_eq (activering_evaluation_get_outcome (lfull, m), activering_evaluation_get_outcome (lfast, m));
    }
}
END_TEST

static json_object *
member_of (json_object *o, const char *key)
{
  json_object *value = NULL;
  ck_assert_msg (json_object_object_get_ex (o, key, &value), "no \"%s\" in %s", key,
                 json_object_to_json_string (o));
  return value;
}

static const char *
string_of (json_object *o, const char *key)
{
  json_object *value = member_of (o, key);
  ck_assert_msg (json_object_is_type (value, json_type_string), "\"%s\" is not a string", key);
  return json_object_get_string (value);
}

static json_object *
array_of (json_object *o, const char *key)
{
  json_object *value = member_of (o, key);
  ck_assert_msg (json_object_is_type (value, json_type_array), "\"%s\" is not an array", key);
  return value;
}

/* Checks an activering.result/1 document against the evaluation's getters. */
static void
check_result_document (const ActiveringEvaluation *ev, ActiveringRuleSet *rules, const char *text, const char *lang)
{
  json_tokener *tokener = json_tokener_new ();
  json_tokener_set_flags (tokener, JSON_TOKENER_STRICT);
  json_object *root = json_tokener_parse_ex (tokener, text, (int) strlen (text) + 1);
  ck_assert_msg (json_tokener_get_error (tokener) == json_tokener_success, "not valid JSON (%s): %s",
                 json_tokener_error_desc (json_tokener_get_error (tokener)), text);
  json_tokener_free (tokener);
  ck_assert (json_object_is_type (root, json_type_object));
  ck_assert_str_eq (string_of (root, "format"), "activering.result/1");
  ck_assert_str_eq (string_of (root, "id"), activering_evaluation_get_id (ev));
  GDate as_of;
  activering_evaluation_get_as_of (ev, &as_of);
  g_autofree char *as_of_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&as_of), g_date_get_month (&as_of),
                                                 g_date_get_day (&as_of));
  ck_assert_str_eq (string_of (root, "as_of"), as_of_text);
  ck_assert_str_eq (string_of (root, "lang"), lang);
  json_object *ruleset = member_of (root, "ruleset");
  ck_assert_str_eq (string_of (ruleset, "id"), activering_rule_set_get_id (rules));
  ck_assert_str_eq (string_of (ruleset, "version"), activering_rule_set_get_version (rules));
  ck_assert_str_eq (string_of (ruleset, "digest"), activering_rule_set_get_digest (rules));
  json_object *measures = array_of (root, "measures");
  guint n_measures = activering_rule_set_get_n_measures (rules);
  ck_assert_uint_eq (json_object_array_length (measures), n_measures);
  for (guint m = 0; m < n_measures; m++)
    {
      json_object *measure = json_object_array_get_idx (measures, m);
      ck_assert_str_eq (string_of (measure, "measure"), activering_rule_set_get_measure_code (rules, m));
      ck_assert_str_eq (string_of (measure, "outcome"),
                        activering_outcome_to_string (activering_evaluation_get_outcome (ev, m)));
      ck_assert_str_eq (string_of (measure, "label"), activering_rule_set_get_measure_label (rules, m, lang));
      ck_assert_str_eq (string_of (measure, "decided_by"), activering_rule_set_get_measure_decided_by (rules, m));
      json_object *conditions = array_of (measure, "conditions");
      guint n_conditions = activering_evaluation_get_n_conditions (ev, m);
      /* A measure not judged by its conditions lists none (contract C6, C7); every other lists at least one. */
      gboolean judged = activering_evaluation_get_outcome (ev, m) != ACTIVERING_OUTCOME_NOT_APPLICABLE
                        && activering_evaluation_get_reason (ev, m) == ACTIVERING_REASON_NONE;
      ck_assert_uint_eq (n_conditions > 0, judged);
      ck_assert_uint_eq (json_object_array_length (conditions), n_conditions);
      for (guint c = 0; c < n_conditions; c++)
        {
          json_object *condition = json_object_array_get_idx (conditions, c);
          ck_assert_str_eq (string_of (condition, "id"), activering_evaluation_get_condition_id (ev, m, c));
          ck_assert_str_eq (string_of (condition, "state"),
                            activering_truth_to_string (activering_evaluation_get_condition_state (ev, m, c)));
          ck_assert_str_eq (string_of (condition, "text"), activering_evaluation_get_condition_text (ev, m, c, lang));
          ck_assert_str_eq (string_of (condition, "legal_basis"),
                            activering_evaluation_get_condition_legal_basis (ev, m, c, lang));
          json_object *facts = array_of (condition, "facts");
          for (guint f = 0; f < json_object_array_length (facts); f++)
            ck_assert_int_ge (activering_rule_set_lookup_fact (
                                  rules, json_object_get_string (json_object_array_get_idx (facts, f))), 0);
        }
      json_object *missing = array_of (measure, "missing");
      ck_assert_uint_eq (json_object_array_length (missing), activering_evaluation_get_n_missing (ev, m));
      for (guint k = 0; k < json_object_array_length (missing); k++)
        {
          json_object *item = json_object_array_get_idx (missing, k);
          ck_assert_str_eq (string_of (item, "fact"), activering_evaluation_get_missing_fact (ev, m, k));
          ck_assert_str_eq (string_of (item, "state"),
                            activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, m, k)));
          ck_assert_str_eq (string_of (item, "asked_of"), activering_evaluation_get_missing_asked_of (ev, m, k));
        }
      json_object *limits = array_of (measure, "limits");
      ck_assert_uint_eq (json_object_array_length (limits), activering_evaluation_get_n_limits (ev, m));
      for (guint l = 0; l < json_object_array_length (limits); l++)
        {
          json_object *limit = json_object_array_get_idx (limits, l);
          ck_assert_str_eq (string_of (limit, "id"), activering_evaluation_get_limit_id (ev, m, l));
          ck_assert_str_eq (string_of (limit, "unit"), activering_evaluation_get_limit_unit (ev, m, l));
          ck_assert_str_eq (string_of (limit, "text"), activering_evaluation_get_limit_text (ev, m, l, lang));
          json_object *value = member_of (limit, "value");
          double number;
          if (activering_evaluation_get_limit_number (ev, m, l, &number))
            {
              ck_assert (json_object_is_type (value, json_type_int) || json_object_is_type (value, json_type_double));
              ck_assert_msg (json_object_get_double (value) == number, "limit %s: %g in JSON, %g by getter",
                             activering_evaluation_get_limit_id (ev, m, l), json_object_get_double (value), number);
            }
          else
            ck_assert (json_object_is_type (value, json_type_string));
        }
      ck_assert_uint_gt (json_object_array_length (array_of (measure, "legal_basis")), 0);
    }
  json_object *obligations = array_of (root, "obligations");
  ck_assert_uint_eq (json_object_array_length (obligations), activering_evaluation_get_n_obligations (ev));
  for (guint o = 0; o < json_object_array_length (obligations); o++)
    {
      json_object *item = json_object_array_get_idx (obligations, o);
      ck_assert_str_eq (string_of (item, "id"), activering_evaluation_get_obligation_id (ev, o));
      ck_assert_str_eq (string_of (item, "state"),
                        activering_obligation_state_to_string (activering_evaluation_get_obligation_state (ev, o)));
      ck_assert_str_eq (string_of (item, "text"), activering_evaluation_get_obligation_text (ev, o, lang));
    }
  json_object_put (root);
}

START_TEST (test_to_json)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GPtrArray) lines = caseload_lines ();
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  g_autoptr (GError) error = NULL;
  guint with_missing = 0, with_limits = 0, with_obligations = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      ck_assert (activering_facts_parse (facts, lines->pdata[i], -1, &error));
      ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
      static const char *const langs[] = { "nl", "fr", "en" };
      char *texts[3];
      for (guint l = 0; l < 3; l++)
        {
          texts[l] = activering_evaluation_to_json (ev, langs[l], ACTIVERING_JSON_DEFAULT, &error);
          ck_assert_msg (texts[l] != NULL, "%s", error ? error->message : "?");
          check_result_document (ev, rules, texts[l], langs[l]);
        }
      /* The texts differ between languages, condition by condition. */
      for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
        for (guint c = 0; c < activering_evaluation_get_n_conditions (ev, m); c++)
          {
            const char *nl = activering_evaluation_get_condition_text (ev, m, c, "nl");
            const char *fr = activering_evaluation_get_condition_text (ev, m, c, "fr");
            const char *en = activering_evaluation_get_condition_text (ev, m, c, "en");
            ck_assert_msg (strcmp (nl, fr) != 0 && strcmp (fr, en) != 0 && strcmp (nl, en) != 0,
                           "%s: the same text in two languages", activering_evaluation_get_condition_id (ev, m, c));
          }
      ck_assert_str_ne (texts[0], texts[1]);
      ck_assert_str_ne (texts[1], texts[2]);
      /* NULL is the first language. */
      g_autofree char *first = activering_evaluation_to_json (ev, NULL, ACTIVERING_JSON_DEFAULT, &error);
      ck_assert_str_eq (first, texts[0]);
      /* Pretty output is the same document. */
      g_autofree char *pretty = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_PRETTY, &error);
      ck_assert_ptr_nonnull (strstr (pretty, "\n  "));
      ck_assert (g_str_has_suffix (pretty, "}\n"));
      ck_assert_ptr_null (strchr (texts[2], '\n'));
      json_object *a = json_tokener_parse (pretty), *b = json_tokener_parse (texts[2]);
      ck_assert (json_object_equal (a, b));
      json_object_put (a);
      json_object_put (b);
      /* append_json appends the same text. */
      GString *out = g_string_new ("prefix:");
      ck_assert (activering_evaluation_append_json (ev, "fr", ACTIVERING_JSON_DEFAULT, out, &error));
      ck_assert (g_str_has_prefix (out->str, "prefix:"));
      ck_assert_str_eq (out->str + strlen ("prefix:"), texts[1]);
      g_string_free (out, TRUE);
      for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
        {
          with_missing += activering_evaluation_get_n_missing (ev, m) > 0;
          with_limits += activering_evaluation_get_n_limits (ev, m) > 0;
        }
      with_obligations += activering_evaluation_get_n_obligations (ev) > 0;
      for (guint l = 0; l < 3; l++)
        g_free (texts[l]);
    }
  /* The caseload covers missing facts, limits and obligations. */
  ck_assert_uint_gt (with_missing, 0);
  ck_assert_uint_gt (with_limits, 0);
  ck_assert_uint_gt (with_obligations, 0);
}
END_TEST

START_TEST (test_to_json_missing_facts)
{
  /* voorbeeld-09: a new file, most facts unknown; vdab.registered is null (blank). */
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GPtrArray) lines = caseload_lines ();
  const char *line = NULL;
  for (guint i = 0; i < lines->len; i++)
    if (strstr (lines->pdata[i], "\"voorbeeld-09\""))
      line = lines->pdata[i];
  ck_assert_ptr_nonnull (line);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, line, -1, &error);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  g_autofree char *json = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_PRETTY, &error);
  json_object *root = json_tokener_parse (json);
  ck_assert_ptr_nonnull (root);
  json_object *twe = json_object_array_get_idx (array_of (root, "measures"), 0);
  ck_assert_str_eq (string_of (twe, "measure"), "twe_ocmw");
  ck_assert_str_eq (string_of (twe, "outcome"), "undetermined");
  json_object *missing = array_of (twe, "missing");
  gboolean saw_blank = FALSE, saw_work_capacity = FALSE;
  for (guint k = 0; k < json_object_array_length (missing); k++)
    {
      json_object *item = json_object_array_get_idx (missing, k);
      const char *fact = string_of (item, "fact");
      /* Known facts are never missing. */
      ck_assert_str_ne (fact, "income.status");
      ck_assert_str_ne (fact, "region");
      if (strcmp (fact, "vdab.registered") == 0)
        {
          saw_blank = TRUE;
          ck_assert_str_eq (string_of (item, "state"), "blank");
          ck_assert_str_eq (string_of (item, "asked_of"), "vdab.bemiddelaar");
        }
      if (strcmp (fact, "work_capacity") == 0)
        {
          saw_work_capacity = TRUE;
          ck_assert_str_eq (string_of (item, "state"), "unknown");
          ck_assert_str_eq (string_of (item, "asked_of"), "ocmw.trajectbegeleider");
        }
    }
  ck_assert (saw_blank);
  ck_assert (saw_work_capacity);
  /* The condition on work capacity lists the fact it reads. */
  json_object *half_time = NULL;
  json_object *conditions = array_of (twe, "conditions");
  for (guint c = 0; c < json_object_array_length (conditions); c++)
    if (strcmp (string_of (json_object_array_get_idx (conditions, c), "id"), "twe_ocmw.half_time") == 0)
      half_time = json_object_array_get_idx (conditions, c);
  ck_assert_msg (half_time != NULL, "no condition twe_ocmw.half_time");
  ck_assert_str_eq (string_of (half_time, "state"), "unknown");
  json_object *facts_read = array_of (half_time, "facts");
  ck_assert_uint_eq (json_object_array_length (facts_read), 1);
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (facts_read, 0)), "work_capacity");
  json_object_put (root);
}
END_TEST

/* The result of the December 2026 contract additions: reason, coverage, via, signals, legal bases in the requested
 * language, and texts that quote parameters rendered for the evaluation date (docs/contract.md, "Results"). */
static json_object *
result_of (ActiveringRuleSet *rules, const char *as_of, const char *members, const char *lang,
           ActiveringEvaluation **out)
{
  ActiveringEvaluation *ev = eval_at (rules, as_of, members);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = activering_evaluation_to_json (ev, lang, ACTIVERING_JSON_DEFAULT, &error);
  ck_assert_msg (json != NULL, "%s", error ? error->message : "?");
  ck_assert_ptr_null (strstr (json, "{param:")); /* every quoted parameter is rendered */
  if (out != NULL)
    *out = ev;
  else
    activering_evaluation_free (ev);
  return json_tokener_parse (json);
}

static json_object *
measure_named (json_object *root, const char *code)
{
  json_object *measures = array_of (root, "measures");
  for (gsize i = 0; i < json_object_array_length (measures); i++)
    if (strcmp (string_of (json_object_array_get_idx (measures, i), "measure"), code) == 0)
      return json_object_array_get_idx (measures, i);
  ck_abort_msg ("no measure %s", code);
  return NULL;
}

START_TEST (test_menu_result_members)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  /* Brussels: TWE-OCMW does not exist there; art. 60 is judged on its federal conditions only. */
  ActiveringEvaluation *ev = NULL;
  json_object *root = result_of (rules, "2026-11-22",
                                 "\"region\": \"brussel\", \"income\": {\"status\": \"none\"}, \"dutch_level\": \"A1\", "
                                 "\"social_security\": {\"full_unemployment_entitlement\": false}",
                                 "en", &ev);
  json_object *twe = measure_named (root, "twe_ocmw");
  ck_assert_str_eq (string_of (twe, "outcome"), "not_applicable");
  ck_assert_str_eq (string_of (twe, "reason"), "not_in_region");
  ck_assert_str_eq (json_object_to_json_string (array_of (twe, "facts")), "[ \"region\" ]");
  ck_assert_uint_eq (json_object_array_length (array_of (twe, "conditions")), 0);
  ck_assert_uint_eq (json_object_array_length (array_of (twe, "limits")), 0);
  ck_assert_int_eq (activering_evaluation_get_reason (ev, 0), ACTIVERING_REASON_NOT_IN_REGION);
  ck_assert_str_eq (activering_reason_to_string (ACTIVERING_REASON_NOT_IN_REGION), "not_in_region");
  ck_assert_ptr_null (activering_reason_to_string (ACTIVERING_REASON_NONE));
  json_object *art60 = measure_named (root, "art60");
  ck_assert_str_eq (string_of (art60, "outcome"), "eligible");
  ck_assert_str_eq (string_of (art60, "coverage"), "federal_only");
  ck_assert_ptr_nonnull (strstr (string_of (art60, "coverage_text"), "Actiris"));
  ck_assert_str_eq (activering_evaluation_get_coverage (ev, 1), "federal_only");
  ck_assert_str_eq (activering_evaluation_get_coverage_text (ev, 1, "en"), string_of (art60, "coverage_text"));
  ck_assert_ptr_null (activering_evaluation_get_coverage_text (ev, 1, "de"));
  json_object *conditions = array_of (art60, "conditions");
  ck_assert_uint_eq (json_object_array_length (conditions), 1); /* status and twe_framework do not apply here */
  ck_assert_str_eq (string_of (json_object_array_get_idx (conditions, 0), "id"), "art60.no_full_unemployment_entitlement");
  ck_assert_uint_eq (activering_evaluation_get_n_conditions (ev, 1), 1);
  json_object *signals = array_of (root, "signals");
  ck_assert_uint_eq (json_object_array_length (signals), 1);
  json_object *signal = json_object_array_get_idx (signals, 0);
  ck_assert_str_eq (string_of (signal, "id"), "language_barrier");
  ck_assert (g_str_has_prefix (string_of (signal, "source"), "SEED-000"));
  ck_assert_str_eq (json_object_to_json_string (array_of (signal, "facts")), "[ \"barriers\", \"dutch_level\" ]");
  ck_assert_uint_eq (activering_evaluation_get_n_signals (ev), 1);
  ck_assert_str_eq (activering_evaluation_get_signal_id (ev, 0), "language_barrier");
  ck_assert_str_eq (activering_evaluation_get_signal_text (ev, 0, "en"), string_of (signal, "text"));
  ck_assert_str_eq (activering_evaluation_get_signal_source (ev, 0), string_of (signal, "source"));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_signal_id (ev, 1)));
  activering_evaluation_free (ev);
  json_object_put (root);

  /* Flanders: art. 60 fails because TWE fails; via names the TWE condition that decided it. */
  root = result_of (rules, "2026-11-22",
                    "\"region\": \"vlaanderen\", \"income\": {\"status\": \"leefloon\"}, \"vdab\": {\"registered\": false}, "
                    "\"social_security\": {\"full_unemployment_entitlement\": false}, \"measures\": []",
                    "fr", &ev);
  art60 = measure_named (root, "art60");
  ck_assert_str_eq (string_of (art60, "outcome"), "not_eligible");
  conditions = array_of (art60, "conditions");
  json_object *framework = json_object_array_get_idx (conditions, 2);
  ck_assert_str_eq (string_of (framework, "id"), "art60.twe_framework");
  ck_assert_str_eq (json_object_to_json_string (array_of (framework, "via")), "[ \"twe_ocmw.vdab_registered\" ]");
  ck_assert_uint_eq (activering_evaluation_get_n_condition_via (ev, 1, 2), 1);
  ck_assert_str_eq (activering_evaluation_get_condition_via (ev, 1, 2, 0), "twe_ocmw.vdab_registered");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_evaluation_get_condition_via (ev, 1, 2, 1)));
  ck_assert_uint_eq (activering_evaluation_get_n_condition_via (ev, 1, 0), 0); /* true: no via */
  /* Legal bases in French, with no fallback mark. */
  ck_assert (g_str_has_prefix (string_of (framework, "legal_basis"), "décret"));
  ck_assert (!json_object_object_get_ex (framework, "legal_basis_lang", NULL));
  ck_assert_str_eq (activering_evaluation_get_condition_legal_basis (ev, 1, 2, "fr"), string_of (framework, "legal_basis"));
  ck_assert (!activering_evaluation_is_condition_legal_basis_fallback (ev, 1, 2));
  activering_evaluation_free (ev);
  json_object_put (root);

  /* Before the 2018 reform the IBO's regime is not encoded: undetermined, nothing listed, nothing asked. */
  root = result_of (rules, "2018-05-01", "\"region\": \"vlaanderen\"", "nl", NULL);
  json_object *ibo = measure_named (root, "ibo");
  ck_assert_str_eq (string_of (ibo, "outcome"), "undetermined");
  ck_assert_str_eq (string_of (ibo, "reason"), "regime_not_encoded");
  ck_assert_uint_eq (json_object_array_length (array_of (ibo, "conditions")), 0);
  ck_assert_uint_eq (json_object_array_length (array_of (ibo, "missing")), 0);
  json_object_put (root);
}
END_TEST

START_TEST (test_texts_quote_parameters_on_the_evaluation_date)
{
  /* ibo.max_weeks becomes 20 from 2030: the same dossier's text says 26 before and 20 after. */
  g_autofree char *text = test_read_file ("data/rules/be-vlaanderen.json", NULL);
  json_object *rules_json = json_tokener_parse (text);
  json_object *values = NULL;
  json_pointer_get (rules_json, "/parameters/ibo.max_weeks/values", &values);
  json_object_array_add (values, json_tokener_parse ("{\"from\": \"2030-01-01\", \"value\": 20}"));
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules =
      activering_rule_set_new_from_data (json_object_to_json_string (rules_json), -1, "later.json", &error);
  json_object_put (rules_json);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "");
  const char *members = "\"region\": \"vlaanderen\", \"proposals\": {\"ibo\": {\"weeks\": 30}}";
  for (int k = 0; k < 2; k++)
    {
      ActiveringEvaluation *ev = NULL;
      json_object *root = result_of (rules, k == 0 ? "2029-06-01" : "2030-06-01", members, "en", &ev);
      json_object *duration = json_object_array_get_idx (array_of (measure_named (root, "ibo"), "conditions"), 2);
      ck_assert_str_eq (string_of (duration, "id"), "ibo.duration");
      ck_assert_str_eq (string_of (duration, "state"), "false");
      const char *want = k == 0 ? "at least 4 and at most 26 weeks" : "at least 4 and at most 20 weeks";
      ck_assert_msg (strstr (string_of (duration, "text"), want) != NULL, "%s", string_of (duration, "text"));
      ck_assert_str_eq (activering_evaluation_get_condition_text (ev, 2, 2, "en"), string_of (duration, "text"));
      activering_evaluation_free (ev);
      json_object_put (root);
    }
}
END_TEST

START_TEST (test_legal_basis_fallback_is_marked)
{
  /* The suite's rule set gives its legal bases as plain strings, in its first language ("en"): every language reads
   * them, marked. */
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) ev = eval (rules, "\"a\": true");
  g_autoptr (GError) error = NULL;
  g_autofree char *fr = activering_evaluation_to_json (ev, "fr", ACTIVERING_JSON_DEFAULT, &error);
  json_object *root = json_tokener_parse (fr);
  json_object *logic = json_object_array_get_idx (array_of (root, "measures"), M_LOGIC);
  ck_assert_str_eq (string_of (logic, "legal_basis_lang"), "en");
  json_object *condition = json_object_array_get_idx (array_of (logic, "conditions"), 0);
  ck_assert_str_eq (string_of (condition, "legal_basis_lang"), "en");
  ck_assert (activering_evaluation_is_condition_legal_basis_fallback (ev, M_LOGIC, 0));
  ck_assert_str_eq (activering_evaluation_get_condition_legal_basis (ev, M_LOGIC, 0, "fr"),
                    activering_evaluation_get_condition_legal_basis (ev, M_LOGIC, 0, "nl"));
  ck_assert_ptr_null (activering_evaluation_get_condition_legal_basis (ev, M_LOGIC, 0, "de"));
  json_object_put (root);
  g_autofree char *en = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, &error);
  ck_assert_ptr_null (strstr (en, "legal_basis_lang")); /* no mark in the language it is written in */
}
END_TEST

START_TEST (test_obligation_met_late_and_undetermined_text)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  const char *base = "\"region\": \"vlaanderen\", \"person\": {\"birth_date\": \"1980-05-05\"}, "
                     "\"income\": {\"status\": \"leefloon\", \"since\": \"2025-01-02\", \"decision_date\": \"2025-01-09\"}, ";
  /* Signed three weeks after the deadline (2025-04-09): met, late (contract C12). */
  g_autofree char *late = g_strconcat (base, "\"gpmi\": {\"signed_on\": \"2025-05-01\", \"exemption\": \"none\"}", NULL);
  ActiveringEvaluation *ev = NULL;
  json_object *root = result_of (rules, "2025-06-01", late, "en", &ev);
  json_object *ob = json_object_array_get_idx (array_of (root, "obligations"), 0);
  ck_assert_str_eq (string_of (ob, "id"), "gpmi.deadline");
  ck_assert_str_eq (string_of (ob, "state"), "met");
  ck_assert_str_eq (string_of (ob, "met_on"), "2025-05-01");
  json_object *flag = NULL;
  ck_assert (json_object_object_get_ex (ob, "late", &flag) && json_object_get_boolean (flag));
  GDate met_on;
  ck_assert (activering_evaluation_get_obligation_met_on (ev, 0, &met_on));
  ck_assert_int_eq (g_date_get_day (&met_on), 1);
  ck_assert (activering_evaluation_is_obligation_late (ev, 0));
  activering_evaluation_free (ev);
  json_object_put (root);
  /* Signed in time: met, not late. */
  g_autofree char *in_time = g_strconcat (base, "\"gpmi\": {\"signed_on\": \"2025-03-01\", \"exemption\": \"none\"}", NULL);
  root = result_of (rules, "2025-06-01", in_time, "en", &ev);
  ob = json_object_array_get_idx (array_of (root, "obligations"), 0);
  ck_assert (json_object_object_get_ex (ob, "late", &flag) && !json_object_get_boolean (flag));
  ck_assert (!activering_evaluation_is_obligation_late (ev, 0));
  activering_evaluation_free (ev);
  json_object_put (root);
  /* Blank: undetermined, with the due date and the text for that state (contract C1, C11); no met_on. */
  g_autofree char *blank = g_strconcat (base, "\"gpmi\": {\"signed_on\": null, \"exemption\": \"none\"}", NULL);
  root = result_of (rules, "2025-03-01", blank, "en", &ev);
  ob = json_object_array_get_idx (array_of (root, "obligations"), 0);
  ck_assert_str_eq (string_of (ob, "state"), "undetermined");
  ck_assert_str_eq (string_of (ob, "due"), "2025-04-09");
  ck_assert (g_str_has_prefix (string_of (ob, "text"), "Due on the date given, unless the person is exempted"));
  ck_assert (!json_object_object_get_ex (ob, "met_on", NULL));
  ck_assert (!activering_evaluation_get_obligation_met_on (ev, 0, &met_on));
  ck_assert_str_eq (json_object_to_json_string (array_of (ob, "missing")),
                    "[ { \"fact\": \"gpmi.signed_on\", \"state\": \"blank\", \"asked_of\": \"ocmw.maatschappelijk_werker\" } ]");
  activering_evaluation_free (ev);
  json_object_put (root);
}
END_TEST

START_TEST (test_condition_facts_through_other_measures)
{
  /* A condition's "facts" include those read through other measures' outcomes (contract C8): depends.regional_ok is
   * {"measure": "regional"}, so it reads what regional reads (its region fact and "a"). */
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (ActiveringEvaluation) ev = eval (rules, "\"region\": \"north\", \"a\": true");
  g_autoptr (GError) error = NULL;
  g_autofree char *json = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, &error);
  json_object *root = json_tokener_parse (json);
  json_object *depends = json_object_array_get_idx (array_of (root, "measures"), M_DEPENDS);
  json_object *conditions = array_of (depends, "conditions");
  json_object *wrapped = json_object_array_get_idx (conditions, 1);
  ck_assert_str_eq (string_of (wrapped, "id"), "depends.regional_or_c");
  ck_assert_str_eq (json_object_to_json_string (array_of (wrapped, "facts")), "[ \"region\", \"a\", \"c\" ]");
  json_object *direct = json_object_array_get_idx (conditions, 0);
  ck_assert_str_eq (string_of (direct, "id"), "depends.regional_ok");
  ck_assert_str_eq (json_object_to_json_string (array_of (direct, "facts")), "[ \"region\", \"a\" ]");
  json_object_put (root);
}
END_TEST

START_TEST (test_to_json_unknown_language)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (
      rules, "{\"format\": \"activering.facts/1\", \"id\": \"x\", \"as_of\": \"2026-01-01\"}", -1, &error);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  ck_assert_ptr_null (activering_evaluation_to_json (ev, "de", ACTIVERING_JSON_DEFAULT, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "\"de\"", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_evaluation_to_json (ev, "", ACTIVERING_JSON_PRETTY, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, NULL);
  g_clear_error (&error);
  GString *out = g_string_new ("kept");
  ck_assert (!activering_evaluation_append_json (ev, "EN", ACTIVERING_JSON_DEFAULT, out, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, NULL);
  ck_assert_str_eq (out->str, "kept");
  g_string_free (out, TRUE);
  /* Getters for an unknown language give NULL. */
  ck_assert_ptr_null (activering_evaluation_get_condition_text (ev, 0, 0, "de"));
}
END_TEST

START_TEST (test_append_outcomes_json)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GPtrArray) lines = caseload_lines ();
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  g_autoptr (GError) error = NULL;
  GString *all = g_string_new (NULL);
  GString *one = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      ck_assert (activering_facts_parse (facts, lines->pdata[i], -1, &error));
      ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
      g_string_truncate (one, 0);
      activering_evaluation_append_outcomes_json (ev, one);
      ck_assert_ptr_null (strchr (one->str, '\n'));
      json_object *root = json_tokener_parse (one->str);
      ck_assert_msg (root != NULL, "not JSON: %s", one->str);
      ck_assert_str_eq (string_of (root, "format"), "activering.outcomes/1");
      ck_assert_str_eq (string_of (root, "id"), activering_facts_get_id (facts));
      ck_assert_str_eq (string_of (root, "as_of"), "2026-11-22");
      json_object *outcomes = member_of (root, "outcomes");
      ck_assert_int_eq (json_object_object_length (outcomes), (int) activering_rule_set_get_n_measures (rules));
      for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
        ck_assert_str_eq (string_of (outcomes, activering_rule_set_get_measure_code (rules, m)),
                          activering_outcome_to_string (activering_evaluation_get_outcome (ev, m)));
      json_object_put (root);
      /* Appending adds to what is there. */
      gsize before = all->len;
      activering_evaluation_append_outcomes_json (ev, all);
      ck_assert_str_eq (all->str + before, one->str);
      g_string_append_c (all, '\n');
    }
  g_auto (GStrv) split = g_strsplit (all->str, "\n", -1);
  ck_assert_uint_eq (g_strv_length (split), lines->len + 1);
  g_string_free (all, TRUE);
  g_string_free (one, TRUE);
}
END_TEST

/* ---- the evaluation date --------------------------------------------------------------------------------- */

static void
assert_gdate (const GDate *d, int year, int month, int day)
{
  ck_assert (g_date_valid (d));
  ck_assert_msg ((int) g_date_get_year (d) == year && (int) g_date_get_month (d) == month && (int) g_date_get_day (d) == day,
                 "expected %04d-%02d-%02d, got %04u-%02u-%02u", year, month, day, g_date_get_year (d),
                 g_date_get_month (d), g_date_get_day (d));
}

START_TEST (test_as_of)
{
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (GError) error = NULL;
  g_autofree char *json = doc ("2025-03-04", "\"n\": 15, \"region\": \"north\", \"a\": true");
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, json, -1, &error);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  GDate got;

  /* From the facts. */
  ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  activering_evaluation_get_as_of (ev, &got);
  assert_gdate (&got, 2025, 3, 4);
  assert_limit_date (ev, "today", "2025-03-04");
  assert_state (ev, M_LOGIC, "n_ge_threshold", ACTIVERING_TRUTH_FALSE);   /* 15 >= 20 in 2025 */

  /* Explicit: wins over the facts, and the answers follow it. */
  GDate when;
  g_date_clear (&when, 1);
  g_date_set_dmy (&when, 1, G_DATE_JUNE, 2024);
  ck_assert (activering_evaluation_run (ev, facts, &when, ACTIVERING_EVALUATE_DEFAULT, &error));
  activering_evaluation_get_as_of (ev, &got);
  assert_gdate (&got, 2024, 6, 1);
  assert_limit_date (ev, "today", "2024-06-01");
  assert_state (ev, M_LOGIC, "n_ge_threshold", ACTIVERING_TRUTH_TRUE);    /* 15 >= 10 in 2024 */
  g_date_set_dmy (&when, 31, G_DATE_DECEMBER, 2019);
  ck_assert (activering_evaluation_run (ev, facts, &when, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error));
  assert_outcome (ev, M_REGIONAL, ACTIVERING_OUTCOME_NOT_APPLICABLE);
  /* Back to the facts' date with NULL. */
  ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  activering_evaluation_get_as_of (ev, &got);
  assert_gdate (&got, 2025, 3, 4);
  assert_state (ev, M_LOGIC, "n_ge_threshold", ACTIVERING_TRUTH_FALSE);

  /* An invalid date: a usage error. */
  GDate invalid;
  g_date_clear (&invalid, 1);
  ck_assert (!activering_evaluation_run (ev, facts, &invalid, ACTIVERING_EVALUATE_DEFAULT, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, NULL);
  g_clear_error (&error);
  ck_assert (!activering_evaluation_run (ev, facts, &invalid, ACTIVERING_EVALUATE_DEFAULT, NULL));

  /* No as_of in the facts: today. */
  g_autoptr (ActiveringFacts) undated =
      activering_facts_new_from_data (rules, "{\"format\": \"activering.facts/1\", \"id\": \"u\"}", -1, &error);
  ck_assert_ptr_nonnull (undated);
  GDate before, after;
  g_date_clear (&before, 1);
  g_date_clear (&after, 1);
  g_date_set_time_t (&before, time (NULL));
  ck_assert (activering_evaluation_run (ev, undated, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  g_date_set_time_t (&after, time (NULL));
  activering_evaluation_get_as_of (ev, &got);
  ck_assert_msg (g_date_compare (&got, &before) == 0 || g_date_compare (&got, &after) == 0, "as_of is not today");
  ck_assert_str_eq (activering_evaluation_get_id (ev), "u");
}
END_TEST

START_TEST (test_as_of_beyond_calendar)
{
  /* GDate goes up to year 65535, dates in the documents only to 9999. An explicit as_of past 9999 must either be
   * refused as a bad date (ACTIVERING_ERROR_USAGE) or be evaluated and reported as that date, never as another
   * one. */
  g_autoptr (ActiveringRuleSet) rules = logic_rules ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (
      rules, "{\"format\": \"activering.facts/1\", \"id\": \"far\", \"as_of\": \"2024-06-15\"}", -1, &error);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  GDate when;
  g_date_clear (&when, 1);
  g_date_set_dmy (&when, 1, G_DATE_JANUARY, 12000);
  ck_assert (g_date_valid (&when));
  if (!activering_evaluation_run (ev, facts, &when, ACTIVERING_EVALUATE_DEFAULT, &error))
    {
      test_assert_error (error, ACTIVERING_ERROR_USAGE, NULL);
      return;
    }
  GDate got;
  activering_evaluation_get_as_of (ev, &got);
  assert_gdate (&got, 12000, 1, 1);
  GString *out = g_string_new (NULL);
  activering_evaluation_append_outcomes_json (ev, out);
  ck_assert_msg (strstr (out->str, "\"as_of\":\"2000-01-01\"") == NULL, "evaluated on 12000-01-01, reported as: %s",
                 out->str);
  g_string_free (out, TRUE);
}
END_TEST

/* ---- threads --------------------------------------------------------------------------------------------- */

#define N_THREADS 8
#define N_ROUNDS 200

typedef struct {
  ActiveringRuleSet *rules;
  GPtrArray *lines;
  GPtrArray *expected;   /* the compact outcome string per line */
  GPtrArray *expected_json;
  gint mismatches;
  gint failures;
  gint evaluated;
} SharedWork;

static gpointer
evaluate_caseload (gpointer data)
{
  SharedWork *work = data;
  ActiveringFacts *facts = activering_facts_new (work->rules);
  ActiveringEvaluation *ev = activering_evaluation_new (work->rules);
  GString *out = g_string_new (NULL);
  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; i < work->lines->len; i++)
      {
        if (!activering_facts_parse (facts, work->lines->pdata[i], -1, NULL)
            || !activering_evaluation_run (ev, facts, NULL,
                                           round % 2 ? ACTIVERING_EVALUATE_OUTCOMES_ONLY : ACTIVERING_EVALUATE_DEFAULT,
                                           NULL))
          {
            g_atomic_int_inc (&work->failures);
            continue;
          }
        g_atomic_int_inc (&work->evaluated);
        g_string_truncate (out, 0);
        activering_evaluation_append_outcomes_json (ev, out);
        if (strcmp (out->str, work->expected->pdata[i]) != 0)
          g_atomic_int_inc (&work->mismatches);
        if (round == 0)
          {
            char *json = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, NULL);
            if (json == NULL || strcmp (json, work->expected_json->pdata[i]) != 0)
              g_atomic_int_inc (&work->mismatches);
            g_free (json);
          }
      }
  g_string_free (out, TRUE);
  activering_evaluation_free (ev);
  activering_facts_free (facts);
  return NULL;
}

START_TEST (test_threads_share_rule_set)
{
  SharedWork work = { 0 };
  work.rules = test_default_rules ();
  work.lines = caseload_lines ();
  work.expected = g_ptr_array_new_with_free_func (g_free);
  work.expected_json = g_ptr_array_new_with_free_func (g_free);
  /* Single-threaded first. */
  g_autoptr (ActiveringFacts) facts = activering_facts_new (work.rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (work.rules);
  for (guint i = 0; i < work.lines->len; i++)
    {
      ck_assert (activering_facts_parse (facts, work.lines->pdata[i], -1, NULL));
      ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, NULL));
      GString *out = g_string_new (NULL);
      activering_evaluation_append_outcomes_json (ev, out);
      g_ptr_array_add (work.expected, g_string_free (out, FALSE));
      g_ptr_array_add (work.expected_json, activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, NULL));
    }
  GThread *threads[N_THREADS];
  for (int t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("evaluate", evaluate_caseload, &work);
  for (int t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);
  ck_assert_int_eq (work.failures, 0);
  ck_assert_int_eq (work.evaluated, N_THREADS * N_ROUNDS * (int) work.lines->len);
  ck_assert_msg (work.mismatches == 0, "%d answers differ from the single-threaded run", work.mismatches);
  g_ptr_array_free (work.lines, TRUE);
  g_ptr_array_free (work.expected, TRUE);
  g_ptr_array_free (work.expected_json, TRUE);
  activering_rule_set_unref (work.rules);
}
END_TEST

typedef struct {
  ActiveringRuleSet *rules;  /* each thread owns one reference and drops it at the end */
  const char *line;
  char *expected;
  gint mismatches;
} RefWork;

static gpointer
ref_unref_many (gpointer data)
{
  RefWork *work = data;
  for (int i = 0; i < 20000; i++)
    {
      ActiveringRuleSet *extra = activering_rule_set_ref (work->rules);
      if (i % 1000 == 0)
        {
          /* Facts and evaluations take references of their own. */
          ActiveringFacts *facts = activering_facts_new_from_data (extra, work->line, -1, NULL);
          ActiveringEvaluation *ev = activering_evaluation_new (extra);
          GString *out = g_string_new (NULL);
          if (facts == NULL || !activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, NULL))
            g_atomic_int_inc (&work->mismatches);
          else
            {
              activering_evaluation_append_outcomes_json (ev, out);
              if (strcmp (out->str, work->expected) != 0)
                g_atomic_int_inc (&work->mismatches);
            }
          g_string_free (out, TRUE);
          activering_evaluation_free (ev);
          activering_facts_free (facts);
        }
      if (strcmp (activering_rule_set_get_id (extra), "be-vlaanderen") != 0)
        g_atomic_int_inc (&work->mismatches);
      activering_rule_set_unref (extra);
    }
  activering_rule_set_unref (work->rules);
  return NULL;
}

START_TEST (test_threads_ref_unref)
{
  g_autoptr (GPtrArray) lines = caseload_lines ();
  RefWork work = { 0 };
  work.rules = test_default_rules ();
  work.line = lines->pdata[0];
  {
    g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (work.rules, work.line, -1, NULL);
    g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (work.rules);
    ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, NULL));
    GString *out = g_string_new (NULL);
    activering_evaluation_append_outcomes_json (ev, out);
    work.expected = g_string_free (out, FALSE);
  }
  /* Phase 1: the main thread keeps its reference while the others churn. */
  GThread *threads[N_THREADS];
  for (int t = 0; t < N_THREADS; t++)
    {
      activering_rule_set_ref (work.rules);   /* the thread's own, dropped when it ends */
      threads[t] = g_thread_new ("ref", ref_unref_many, &work);
    }
  for (int t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);
  ck_assert_int_eq (work.mismatches, 0);
  ck_assert_str_eq (activering_rule_set_get_id (work.rules), "be-vlaanderen");
  /* Phase 2: the main thread lets go first; the last thread to finish frees the rule set. */
  for (int t = 0; t < N_THREADS; t++)
    activering_rule_set_ref (work.rules);
  activering_rule_set_unref (work.rules);
  for (int t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("ref", ref_unref_many, &work);
  for (int t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);
  ck_assert_int_eq (work.mismatches, 0);
  g_free (work.expected);
}
END_TEST

/* ---- suite ----------------------------------------------------------------------------------------------- */

/* Row @row of a batch's outcome and missing-fact matrices holds what the single evaluation @ev found. */
static void
assert_row_matches (const ActiveringRuleSet *rules, const ActiveringEvaluation *ev, const guint8 *outcomes,
                    const guint8 *missing, guint row)
{
  guint n_measures = activering_rule_set_get_n_measures (rules), n_facts = activering_rule_set_get_n_facts (rules);
  for (guint m = 0; m < n_measures; m++)
    ck_assert_uint_eq (outcomes[row * n_measures + m], activering_evaluation_get_outcome (ev, m));
  for (guint f = 0; f < n_facts; f++)
    {
      gboolean expected = FALSE;
      for (guint m = 0; m < n_measures; m++)
        for (guint k = 0; k < activering_evaluation_get_n_missing (ev, m); k++)
          expected |= strcmp (activering_evaluation_get_missing_fact (ev, m, k),
                              activering_rule_set_get_fact_path (rules, f)) == 0;
      ck_assert_uint_eq (missing[row * n_facts + f], expected);
    }
}

/* The options of a batch call, field by field, in the order of ActiveringBatchOptions. */
#define BATCH_OPTIONS(as_of, lang, flags, out, outcomes, missing, max_rows)                                            \
  (&(ActiveringBatchOptions){ ACTIVERING_BATCH_OPTIONS_VERSION, (as_of), (lang), (flags), (out), (outcomes),           \
                              (missing), (max_rows) })

START_TEST (test_batch_options)
{
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (NULL);
  g_autoptr (GError) error = NULL;
  /* the initialiser and the function agree: the version, every other field zero */
  ActiveringBatchOptions from_macro = ACTIVERING_BATCH_OPTIONS_INIT, from_function;
  memset (&from_function, 0xa5, sizeof from_function);
  ck_assert (activering_batch_options_init (&from_function, ACTIVERING_BATCH_OPTIONS_VERSION, &error));
  ck_assert_uint_eq (from_function.version, ACTIVERING_BATCH_OPTIONS_VERSION);
  ck_assert (from_function.as_of == from_macro.as_of && from_function.lang == NULL && from_function.flags == 0);
  ck_assert (from_function.out == NULL && from_function.outcomes == NULL && from_function.missing == NULL);
  ck_assert_uint_eq (from_function.max_rows, 0);
  /* a version this library does not know is refused, by the initialiser and by both calls */
  static const guint unknown[] = { 0, ACTIVERING_BATCH_OPTIONS_VERSION + 1, G_MAXUINT };
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      ActiveringBatchOptions options = ACTIVERING_BATCH_OPTIONS_INIT;
      ck_assert (!activering_batch_options_init (&options, unknown[i], &error));
      test_assert_error (error, ACTIVERING_ERROR_USAGE, "batch options: version", NULL);
      ck_assert_uint_eq (options.version, ACTIVERING_BATCH_OPTIONS_VERSION); /* untouched */
      g_clear_error (&error);
      options.version = unknown[i];
      guint rows = 7, bad = 7;
      ck_assert (!activering_evaluate_lines (rules, "", 0, &options, &rows, &bad, &error));
      test_assert_error (error, ACTIVERING_ERROR_USAGE, "is not one this library knows", NULL);
      ck_assert_uint_eq (rows, 0);
      ck_assert_uint_eq (bad, 0);
      g_clear_error (&error);
      ck_assert (!activering_evaluate_columns (rules, 0, NULL, 0, &options, &bad, &error));
      test_assert_error (error, ACTIVERING_ERROR_USAGE, "is not one this library knows", NULL);
      g_clear_error (&error);
    }
  /* NULL options: the defaults (checked and counted, nothing written) */
  guint rows = 0, bad = 0;
  const char *two = "{\"format\": \"activering.facts/1\", \"id\": \"a\"}\n{\"id\": \"b\"}\n";
  ck_assert (activering_evaluate_lines (rules, two, strlen (two), NULL, &rows, &bad, &error));
  ck_assert_uint_eq (rows, 2);
  ck_assert_uint_eq (bad, 1);
}
END_TEST

START_TEST (test_evaluate_lines)
{
  /* One call for a batch: outcomes and missing facts in matrices, a document per line, bad lines reported in
   * place, and the same answers as one evaluation per dossier. */
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  gsize length;
  g_autofree char *caseload = test_read_file ("examples/caseload.jsonl", &length);
  GString *batch = g_string_new (NULL);
  g_string_append (batch, "\n");
  const char *p = caseload;
  for (guint i = 0; i < 3; i++)
    {
      const char *eol = strchr (p, '\n');
      g_string_append_len (batch, p, eol - p + 1);
      p = eol + 1;
    }
  g_string_append (batch, "{\"format\": \"activering.facts/1\", \"id\": \"bad\", \"regio\": \"vlaanderen\"}\n  \r\n");
  g_string_append (batch, p); /* the rest, final line without a newline or not */
  guint n_measures = activering_rule_set_get_n_measures (rules), n_facts = activering_rule_set_get_n_facts (rules);
  guint max = 64;
  g_autofree guint8 *outcomes = g_new0 (guint8, max * n_measures);
  g_autofree guint8 *missing = g_new0 (guint8, max * n_facts);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  guint rows = 0, bad = 0;
  ck_assert (activering_evaluate_lines (
      rules, batch->str, batch->len, BATCH_OPTIONS (NULL, "en", ACTIVERING_LINES_COMPACT, out, outcomes, missing, max),
      &rows, &bad, &error));
  ck_assert_uint_eq (bad, 1);
  g_auto (GStrv) documents = g_strsplit (out->str, "\n", -1);
  ck_assert_uint_eq (g_strv_length (documents), rows + 1); /* one line per row, each ending in a newline */
  ck_assert_str_eq (documents[3], "{\"format\":\"activering.error/1\",\"line\":5,\"code\":\"unknown_key\","
                                  "\"message\":\"facts: /regio: unknown key \\\"regio\\\" (did you mean \\\"region\\\"?)\","
                                  "\"path\":\"/regio\"}");
  for (guint m = 0; m < n_measures; m++)
    ck_assert_uint_eq (outcomes[3 * n_measures + m], ACTIVERING_LINES_ERROR);
  /* every other row as a single evaluation gives it */
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  g_auto (GStrv) lines = g_strsplit (batch->str, "\n", -1);
  guint row = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (row != 3)
        {
          ck_assert (activering_facts_parse (facts, lines[i], -1, NULL));
          ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, NULL));
          assert_row_matches (rules, ev, outcomes, missing, row);
          g_autoptr (GString) one = g_string_new (NULL);
          activering_evaluation_append_outcomes_json (ev, one);
          ck_assert_str_eq (documents[row], one->str);
        }
      row++;
    }
  ck_assert_uint_eq (row, rows);

  /* full documents; errors only; no outputs at all */
  g_string_truncate (out, 0);
  ck_assert (activering_evaluate_lines (rules, batch->str, batch->len,
                                        BATCH_OPTIONS (NULL, "fr", 0, out, NULL, NULL, 0), &rows, &bad, &error));
  g_auto (GStrv) results = g_strsplit (out->str, "\n", -1);
  guint n_results = 0;
  for (guint i = 0; results[i] != NULL && *results[i]; i++)
    n_results += g_str_has_prefix (results[i], "{\"format\":\"activering.result/1\"");
  ck_assert_uint_eq (n_results, rows - 1);
  ck_assert (g_str_has_prefix (results[3], "{\"format\":\"activering.error/1\",\"line\":5,"));
  g_string_truncate (out, 0);
  ck_assert (activering_evaluate_lines (
      rules, batch->str, batch->len, BATCH_OPTIONS (NULL, NULL, ACTIVERING_LINES_ERRORS_ONLY, out, outcomes, NULL, max),
      &rows, &bad, &error));
  ck_assert_uint_eq (bad, 1);
  ck_assert (g_str_has_prefix (out->str, "{\"format\":\"activering.error/1\""));
  ck_assert (strchr (out->str, '\n') == out->str + out->len - 1); /* that one line only */
  /* ids and dates for bindings that read the outcomes from the matrix */
  g_string_truncate (out, 0);
  ck_assert (activering_evaluate_lines (rules, batch->str, batch->len,
                                        BATCH_OPTIONS (NULL, NULL, ACTIVERING_LINES_IDS, out, outcomes, NULL, max),
                                        &rows, &bad, &error));
  g_auto (GStrv) id_lines = g_strsplit (out->str, "\n", -1);
  ck_assert_uint_eq (g_strv_length (id_lines), rows + 1);
  ck_assert_str_eq (id_lines[0], "voorbeeld-01\t2026-11-22");
  ck_assert (g_str_has_prefix (id_lines[3], "{\"format\":\"activering.error/1\",\"line\":5,"));
  ck_assert (activering_evaluate_lines (rules, "", 0, NULL, &rows, &bad, &error));
  ck_assert_uint_eq (rows, 0);

  /* the same batch as one JSON array: the same outcomes and missing facts, errors numbered by position */
  GString *array = g_string_new ("[");
  for (guint i = 0, n = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_string_append_printf (array, "%s\n %s", n++ ? "," : "", lines[i]);
  g_string_append (array, "]\n");
  g_autofree guint8 *array_outcomes = g_new0 (guint8, max * n_measures);
  g_autofree guint8 *array_missing = g_new0 (guint8, max * n_facts);
  g_string_truncate (out, 0);
  guint array_rows = 0;
  ck_assert (
      activering_evaluate_lines (rules, array->str, array->len,
                                 BATCH_OPTIONS (NULL, NULL, ACTIVERING_LINES_ARRAY | ACTIVERING_LINES_ERRORS_ONLY, out,
                                                array_outcomes, array_missing, max),
                                 &array_rows, &bad, &error));
  ck_assert_uint_eq (array_rows, row);
  ck_assert_uint_eq (bad, 1);
  ck_assert (memcmp (array_outcomes, outcomes, row * n_measures) == 0);
  ck_assert (memcmp (array_missing, missing, row * n_facts) == 0);
  ck_assert (g_str_has_prefix (out->str, "{\"format\":\"activering.error/1\",\"line\":4,"));
  ck_assert (activering_evaluate_lines (rules, " [ ] ", 5,
                                        BATCH_OPTIONS (NULL, NULL, ACTIVERING_LINES_ARRAY, NULL, NULL, NULL, 0),
                                        &array_rows, NULL, &error));
  ck_assert_uint_eq (array_rows, 0);
  /* a malformed array: the documents before the fault are evaluated, then the error says where */
  static const struct { const char *text; int code; const char *message; } broken[] = {
    { "{\"id\": \"a\"}", ACTIVERING_ERROR_TYPE, "batch: /: expected an array of facts documents" },
    { "[{\"format\": \"activering.facts/1\", \"id\": \"a\"}, {\"id\": ", ACTIVERING_ERROR_SYNTAX, "batch: /1" },
    { "[{\"format\": \"activering.facts/1\", \"id\": \"a\"} {}]", ACTIVERING_ERROR_SYNTAX, "batch: /1" },
    { "[] []", ACTIVERING_ERROR_SYNTAX, "batch: /: unexpected data after the array at byte 3" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      ck_assert (!activering_evaluate_lines (
          rules, broken[i].text, strlen (broken[i].text),
          BATCH_OPTIONS (NULL, NULL, ACTIVERING_LINES_ARRAY, NULL, outcomes, NULL, max), &array_rows, NULL, &error));
      test_assert_error (error, broken[i].code, broken[i].message, NULL);
      g_clear_error (&error);
    }
  ck_assert_uint_eq (array_rows, 0);
  g_string_free (array, TRUE);

  /* usage errors */
  ck_assert (!activering_evaluate_lines (rules, batch->str, batch->len,
                                         BATCH_OPTIONS (NULL, "de", 0, out, NULL, NULL, 0), NULL, NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "the rule set has no texts in", NULL);
  g_clear_error (&error);
  ck_assert (!activering_evaluate_lines (rules, batch->str, batch->len,
                                         BATCH_OPTIONS (NULL, NULL, 0, NULL, outcomes, NULL, 2), NULL, NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "more than the 2 lines its outputs have room for", NULL);
  g_clear_error (&error);
  GDate bad_date;
  g_date_clear (&bad_date, 1);
  ck_assert (!activering_evaluate_lines (rules, batch->str, batch->len,
                                         BATCH_OPTIONS (&bad_date, NULL, 0, NULL, NULL, NULL, 0), NULL, NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "not a valid date", NULL);
  g_string_free (batch, TRUE);
}
END_TEST

START_TEST (test_evaluate_columns)
{
  /* A table from typed columns answers as the same dossiers as facts documents, and says what is wrong with a
   * bad cell in the facts parser's words. */
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  guint n_measures = activering_rule_set_get_n_measures (rules), n_facts = activering_rule_set_get_n_facts (rules);
  enum { ROWS = 4 };
  static const char ids_text[] = "d-0d-1d-2d-3";
  static const gint64 id_offsets[ROWS + 1] = { 0, 3, 6, 9, 12 };
  static const char *const status_codes[] = { "leefloon", "none", "leeflon" };
  static const gint32 status[ROWS] = { 0, 1, -1, 2 }; /* row 2 blank, row 3 a typo */
  static const double registered[ROWS] = { 1, 0, NAN, 1 };
  static const double capacity[ROWS] = { 0.5, 1, NAN, 0.5 };
  gint64 birth[ROWS] = { 7305, 7305, G_MININT64, 7305 }; /* 1990-01-01 */
  static const char barriers_text[] = "[\"language\"][]";
  static const gint64 barrier_offsets[ROWS + 1] = { 0, 12, 14, 14, 14 };
  const ActiveringColumn columns[] = {
    { "id", ACTIVERING_COLUMN_TEXTS, id_offsets, ids_text, NULL, 0 },
    { "income.status", ACTIVERING_COLUMN_CODES, status, NULL, status_codes, 3 },
    { "vdab.registered", ACTIVERING_COLUMN_NUMBERS, registered, NULL, NULL, 0 },
    { "work_capacity", ACTIVERING_COLUMN_NUMBERS, capacity, NULL, NULL, 0 },
    { "person.birth_date", ACTIVERING_COLUMN_DAYS, birth, NULL, NULL, 0 },
    { "barriers", ACTIVERING_COLUMN_TEXTS, barrier_offsets, barriers_text, NULL, 0 },
  };
  static const char *const documents[] = {
    "{\"format\":\"activering.facts/1\",\"id\":\"d-0\",\"income\":{\"status\":\"leefloon\"},\"vdab\":{\"registered\":true},"
    "\"work_capacity\":0.5,\"person\":{\"birth_date\":\"1990-01-01\"},\"barriers\":[\"language\"]}",
    "{\"format\":\"activering.facts/1\",\"id\":\"d-1\",\"income\":{\"status\":\"none\"},\"vdab\":{\"registered\":false},"
    "\"work_capacity\":1,\"person\":{\"birth_date\":\"1990-01-01\"},\"barriers\":[]}",
    "{\"format\":\"activering.facts/1\",\"id\":\"d-2\",\"income\":{\"status\":null},\"vdab\":{\"registered\":null},"
    "\"work_capacity\":null,\"person\":{\"birth_date\":null}}",
  };
  GDate as_of;
  g_date_set_dmy (&as_of, 22, 11, 2026);
  guint8 outcomes[ROWS * 16], missing[ROWS * 128];
  ck_assert_uint_le (n_measures, 16);
  ck_assert_uint_le (n_facts, 128);
  g_autoptr (GString) errors = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  guint bad = 0;
  ck_assert (activering_evaluate_columns (rules, ROWS, columns, G_N_ELEMENTS (columns),
                                          BATCH_OPTIONS (&as_of, NULL, 0, errors, outcomes, missing, 0), &bad, &error));
  ck_assert_uint_eq (bad, 1);
  ck_assert_str_eq (errors->str, "{\"format\":\"activering.error/1\",\"line\":4,\"code\":\"invalid_value\",\"message\":"
                                 "\"facts: /income.status: \\\"leeflon\\\" is not one of: leefloon, equivalent_leefloon, "
                                 "werkloosheidsuitkering, inschakelingsuitkering, ziekte_invaliditeit, none (did you "
                                 "mean \\\"leefloon\\\"?)\",\"path\":\"/income.status\"}\n");
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  for (guint r = 0; r < 3; r++)
    {
      ck_assert (activering_facts_parse (facts, documents[r], -1, NULL));
      ck_assert (activering_evaluation_run (ev, facts, &as_of, ACTIVERING_EVALUATE_DEFAULT, NULL));
      assert_row_matches (rules, ev, outcomes, missing, r);
    }
  for (guint m = 0; m < n_measures; m++)
    ck_assert_uint_eq (outcomes[3 * n_measures + m], ACTIVERING_LINES_ERROR);

  /* each bad cell, with the words of a facts document */
  static const struct { const char *name; ActiveringColumnKind kind; double number; gint64 days; const char *text;
                        int code; const char *message; } cells[] = {
    { "vdab.registered", ACTIVERING_COLUMN_NUMBERS, 2, 0, NULL, ACTIVERING_ERROR_TYPE, "facts: /vdab.registered: expected true or false" },
    { "work_capacity", ACTIVERING_COLUMN_NUMBERS, 1.5, 0, NULL, ACTIVERING_ERROR_OUT_OF_RANGE, "facts: /work_capacity: 1.5 is out of range" },
    { "work_capacity", ACTIVERING_COLUMN_NUMBERS, INFINITY, 0, NULL, ACTIVERING_ERROR_OUT_OF_RANGE, "facts: /work_capacity: the number is too large" },
    { "proposals.ibo.weeks", ACTIVERING_COLUMN_NUMBERS, 12.5, 0, NULL, ACTIVERING_ERROR_TYPE, "facts: /proposals.ibo.weeks: expected a whole number, found 12.5" },
    { "person.birth_date", ACTIVERING_COLUMN_DAYS, 0, 9999999, NULL, ACTIVERING_ERROR_INVALID_VALUE, "facts: /person.birth_date: the date is outside the years 1 to 9999" },
    { "barriers", ACTIVERING_COLUMN_TEXTS, 0, 0, "[\"languag\"]", ACTIVERING_ERROR_INVALID_VALUE, "facts: /barriers" },
    { "barriers", ACTIVERING_COLUMN_TEXTS, 0, 0, "[] x", ACTIVERING_ERROR_SYNTAX, "facts: /barriers: malformed JSON: unexpected data after the value" },
    { "id", ACTIVERING_COLUMN_TEXTS, 0, 0, "a\tb", ACTIVERING_ERROR_INVALID_VALUE, "facts: /id: the dossier id contains a control character" },
    { "as_of", ACTIVERING_COLUMN_TEXTS, 0, 0, "22/11/2026", ACTIVERING_ERROR_INVALID_VALUE, "facts: /as_of: expected a date YYYY-MM-DD" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      gint64 offsets[2] = { 0, cells[i].text ? (gint64) strlen (cells[i].text) : 0 };
      const void *values = cells[i].kind == ACTIVERING_COLUMN_NUMBERS ? (const void *) &cells[i].number
                           : cells[i].kind == ACTIVERING_COLUMN_DAYS  ? (const void *) &cells[i].days
                                                                      : (const void *) offsets;
      ActiveringColumn one = { cells[i].name, cells[i].kind, values, cells[i].text, NULL, 0 };
      g_string_truncate (errors, 0);
      ck_assert (activering_evaluate_columns (
          rules, 1, &one, 1, BATCH_OPTIONS (&as_of, NULL, 0, errors, outcomes, NULL, 0), &bad, &error));
      ck_assert_uint_eq (bad, 1);
      ck_assert_msg (strstr (errors->str, cells[i].message) != NULL, "cell %u: %s", i, errors->str);
      ck_assert_msg (strstr (errors->str, activering_error_code_to_string (cells[i].code)) != NULL, "cell %u: %s", i,
                     errors->str);
    }

  /* a bad column is the caller's error, not a row's */
  static const gint32 past[1] = { 5 };
  static const gint64 backwards[2] = { 4, 1 };
  static const struct { ActiveringColumn column; const char *message; } wrong[] = {
    { { "income.statu", ACTIVERING_COLUMN_CODES, status, NULL, status_codes, 3 }, "column \"income.statu\" is not a fact" },
    { { "income.status", ACTIVERING_COLUMN_NUMBERS, registered, NULL, NULL, 0 }, "this kind of column cannot hold" },
    { { "id", ACTIVERING_COLUMN_NUMBERS, registered, NULL, NULL, 0 }, "the \"id\" column holds texts" },
    { { "as_of", ACTIVERING_COLUMN_CODES, status, NULL, status_codes, 3 }, "the \"as_of\" column holds days or texts" },
    { { "barriers", ACTIVERING_COLUMN_TEXTS, barrier_offsets, NULL, NULL, 0 }, "column 0 is incomplete" },
    { { NULL, ACTIVERING_COLUMN_NUMBERS, registered, NULL, NULL, 0 }, "column 0 is incomplete" },
    { { "income.status", ACTIVERING_COLUMN_CODES, past, NULL, status_codes, 3 }, "code index 5 is past the column's 3 codes" },
    { { "barriers", ACTIVERING_COLUMN_TEXTS, backwards, "[]", NULL, 0 }, "offsets are not increasing" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      ck_assert (!activering_evaluate_columns (rules, 1, &wrong[i].column, 1,
                                               BATCH_OPTIONS (&as_of, NULL, 0, NULL, outcomes, NULL, 0), NULL, &error));
      test_assert_error (error, ACTIVERING_ERROR_USAGE, wrong[i].message, NULL);
      g_clear_error (&error);
    }
  GDate invalid;
  g_date_clear (&invalid, 1);
  ck_assert (!activering_evaluate_columns (rules, ROWS, columns, G_N_ELEMENTS (columns),
                                           BATCH_OPTIONS (&invalid, NULL, 0, NULL, NULL, NULL, 0), NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "not a valid date", NULL);
  g_clear_error (&error);
  ck_assert (activering_evaluate_columns (rules, 0, NULL, 0, NULL, &bad, &error));
  ck_assert_uint_eq (bad, 0);
}
END_TEST

static Suite *
evaluation_suite (void)
{
  Suite *s = suite_create ("evaluation");
  TCase *tc = tcase_create ("logic");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_all_kleene);
  tcase_add_test (tc, test_any_kleene);
  tcase_add_test (tc, test_not_and_known);
  tcase_add_test (tc, test_comparisons_unknown_in_unknown_out);
  tcase_add_test (tc, test_if);
  tcase_add_test (tc, test_min_max);
  tcase_add_test (tc, test_arithmetic);
  tcase_add_test (tc, test_integer_overflow_is_unknown);
  tcase_add_test (tc, test_date_arithmetic);
  tcase_add_test (tc, test_count_runs_and_latest_start);
  tcase_add_test (tc, test_parameters_by_date);
  suite_add_tcase (s, tc);

  tc = tcase_create ("outcomes");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_outcomes_from_conditions);
  tcase_add_test (tc, test_not_applicable_by_region);
  tcase_add_test (tc, test_not_applicable_by_date);
  tcase_add_test (tc, test_unknown_region_undetermined);
  tcase_add_test (tc, test_before_first_run);
  tcase_add_test (tc, test_unknown_region_with_false_condition);
  tcase_add_test (tc, test_measure_reference);
  tcase_add_test (tc, test_missing_only_under_unknown_parts);
  tcase_add_test (tc, test_condition_getters);
  tcase_add_test (tc, test_limits_only_when_known);
  tcase_add_test (tc, test_obligations);
  tcase_add_test (tc, test_as_of);
  tcase_add_test (tc, test_as_of_beyond_calendar);
  suite_add_tcase (s, tc);

  tc = tcase_create ("caseload");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_reuse_gives_same_answers);
  tcase_add_test (tc, test_reuse_logic_rule_set);
  tcase_add_test (tc, test_outcomes_only_same_outcomes);
  tcase_add_test (tc, test_to_json);
  tcase_add_test (tc, test_to_json_missing_facts);
  tcase_add_test (tc, test_condition_facts_through_other_measures);
  tcase_add_test (tc, test_menu_result_members);
  tcase_add_test (tc, test_texts_quote_parameters_on_the_evaluation_date);
  tcase_add_test (tc, test_legal_basis_fallback_is_marked);
  tcase_add_test (tc, test_obligation_met_late_and_undetermined_text);
  tcase_add_test (tc, test_to_json_unknown_language);
  tcase_add_test (tc, test_append_outcomes_json);
  tcase_add_test (tc, test_batch_options);
  tcase_add_test (tc, test_evaluate_lines);
  tcase_add_test (tc, test_evaluate_columns);
  suite_add_tcase (s, tc);

  tc = tcase_create ("threads");
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_threads_share_rule_set);
  tcase_add_test (tc, test_threads_ref_unref);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  /* A failed precondition or a refcount gone below zero inside the library fails the test. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return test_run_suite (evaluation_suite ());
}
