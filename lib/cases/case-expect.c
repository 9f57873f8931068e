/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-expect.c: the keys of a case's "expect" (docs/rule-cases.md, "Expectations").
 *
 * One table at the bottom lists every key with the function that checks its value when the file is loaded and the
 * one that compares it with what the case gave. Adding a key means adding its two functions and one row; the
 * loader's list of known keys and the runner's sections both come from the table.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cases/cases-private.h"
#include "util/dates-private.h"

/* ---- the words an expectation may use for a state ---- */

typedef const char *(*StateName) (int value);

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

static const char *
obligation_state_name (int value)
{
  return activering_obligation_state_to_string ((ActiveringObligationState) value);
}

static const char *
fact_state_name (int value)
{
  return activering_fact_state_to_string ((ActiveringFactState) value);
}

/* Checks that @value is the library's name of one of the values @first to @last of an enumeration, or @extra
 * ("absent", where an expectation may say that something is not reported). */
static void
check_state_name (CaseLoader *L, const char *where, const char *key, json_object *value, StateName name, int first,
                  int last, const char *extra)
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

/* ---- shapes ---- */

static gboolean
check_is_object (CaseLoader *L, const char *where, json_object *value)
{
  if (json_object_is_type (value, json_type_object))
    return TRUE;
  case_loader_error (L, "%s: expected an object", where);
  return FALSE;
}

/* An array of strings; FALSE if @value is not an array at all. */
static gboolean
check_string_array (CaseLoader *L, const char *where, json_object *value)
{
  if (!json_object_is_type (value, json_type_array))
    {
      case_loader_error (L, "%s: expected an array of ids", where);
      return FALSE;
    }
  for (size_t i = 0; i < json_object_array_length (value); i++)
    if (case_json_string (json_object_array_get_idx (value, i)) == NULL)
      case_loader_error (L, "%s: item %zu is not a string", where, i);
  return TRUE;
}

static const char *
item_string (json_object *array, size_t i)
{
  return json_object_get_string (json_object_array_get_idx (array, i));
}

/* ---- what came out, by id ---- */

static int
measure_of (ActiveringRuleSet *rules, const char *id)
{
  const char *dot = strchr (id, '.');
  g_autofree char *code = dot ? g_strndup (id, (gsize) (dot - id)) : g_strdup (id);
  return activering_rule_set_lookup_measure (rules, code);
}

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

static void
format_gdate (const GDate *date, char text[11])
{
  activering_format_date (activering_days_from_gdate (date), text);
}

/* ---- outcomes: {measure: outcome} ---- */

static void
check_outcomes (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, code, outcome)
    {
      case_check_measure_code (L, rules, where, code);
      check_state_name (L, where, code, outcome, outcome_name, ACTIVERING_OUTCOME_ELIGIBLE,
                        ACTIVERING_OUTCOME_NOT_APPLICABLE, NULL);
    }
}

static void
run_outcomes (CaseRun *run, json_object *value)
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

static void
check_conditions (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, id, state)
    {
      case_check_measure_dot_id (L, rules, where, "condition", id, rules->conditions);
      check_state_name (L, where, id, state, truth_name, ACTIVERING_TRUTH_FALSE, ACTIVERING_TRUTH_UNKNOWN, "absent");
    }
}

static void
run_conditions (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, state)
    {
      const char *want = json_object_get_string (state);
      guint m = (guint) measure_of (run->rules, id);
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

static void
check_reasons (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, code, reason)
    {
      case_check_measure_code (L, rules, where, code);
      if (!json_object_is_type (reason, json_type_null))
        check_state_name (L, where, code, reason, reason_name, ACTIVERING_REASON_NOT_IN_FORCE,
                          ACTIVERING_REASON_REGIME_NOT_ENCODED, NULL);
    }
}

static void
run_reasons (CaseRun *run, json_object *value)
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

static void
check_coverage (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, code, coverage)
    {
      case_check_measure_code (L, rules, where, code);
      if (!json_object_is_type (coverage, json_type_null) && case_json_string (coverage) == NULL)
        case_loader_error (L, "%s: \"%s\": expected a coverage code or null", where, code);
    }
}

static void
run_coverage (CaseRun *run, json_object *value)
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

static void
check_via (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
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
    if (g_strcmp0 (word, item_string (array, j)) == 0)
      return TRUE;
  return FALSE;
}

static void
run_via (CaseRun *run, json_object *value)
{
  json_object_object_foreach (value, id, list)
    {
      guint m = (guint) measure_of (run->rules, id);
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

static void
check_signals (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  (void) rules;
  check_string_array (L, where, value);
}

static void
run_signals (CaseRun *run, json_object *value)
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

/* ---- missing: {measure: [fact paths]}, exactly these in any order ---- */

static void
check_missing (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, code, facts)
    {
      case_check_measure_code (L, rules, where, code);
      if (!json_object_is_type (facts, json_type_array))
        {
          case_loader_error (L, "%s: \"%s\": expected an array of fact paths", where, code);
          continue;
        }
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (size_t i = 0; i < json_object_array_length (facts); i++)
        {
          const char *fact = case_json_string (json_object_array_get_idx (facts, i));
          if (fact == NULL)
            case_loader_error (L, "%s: \"%s\": item %zu is not a string", where, code, i);
          else if (!g_hash_table_add (seen, (gpointer) fact))
            case_loader_error (L, "%s: \"%s\": \"%s\" is listed twice", where, code, fact);
          else
            case_check_fact (L, rules, where, fact);
        }
    }
}

static void
run_missing (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, code, facts)
    {
      guint m = (guint) activering_rule_set_lookup_measure (run->rules, code);
      g_autoptr (GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      for (size_t i = 0; i < json_object_array_length (facts); i++)
        g_hash_table_add (expected, (gpointer) item_string (facts, i));
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
      for (size_t i = 0; i < json_object_array_length (facts); i++)
        {
          const char *fact = item_string (facts, i);
          gboolean there = FALSE;
          for (guint j = 0; j < n && !there; j++)
            there = strcmp (activering_evaluation_get_missing_fact (ev, m, j), fact) == 0;
          if (!there)
            g_string_append_printf (lacking, " %s", fact);
        }
      if (extra->len || lacking->len || found != g_hash_table_size (expected) || n != found)
        {
          g_string_append_printf (run->out, "  missing facts of %s: expected %s, got ", code,
                                  json_object_to_json_string_ext (facts, JSON_C_TO_STRING_PLAIN));
          activering_evaluation_append_missing_text (ev, m, run->out);
          g_string_append_printf (run->out, "\n    not expected:%s\n    not reported:%s\n",
                                  extra->len ? extra->str : " -", lacking->len ? lacking->str : " -");
          case_run_describe_measure (run, m);
        }
    }
}

/* ---- missing_asked_of {fact: role} and missing_state {fact: state}: the fact is missing somewhere, and
 * everywhere it is, with that role or state ---- */

static void
check_missing_asked_of (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, fact, role)
    {
      case_check_fact (L, rules, where, fact);
      const char *code = case_json_string (role);
      if (code == NULL || activering_rule_set_get_role_label (rules->rules, code, NULL) == NULL)
        case_loader_error (L, "%s: \"%s\": %s is not a role of the rule set", where, fact,
                           json_object_to_json_string (role));
    }
}

static void
check_missing_state (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, fact, state)
    {
      case_check_fact (L, rules, where, fact);
      check_state_name (L, where, fact, state, fact_state_name, ACTIVERING_FACT_UNKNOWN, ACTIVERING_FACT_BLANK, NULL);
    }
}

/* @asked_of: compares the role a missing fact is asked of; otherwise its state. */
static void
run_missing_per_fact (CaseRun *run, json_object *value, gboolean asked_of)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, fact, expected)
    {
      const char *want = json_object_get_string (expected);
      guint seen = 0;
      for (guint m = 0; m < activering_rule_set_get_n_measures (run->rules); m++)
        for (guint i = 0; i < activering_evaluation_get_n_missing (ev, m); i++)
          {
            if (strcmp (activering_evaluation_get_missing_fact (ev, m, i), fact) != 0)
              continue;
            seen++;
            ActiveringFactState state = activering_evaluation_get_missing_state (ev, m, i);
            const char *got = asked_of ? activering_evaluation_get_missing_asked_of (ev, m, i)
                                       : activering_fact_state_to_string (state);
            if (g_strcmp0 (got, want) != 0)
              g_string_append_printf (run->out, "  missing fact %s of %s: expected %s %s, got %s\n", fact,
                                      activering_rule_set_get_measure_code (run->rules, m),
                                      asked_of ? "to be asked of" : "state", want, got);
          }
      if (seen == 0)
        g_string_append_printf (run->out,
                                "  %s: expected %s to be missing (%s %s), but no measure reports it missing\n",
                                asked_of ? "missing_asked_of" : "missing_state", fact,
                                asked_of ? "asked of" : "state", want);
    }
}

static void
run_missing_asked_of (CaseRun *run, json_object *value)
{
  run_missing_per_fact (run, value, TRUE);
}

static void
run_missing_state (CaseRun *run, json_object *value)
{
  run_missing_per_fact (run, value, FALSE);
}

/* ---- limits {"measure.limit": number or date} and absent_limits ["measure.limit"] ---- */

static void
check_limits (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, id, limit)
    {
      GDate date;
      case_check_measure_dot_id (L, rules, where, "limit", id, rules->limits);
      if (!json_object_is_type (limit, json_type_int) && !json_object_is_type (limit, json_type_double)
          && !case_parse_date (case_json_string (limit), &date))
        case_loader_error (L, "%s: \"%s\": %s is neither a number nor a date", where, id,
                           json_object_to_json_string (limit));
    }
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
      format_gdate (&date, text);
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

static void
run_limits (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, limit)
    {
      guint m = (guint) measure_of (run->rules, id);
      int i = limit_index (ev, m, id);
      g_autoptr (GString) got = g_string_new (NULL);
      if (i < 0)
        g_string_append (got, "not reported");
      else
        append_limit_value (got, ev, m, (guint) i);
      gboolean ok = FALSE;
      double number = 0;
      GDate want, date;
      if (i >= 0 && json_object_is_type (limit, json_type_string))
        ok = case_parse_date (json_object_get_string (limit), &want)
             && activering_evaluation_get_limit_date (ev, m, (guint) i, &date) && g_date_compare (&want, &date) == 0;
      else if (i >= 0)
        ok = activering_evaluation_get_limit_number (ev, m, (guint) i, &number)
             && number_equal (number, json_object_get_double (limit));
      if (!ok)
        g_string_append_printf (run->out, "  limit %s: expected %s, got %s\n", id,
                                json_object_to_json_string_ext (limit, JSON_C_TO_STRING_PLAIN), got->str);
    }
}

static void
check_absent_limits (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!json_object_is_type (value, json_type_array))
    {
      case_loader_error (L, "%s: expected an array of ids", where);
      return;
    }
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      const char *id = case_json_string (json_object_array_get_idx (value, i));
      if (id == NULL)
        case_loader_error (L, "%s: item %zu is not a string", where, i);
      else
        case_check_measure_dot_id (L, rules, where, "limit", id, rules->limits);
    }
}

static void
run_absent_limits (CaseRun *run, json_object *value)
{
  for (size_t k = 0; k < json_object_array_length (value); k++)
    {
      const char *id = item_string (value, k);
      guint m = (guint) measure_of (run->rules, id);
      int i = limit_index (run->ev, m, id);
      if (i >= 0)
        {
          g_autoptr (GString) got = g_string_new (NULL);
          append_limit_value (got, run->ev, m, (guint) i);
          g_string_append_printf (run->out, "  limit %s: expected it not to be reported, got %s\n", id, got->str);
        }
    }
}

/* ---- obligations {obligation: state or "absent"} and obligation_due {obligation: date or null} ---- */

static void
check_obligations (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, id, state)
    {
      case_check_obligation_id (L, rules, where, id);
      check_state_name (L, where, id, state, obligation_state_name, ACTIVERING_OBLIGATION_MET,
                        ACTIVERING_OBLIGATION_UNDETERMINED, "absent");
    }
}

static void
run_obligations (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, state)
    {
      int i = obligation_index (ev, id);
      const char *got = i < 0 ? "absent"
                              : activering_obligation_state_to_string (
                                    activering_evaluation_get_obligation_state (ev, (guint) i));
      if (strcmp (got, json_object_get_string (state)) != 0)
        {
          GDate due;
          char text[11] = "unknown";
          if (i >= 0 && activering_evaluation_get_obligation_due (ev, (guint) i, &due))
            format_gdate (&due, text);
          g_string_append_printf (run->out, "  obligation %s: expected %s, got %s", id, json_object_get_string (state),
                                  got);
          if (i >= 0)
            g_string_append_printf (run->out, " (due %s)", text);
          g_string_append_c (run->out, '\n');
        }
    }
}

static void
check_obligation_due (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!check_is_object (L, where, value))
    return;
  json_object_object_foreach (value, id, due)
    {
      GDate date;
      case_check_obligation_id (L, rules, where, id);
      if (!json_object_is_type (due, json_type_null) && !case_parse_date (case_json_string (due), &date))
        case_loader_error (L, "%s: \"%s\": %s is neither a date nor null", where, id, json_object_to_json_string (due));
    }
}

static void
run_obligation_due (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, expected_due)
    {
      int i = obligation_index (ev, id);
      GDate due, want;
      char text[11];
      gboolean want_unknown = json_object_is_type (expected_due, json_type_null);
      const char *expected = want_unknown ? "no known due date" : json_object_get_string (expected_due);
      if (i < 0)
        {
          g_string_append_printf (run->out,
                                  "  due date of obligation %s: expected %s, but the obligation is not reported\n",
                                  id, expected);
          continue;
        }
      gboolean known = activering_evaluation_get_obligation_due (ev, (guint) i, &due);
      if (known)
        format_gdate (&due, text);
      else
        g_strlcpy (text, "unknown", sizeof text);
      gboolean ok = want_unknown ? !known
                                 : known && case_parse_date (expected, &want) && g_date_compare (&want, &due) == 0;
      if (!ok)
        g_string_append_printf (run->out, "  due date of obligation %s: expected %s, got %s\n", id, expected, text);
    }
}

/* ---- the table ---- */

/* In the order the loader lists the known keys. */
static const CaseExpectation expectations[] = {
  {"outcomes", CASE_STAGE_DECISIONS, check_outcomes, run_outcomes},
  {"conditions", CASE_STAGE_DECISIONS, check_conditions, run_conditions},
  {"missing", CASE_STAGE_DETAILS, check_missing, run_missing},
  {"missing_asked_of", CASE_STAGE_DETAILS, check_missing_asked_of, run_missing_asked_of},
  {"missing_state", CASE_STAGE_DETAILS, check_missing_state, run_missing_state},
  {"limits", CASE_STAGE_DETAILS, check_limits, run_limits},
  {"absent_limits", CASE_STAGE_DETAILS, check_absent_limits, run_absent_limits},
  {"obligations", CASE_STAGE_DETAILS, check_obligations, run_obligations},
  {"obligation_due", CASE_STAGE_DETAILS, check_obligation_due, run_obligation_due},
  {"reasons", CASE_STAGE_DECISIONS, check_reasons, run_reasons},
  {"coverage", CASE_STAGE_DECISIONS, check_coverage, run_coverage},
  {"via", CASE_STAGE_DECISIONS, check_via, run_via},
  {"signals", CASE_STAGE_DECISIONS, check_signals, run_signals},
  {"trajectory", CASE_STAGE_DOCUMENTS, case_check_trajectory_expect, case_run_trajectory_expect},
  {"roles", CASE_STAGE_DOCUMENTS, case_check_roles_expect, case_run_roles_expect},
};

static const CaseExpectation *
lookup_expectation (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (strcmp (expectations[i].key, key) == 0)
      return &expectations[i];
  return NULL;
}

/* Checks a case's "expect", key by key in the file's order. Returns whether it has no problem. */
gboolean
case_check_expect (CaseLoader *L, const CaseRules *rules, json_object *expect)
{
  int before = L->n_errors;
  const char *keys[G_N_ELEMENTS (expectations) + 1];
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    keys[i] = expectations[i].key;
  keys[G_N_ELEMENTS (expectations)] = NULL;
  if (!case_check_keys (L, expect, "expect", keys))
    return FALSE;
  if (json_object_object_length (expect) == 0)
    case_loader_error (L, "expect: checks nothing");

  json_object_object_foreach (expect, key, value)
    {
      const CaseExpectation *expectation = lookup_expectation (key);
      if (expectation == NULL)
        continue; /* "note", or reported by case_check_keys () */
      g_autofree char *where = g_strconcat ("expect.", key, NULL);
      expectation->check (L, rules, where, value);
    }
  return L->n_errors == before;
}

/* Runs the expectations of @stage that the case has, in the table's order. */
void
case_run_expectations (CaseRun *run, CaseStage stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      json_object *value = NULL;
      if (expectations[i].stage == stage && json_object_object_get_ex (run->c->expect, expectations[i].key, &value))
        expectations[i].run (run, value);
    }
}
