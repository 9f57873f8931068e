/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-caseload.c: the caseload report through the public API (docs/caseload-report.md).
 *
 * The hand-made caseload tests/caseload/hand-*.jsonl has seven trajectory patterns (h-01 … h-07), each five times
 * (h-01-1 … h-01-5, …), so that no cell is under 5, and two partners without a trajectory (p-01-k, p-02-k). The
 * report date is 2026-06-30, cohorts by year. Days are counted as the trajectory report counts them: a phase visit
 * inclusively (first and last day), the days to the first measure and to a close as the difference of the dates.
 *
 *   h-01  open 2025-01-01 randvoorwaarden; 01-31 screening; 03-01 twe_ocmw; 04-01 werkervaring_opleiding;
 *         04-15 art60 (timely work: met); 2026-06-20 a contact (10 days before the report date; a gap warning for
 *         the 535 days before it). Partner p-01 (leefloon, no trajectory): a flagged couple.
 *   h-02  open 2025-02-01; 03-03 screening; 2025-04-01 closed with duurzaam_werk (lasting outflow met: not reopened
 *         within 6 months). No measure.
 *   h-03  open 2025-03-01; 03-11 screening; 05-01 closed (verhuisd); 06-01 reopened in screening; 06-15 twe_ocmw
 *         (timely work: not met, no art60); 2026-02-01 a contact (149 days ago; gap warnings). Partner h-04.
 *   h-04  open 2026-01-10, nothing else. Partner h-03 (both open: not flagged).
 *   h-05  open 2026-02-01; contacts every ≤ 31 days, the last 2026-06-05 (25 days ago); 03-01 a VDAB report of
 *         non-cooperation with no decision (a report without a decision). Partner p-02 (no income status known).
 *   h-06  opens 2026-08-01, after the report date: not started.
 *   h-07  open 2024-12-01; 2025-01-15 closed with duurzaam_werk; 2025-03-01 reopened (within 6 months: lasting
 *         outflow not met; a re-entry).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-c/json.h>
#include <json-c/json_pointer.h>

#include "test-util.h"

static ActiveringRuleSet *rules;

static void
setup (void)
{
  rules = test_default_rules ();
}

static void
teardown (void)
{
  g_clear_pointer (&rules, activering_rule_set_unref);
}

static void
report_date (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 30, G_DATE_JUNE, 2026);
}

/* The caseload of tests/caseload/@name-trajectories.jsonl with the facts of @name-facts.jsonl: each trajectory
 * replayed with its facts and added, then the facts no trajectory had. */
static ActiveringCaseload *
load_caseload (const char *name, ActiveringCaseloadPeriod by, gboolean list_ids)
{
  GDate as_of;
  report_date (&as_of);
  g_autoptr (GError) error = NULL;
  ActiveringCaseload *caseload = activering_caseload_new (rules, &as_of, by, &error);
  ck_assert_ptr_nonnull (caseload);
  ck_assert (activering_caseload_set_list_ids (caseload, list_ids, &error));

  g_autofree char *facts_path = g_strdup_printf ("tests/caseload/%s-facts.jsonl", name);
  g_autofree char *facts_text = test_read_file (facts_path, NULL);
  g_autoptr (GHashTable) facts_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify) activering_facts_free);
  g_auto (GStrv) facts_lines = g_strsplit (facts_text, "\n", -1);
  for (guint i = 0; facts_lines[i] != NULL; i++)
    if (*facts_lines[i] != '\0')
      {
        ActiveringFacts *facts = activering_facts_new_from_data (rules, facts_lines[i], -1, &error);
        ck_assert_msg (facts != NULL, "%s", error ? error->message : "");
        g_hash_table_insert (facts_by_id, g_strdup (activering_facts_get_id (facts)), facts);
      }

  g_autofree char *trajectories_path = g_strdup_printf ("tests/caseload/%s-trajectories.jsonl", name);
  g_autofree char *trajectories_text = test_read_file (trajectories_path, NULL);
  g_auto (GStrv) lines = g_strsplit (trajectories_text, "\n", -1);
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_autoptr (ActiveringTrajectory) trajectory = activering_trajectory_new_from_data (rules, lines[i], -1, &error);
      ck_assert_msg (trajectory != NULL, "%s", error ? error->message : "");
      const char *id = activering_trajectory_get_id (trajectory);
      ActiveringFacts *facts = g_hash_table_lookup (facts_by_id, id);
      ck_assert (activering_trajectory_report_run (report, trajectory, facts, &as_of, &error));
      ck_assert_msg (activering_caseload_add (caseload, report, facts, &error), "%s", error ? error->message : "");
      g_hash_table_remove (facts_by_id, id);
    }
  GHashTableIter iter;
  gpointer facts;
  g_hash_table_iter_init (&iter, facts_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &facts))
    ck_assert (activering_caseload_add_facts (caseload, facts, &error));
  return caseload;
}

static json_object *
report_json (ActiveringCaseload *caseload, const char *lang)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = activering_caseload_to_json (caseload, lang, ACTIVERING_JSON_DEFAULT, &error);
  ck_assert_msg (text != NULL, "%s", error ? error->message : "");
  json_object *doc = json_tokener_parse (text);
  ck_assert_ptr_nonnull (doc);
  return doc;
}

static json_object *
at (json_object *doc, const char *pointer)
{
  json_object *value = NULL;
  ck_assert_msg (json_pointer_get (doc, pointer, &value) == 0, "no %s in the report", pointer);
  return value;
}

static void
assert_int (json_object *doc, const char *pointer, gint64 expected)
{
  json_object *value = at (doc, pointer);
  ck_assert_msg (json_object_is_type (value, json_type_int), "%s is %s, expected %" G_GINT64_FORMAT, pointer,
                 json_object_to_json_string (value), expected);
  ck_assert_msg (json_object_get_int64 (value) == expected, "%s is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 pointer, json_object_get_int64 (value), expected);
}

static void
assert_number (json_object *doc, const char *pointer, double expected)
{
  json_object *value = at (doc, pointer);
  ck_assert_msg (json_object_is_type (value, json_type_double) || json_object_is_type (value, json_type_int),
                 "%s is %s, expected a number", pointer, json_object_to_json_string (value));
  ck_assert_msg (fabs (json_object_get_double (value) - expected) < 1e-9, "%s is %s, expected %g", pointer,
                 json_object_to_json_string (value), expected);
}

static void
assert_null (json_object *doc, const char *pointer)
{
  json_object *value = at (doc, pointer);
  ck_assert_msg (value == NULL, "%s is %s, expected null", pointer, json_object_to_json_string (value));
}

static void
assert_string (json_object *doc, const char *pointer, const char *expected)
{
  json_object *value = at (doc, pointer);
  ck_assert_msg (json_object_is_type (value, json_type_string) && strcmp (json_object_get_string (value), expected) == 0,
                 "%s is %s, expected \"%s\"", pointer, json_object_to_json_string (value), expected);
}

START_TEST (test_hand_caseload_dossiers_and_cohorts)
{
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand", ACTIVERING_CASELOAD_BY_YEAR, FALSE);
  ck_assert_uint_eq (activering_caseload_get_n_dossiers (caseload), 45);
  json_object *doc = report_json (caseload, "en");
  assert_string (doc, "/format", "activering.caseload-report/1");
  assert_string (doc, "/as_of", "2026-06-30");
  assert_string (doc, "/by", "year");
  /* 7 patterns × 5 trajectories, and 2 × 5 partners with facts only */
  assert_int (doc, "/dossiers/total", 45);
  assert_int (doc, "/dossiers/trajectories", 35);
  assert_int (doc, "/dossiers/facts_only", 10);
  assert_int (doc, "/dossiers/with_facts", 35);
  assert_int (doc, "/dossiers/not_started", 5); /* h-06 */
  assert_int (doc, "/dossiers/open", 25);       /* h-01, h-03, h-04, h-05, h-07 */
  assert_int (doc, "/dossiers/closed", 5);      /* h-02 */
  assert_int (doc, "/dossiers/bad_lines", 0);
  /* cohorts by the year of the first opening: 2024 (h-07), 2025 (h-01, h-02, h-03), 2026 (h-04, h-05), all */
  ck_assert_uint_eq (json_object_array_length (at (doc, "/cohorts")), 4);
  assert_string (doc, "/cohorts/0/period", "2024");
  assert_string (doc, "/cohorts/0/from", "2024-01-01");
  assert_string (doc, "/cohorts/0/until", "2024-12-31");
  assert_string (doc, "/cohorts/1/period", "2025");
  assert_string (doc, "/cohorts/2/period", "2026");
  assert_string (doc, "/cohorts/3/period", "all");
  assert_int (doc, "/cohorts/1/trajectories", 15);
  assert_int (doc, "/cohorts/1/open", 10);
  assert_int (doc, "/cohorts/1/closed", 5);
  /* now: h-03 in screening, h-01 in werkervaring_opleiding, in the model's order */
  assert_string (doc, "/cohorts/1/phase_now/0/phase", "screening");
  assert_int (doc, "/cohorts/1/phase_now/0/count", 5);
  assert_string (doc, "/cohorts/1/phase_now/1/phase", "werkervaring_opleiding");
  assert_int (doc, "/cohorts/1/phase_now/1/count", 5);
  assert_int (doc, "/cohorts/3/trajectories", 30);
  assert_int (doc, "/cohorts/3/open", 25);
  assert_int (doc, "/cohorts/3/closed", 5);

  /* lasting outflow, 2025: h-02 met (5 of 15); 2024: h-07 not met (reopened within 6 months) */
  assert_int (doc, "/cohorts/1/lasting_outflow/met", 5);
  assert_int (doc, "/cohorts/1/lasting_outflow/pending", 0);
  assert_int (doc, "/cohorts/1/lasting_outflow/not_met", 0);
  assert_number (doc, "/cohorts/1/lasting_outflow/rate", 0.3333);
  assert_int (doc, "/cohorts/0/lasting_outflow/not_met", 5);
  assert_number (doc, "/cohorts/0/lasting_outflow/rate", 0);
  assert_number (doc, "/cohorts/3/lasting_outflow/rate", 0.1667); /* 5 / 30 */
  /* re-entry: 2025 ever closed h-02 (closed) and h-03 (reopened): 10, reentered h-03: 5 → 0.5; all: 10 / 15 */
  assert_int (doc, "/cohorts/1/reentry/ever_closed", 10);
  assert_int (doc, "/cohorts/1/reentry/reentered", 5);
  assert_number (doc, "/cohorts/1/reentry/rate", 0.5);
  assert_number (doc, "/cohorts/0/reentry/rate", 1);
  assert_number (doc, "/cohorts/3/reentry/rate", 0.6667);
  /* timely work: h-01 met, h-03 not met → 0.5; the others not applicable */
  assert_int (doc, "/cohorts/1/timely_work/met", 5);
  assert_int (doc, "/cohorts/1/timely_work/not_met", 5);
  assert_number (doc, "/cohorts/1/timely_work/rate", 0.5);
  assert_null (doc, "/cohorts/2/timely_work/rate");
  json_object_put (doc);
}
END_TEST

START_TEST (test_hand_caseload_survival)
{
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand", ACTIVERING_CASELOAD_BY_YEAR, FALSE);
  json_object *doc = report_json (caseload, "nl");
  /* Days to the first measure, 2025: h-01 59 (2025-01-01 → 03-01, event), h-02 59 (closed 04-01 without a
   * measure: censored at the close), h-03 106 (03-01 → 06-15, event). Day 59: 15 at risk, 5 events:
   * S = 1 − 5/15 = 2/3 (the 5 censored leave after). Day 106: 5 at risk, 5 events: S = 0.
   * q1: S < 0.75 first on day 59; median and q3: S < 0.5 and < 0.25 first on day 106. */
  assert_int (doc, "/cohorts/1/days_to_first_measure/n", 15);
  assert_int (doc, "/cohorts/1/days_to_first_measure/events", 10);
  assert_int (doc, "/cohorts/1/days_to_first_measure/censored", 5);
  assert_int (doc, "/cohorts/1/days_to_first_measure/q1", 59);
  assert_int (doc, "/cohorts/1/days_to_first_measure/median", 106);
  assert_int (doc, "/cohorts/1/days_to_first_measure/q3", 106);
  /* the curve every 30 days while 5 or more are at risk: days 0 and 30 (15, S 1), 60 and 90 (5, S 2/3); on day
   * 120 none is left */
  ck_assert_uint_eq (json_object_array_length (at (doc, "/cohorts/1/days_to_first_measure/curve")), 4);
  assert_int (doc, "/cohorts/1/days_to_first_measure/curve/1/at_risk", 15);
  assert_number (doc, "/cohorts/1/days_to_first_measure/curve/1/survival", 1);
  assert_int (doc, "/cohorts/1/days_to_first_measure/curve/2/day", 60);
  assert_int (doc, "/cohorts/1/days_to_first_measure/curve/2/at_risk", 5);
  assert_number (doc, "/cohorts/1/days_to_first_measure/curve/2/survival", 0.6667);
  /* 2026: h-04 (171 days to 2026-06-30) and h-05 (149) have no measure: all censored, no quartile */
  assert_int (doc, "/cohorts/2/days_to_first_measure/events", 0);
  assert_int (doc, "/cohorts/2/days_to_first_measure/censored", 10);
  assert_null (doc, "/cohorts/2/days_to_first_measure/median");

  /* Days to lasting outflow, 2025: h-02 an event on day 59 (the close); h-01 censored at 545 days (open),
   * h-03 at 486. S = 2/3 from day 59 on and never lower: q1 59, median and q3 not reached (null). */
  assert_int (doc, "/cohorts/1/days_to_lasting_outflow/events", 5);
  assert_int (doc, "/cohorts/1/days_to_lasting_outflow/q1", 59);
  assert_null (doc, "/cohorts/1/days_to_lasting_outflow/median");
  assert_null (doc, "/cohorts/1/days_to_lasting_outflow/q3");

  /* Days in phase, 2025, in the model's order: randvoorwaarden first. Visits: h-01 2025-01-01 … 01-30 (30 days),
   * h-02 02-01 … 03-02 (30), h-03 03-01 … 03-10 (10), all ended. Day 10: 15 at risk, 5 events, S = 2/3; day 30:
   * 10 at risk, 10 events, S = 0. q1 10, median 30, q3 30. */
  assert_string (doc, "/cohorts/1/days_in_phase/0/phase", "randvoorwaarden");
  assert_int (doc, "/cohorts/1/days_in_phase/0/estimate/n", 15);
  assert_int (doc, "/cohorts/1/days_in_phase/0/estimate/q1", 10);
  assert_int (doc, "/cohorts/1/days_in_phase/0/estimate/median", 30);
  assert_int (doc, "/cohorts/1/days_in_phase/0/estimate/q3", 30);
  /* screening: h-02 30 days (03-03 … the close on 04-01), h-03 52 (03-11 … the close on 05-01), h-01 60
   * (01-31 … 03-31), and h-03's second visit from 2025-06-01, still going on: 395 days, censored. S: day 30
   * 1 − 5/20 = 0.75, day 52 × (1 − 5/15) = 0.5, day 60 × (1 − 5/10) = 0.25, then no event. q1: first below 0.75 on
   * day 52; median: first below 0.5 on day 60 (0.5 itself is not below); q3: never below 0.25: null. */
  assert_string (doc, "/cohorts/1/days_in_phase/1/phase", "screening");
  assert_int (doc, "/cohorts/1/days_in_phase/1/estimate/n", 20);
  assert_int (doc, "/cohorts/1/days_in_phase/1/estimate/events", 15);
  assert_int (doc, "/cohorts/1/days_in_phase/1/estimate/censored", 5);
  assert_int (doc, "/cohorts/1/days_in_phase/1/estimate/q1", 52);
  assert_int (doc, "/cohorts/1/days_in_phase/1/estimate/median", 60);
  assert_null (doc, "/cohorts/1/days_in_phase/1/estimate/q3");
  json_object_put (doc);
}
END_TEST

START_TEST (test_hand_caseload_measures_follow_up)
{
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand", ACTIVERING_CASELOAD_BY_YEAR, FALSE);
  json_object *doc = report_json (caseload, "fr");
  /* measure usage over the 25 open trajectories with facts; twe_ocmw ran in h-01 and h-03, art60 in h-01 */
  guint n = activering_rule_set_get_n_measures (rules);
  ck_assert_uint_eq (json_object_array_length (at (doc, "/measures")), n);
  assert_string (doc, "/measures/0/measure", "twe_ocmw");
  assert_int (doc, "/measures/0/population", 25);
  assert_int (doc, "/measures/0/ran", 10);
  assert_string (doc, "/measures/1/measure", "art60");
  assert_int (doc, "/measures/1/ran", 5);
  /* eligibility is the evaluation's on the report date: count it here through the evaluation API */
  GDate as_of;
  report_date (&as_of);
  g_autoptr (ActiveringEvaluation) evaluation = activering_evaluation_new (rules);
  static const char *const open_patterns[] = { "h-01", "h-03", "h-04", "h-05", "h-07" };
  static const char *const incomes[] = { "leefloon", "leefloon", "equivalent_leefloon", "leefloon", "leefloon" };
  static const char *const partners[] = { "p-01", "h-04", "h-03", "p-02", NULL };
  for (guint m = 0; m < n; m++)
    {
      guint64 eligible = 0, undetermined = 0;
      for (guint p = 0; p < G_N_ELEMENTS (open_patterns); p++)
        {
          /* the facts of pattern p are the same for k = 1 … 5 but for the ids */
          g_autofree char *facts_text = g_strdup_printf (
              "{\"format\":\"activering.facts/1\",\"id\":\"%s-1\",\"region\":\"vlaanderen\",\"income\":{\"status\":\"%s\"}"
              "%s%s%s}", open_patterns[p], incomes[p], partners[p] ? ",\"household\":{\"partner_id\":\"" : "",
              partners[p] ? partners[p] : "", partners[p] ? "-1\"}" : "");
          g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, facts_text, -1, NULL);
          ck_assert_ptr_nonnull (facts);
          ck_assert (activering_evaluation_run (evaluation, facts, &as_of, ACTIVERING_EVALUATE_DEFAULT, NULL));
          eligible += 5 * (activering_evaluation_get_outcome (evaluation, m) == ACTIVERING_OUTCOME_ELIGIBLE);
          undetermined += 5 * (activering_evaluation_get_outcome (evaluation, m) == ACTIVERING_OUTCOME_UNDETERMINED);
        }
      g_autofree char *pointer = g_strdup_printf ("/measures/%u/eligible", m);
      assert_int (doc, pointer, (gint64) eligible);
      g_free (pointer);
      pointer = g_strdup_printf ("/measures/%u/undetermined", m);
      assert_int (doc, pointer, (gint64) undetermined);
    }
  /* contact gap over the 25 open: h-04 and h-07 record no contact (10); h-01 10 days and h-05 25 days (bin 0–30:
   * 10), h-03 149 days (bin 91–180: 5); gap warnings h-01 and h-03 (10) */
  assert_int (doc, "/follow_up/contact_gap/population", 25);
  assert_int (doc, "/follow_up/contact_gap/no_contact", 10);
  assert_int (doc, "/follow_up/contact_gap/warned", 10);
  assert_int (doc, "/follow_up/contact_gap/bins/0/from", 0);
  assert_int (doc, "/follow_up/contact_gap/bins/0/until", 30);
  assert_int (doc, "/follow_up/contact_gap/bins/0/count", 10);
  assert_int (doc, "/follow_up/contact_gap/bins/1/count", 0);
  assert_int (doc, "/follow_up/contact_gap/bins/3/from", 91);
  assert_int (doc, "/follow_up/contact_gap/bins/3/count", 5);
  assert_null (doc, "/follow_up/contact_gap/bins/4/until");
  /* h-05's VDAB report without a decision */
  assert_int (doc, "/follow_up/reports_without_decision/trajectories", 5);
  assert_int (doc, "/follow_up/reports_without_decision/reports", 5);
  /* couples: h-01, h-03, h-04, h-05 open with a partner (20); h-01's partner p-01 on leefloon with no trajectory:
   * flagged (5); h-05's partner p-02 gives no income status (5); h-03 and h-04 are both open */
  assert_int (doc, "/follow_up/couples/open_with_partner", 20);
  assert_int (doc, "/follow_up/couples/flagged", 5);
  assert_int (doc, "/follow_up/couples/partner_unknown", 5);
  /* data quality: each listed fact is missing in 5 to 25 of the open dossiers, and names its supplier as the rule
   * set declares it */
  json_object *rows = at (doc, "/data_quality");
  ck_assert_uint_gt (json_object_array_length (rows), 0);
  gint64 previous = G_MAXINT64;
  for (gsize i = 0; i < json_object_array_length (rows); i++)
    {
      json_object *row = json_object_array_get_idx (rows, i), *value;
      ck_assert (json_object_object_get_ex (row, "dossiers", &value));
      gint64 dossiers = json_object_get_int64 (value);
      ck_assert (dossiers >= 5 && dossiers <= 25 && dossiers <= previous);
      previous = dossiers;
      ck_assert (json_object_object_get_ex (row, "fact", &value));
      int fact = activering_rule_set_lookup_fact (rules, json_object_get_string (value));
      ck_assert_int_ge (fact, 0);
      ck_assert (json_object_object_get_ex (row, "supplied_by", &value));
      ck_assert_str_eq (json_object_get_string (value), activering_rule_set_get_fact_supplied_by (rules, (guint) fact));
      ck_assert (!json_object_object_get_ex (row, "actors", NULL)); /* no organisation */
    }
  ck_assert (!json_object_object_get_ex (doc, "ids", NULL));
  json_object_put (doc);
}
END_TEST

START_TEST (test_small_cells)
{
  /* one of each pattern: most cells are 1 to 4 */
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand-one", ACTIVERING_CASELOAD_BY_YEAR, FALSE);
  json_object *doc = report_json (caseload, "en");
  assert_int (doc, "/dossiers/total", 9);
  assert_int (doc, "/dossiers/trajectories", 7);
  assert_string (doc, "/dossiers/facts_only", "<5");
  assert_string (doc, "/dossiers/not_started", "<5");
  assert_int (doc, "/dossiers/open", 5);
  assert_string (doc, "/dossiers/closed", "<5");
  assert_string (doc, "/cohorts/1/trajectories", "<5");
  /* an estimate on 3: every figure "<5", no curve */
  assert_string (doc, "/cohorts/1/days_to_first_measure/n", "<5");
  assert_string (doc, "/cohorts/1/days_to_first_measure/events", "<5");
  assert_string (doc, "/cohorts/1/days_to_first_measure/median", "<5");
  ck_assert_uint_eq (json_object_array_length (at (doc, "/cohorts/1/days_to_first_measure/curve")), 0);
  /* rates from small cells: 1 met of 3 (both small), and 1 of 6 for all (the numerator small) */
  assert_string (doc, "/cohorts/1/lasting_outflow/rate", "<5");
  assert_int (doc, "/cohorts/3/trajectories", 6);
  assert_string (doc, "/cohorts/3/lasting_outflow/rate", "<5");
  /* a zero stays a number, and a rate without a denominator null */
  assert_int (doc, "/cohorts/1/lasting_outflow/pending", 0);
  assert_null (doc, "/cohorts/2/timely_work/rate");
  assert_string (doc, "/follow_up/couples/flagged", "<5");
  /* no row of the data-quality table has under 5 dossiers */
  json_object *rows = at (doc, "/data_quality");
  for (gsize i = 0; i < json_object_array_length (rows); i++)
    {
      json_object *value;
      ck_assert (json_object_object_get_ex (json_object_array_get_idx (rows, i), "dossiers", &value));
      ck_assert (json_object_is_type (value, json_type_int) && json_object_get_int64 (value) >= 5);
    }
  /* no dossier id anywhere without --list-ids */
  g_autofree char *text = activering_caseload_to_json (caseload, "en", ACTIVERING_JSON_DEFAULT, NULL);
  ck_assert_ptr_null (strstr (text, "h-0"));
  ck_assert_ptr_null (strstr (text, "p-0"));
  json_object_put (doc);
}
END_TEST

START_TEST (test_list_ids)
{
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand", ACTIVERING_CASELOAD_BY_QUARTER, TRUE);
  json_object *doc = report_json (caseload, "en");
  ck_assert_uint_eq (json_object_array_length (at (doc, "/ids/couples_flagged")), 5);
  assert_string (doc, "/ids/couples_flagged/0/0", "h-01-1");
  assert_string (doc, "/ids/couples_flagged/0/1", "p-01-1");
  assert_string (doc, "/ids/couples_flagged/4/0", "h-01-5");
  ck_assert_uint_eq (json_object_array_length (at (doc, "/ids/reports_without_decision")), 5);
  assert_string (doc, "/ids/reports_without_decision/0", "h-05-1");
  /* sorted by byte: h-01-1 … h-01-5, h-03-1 … h-03-5 */
  ck_assert_uint_eq (json_object_array_length (at (doc, "/ids/contact_gap_warned")), 10);
  assert_string (doc, "/ids/contact_gap_warned/4", "h-01-5");
  assert_string (doc, "/ids/contact_gap_warned/5", "h-03-1");
  json_object *never_ran = at (doc, "/ids/eligible_never_ran");
  ck_assert_uint_eq (json_object_object_length (never_ran), activering_rule_set_get_n_measures (rules));
  /* by quarter: 2024-Q4, 2025-Q1 (h-01, h-02, h-03), 2026-Q1 (h-04, h-05), all */
  assert_string (doc, "/cohorts/0/period", "2024-Q4");
  assert_string (doc, "/cohorts/1/period", "2025-Q1");
  assert_string (doc, "/cohorts/1/until", "2025-03-31");
  assert_string (doc, "/cohorts/2/period", "2026-Q1");
  json_object_put (doc);
}
END_TEST

START_TEST (test_html_page)
{
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand", ACTIVERING_CASELOAD_BY_YEAR, FALSE);
  static const char *const languages[] = { "nl", "fr", "en" };
  static const char *const titles[] = { "<title>Caseloadrapport</title>",
                                        "<title>Rapport sur l&apos;ensemble des dossiers</title>",
                                        "<title>Caseload report</title>" };
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr (GString) page = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      ck_assert (activering_caseload_append_html (caseload, languages[l], page, &error));
      ck_assert_msg (strstr (page->str, titles[l]) != NULL, "%s", languages[l]);
      /* four charts, self-contained: nothing fetched, no script */
      guint n_svg = 0;
      for (const char *p = page->str; (p = strstr (p, "<svg ")) != NULL; p++)
        n_svg++;
      ck_assert_uint_eq (n_svg, 4);
      ck_assert_ptr_null (strstr (page->str, "<script"));
      ck_assert_ptr_null (strstr (page->str, "src="));
      ck_assert_ptr_null (strstr (page->str, "href="));
      ck_assert_ptr_null (strstr (page->str, "h-01"));
    }
}
END_TEST

START_TEST (test_usage_errors)
{
  GDate as_of, other;
  report_date (&as_of);
  g_date_clear (&other, 1);
  g_date_set_dmy (&other, 1, G_DATE_JULY, 2026);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringCaseload) caseload = activering_caseload_new (rules, &as_of, ACTIVERING_CASELOAD_BY_MONTH, &error);
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  /* a report not run yet */
  ck_assert (!activering_caseload_add (caseload, report, NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "caseload report: the trajectory report has not run", "2026-06-30",
                     NULL);
  g_clear_error (&error);
  /* run on another date */
  g_autoptr (ActiveringTrajectory) trajectory = activering_trajectory_new (rules, "d-1", "ocmw7", &error);
  ck_assert (activering_trajectory_append_event (trajectory, "{\"at\":\"2026-01-05\",\"type\":\"open\","
                                                 "\"phase\":\"randvoorwaarden\"}", -1, &error));
  ck_assert (activering_trajectory_report_run (report, trajectory, NULL, &other, &error));
  ck_assert (!activering_caseload_add (caseload, report, NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "was run on another date", NULL);
  g_clear_error (&error);
  /* facts of another dossier */
  ck_assert (activering_trajectory_report_run (report, trajectory, NULL, &as_of, &error));
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (
      rules, "{\"format\":\"activering.facts/1\",\"id\":\"d-2\"}", -1, &error);
  ck_assert (!activering_caseload_add (caseload, report, facts, &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "the facts are of another dossier", NULL);
  g_clear_error (&error);
  ck_assert_uint_eq (activering_caseload_get_n_dossiers (caseload), 0);
  /* facts never parsed */
  g_autoptr (ActiveringFacts) empty = activering_facts_new (rules);
  ck_assert (!activering_caseload_add_facts (caseload, empty, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "the facts were never parsed", NULL);
  g_clear_error (&error);
  /* list ids only before the first dossier */
  ck_assert (activering_caseload_add (caseload, report, NULL, &error));
  ck_assert (!activering_caseload_set_list_ids (caseload, TRUE, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "before the first dossier", NULL);
  g_clear_error (&error);
  /* an unknown language */
  g_autoptr (GString) out = g_string_new (NULL);
  ck_assert (!activering_caseload_append_json (caseload, "de", 0, out, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "de", NULL);
  g_clear_error (&error);
  ck_assert (!activering_caseload_append_html (caseload, "de", out, &error));
  ck_assert_uint_eq (out->len, 0);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_caseload_to_json (caseload, "de", 0, &error));
  g_clear_error (&error);
  /* a bad date, a bad period */
  GDate bad;
  g_date_clear (&bad, 1);
  ck_assert_ptr_null (activering_caseload_new (rules, &bad, ACTIVERING_CASELOAD_BY_YEAR, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "not a valid date", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_caseload_new (rules, &as_of, (ActiveringCaseloadPeriod) 7, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "cohorts by 7", NULL);
  g_clear_error (&error);
  ActiveringCaseloadPeriod by = ACTIVERING_CASELOAD_BY_QUARTER;
  ck_assert (activering_caseload_period_from_string ("month", &by) && by == ACTIVERING_CASELOAD_BY_MONTH);
  ck_assert (!activering_caseload_period_from_string ("week", &by) && by == ACTIVERING_CASELOAD_BY_MONTH);
  ck_assert (!activering_caseload_period_from_string (NULL, &by));
}
END_TEST

START_TEST (test_misuse)
{
  GDate as_of;
  report_date (&as_of);
  g_autoptr (ActiveringCaseload) caseload = activering_caseload_new (rules, &as_of, ACTIVERING_CASELOAD_BY_YEAR, NULL);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_caseload_new (NULL, &as_of, ACTIVERING_CASELOAD_BY_YEAR, NULL)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_add (caseload, NULL, NULL, NULL)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_add_facts (caseload, NULL, NULL)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_set_list_ids (NULL, TRUE, NULL)));
  TEST_EXPECT_CRITICAL (activering_caseload_set_organisation (NULL, NULL));
  TEST_EXPECT_CRITICAL (activering_caseload_add_unreadable (NULL));
  TEST_EXPECT_CRITICAL (ck_assert_uint_eq (activering_caseload_get_n_dossiers (NULL), 0));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_append_json (NULL, NULL, 0, NULL, NULL)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_append_html (caseload, NULL, NULL, NULL)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_caseload_to_json (NULL, NULL, 0, NULL)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_period_from_string ("year", NULL)));
  /* a report of another rule set */
  g_autoptr (ActiveringRuleSet) other = test_default_rules ();
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (other);
  TEST_EXPECT_CRITICAL (ck_assert (!activering_caseload_add (caseload, report, NULL, NULL)));
  activering_caseload_free (NULL);
  /* the boxed type's copy shares the object */
  ActiveringCaseload *copy = g_boxed_copy (ACTIVERING_TYPE_CASELOAD, caseload);
  ck_assert_ptr_eq (copy, caseload);
  g_boxed_free (ACTIVERING_TYPE_CASELOAD, copy);
}
END_TEST

START_TEST (test_organisation_actors)
{
  g_autofree char *text = test_read_file ("examples/organisations/ocmw-voorbeeld.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringOrganisation) organisation = activering_organisation_new_from_data (rules, text, -1, &error);
  ck_assert_ptr_nonnull (organisation);
  g_autoptr (ActiveringCaseload) caseload = load_caseload ("hand", ACTIVERING_CASELOAD_BY_YEAR, FALSE);
  activering_caseload_set_organisation (caseload, organisation);
  json_object *doc = report_json (caseload, "nl");
  json_object *rows = at (doc, "/data_quality");
  for (gsize i = 0; i < json_object_array_length (rows); i++)
    {
      json_object *row = json_object_array_get_idx (rows, i), *supplier, *actors;
      ck_assert (json_object_object_get_ex (row, "supplied_by", &supplier));
      ck_assert (json_object_object_get_ex (row, "actors", &actors));
      /* every actor listed holds the supplying role */
      for (gsize a = 0; a < json_object_array_length (actors); a++)
        {
          const char *actor = json_object_get_string (json_object_array_get_idx (actors, a));
          gboolean found = FALSE;
          for (guint k = 0; k < activering_organisation_get_n_actors (organisation); k++)
            found |= strcmp (activering_organisation_get_actor_id (organisation, k), actor) == 0
                     && strcmp (activering_organisation_get_actor_role (organisation, k),
                                json_object_get_string (supplier)) == 0;
          ck_assert_msg (found, "%s does not hold %s", actor, json_object_get_string (supplier));
        }
    }
  json_object_put (doc);
}
END_TEST

START_TEST (test_facts_get_string)
{
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (
      rules, "{\"format\":\"activering.facts/1\",\"id\":\"d-1\",\"income\":{\"status\":\"leefloon\"},"
             "\"household\":{\"partner_id\":\"d-2\"},\"vdab\":{\"registered\":true}}", -1, NULL);
  ck_assert_ptr_nonnull (facts);
  ck_assert_str_eq (activering_facts_get_string (facts, "household.partner_id"), "d-2");
  ck_assert_str_eq (activering_facts_get_string (facts, "income.status"), "leefloon");
  ck_assert_ptr_null (activering_facts_get_string (facts, "vdab.registered")); /* a bool */
  ck_assert_ptr_null (activering_facts_get_string (facts, "income.since"));    /* unknown */
  ck_assert_ptr_null (activering_facts_get_string (facts, "no.such.fact"));
  ck_assert_ptr_null (activering_facts_get_string (facts, NULL));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_facts_get_string (NULL, "income.status")));
}
END_TEST

static Suite *
caseload_suite (void)
{
  Suite *s = suite_create ("caseload");
  TCase *tc = tcase_create ("hand-made caseload");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_hand_caseload_dossiers_and_cohorts);
  tcase_add_test (tc, test_hand_caseload_survival);
  tcase_add_test (tc, test_hand_caseload_measures_follow_up);
  tcase_add_test (tc, test_small_cells);
  tcase_add_test (tc, test_list_ids);
  tcase_add_test (tc, test_html_page);
  tcase_add_test (tc, test_organisation_actors);
  suite_add_tcase (s, tc);
  tc = tcase_create ("api");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_misuse);
  tcase_add_test (tc, test_facts_get_string);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  /* A failed precondition inside the library fails the test. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return test_run_suite (caseload_suite ());
}
