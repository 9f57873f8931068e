/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* caseload.c: the caseload accumulator: trajectory reports that were already run, added up per cohort, measure,
 * fact and couple (docs/caseload-report.md). */
#include "config.h"

#include <string.h>

#include "caseload/caseload-private.h"
#include "facts/facts-private.h"
#include "trajectory/trajectory-private.h"
#include "util/boxed-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

#define STILL G_MAXINT32

/* ---- periods ---- */

gint32
caseload_period_of (ActiveringCaseloadPeriod by, gint32 day)
{
  int year, month, mday;
  activering_civil_from_days (day, &year, &month, &mday);
  switch (by)
    {
    case ACTIVERING_CASELOAD_BY_MONTH: return year * 12 + month - 1;
    case ACTIVERING_CASELOAD_BY_YEAR: return year;
    case ACTIVERING_CASELOAD_BY_QUARTER:
    default: return year * 4 + (month - 1) / 3;
    }
}

void
caseload_period_describe (ActiveringCaseloadPeriod by, gint32 key, gint32 *from, gint32 *until, char name[16])
{
  int year, first_month, n_months;
  switch (by)
    {
    case ACTIVERING_CASELOAD_BY_MONTH:
      year = key / 12, first_month = key % 12 + 1, n_months = 1;
      g_snprintf (name, 16, "%04d-%02d", year, first_month);
      break;
    case ACTIVERING_CASELOAD_BY_YEAR:
      year = key, first_month = 1, n_months = 12;
      g_snprintf (name, 16, "%04d", year);
      break;
    case ACTIVERING_CASELOAD_BY_QUARTER:
    default:
      year = key / 4, first_month = key % 4 * 3 + 1, n_months = 3;
      g_snprintf (name, 16, "%04d-Q%d", year, key % 4 + 1);
      break;
    }
  int last_month = first_month + n_months - 1;
  *from = activering_days_from_civil (year, first_month, 1);
  *until = activering_days_from_civil (year, last_month, activering_days_in_month (year, last_month));
}

const char *
caseload_period_to_string (ActiveringCaseloadPeriod by)
{
  switch (by)
    {
    case ACTIVERING_CASELOAD_BY_MONTH: return "month";
    case ACTIVERING_CASELOAD_BY_YEAR: return "year";
    case ACTIVERING_CASELOAD_BY_QUARTER:
    default: return "quarter";
    }
}

gboolean
activering_caseload_period_from_string (const char *text, ActiveringCaseloadPeriod *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  static const ActiveringCaseloadPeriod periods[] = { ACTIVERING_CASELOAD_BY_QUARTER, ACTIVERING_CASELOAD_BY_MONTH,
                                                      ACTIVERING_CASELOAD_BY_YEAR };
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (periods); i++)
    if (strcmp (text, caseload_period_to_string (periods[i])) == 0)
      {
        *out = periods[i];
        return TRUE;
      }
  return FALSE;
}

/* ---- cohorts ---- */

static void
cohort_init (Cohort *cohort, const ActiveringCaseload *caseload, gint32 key)
{
  *cohort = (Cohort) { .key = key };
  cohort->phase_now = g_new0 (guint64, MAX (caseload->n_phases, 1));
  cohort->in_phase = g_new0 (Survival *, MAX (caseload->n_phases, 1));
}

static void
cohort_clear (Cohort *cohort, guint n_phases)
{
  for (guint p = 0; cohort->in_phase != NULL && p < n_phases; p++)
    g_free (cohort->in_phase[p]);
  g_clear_pointer (&cohort->in_phase, g_free);
  g_clear_pointer (&cohort->phase_now, g_free);
  g_clear_pointer (&cohort->first_measure, g_free);
  g_clear_pointer (&cohort->lasting_outflow, g_free);
}

static Survival *
survival_of (Survival **survival)
{
  if (*survival == NULL)
    *survival = g_new0 (Survival, 1);
  return *survival;
}

static gint32
last_day_observed (const ActiveringTrajectoryReport *report)
{
  return report->state == ACTIVERING_TRAJECTORY_OPEN ? report->as_of : report->closed_on;
}

static IndicatorState
indicator (const ActiveringTrajectoryReport *report, int index)
{
  return index < 0 ? INDICATOR_NOT_APPLICABLE : report->indicators[index];
}

static void
cohort_add (Cohort *cohort, const ActiveringCaseload *caseload, const ActiveringTrajectoryReport *report)
{
  const CaseloadSettings *s = caseload->settings;
  gboolean open = report->state == ACTIVERING_TRAJECTORY_OPEN;
  cohort->trajectories++;
  if (open)
    {
      cohort->open++;
      cohort->phase_now[caseload->phase_base[report->current_model] + (guint) report->current_phase]++;
    }
  else
    cohort->closed++;

  /* censored at the report date while open, at the last close once closed */
  gint32 end = last_day_observed (report);
  if (report->first_measure_on != G_MININT32)
    survival_add (survival_of (&cohort->first_measure), report->first_measure_on - report->opened_on, TRUE);
  else
    survival_add (survival_of (&cohort->first_measure), end - report->opened_on, FALSE);

  for (guint v = 0; v < report->visits->len; v++)
    {
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      guint phase = caseload->phase_base[visit->model] + visit->phase;
      gint32 last = visit->until == STILL ? report->as_of : visit->until;
      survival_add (survival_of (&cohort->in_phase[phase]), last >= visit->from ? last - visit->from + 1 : 0,
                    visit->until != STILL);
    }

  /* an outflow that lasted is an event on the day of its close, even if the trajectory reopened much later */
  IndicatorState lasting = indicator (report, s->lasting_outflow);
  if (lasting == INDICATOR_MET)
    survival_add (survival_of (&cohort->lasting_outflow),
                  (gint32) report->indicator_values[s->lasting_outflow] - report->opened_on, TRUE);
  else
    survival_add (survival_of (&cohort->lasting_outflow), end - report->opened_on, FALSE);
  cohort->lasting_met += lasting == INDICATOR_MET;
  cohort->lasting_pending += lasting == INDICATOR_PENDING;
  cohort->lasting_not_met += lasting == INDICATOR_NOT_MET;

  gboolean reentered = s->reentries >= 0 && report->indicators[s->reentries] == INDICATOR_VALUE
                       && report->indicator_values[s->reentries] > 0;
  cohort->reentered += reentered;
  cohort->ever_closed += !open || reentered;

  IndicatorState timely = indicator (report, s->timely_work);
  cohort->timely_met += timely == INDICATOR_MET;
  cohort->timely_not_met += timely == INDICATOR_NOT_MET;
  cohort->timely_pending += timely == INDICATOR_PENDING;
}

static Cohort *
cohort_for (ActiveringCaseload *caseload, gint32 opened_on)
{
  gint32 key = caseload_period_of (caseload->by, opened_on);
  Cohort *cohort = g_hash_table_lookup (caseload->cohorts, GINT_TO_POINTER (key));
  if (cohort == NULL)
    {
      cohort = g_new (Cohort, 1);
      cohort_init (cohort, caseload, key);
      g_hash_table_insert (caseload->cohorts, GINT_TO_POINTER (key), cohort);
    }
  return cohort;
}

/* ---- the caseload ---- */

static void
cohort_free (gpointer data, gpointer n_phases)
{
  cohort_clear (data, GPOINTER_TO_UINT (n_phases));
  g_free (data);
}

ActiveringCaseload *
activering_caseload_new (ActiveringRuleSet *rules, const GDate *as_of, ActiveringCaseloadPeriod by, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  if (as_of != NULL && (!g_date_valid (as_of) || g_date_get_year (as_of) > 9999))
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "%s: the report date is not a valid date "
                   "(from year 1 to 9999)", CASELOAD_DOCUMENT);
      return NULL;
    }
  if ((guint) by > ACTIVERING_CASELOAD_BY_YEAR)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "%s: cohorts by %d: expected quarter (0), month (1) "
                   "or year (2)", CASELOAD_DOCUMENT, (int) by);
      return NULL;
    }
  CaseloadSettings *settings = caseload_settings_new (rules, error);
  if (settings == NULL)
    return NULL;
  ActiveringCaseload *c = g_new0 (ActiveringCaseload, 1);
  g_ref_count_init (&c->ref_count);
  c->rules = activering_rule_set_ref (rules);
  c->settings = settings;
  c->as_of = as_of != NULL ? activering_days_from_gdate (as_of) : activering_today ();
  c->by = by;
  c->phase_base = g_new0 (guint, rules->n_models + 1);
  for (guint m = 0; m < rules->n_models; m++)
    c->phase_base[m + 1] = c->phase_base[m] + rules->models[m].n_phases;
  c->n_phases = c->phase_base[rules->n_models];
  c->cohorts = g_hash_table_new (NULL, NULL);
  cohort_init (&c->all, c, 0);
  guint n_measures = MAX (rules->n_measures, 1), n_facts = MAX (rules->n_facts, 1);
  c->eligible = g_new0 (guint64, n_measures);
  c->undetermined = g_new0 (guint64, n_measures);
  c->ran = g_new0 (guint64, n_measures);
  c->eligible_never_ran = g_new0 (guint64, n_measures);
  c->ran_scratch = g_new0 (guint8, n_measures);
  c->fact_dossiers = g_new0 (guint64, n_facts);
  c->fact_decisions = g_new0 (guint64, n_facts);
  c->fact_stamp = g_new0 (guint32, n_facts);
  couples_init (&c->couples);
  return c;
}

static void
free_ids (ActiveringCaseload *c)
{
  g_clear_pointer (&c->id_strings, g_string_chunk_free);
  g_clear_pointer (&c->ids_no_decision, g_ptr_array_unref);
  g_clear_pointer (&c->ids_gap_warned, g_ptr_array_unref);
  g_clear_pointer (&c->ids_pairs, g_ptr_array_unref);
  for (guint m = 0; c->ids_never_ran != NULL && m < c->rules->n_measures; m++)
    g_ptr_array_unref (c->ids_never_ran[m]);
  g_clear_pointer (&c->ids_never_ran, g_free);
}

void
activering_caseload_free (ActiveringCaseload *caseload)
{
  ACTIVERING_BOXED_RELEASE (caseload);
  ActiveringCaseload *c = caseload;
  GHashTableIter iter;
  gpointer cohort;
  g_hash_table_iter_init (&iter, c->cohorts);
  while (g_hash_table_iter_next (&iter, NULL, &cohort))
    cohort_free (cohort, GUINT_TO_POINTER (c->n_phases));
  g_hash_table_unref (c->cohorts);
  cohort_clear (&c->all, c->n_phases);
  free_ids (c);
  g_clear_pointer (&c->actors, g_hash_table_unref);
  couples_clear (&c->couples);
  g_free (c->eligible);
  g_free (c->undetermined);
  g_free (c->ran);
  g_free (c->eligible_never_ran);
  g_free (c->ran_scratch);
  g_free (c->fact_dossiers);
  g_free (c->fact_decisions);
  g_free (c->fact_stamp);
  g_free (c->phase_base);
  caseload_settings_free (c->settings);
  activering_rule_set_unref (c->rules);
  g_free (c);
}

gboolean
activering_caseload_set_list_ids (ActiveringCaseload *caseload, gboolean list_ids, GError **error)
{
  g_return_val_if_fail (caseload != NULL, FALSE);
  if (caseload->has_added)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
                   "%s: whether ids are listed must be set before the first dossier is added", CASELOAD_DOCUMENT);
      return FALSE;
    }
  free_ids (caseload);
  caseload->list_ids = list_ids;
  if (list_ids)
    {
      caseload->id_strings = g_string_chunk_new (4096);
      caseload->ids_no_decision = g_ptr_array_new ();
      caseload->ids_gap_warned = g_ptr_array_new ();
      caseload->ids_pairs = g_ptr_array_new ();
      caseload->ids_never_ran = g_new0 (GPtrArray *, MAX (caseload->rules->n_measures, 1));
      for (guint m = 0; m < caseload->rules->n_measures; m++)
        caseload->ids_never_ran[m] = g_ptr_array_new ();
    }
  return TRUE;
}

void
activering_caseload_set_organisation (ActiveringCaseload *caseload, const ActiveringOrganisation *organisation)
{
  g_return_if_fail (caseload != NULL);
  g_clear_pointer (&caseload->actors, g_hash_table_unref);
  if (organisation == NULL)
    return;
  caseload->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint a = 0; a < activering_organisation_get_n_actors (organisation); a++)
    {
      const char *role = activering_organisation_get_actor_role (organisation, a);
      GPtrArray *ids = g_hash_table_lookup (caseload->actors, role);
      if (ids == NULL)
        {
          ids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (caseload->actors, g_strdup (role), ids);
        }
      g_ptr_array_add (ids, g_strdup (activering_organisation_get_actor_id (organisation, a)));
    }
}

static const char *
keep_id (ActiveringCaseload *c, const char *id)
{
  return g_string_chunk_insert_const (c->id_strings, id);
}

/* The flags of the dossier's facts for couples, and its partner's id (NULL if none). */
static guint
facts_flags (const ActiveringCaseload *c, const ActiveringFacts *facts, const char **partner)
{
  const CaseloadSettings *s = c->settings;
  guint flags = 0;
  *partner = NULL;
  if (facts == NULL)
    return 0;
  if (s->partner_fact >= 0 && facts->state[s->partner_fact] == ACTIVERING_FACT_KNOWN)
    *partner = facts->ids->str + facts->values[s->partner_fact].i;
  if (s->benefit_fact >= 0 && facts->state[s->benefit_fact] == ACTIVERING_FACT_KNOWN)
    {
      flags |= DOSSIER_STATUS_KNOWN;
      for (guint v = 0; v < s->n_benefit_values; v++)
        if (facts->values[s->benefit_fact].i == (gint64) s->benefit_values[v])
          flags |= DOSSIER_ON_BENEFIT;
    }
  return flags;
}

/* Measure usage and data quality, from the report's evaluation of the facts on the report date. */
static void
add_measures (ActiveringCaseload *c, const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = c->rules;
  const ActiveringEvaluation *ev = report->evaluation;
  c->measure_population++;
  memset (c->ran_scratch, 0, rules->n_measures);
  for (guint r = 0; r < report->runs->len; r++)
    c->ran_scratch[g_array_index (report->runs, MeasureRun, r).measure] = 1;
  if (++c->stamp == 0)
    {
      memset (c->fact_stamp, 0, sizeof (guint32) * rules->n_facts);
      c->stamp = 1;
    }
  for (guint m = 0; m < rules->n_measures; m++)
    {
      ActiveringOutcome outcome = report->next_outcomes[m];
      gboolean eligible = outcome == ACTIVERING_OUTCOME_ELIGIBLE;
      c->eligible[m] += eligible;
      c->ran[m] += c->ran_scratch[m];
      if (eligible && !c->ran_scratch[m])
        {
          c->eligible_never_ran[m]++;
          if (c->list_ids)
            g_ptr_array_add (c->ids_never_ran[m], (gpointer) keep_id (c, report->id->str));
        }
      if (outcome != ACTIVERING_OUTCOME_UNDETERMINED)
        continue;
      c->undetermined[m]++;
      const MissingList *missing = &ev->missing[m];
      for (guint i = 0; i < missing->n; i++)
        {
          guint slot = missing->slots[i];
          c->fact_decisions[slot]++;
          if (c->fact_stamp[slot] != c->stamp)
            {
              c->fact_stamp[slot] = c->stamp;
              c->fact_dossiers[slot]++;
            }
        }
    }
}

static void
add_follow_up (ActiveringCaseload *c, const ActiveringTrajectoryReport *report, gboolean open)
{
  const CaseloadSettings *s = c->settings;
  guint gap_warnings = 0, missing_decisions = 0;
  for (guint v = 0; v < report->violations->len; v++)
    {
      gint16 check = g_array_index (report->violations, Violation, v).check;
      gap_warnings += check >= 0 && check == s->contact_gap_check;
      missing_decisions += check >= 0 && check == s->no_decision_check;
    }
  if (missing_decisions > 0)
    {
      c->no_decision_trajectories++;
      c->no_decision_reports += missing_decisions;
      if (c->list_ids)
        g_ptr_array_add (c->ids_no_decision, (gpointer) keep_id (c, report->id->str));
    }
  if (!open)
    return;
  c->gap_population++;
  if (gap_warnings > 0)
    {
      c->gap_warned++;
      if (c->list_ids)
        g_ptr_array_add (c->ids_gap_warned, (gpointer) keep_id (c, report->id->str));
    }
  int i = s->days_since_last_contact;
  if (i < 0 || report->indicators[i] != INDICATOR_VALUE)
    {
      c->no_contact++;
      return;
    }
  double days = report->indicator_values[i];
  guint bin = 0;
  while (bin + 1 < s->n_bins && days >= s->bins[bin + 1])
    bin++;
  c->gap_bins[bin]++;
}

gboolean
activering_caseload_add (ActiveringCaseload *caseload, const ActiveringTrajectoryReport *report,
                         const ActiveringFacts *facts, GError **error)
{
  g_return_val_if_fail (caseload != NULL && report != NULL, FALSE);
  g_return_val_if_fail (report->rules == caseload->rules, FALSE);
  g_return_val_if_fail (facts == NULL || facts->rules == caseload->rules, FALSE);
  ActiveringCaseload *c = caseload;
  if (!report->has_run || report->as_of != c->as_of)
    {
      char as_of[11];
      activering_format_date (c->as_of, as_of);
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "%s: the trajectory report %s; it must be run on "
                   "the report date, %s", CASELOAD_DOCUMENT, report->has_run ? "was run on another date" : "has not run",
                   as_of);
      return FALSE;
    }
  if (facts != NULL && (!facts->has_id || strcmp (facts->id, report->id->str) != 0))
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_INVALID_VALUE,
                   "%s: the facts are of another dossier than the trajectory report", CASELOAD_DOCUMENT);
      return FALSE;
    }
  c->has_added = TRUE;
  c->total++;
  c->trajectories++;
  c->with_facts += facts != NULL;
  const char *partner;
  guint flags = facts_flags (c, facts, &partner);
  guint64 hash = couples_hash (report->id->str);
  gboolean open = report->state == ACTIVERING_TRAJECTORY_OPEN;
  if (report->state == ACTIVERING_TRAJECTORY_NOT_STARTED)
    c->not_started++;
  else
    {
      cohort_add (cohort_for (c, report->opened_on), c, report);
      cohort_add (&c->all, c, report);
      c->open += open;
      c->closed += !open;
      if (open && report->has_next_steps)
        add_measures (c, report);
      add_follow_up (c, report, open);
    }
  if (open)
    {
      flags |= DOSSIER_OPEN;
      if (partner != NULL)
        {
          c->open_with_partner++;
          couples_add_pair (&c->couples, hash, couples_hash (partner));
          if (c->list_ids)
            {
              g_ptr_array_add (c->ids_pairs, (gpointer) keep_id (c, report->id->str));
              g_ptr_array_add (c->ids_pairs, (gpointer) keep_id (c, partner));
            }
        }
    }
  if (flags != 0)
    couples_mark (&c->couples, hash, flags);
  return TRUE;
}

gboolean
activering_caseload_add_facts (ActiveringCaseload *caseload, const ActiveringFacts *facts, GError **error)
{
  g_return_val_if_fail (caseload != NULL && facts != NULL, FALSE);
  g_return_val_if_fail (facts->rules == caseload->rules, FALSE);
  if (!facts->has_id)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "%s: the facts were never parsed",
                   CASELOAD_DOCUMENT);
      return FALSE;
    }
  caseload->has_added = TRUE;
  caseload->total++;
  caseload->facts_only++;
  const char *partner;
  guint flags = facts_flags (caseload, facts, &partner);
  if (flags != 0)
    couples_mark (&caseload->couples, couples_hash (facts->id), flags);
  return TRUE;
}

void
activering_caseload_add_unreadable (ActiveringCaseload *caseload)
{
  g_return_if_fail (caseload != NULL);
  caseload->has_added = TRUE;
  caseload->bad_lines++;
}

guint64
activering_caseload_get_n_dossiers (const ActiveringCaseload *caseload)
{
  g_return_val_if_fail (caseload != NULL, 0);
  return caseload->total;
}

gboolean
caseload_languages (const ActiveringCaseload *caseload, const char *lang, int *rules_language, int *text_language,
                    GError **error)
{
  *rules_language = rule_set_output_language (caseload->rules, lang, CASELOAD_DOCUMENT, error);
  if (*rules_language < 0)
    return FALSE;
  *text_language = caseload_settings_language (caseload->settings, caseload->rules->languages[*rules_language]);
  if (*text_language < 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "%s: the report has no texts in \"%s\"",
                   CASELOAD_DOCUMENT, caseload->rules->languages[*rules_language]);
      return FALSE;
    }
  return TRUE;
}

RateState
caseload_rate (guint64 numerator, guint64 denominator, double *rate)
{
  if (denominator == 0)
    return RATE_NULL;
  if (caseload_is_small (numerator) || caseload_is_small (denominator))
    return RATE_SMALL;
  *rate = (double) numerator / (double) denominator;
  return RATE_VALUE;
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringCaseload, activering_caseload)
