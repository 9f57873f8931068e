/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-expect-decisions.c: the expectations on what the evaluation decided (CASE_STAGE_DECISIONS): "outcomes",
 * "conditions", "reasons", "coverage", "via" and "signals". Each key has its case_check_<key> (), called when the
 * case file is loaded, and its case_run_<key> (), called with the case; the table in case-expect.c lists them.
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"

static const char *
outcome_name (int value)
{
  return activering_outcome_to_string ((ActiveringOutcome) value);
}

static const char *
truth_name (int value)
{
  return activering_truth_to_string ((ActiveringTruth) value);
}

static const char *
reason_name (int value)
{
  return activering_reason_to_string ((ActiveringReason) value);
}

static int
condition_index (const ActiveringEvaluation *ev, guint measure, const char *id)
{
  for (guint i = 0; i < activering_evaluation_get_n_conditions (ev, measure); i++)
    if (g_strcmp0 (activering_evaluation_get_condition_id (ev, measure, i), id) == 0)
      return (int) i;
  return -1;
}

/* ---- outcomes: {measure: outcome} ---- */

void
case_check_outcomes (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, code, outcome)
    {
      case_check_measure_code (L, rules, where, code);
      case_check_state_name (L, where, code, outcome, outcome_name, ACTIVERING_OUTCOME_ELIGIBLE,
                             ACTIVERING_OUTCOME_NOT_APPLICABLE, NULL);
    }
}

void
case_run_outcomes (CaseRun *run, json_object *value)
{
  json_object_object_foreach (value, code, outcome)
    {
      guint m = (guint) activering_rule_set_lookup_measure (run->rules, code);
      const char *got = activering_outcome_to_string (activering_evaluation_get_outcome (run->ev, m));
      if (strcmp (got, json_object_get_string (outcome)) != 0)
        {
          g_string_append_printf (run->out, "  outcome of %s: expected %s, got %s\n", code,
                                  json_object_get_string (outcome), got);
          case_run_describe_measure (run, m);
        }
    }
}

/* ---- conditions: {"measure.condition": state or "absent"} ---- */

void
case_check_conditions (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, id, state)
    {
      case_check_measure_dot_id (L, rules, where, "condition", id, rules->conditions);
      case_check_state_name (L, where, id, state, truth_name, ACTIVERING_TRUTH_FALSE, ACTIVERING_TRUTH_UNKNOWN,
                             "absent");
    }
}

void
case_run_conditions (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, state)
    {
      const char *want = json_object_get_string (state);
      guint m = (guint) case_measure_of (run->rules, id);
      int i = condition_index (ev, m, id);
      gboolean want_absent = strcmp (want, "absent") == 0;
      const char *got =
          i < 0 ? NULL : activering_truth_to_string (activering_evaluation_get_condition_state (ev, m, (guint) i));
      if (i < 0 && !want_absent)
        g_string_append_printf (run->out, "  condition %s: expected %s, but it is not reported\n", id, want);
      else if (i >= 0 && want_absent)
        g_string_append_printf (run->out, "  condition %s: expected it not to be reported, got %s\n", id, got);
      else if (i >= 0 && strcmp (got, want) != 0)
        g_string_append_printf (run->out, "  condition %s: expected %s, got %s: %s\n", id, want, got,
                                activering_evaluation_get_condition_text (ev, m, (guint) i, CASES_REPORT_LANG));
    }
}

/* ---- reasons: {measure: reason or null} ---- */

void
case_check_reasons (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, code, reason)
    {
      case_check_measure_code (L, rules, where, code);
      if (!json_object_is_type (reason, json_type_null))
        case_check_state_name (L, where, code, reason, reason_name, ACTIVERING_REASON_NOT_IN_FORCE,
                               ACTIVERING_REASON_REGIME_NOT_ENCODED, NULL);
    }
}

void
case_run_reasons (CaseRun *run, json_object *value)
{
  json_object_object_foreach (value, code, reason)
    {
      guint m = (guint) activering_rule_set_lookup_measure (run->rules, code);
      const char *got = activering_reason_to_string (activering_evaluation_get_reason (run->ev, m));
      const char *want = json_object_is_type (reason, json_type_null) ? NULL : json_object_get_string (reason);
      if (g_strcmp0 (got, want) != 0)
        {
          g_string_append_printf (run->out, "  reason of %s: expected %s, got %s\n", code, want ? want : "none",
                                  got ? got : "none");
          case_run_describe_measure (run, m);
        }
    }
}

/* ---- coverage: {measure: coverage code or null} ---- */

void
case_check_coverage (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, code, coverage)
    {
      case_check_measure_code (L, rules, where, code);
      if (!json_object_is_type (coverage, json_type_null) && case_json_string (coverage) == NULL)
        case_loader_error (L, "%s: \"%s\": expected a coverage code or null", where, code);
    }
}

void
case_run_coverage (CaseRun *run, json_object *value)
{
  json_object_object_foreach (value, code, coverage)
    {
      guint m = (guint) activering_rule_set_lookup_measure (run->rules, code);
      const char *got = activering_evaluation_get_coverage (run->ev, m);
      const char *want = json_object_is_type (coverage, json_type_null) ? NULL : json_object_get_string (coverage);
      if (g_strcmp0 (got, want) != 0)
        g_string_append_printf (run->out, "  coverage of %s: expected %s, got %s\n", code, want ? want : "none",
                                got ? got : "none");
    }
}

/* ---- via: {"measure.condition": [the conditions it was decided through]} ---- */

void
case_check_via (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, id, list)
    {
      case_check_measure_dot_id (L, rules, where, "condition", id, rules->conditions);
      if (!json_object_is_type (list, json_type_array))
        {
          case_loader_error (L, "%s: \"%s\": expected an array of condition ids", where, id);
          continue;
        }
      for (size_t i = 0; i < json_object_array_length (list); i++)
        {
          const char *via = case_json_string (json_object_array_get_idx (list, i));
          if (via == NULL)
            case_loader_error (L, "%s: \"%s\": item %zu is not a string", where, id, i);
          else
            case_check_measure_dot_id (L, rules, where, "condition", via, rules->conditions);
        }
    }
}

/* Whether @word is one of the strings in @array. */
static gboolean
listed_in (json_object *array, const char *word)
{
  for (size_t j = 0; j < json_object_array_length (array); j++)
    if (g_strcmp0 (word, case_array_string (array, j)) == 0)
      return TRUE;
  return FALSE;
}

void
case_run_via (CaseRun *run, json_object *value)
{
  json_object_object_foreach (value, id, list)
    {
      guint m = (guint) case_measure_of (run->rules, id);
      int i = condition_index (run->ev, m, id);
      guint n = i < 0 ? 0 : activering_evaluation_get_n_condition_via (run->ev, m, (guint) i);
      gboolean ok = n == json_object_array_length (list);
      g_autoptr (GString) got = g_string_new (NULL);
      for (guint k = 0; k < n; k++)
        {
          const char *via = activering_evaluation_get_condition_via (run->ev, m, (guint) i, k);
          g_string_append_printf (got, " %s", via);
          ok &= listed_in (list, via);
        }
      if (!ok)
        g_string_append_printf (run->out, "  via of %s: expected %s, got%s\n", id,
                                json_object_to_json_string_ext (list, JSON_C_TO_STRING_PLAIN),
                                got->len ? got->str : " nothing");
    }
}

/* ---- signals: [signal ids] ---- */

/* An array of strings. */
static void
check_string_array (CaseLoader *L, const char *where, json_object *value)
{
  if (!json_object_is_type (value, json_type_array))
    {
      case_loader_error (L, "%s: expected an array of ids", where);
      return;
    }
  for (size_t i = 0; i < json_object_array_length (value); i++)
    if (case_json_string (json_object_array_get_idx (value, i)) == NULL)
      case_loader_error (L, "%s: item %zu is not a string", where, i);
}

void
case_check_signals (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  (void) rules;
  check_string_array (L, where, value);
}

void
case_run_signals (CaseRun *run, json_object *value)
{
  guint n = activering_evaluation_get_n_signals (run->ev);
  gboolean ok = n == json_object_array_length (value);
  g_autoptr (GString) got = g_string_new (NULL);
  for (guint k = 0; k < n; k++)
    {
      const char *id = activering_evaluation_get_signal_id (run->ev, k);
      g_string_append_printf (got, " %s", id);
      ok &= listed_in (value, id);
    }
  if (!ok)
    g_string_append_printf (run->out, "  signals: expected %s, got%s\n",
                            json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN),
                            got->len ? got->str : " none");
}
