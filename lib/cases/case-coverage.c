/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-coverage.c: what the cases of a run exercised in a rule set: the states (false, true, unknown) each
 * condition took, and the periods of each parameter that some case was evaluated in (`activering test --coverage`).
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"
#include "eval/evaluation-private.h"
#include "json/json-writer-private.h"
#include "util/dates-private.h"
#include "util/boxed-private.h"

/* A condition's states as bits: 1 << ActiveringTruth. */
#define N_TRUTHS (ACTIVERING_TRUTH_UNKNOWN + 1)
#define ALL_TRUTHS ((1u << N_TRUTHS) - 1)

struct _ActiveringCaseCoverage
{
  grefcount ref_count; /* see util/boxed-private.h */
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
  g_ref_count_init (&coverage->ref_count);
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
  ACTIVERING_BOXED_RELEASE (coverage);
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
void
case_coverage_add (ActiveringCaseCoverage *coverage, const ActiveringEvaluation *ev)
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
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < rules->measures[m].n_conditions; i++)
      {
        json_writer_begin_object (w);
        json_writer_member_string (w, "id", rules->measures[m].conditions[i].id);
        for (guint s = 0; s < N_TRUTHS; s++)
          {
            json_writer_key (w, activering_truth_to_string ((ActiveringTruth) s));
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
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < rules->measures[m].n_conditions; i++)
      {
        guint8 seen = coverage->seen[m][i];
        g_string_append_printf (out, "%s  %-52s", p, rules->measures[m].conditions[i].id);
        for (guint s = 0; s < N_TRUTHS; s++)
          g_string_append_printf (out, " %-8s",
                                  (seen >> s) & 1 ? activering_truth_to_string ((ActiveringTruth) s) : "-");
        if (seen != ALL_TRUTHS)
          {
            g_string_append (out, "  never");
            for (guint s = 0, n = 0; s < N_TRUTHS; s++)
              if (!((seen >> s) & 1))
                g_string_append_printf (out, "%s %s", n++ ? "," : "", activering_truth_to_string ((ActiveringTruth) s));
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

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringCaseCoverage, activering_case_coverage)
