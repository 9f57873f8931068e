/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
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

#define CASES_DIR "tests/cases"
#define REPORT_LANG "en"

/* ---- the case files of tests/cases, through the library's runner (activering-cases.h) ---- */

static GPtrArray *files;     /* ActiveringCaseFile */
static GPtrArray *all_cases; /* CaseRef, every case of every file */
static GString *load_errors; /* one paragraph per bad case file */

typedef struct
{
  const ActiveringCaseFile *file;
  guint index;
} CaseRef;

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
      g_autoptr (GError) problem = NULL;
      ActiveringCaseFile *file = NULL;
      if (!g_file_get_contents (path, &text, &length, &problem)
          || (file = activering_case_file_new_from_data (NULL, text, (gssize) length, shown, dir, &problem)) == NULL)
        {
          g_string_append_printf (load_errors, "%s\n", problem->message);
          continue;
        }
      g_ptr_array_add (files, file);
      for (guint k = 0; k < activering_case_file_get_n_cases (file); k++)
        {
          CaseRef *ref = g_new (CaseRef, 1);
          *ref = (CaseRef){ file, k };
          g_ptr_array_add (all_cases, ref);
        }
    }
  if (names->len == 0)
    g_string_append_printf (load_errors, "%s: no case files (*.json)\n", CASES_DIR);
}

/* What came out for one measure: outcome, every condition with its state and text, the missing facts. */
static void
describe_measure (GString *out, const ActiveringEvaluation *ev, guint measure)
{
  activering_evaluation_append_measure_text (ev, measure, REPORT_LANG, "    ", out);
}

static void
case_heading (GString *out, const CaseRef *c)
{
  g_string_append_printf (out, "%s: case \"%s\":\n", activering_case_file_get_name (c->file),
                          activering_case_file_get_case_name (c->file, c->index));
}

static ActiveringRuleSet *
rules_of (const CaseRef *c)
{
  return activering_case_file_get_rule_set (c->file);
}

/* The case's facts, evaluated with @flags into @ev; FALSE if it has none or they do not evaluate. */
static gboolean
evaluate_case (const CaseRef *c, ActiveringFacts *facts, ActiveringEvaluation *ev, ActiveringEvaluateFlags flags)
{
  const char *json = activering_case_file_get_case_facts (c->file, c->index);
  GDate as_of;
  gboolean has_as_of = activering_case_file_get_case_as_of (c->file, c->index, &as_of);
  return json != NULL && activering_facts_parse (facts, json, -1, NULL)
         && activering_evaluation_run (ev, facts, has_as_of ? &as_of : NULL, flags, NULL);
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
  const CaseRef *c = all_cases->pdata[_i];
  g_autoptr (GString) report = g_string_new (NULL);
  if (!activering_case_file_run_case (c->file, c->index, NULL, report))
    ck_abort_msg ("%s", report->str);
}
END_TEST

/* Runs every case and calls @check on each measure of each; @check appends to @out what is wrong. */
static void
for_each_outcome (void (*check) (GString *out, const ActiveringEvaluation *ev, guint measure), GString *out)
{
  for (guint k = 0; k < all_cases->len; k++)
    {
      const CaseRef *c = all_cases->pdata[k];
      g_autoptr (ActiveringFacts) facts = activering_facts_new (rules_of (c));
      g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules_of (c));
      if (!evaluate_case (c, facts, ev, ACTIVERING_EVALUATE_DEFAULT))
        continue; /* a trajectory case without facts, or reported by the case's own test */
      for (guint m = 0; m < activering_rule_set_get_n_measures (rules_of (c)); m++)
        {
          g_autoptr (GString) wrong = g_string_new (NULL);
          check (wrong, ev, m);
          if (wrong->len)
            {
              case_heading (out, c);
              g_string_append_printf (out, "  %s: %s\n", activering_rule_set_get_measure_code (rules_of (c), m),
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

/* eligible: every condition true, nothing missing; undetermined: no condition false, something missing (or, under
 * a regime the rule set does not encode, no condition and nothing missing); not_eligible: nothing missing;
 * not_applicable: no condition, nothing missing (contract C6, C7). */
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
      if (activering_evaluation_get_reason (ev, measure) == ACTIVERING_REASON_REGIME_NOT_ENCODED)
        {
          if (n != 0 || n_missing != 0)
            g_string_append (out, "undetermined for a regime not encoded, but conditions or missing facts are listed");
        }
      else if (n_false != 0 || n_missing == 0)
        g_string_append (out, "undetermined, but a condition is false or no fact is reported missing");
      break;
    case ACTIVERING_OUTCOME_NOT_ELIGIBLE:
      if (n_missing != 0)
        g_string_append (out, "not_eligible, but facts are reported missing");
      break;
    case ACTIVERING_OUTCOME_NOT_APPLICABLE:
    default:
      if (n != 0 || n_missing != 0 || activering_evaluation_get_n_limits (ev, measure) != 0)
        g_string_append (out, "not_applicable, but conditions, missing facts or limits are listed");
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
fresh_answer (const CaseRef *c, ActiveringEvaluateFlags flags, ActiveringOutcome *outcomes, guint n_outcomes)
{
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules_of (c));
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules_of (c));
  if (!evaluate_case (c, facts, ev, flags))
    return NULL;
  for (guint m = 0; m < n_outcomes; m++)
    outcomes[m] = activering_evaluation_get_outcome (ev, m);
  return flags == ACTIVERING_EVALUATE_DEFAULT ? activering_evaluation_to_json (ev, REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL)
                                              : g_strdup ("");
}

START_TEST (test_reuse_and_fast_path)
{
  g_autoptr (GString) out = g_string_new (NULL);
  for (guint f = 0; f < files->len; f++)
    {
      ActiveringRuleSet *rules = activering_case_file_get_rule_set (files->pdata[f]);
      guint n_measures = activering_rule_set_get_n_measures (rules);
      g_autofree ActiveringOutcome *full = g_new0 (ActiveringOutcome, n_measures);
      g_autofree ActiveringOutcome *fast = g_new0 (ActiveringOutcome, n_measures);
      g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
      g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
      for (guint pass = 0; pass < 2; pass++)
        for (guint j = 0; j < all_cases->len; j++)
          {
            const CaseRef *c = all_cases->pdata[pass == 0 ? j : all_cases->len - 1 - j];
            if (c->file != files->pdata[f])
              continue;
            g_autofree char *expected = fresh_answer (c, ACTIVERING_EVALUATE_DEFAULT, full, n_measures);
            g_autofree char *unused = fresh_answer (c, ACTIVERING_EVALUATE_OUTCOMES_ONLY, fast, n_measures);
            if (expected == NULL)
              continue; /* no facts, or reported by the case's own test */
            for (guint m = 0; m < n_measures; m++)
              if (full[m] != fast[m])
                {
                  case_heading (out, c);
                  g_string_append_printf (out, "  %s: outcomes only says %s, the full evaluation %s\n",
                                          activering_rule_set_get_measure_code (rules, m),
                                          activering_outcome_to_string (fast[m]), activering_outcome_to_string (full[m]));
                }
            g_autofree char *reused = NULL;
            if (evaluate_case (c, facts, ev, ACTIVERING_EVALUATE_DEFAULT))
              reused = activering_evaluation_to_json (ev, REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL);
            if (g_strcmp0 (reused, expected) != 0)
              {
                case_heading (out, c);
                g_string_append_printf (out, "  a reused evaluation answers differently (pass %u)\n    fresh:  %s\n    reused: %s\n",
                                        pass + 1, expected, reused ? reused : "(none)");
              }
          }
    }
  ck_assert_msg (out->len == 0, "%s", out->str);
}
END_TEST

/* ---- the trace (ACTIVERING_EVALUATE_TRACE) ---- */

#define HORIZON_DAYS 730

/* What valid_until compares from day to day: a measure's outcome and reason. */
static int
measure_state (const ActiveringEvaluation *ev, guint m)
{
  return (int) activering_evaluation_get_outcome (ev, m) * 16 + (int) activering_evaluation_get_reason (ev, m);
}

/* An obligation's state by id, -1 when it is not reported. */
static int
obligation_state (const ActiveringEvaluation *ev, const char *id)
{
  for (guint o = 0; o < activering_evaluation_get_n_obligations (ev); o++)
    if (strcmp (activering_evaluation_get_obligation_id (ev, o), id) == 0)
      return (int) activering_evaluation_get_obligation_state (ev, o);
  return -1;
}

/* Whether valid_until agrees with @first_change, the first day after @as_of on which evaluating day by day gave
 * another answer (a julian day; 0: none within the horizon). */
static void
check_valid_until (GString *out, const char *what, const GDate *as_of, gboolean has_until, const GDate *until,
                   guint32 first_change)
{
  guint32 horizon = g_date_get_julian (as_of) + HORIZON_DAYS;
  char said[16] = "null", found[32] = "none within two years";
  if (has_until)
    g_date_strftime (said, sizeof said, "%Y-%m-%d", until);
  if (first_change != 0)
    {
      GDate day;
      g_date_set_julian (&day, first_change - 1);
      g_date_strftime (found, sizeof found, "%Y-%m-%d", &day);
    }
  gboolean agrees = first_change != 0 ? has_until && g_date_get_julian (until) == first_change - 1
                                      : !has_until || g_date_get_julian (until) >= horizon;
  if (!agrees)
    g_string_append_printf (out, "  %s: valid_until %s, but day by day the answer holds until %s\n", what, said,
                            found);
}

/* valid_until, against evaluating the dossier day by day over the two years after its date. */
START_TEST (test_valid_until_day_by_day)
{
  const CaseRef *c = all_cases->pdata[_i];
  ActiveringRuleSet *rules = rules_of (c);
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) traced = activering_evaluation_new (rules);
  g_autoptr (ActiveringEvaluation) daily = activering_evaluation_new (rules);
  if (!evaluate_case (c, facts, traced, ACTIVERING_EVALUATE_TRACE))
    return; /* a trajectory case without facts, or reported by the case's own test */
  GDate as_of;
  activering_evaluation_get_as_of (traced, &as_of);
  guint n_measures = activering_rule_set_get_n_measures (rules), n_obligations =
    activering_evaluation_get_n_obligations (traced);
  g_autofree guint32 *measure_change = g_new0 (guint32, n_measures);
  g_autofree guint32 *obligation_change = g_new0 (guint32, MAX (n_obligations, 1));
  for (guint32 d = 1; d <= HORIZON_DAYS; d++)
    {
      GDate day = as_of;
      g_date_add_days (&day, d);
      /* obligations need the full run; outcomes alone do not */
      ActiveringEvaluateFlags flags = n_obligations > 0 ? ACTIVERING_EVALUATE_DEFAULT : ACTIVERING_EVALUATE_OUTCOMES_ONLY;
      ck_assert (activering_evaluation_run (daily, facts, &day, flags, NULL));
      for (guint m = 0; m < n_measures; m++)
        if (measure_change[m] == 0 && measure_state (daily, m) != measure_state (traced, m))
          measure_change[m] = g_date_get_julian (&day);
      for (guint o = 0; o < n_obligations; o++)
        {
          const char *id = activering_evaluation_get_obligation_id (traced, o);
          if (obligation_change[o] == 0
              && obligation_state (daily, id) != (int) activering_evaluation_get_obligation_state (traced, o))
            obligation_change[o] = g_date_get_julian (&day);
        }
    }
  g_autoptr (GString) wrong = g_string_new (NULL);
  for (guint m = 0; m < n_measures; m++)
    {
      GDate until;
      gboolean has = activering_evaluation_get_valid_until (traced, m, &until);
      check_valid_until (wrong, activering_rule_set_get_measure_code (rules, m), &as_of, has, &until, measure_change[m]);
    }
  for (guint o = 0; o < n_obligations; o++)
    {
      GDate until;
      gboolean has = activering_evaluation_get_obligation_valid_until (traced, o, &until);
      check_valid_until (wrong, activering_evaluation_get_obligation_id (traced, o), &as_of, has, &until,
                         obligation_change[o]);
    }
  if (wrong->len > 0)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      case_heading (out, c);
      g_string_append (out, wrong->str);
      ck_abort_msg ("%s", out->str);
    }
}
END_TEST

/* The same facts, rule set and date give the same bytes, from a fresh evaluation and from one reused after other
 * dossiers; and tracing changes nothing else the evaluation answers. */
START_TEST (test_trace_deterministic)
{
  g_autoptr (GString) out = g_string_new (NULL);
  for (guint f = 0; f < files->len; f++)
    {
      ActiveringRuleSet *rules = activering_case_file_get_rule_set (files->pdata[f]);
      g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
      g_autoptr (ActiveringEvaluation) reused = activering_evaluation_new (rules);
      for (guint pass = 0; pass < 2; pass++)
        for (guint j = 0; j < all_cases->len; j++)
          {
            const CaseRef *c = all_cases->pdata[pass == 0 ? j : all_cases->len - 1 - j];
            if (c->file != files->pdata[f])
              continue;
            g_autoptr (ActiveringEvaluation) fresh = activering_evaluation_new (rules);
            g_autoptr (ActiveringEvaluation) plain = activering_evaluation_new (rules);
            if (!evaluate_case (c, facts, fresh, ACTIVERING_EVALUATE_TRACE))
              continue;
            g_autofree char *expected = activering_evaluation_to_json (fresh, REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL);
            ck_assert (evaluate_case (c, facts, reused, ACTIVERING_EVALUATE_TRACE));
            g_autofree char *again = activering_evaluation_to_json (reused, REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL);
            ck_assert (evaluate_case (c, facts, plain, ACTIVERING_EVALUATE_DEFAULT));
            if (g_strcmp0 (expected, again) != 0)
              {
                case_heading (out, c);
                g_string_append_printf (out, "  the trace differs (pass %u)\n    fresh:  %s\n    reused: %s\n", pass + 1,
                                        expected, again);
              }
            for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
              if (activering_evaluation_get_outcome (plain, m) != activering_evaluation_get_outcome (fresh, m)
                  || activering_evaluation_get_n_conditions (plain, m) != activering_evaluation_get_n_conditions (fresh, m)
                  || activering_evaluation_get_n_missing (plain, m) != activering_evaluation_get_n_missing (fresh, m))
                {
                  case_heading (out, c);
                  g_string_append_printf (out, "  %s: tracing changes the answer\n",
                                          activering_rule_set_get_measure_code (rules, m));
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
  g_autofree char *dir = test_path (CASES_DIR);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringCaseFile) file = activering_case_file_new_from_data (NULL, text, -1, "bad.json", dir, &error);
  ck_assert_msg (file == NULL, "case file accepted: %s", text);
  ck_assert_msg (error != NULL && error->domain == ACTIVERING_ERROR && error->code == ACTIVERING_ERROR_INVALID_VALUE,
                 "not an invalid_value error for: %s", text);
  const char *errors = error->message;
  ck_assert_msg (g_str_has_prefix (errors, "bad.json: "), "message does not name the file: %s", errors);
  va_list args;
  va_start (args, text);
  for (const char *part = va_arg (args, const char *); part; part = va_arg (args, const char *))
    ck_assert_msg (strstr (errors, part) != NULL, "message \"%s\" lacks \"%s\"", errors, part);
  va_end (args);
}

#define GOOD_FACTS "\"facts\": {\"region\": \"vlaanderen\"}"
#define ONE_CASE(body) "{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"c\", \"as_of\": \"2026-11-22\", " body "}]}"

START_TEST (test_bad_case_files)
{
  g_autofree char *dir = test_path (CASES_DIR);
  const char *good = ONE_CASE (GOOD_FACTS ", \"expect\": {\"outcomes\": {\"art60\": \"undetermined\"}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringCaseFile) loaded = activering_case_file_new_from_data (NULL, good, -1, "good.json", dir, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (activering_case_file_get_n_cases (loaded), 1);
  ck_assert_str_eq (activering_case_file_get_case_name (loaded, 0), "c");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_case_file_get_case_name (loaded, 1)));
  ck_assert (activering_case_file_run_case (loaded, 0, NULL, NULL));
  g_clear_error (&error);
  g_autoptr (ActiveringCaseFile) latin1 =
      activering_case_file_new_from_data (NULL, "{\"cas\xe9s\": 1}", -1, "l.json", dir, &error);
  ck_assert_ptr_null (latin1);
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "l.json: not valid UTF-8 at byte 5", NULL);
  g_clear_error (&error);
  /* a key with a line break stays on its problem's line */
  g_autoptr (ActiveringCaseFile) broken = activering_case_file_new_from_data (
      NULL, "{\"format\": \"activering.cases/1\", \"a\\nb\": 1, \"cases\": []}", -1, "k.json", dir, &error);
  ck_assert_ptr_null (broken);
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "k.json: top level: unknown key \"a\\u000ab\"", NULL);
  g_clear_error (&error);
  g_autoptr (ActiveringCaseFile) missing = activering_case_file_new_from_file (NULL, "/no/such/cases.json", &error);
  ck_assert_ptr_null (missing);
  test_assert_error (error, ACTIVERING_ERROR_IO, "/no/such/cases.json: cannot read", NULL);

  /* Case files are read as facts are: syntax errors with the path, the byte, and the line and column. */
  assert_rejected ("", "bad.json: /: empty document", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [", "bad.json: /cases/0: malformed JSON: the "
                   "document ends where a value was expected", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\",\n \"cases\": [}]}", "bad.json: /cases/0: malformed JSON at byte "
                   "44 (line 2, column 12): expected a JSON value", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": []} x", "bad.json: /: malformed JSON: unexpected "
                   "data after the document at byte 46", NULL);
  /* A second "outcomes" would drop the first expectation and pass: refused, as in facts documents. */
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"a\", \"facts\": {}, \"expect\": "
                   "{\"outcomes\": {\"ibo\": \"eligible\"}, \"outcomes\": {}}}]}",
                   "bad.json: /cases/0/expect/outcomes: the key appears twice", NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"cases\": [{\"name\": \"a\\u0000\"}]}",
                   "bad.json: /cases/0/name: the string at byte", "holds \\u0000", NULL);
  assert_rejected ("\xEF\xBB\xBF[]", "top level: expected an object", NULL);
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
  /* the expectations of December 2026: reasons, coverage, via, signals */
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"reasons\": {\"ibo\": \"too_early\"}}"),
                   "expect.reasons", "\"too_early\" is not one of", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"reasons\": {\"ibbo\": null}}"), "unknown measure \"ibbo\"", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"coverage\": {\"art60\": 3}}"),
                   "expect.coverage", "expected a coverage code or null", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"via\": {\"art60.twe_framework\": \"twe_ocmw.status\"}}"),
                   "expect.via", "expected an array of condition ids", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"via\": {\"art60.twe_framework\": [\"twe_ocmw.statuss\"]}}"),
                   "measure twe_ocmw has no condition of that id", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"signals\": \"language_barrier\"}"), "expect.signals",
                   "expected an array", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"expect\": {\"signals\": [3]}"), "expect.signals", "item 0 is not a string",
                   NULL);
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
  /* what-if cases: each change is checked as a facts document's value is */
#define EXPECT_ART60 ", \"expect\": {\"outcomes\": {\"art60\": \"undetermined\"}}"
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"set\": {\"proposals.ibo.wekes\": 3}" EXPECT_ART60),
                   "case 0 \"c\": set: facts: /proposals.ibo.wekes: not a fact of rule set be-vlaanderen (did you mean "
                   "\"proposals.ibo.weeks\"?)", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"set\": {\"proposals.ibo.weeks\": -1}" EXPECT_ART60),
                   "set: facts: /proposals.ibo.weeks: -1 is out of range", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"set\": {\"income.status\": \"leefloen\"}" EXPECT_ART60),
                   "set: facts: /income.status: \"leefloen\" is not one of", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"set\": {}" EXPECT_ART60), "\"set\" must be an object", NULL);
  assert_rejected (ONE_CASE (GOOD_FACTS ", \"set\": [1]" EXPECT_ART60), "\"set\" must be an object", NULL);
  assert_rejected (ONE_CASE ("\"trajectory\": {\"model\": \"ocmw7\", \"events\": []}, \"set\": {\"region\": null}, "
                             "\"expect\": {\"trajectory\": {\"state\": \"not_started\"}}"),
                   "\"set\" changes the case's facts: it needs \"facts\" or \"facts_file\"", NULL);
  /* pinned rule-set versions */
#define PINNED(rules, version) "{\"format\": \"activering.cases/1\", " rules "\"ruleset_version\": " version ", " \
  "\"cases\": [{\"name\": \"c\", \"as_of\": \"2025-06-01\", \"facts\": {}, \"expect\": {\"outcomes\": {\"entry\": \"undetermined\"}}}]}"
  assert_rejected (PINNED ("", "\"2020.1.0\""), "the rule set does not load: the cases are pinned to version 2020.1.0, "
                   "the rule set is version 2026.12.0", NULL);
  assert_rejected (PINNED ("", "3"), "\"ruleset_version\" must be a rule set version", NULL);
  assert_rejected (PINNED ("\"rules\": \"../rule-history\", ", "\"2024.1\""), "rule-history has no file of version 2024.1",
                   NULL);
  assert_rejected ("{\"format\": \"activering.cases/1\", \"rules\": \"../rule-history\", \"cases\": [{\"name\": \"c\", "
                   "\"as_of\": \"2025-06-01\", \"facts\": {}, \"expect\": {\"outcomes\": {\"entry\": \"undetermined\"}}}]}",
                   "rule-history is a history of 2 files: pin the one the cases are for with \"ruleset_version\"", NULL);
  g_clear_error (&error);
  g_autoptr (ActiveringCaseFile) pinned =
      activering_case_file_new_from_data (NULL, PINNED ("\"rules\": \"../rule-history\", ", "\"2025.1\""), -1, "p.json",
                                          dir, &error);
  ck_assert_msg (pinned != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (activering_rule_set_get_version (activering_case_file_get_rule_set (pinned)), "2025.1");
  ck_assert (activering_case_file_run_case (pinned, 0, NULL, NULL));
#undef PINNED
#undef EXPECT_ART60
}
END_TEST

/* A case that does not hold reports the file, the case, what was expected and what came out, and for an
 * outcome every condition's id, state and text. */
START_TEST (test_mismatch_report)
{
  g_autofree char *dir = test_path (CASES_DIR);
  const char *text = ONE_CASE ("\"facts\": {\"region\": \"vlaanderen\", \"income\": {\"status\": \"none\"}}, "
                               "\"expect\": {\"outcomes\": {\"art60\": \"eligible\"}, "
                               "\"conditions\": {\"art60.status\": \"true\"}, \"missing\": {\"art60\": []}, "
                               "\"limits\": {\"ibo.max_weeks\": 52}, \"obligations\": {\"gpmi.deadline\": \"due\"}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringCaseFile) file = activering_case_file_new_from_data (NULL, text, -1, "mine.json", dir, &error);
  ck_assert_msg (file != NULL, "%s", error ? error->message : "");
  g_autoptr (GString) out = g_string_new (NULL);
  ck_assert (!activering_case_file_run_case (file, 0, NULL, out));
  static const char *const parts[] = {
    "mine.json: case \"c\" (as of 2026-11-22):\n",
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

/* Coverage: which states each condition was seen in, and which parameter periods no case was evaluated in. */
START_TEST (test_coverage)
{
  g_autofree char *text = test_read_file ("data/rules/be-vlaanderen.json", NULL);
  json_object *root = json_tokener_parse (text);
  json_object *values = NULL, *parameters = NULL, *param = NULL;
  json_object_object_get_ex (root, "parameters", &parameters);
  json_object_object_get_ex (parameters, "ibo.max_weeks", &param);
  json_object_object_get_ex (param, "values", &values);
  json_object_array_add (values, json_tokener_parse ("{\"from\": \"2030-01-01\", \"value\": 20}"));
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (json_object_to_json_string (root), -1,
                                                                           "later.json", &error);
  json_object_put (root);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "");
  const char *cases = ONE_CASE ("\"facts\": {\"region\": \"vlaanderen\", \"income\": {\"status\": \"none\"}}, "
                                "\"expect\": {\"outcomes\": {\"art60\": \"not_eligible\"}}");
  g_autoptr (ActiveringCaseFile) file = activering_case_file_new_from_data (rules, cases, -1, "cov.json", NULL, &error);
  ck_assert_msg (file != NULL, "%s", error ? error->message : "");
  ck_assert_ptr_eq (activering_case_file_get_rule_set (file), rules);
  g_autoptr (ActiveringCaseCoverage) coverage = activering_case_coverage_new (rules);
  ck_assert (activering_case_file_run_case (file, 0, coverage, NULL));
  g_autofree char *json = activering_case_coverage_to_json (coverage, ACTIVERING_JSON_DEFAULT);
  ck_assert_ptr_nonnull (strstr (json, "\"format\":\"activering.coverage/1\""));
  ck_assert_ptr_nonnull (strstr (json, "\"cases\":1,"));
  ck_assert_ptr_nonnull (strstr (json, "{\"id\":\"art60.status\",\"false\":true,\"true\":false,\"unknown\":false}"));
  ck_assert_ptr_nonnull (strstr (json, "\"parameter_periods_not_exercised\":["));
  ck_assert_ptr_nonnull (strstr (json, "{\"parameter\":\"ibo.max_weeks\",\"from\":\"2030-01-01\",\"until\":null}"));
  g_autofree char *listing = activering_case_coverage_to_text (coverage, "# ");
  ck_assert_ptr_nonnull (strstr (listing, "# coverage of be-vlaanderen 2026.12.0 by 1 evaluated case\n"));
  ck_assert_ptr_nonnull (strstr (listing, "never true, unknown\n"));
  ck_assert_ptr_nonnull (strstr (listing, "# parameter periods no case was evaluated in:\n"));
  ck_assert_ptr_nonnull (strstr (listing, "#   ibo.max_weeks from 2030-01-01\n"));
  /* a case of another rule set adds nothing */
  g_autoptr (ActiveringCaseFile) other = activering_case_file_new_from_data (NULL, cases, -1, "cov.json", NULL, &error);
  ck_assert (activering_case_file_run_case (other, 0, coverage, NULL));
  g_autofree char *again = activering_case_coverage_to_json (coverage, ACTIVERING_JSON_DEFAULT);
  ck_assert_ptr_nonnull (strstr (again, "\"cases\":1,"));
}
END_TEST

int
main (void)
{
  check_set_max_msg_size (256 * 1024);
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) activering_case_file_free);
  all_cases = g_ptr_array_new_with_free_func (g_free);
  load_errors = g_string_new (NULL);
  load_all_cases ();

  Suite *suite = suite_create ("cases");
  TCase *tc = tcase_create ("runner");
  tcase_add_test (tc, test_bad_case_files);
  tcase_add_test (tc, test_mismatch_report);
  tcase_add_test (tc, test_coverage);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("cases");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_case_files);
  tcase_add_loop_test (tc, test_case, 0, (int) all_cases->len);
  tcase_add_test (tc, test_not_eligible_has_false_condition);
  tcase_add_test (tc, test_outcomes_consistent);
  tcase_add_test (tc, test_reuse_and_fast_path);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("trace");
  tcase_set_timeout (tc, 60);
  tcase_add_loop_test (tc, test_valid_until_day_by_day, 0, (int) all_cases->len);
  tcase_add_test (tc, test_trace_deterministic);
  suite_add_tcase (suite, tc);

  int status = test_run_suite (suite);
  g_ptr_array_unref (all_cases);
  g_ptr_array_unref (files);
  g_string_free (load_errors, TRUE);
  return status;
}
