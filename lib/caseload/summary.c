/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* summary.c: every figure of the caseload report, computed once from the accumulator, for the JSON document and
 * the HTML page alike (one code path for the numbers). */
#include "config.h"

#include <string.h>

#include "caseload/caseload-private.h"

static void
cohort_summary_free (gpointer data)
{
  CohortSummary *cs = data;
  estimate_clear (&cs->first_measure);
  estimate_clear (&cs->lasting_outflow);
  for (guint i = 0; i < cs->phases->len; i++)
    estimate_clear (&g_array_index (cs->phases, PhaseEstimate, i).estimate);
  g_array_unref (cs->phases);
  g_free (cs);
}

static CohortSummary *
cohort_summary_new (const ActiveringCaseload *caseload, const Cohort *cohort, gboolean all)
{
  CohortSummary *cs = g_new0 (CohortSummary, 1);
  cs->cohort = cohort;
  if (all)
    strcpy (cs->name, "all");
  else
    caseload_period_describe (caseload->by, cohort->key, &cs->from, &cs->until, cs->name);
  survival_estimate (cohort->first_measure, &cs->first_measure);
  survival_estimate (cohort->lasting_outflow, &cs->lasting_outflow);
  cs->phases = g_array_new (FALSE, FALSE, sizeof (PhaseEstimate));
  const ActiveringRuleSet *rules = caseload->rules;
  for (guint m = 0; m < rules->n_models; m++)
    for (guint p = 0; p < rules->models[m].n_phases; p++)
      {
        guint phase = caseload->phase_base[m] + p;
        if (cohort->in_phase[phase] == NULL)
          continue;
        PhaseEstimate pe = { .phase = phase, .model = m, .model_phase = p };
        survival_estimate (cohort->in_phase[phase], &pe.estimate);
        g_array_append_val (cs->phases, pe);
      }
  return cs;
}

static gint
by_key (gconstpointer a, gconstpointer b)
{
  gint32 x = (*(const Cohort *const *) a)->key, y = (*(const Cohort *const *) b)->key;
  return (x > y) - (x < y);
}

static gint
by_count (gconstpointer a, gconstpointer b)
{
  const FactRow *x = a, *y = b;
  if (x->dossiers != y->dossiers)
    return x->dossiers < y->dossiers ? 1 : -1;
  if (x->decisions != y->decisions)
    return x->decisions < y->decisions ? 1 : -1;
  return (x->fact > y->fact) - (x->fact < y->fact);
}

static gint
by_pair (gconstpointer a, gconstpointer b)
{
  const char *const *x = a, *const *y = b;
  int c = strcmp (x[0], y[0]);
  return c != 0 ? c : strcmp (x[1], y[1]);
}

static void
pair_couples (CaseloadSummary *summary, const ActiveringCaseload *caseload)
{
  const Couples *couples = &caseload->couples;
  g_autoptr (GArray) flagged = g_array_new (FALSE, FALSE, sizeof (const char *) * 2);
  for (guint i = 0; i < couples->pairs->len; i++)
    {
      const guint64 *pair = &g_array_index (couples->pairs, guint64, 2 * i);
      int partner = couples_lookup (couples, pair[1]);
      if (partner < 0 || !(partner & DOSSIER_STATUS_KNOWN))
        summary->partner_unknown++;
      else if ((partner & DOSSIER_ON_BENEFIT) && !(partner & DOSSIER_OPEN))
        {
          summary->couples_flagged++;
          if (caseload->list_ids)
            g_array_append_vals (flagged, &caseload->ids_pairs->pdata[2 * i], 1);
        }
    }
  if (!caseload->list_ids)
    return;
  g_array_sort (flagged, by_pair);
  summary->flagged_ids = g_ptr_array_new ();
  for (guint i = 0; i < flagged->len; i++)
    {
      const char *const *pair = &g_array_index (flagged, const char *, 2 * i);
      g_ptr_array_add (summary->flagged_ids, (gpointer) pair[0]);
      g_ptr_array_add (summary->flagged_ids, (gpointer) pair[1]);
    }
}

CaseloadSummary *
caseload_summary_new (const ActiveringCaseload *caseload)
{
  CaseloadSummary *summary = g_new0 (CaseloadSummary, 1);
  summary->caseload = caseload;
  summary->cohorts = g_ptr_array_new_with_free_func (cohort_summary_free);
  g_autoptr (GPtrArray) cohorts = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer cohort;
  g_hash_table_iter_init (&iter, caseload->cohorts);
  while (g_hash_table_iter_next (&iter, NULL, &cohort))
    g_ptr_array_add (cohorts, cohort);
  g_ptr_array_sort (cohorts, by_key);
  for (guint i = 0; i < cohorts->len; i++)
    g_ptr_array_add (summary->cohorts, cohort_summary_new (caseload, cohorts->pdata[i], FALSE));
  g_ptr_array_add (summary->cohorts, cohort_summary_new (caseload, &caseload->all, TRUE));

  summary->facts = g_array_new (FALSE, FALSE, sizeof (FactRow));
  for (guint f = 0; f < caseload->rules->n_facts; f++)
    {
      FactRow row = { .fact = f, .dossiers = caseload->fact_dossiers[f], .decisions = caseload->fact_decisions[f] };
      if (row.dossiers >= CASELOAD_SMALL_CELL)
        g_array_append_val (summary->facts, row);
      else if (row.dossiers > 0)
        summary->facts_other++;
    }
  g_array_sort (summary->facts, by_count);
  pair_couples (summary, caseload);
  return summary;
}

void
caseload_summary_free (CaseloadSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->cohorts);
  g_array_unref (summary->facts);
  g_clear_pointer (&summary->flagged_ids, g_ptr_array_unref);
  g_free (summary);
}
