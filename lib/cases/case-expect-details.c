/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-expect-details.c: the expectations on what a decision rests on and leads to (CASE_STAGE_DETAILS): "missing",
 * "missing_asked_of", "missing_state", "limits", "absent_limits", "obligations" and "obligation_due". Each key has
 * its case_check_<key> (), called when the case file is loaded, and its case_run_<key> (), called with the case;
 * the table in case-expect.c lists them.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cases/cases-private.h"
#include "util/dates-private.h"

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

/* ---- missing: {measure: [fact paths]}, exactly these in any order ---- */

void
case_check_missing (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
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

void
case_run_missing (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, code, facts)
    {
      guint m = (guint) activering_rule_set_lookup_measure (run->rules, code);
      g_autoptr (GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      for (size_t i = 0; i < json_object_array_length (facts); i++)
        g_hash_table_add (expected, (gpointer) case_array_string (facts, i));
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
          const char *fact = case_array_string (facts, i);
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

void
case_check_missing_asked_of (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
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

void
case_check_missing_state (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, fact, state)
    {
      case_check_fact (L, rules, where, fact);
      case_check_state_name (L, where, fact, state, fact_state_name, ACTIVERING_FACT_UNKNOWN, ACTIVERING_FACT_BLANK,
                             NULL);
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
        g_string_append_printf (
            run->out, "  %s: expected %s to be missing (%s %s), but no measure reports it missing\n",
            asked_of ? "missing_asked_of" : "missing_state", fact, asked_of ? "asked of" : "state", want);
    }
}

void
case_run_missing_asked_of (CaseRun *run, json_object *value)
{
  run_missing_per_fact (run, value, TRUE);
}

void
case_run_missing_state (CaseRun *run, json_object *value)
{
  run_missing_per_fact (run, value, FALSE);
}

/* ---- limits {"measure.limit": number or date} and absent_limits ["measure.limit"] ---- */

void
case_check_limits (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
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

void
case_run_limits (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, limit)
    {
      guint m = (guint) case_measure_of (run->rules, id);
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

void
case_check_absent_limits (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
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

void
case_run_absent_limits (CaseRun *run, json_object *value)
{
  for (size_t k = 0; k < json_object_array_length (value); k++)
    {
      const char *id = case_array_string (value, k);
      guint m = (guint) case_measure_of (run->rules, id);
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

void
case_check_obligations (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, id, state)
    {
      case_check_obligation_id (L, rules, where, id);
      case_check_state_name (L, where, id, state, obligation_state_name, ACTIVERING_OBLIGATION_MET,
                             ACTIVERING_OBLIGATION_UNDETERMINED, "absent");
    }
}

void
case_run_obligations (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, state)
    {
      int i = obligation_index (ev, id);
      const char *got =
          i < 0 ? "absent"
                : activering_obligation_state_to_string (activering_evaluation_get_obligation_state (ev, (guint) i));
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

void
case_check_obligation_due (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, id, due)
    {
      GDate date;
      case_check_obligation_id (L, rules, where, id);
      if (!json_object_is_type (due, json_type_null) && !case_parse_date (case_json_string (due), &date))
        case_loader_error (L, "%s: \"%s\": %s is neither a date nor null", where, id, json_object_to_json_string (due));
    }
}

void
case_run_obligation_due (CaseRun *run, json_object *value)
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
          g_string_append_printf (
              run->out, "  due date of obligation %s: expected %s, but the obligation is not reported\n", id, expected);
          continue;
        }
      gboolean known = activering_evaluation_get_obligation_due (ev, (guint) i, &due);
      if (known)
        format_gdate (&due, text);
      else
        g_strlcpy (text, "unknown", sizeof text);
      gboolean ok =
          want_unknown ? !known : known && case_parse_date (expected, &want) && g_date_compare (&want, &due) == 0;
      if (!ok)
        g_string_append_printf (run->out, "  due date of obligation %s: expected %s, got %s\n", id, expected, text);
    }
}
