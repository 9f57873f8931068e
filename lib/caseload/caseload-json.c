/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* caseload-json.c: the `activering.caseload-report/1` document (docs/caseload-report.md). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "caseload/caseload-private.h"

void
caseload_write_count (JsonWriter *w, guint64 n)
{
  if (caseload_is_small (n))
    json_writer_string (w, "<5");
  else
    json_writer_integer (w, (gint64) n);
}

static void
member_count (JsonWriter *w, const char *key, guint64 n)
{
  json_writer_key (w, key);
  caseload_write_count (w, n);
}

static void
write_fraction (JsonWriter *w, double x)
{
  json_writer_number (w, round (x * 10000.0) / 10000.0);
}

static void
member_rate (JsonWriter *w, const char *key, guint64 numerator, guint64 denominator)
{
  double rate = 0;
  json_writer_key (w, key);
  switch (caseload_rate (numerator, denominator, &rate))
    {
    case RATE_NULL: json_writer_null (w); break;
    case RATE_SMALL: json_writer_string (w, "<5"); break;
    case RATE_VALUE: write_fraction (w, rate); break;
    }
}

static void
write_estimate (JsonWriter *w, const Estimate *e)
{
  static const char *const quartile_keys[3] = { "q1", "median", "q3" };
  gboolean small = caseload_is_small (e->n);
  json_writer_begin_object (w);
  member_count (w, "n", e->n);
  member_count (w, "events", small ? 1 : e->events);
  member_count (w, "censored", small ? 1 : e->censored);
  for (guint q = 0; q < 3; q++)
    {
      json_writer_key (w, quartile_keys[q]);
      if (small)
        json_writer_string (w, "<5");
      else if (e->quartiles[q] == QUARTILE_NOT_REACHED)
        json_writer_null (w);
      else
        json_writer_integer (w, e->quartiles[q]);
    }
  json_writer_key (w, "curve");
  json_writer_begin_array (w);
  for (guint i = 0; !small && i < e->curve->len; i++)
    {
      const CurvePoint *point = &g_array_index (e->curve, CurvePoint, i);
      json_writer_begin_object (w);
      json_writer_key (w, "day");
      json_writer_integer (w, point->day);
      member_count (w, "at_risk", point->at_risk);
      json_writer_key (w, "survival");
      write_fraction (w, point->survival);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
  json_writer_end_object (w);
}

static void
write_phase (JsonWriter *w, const ActiveringRuleSet *rules, guint model, guint phase, int language)
{
  json_writer_member_string (w, "model", rules->models[model].code);
  json_writer_member_string (w, "phase", rules->models[model].phases[phase].code);
  json_writer_member_string (w, "label", rules->models[model].phases[phase].label[language]);
}

static void
write_cohort (JsonWriter *w, const ActiveringCaseload *caseload, const CohortSummary *cs, int language)
{
  const ActiveringRuleSet *rules = caseload->rules;
  const Cohort *c = cs->cohort;
  json_writer_begin_object (w);
  json_writer_member_string (w, "period", cs->name);
  if (strcmp (cs->name, "all") != 0)
    {
      json_writer_member_date (w, "from", cs->from);
      json_writer_member_date (w, "until", cs->until);
    }
  member_count (w, "trajectories", c->trajectories);
  member_count (w, "open", c->open);
  member_count (w, "closed", c->closed);
  json_writer_key (w, "phase_now");
  json_writer_begin_array (w);
  for (guint m = 0; m < rules->n_models; m++)
    for (guint p = 0; p < rules->models[m].n_phases; p++)
      {
        guint64 n = c->phase_now[caseload->phase_base[m] + p];
        if (n == 0)
          continue;
        json_writer_begin_object (w);
        write_phase (w, rules, m, p, language);
        member_count (w, "count", n);
        json_writer_end_object (w);
      }
  json_writer_end_array (w);
  json_writer_key (w, "days_to_first_measure");
  write_estimate (w, &cs->first_measure);
  json_writer_key (w, "days_in_phase");
  json_writer_begin_array (w);
  for (guint i = 0; i < cs->phases->len; i++)
    {
      const PhaseEstimate *pe = &g_array_index (cs->phases, PhaseEstimate, i);
      json_writer_begin_object (w);
      write_phase (w, rules, pe->model, pe->model_phase, language);
      json_writer_key (w, "estimate");
      write_estimate (w, &pe->estimate);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
  json_writer_key (w, "days_to_lasting_outflow");
  write_estimate (w, &cs->lasting_outflow);
  json_writer_key (w, "lasting_outflow");
  json_writer_begin_object (w);
  member_count (w, "met", c->lasting_met);
  member_count (w, "pending", c->lasting_pending);
  member_count (w, "not_met", c->lasting_not_met);
  member_rate (w, "rate", c->lasting_met, c->trajectories);
  json_writer_end_object (w);
  json_writer_key (w, "reentry");
  json_writer_begin_object (w);
  member_count (w, "ever_closed", c->ever_closed);
  member_count (w, "reentered", c->reentered);
  member_rate (w, "rate", c->reentered, c->ever_closed);
  json_writer_end_object (w);
  json_writer_key (w, "timely_work");
  json_writer_begin_object (w);
  member_count (w, "met", c->timely_met);
  member_count (w, "not_met", c->timely_not_met);
  member_count (w, "pending", c->timely_pending);
  member_rate (w, "rate", c->timely_met, c->timely_met + c->timely_not_met);
  json_writer_end_object (w);
  json_writer_end_object (w);
}

static void
write_measures (JsonWriter *w, const ActiveringCaseload *c, int language)
{
  json_writer_key (w, "measures");
  json_writer_begin_array (w);
  for (guint m = 0; m < c->rules->n_measures; m++)
    {
      json_writer_begin_object (w);
      json_writer_member_string (w, "measure", c->rules->measures[m].code);
      json_writer_member_string (w, "label", c->rules->measures[m].label[language]);
      member_count (w, "population", c->measure_population);
      member_count (w, "eligible", c->eligible[m]);
      member_count (w, "undetermined", c->undetermined[m]);
      member_count (w, "ran", c->ran[m]);
      member_count (w, "eligible_never_ran", c->eligible_never_ran[m]);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

static void
write_follow_up (JsonWriter *w, const CaseloadSummary *summary)
{
  const ActiveringCaseload *c = summary->caseload;
  const CaseloadSettings *s = c->settings;
  json_writer_key (w, "follow_up");
  json_writer_begin_object (w);
  json_writer_key (w, "contact_gap");
  json_writer_begin_object (w);
  member_count (w, "population", c->gap_population);
  member_count (w, "no_contact", c->no_contact);
  member_count (w, "warned", c->gap_warned);
  json_writer_key (w, "bins");
  json_writer_begin_array (w);
  for (guint b = 0; b < s->n_bins; b++)
    {
      json_writer_begin_object (w);
      json_writer_key (w, "from");
      json_writer_integer (w, s->bins[b]);
      json_writer_key (w, "until");
      if (b + 1 < s->n_bins)
        json_writer_integer (w, s->bins[b + 1] - 1);
      else
        json_writer_null (w);
      member_count (w, "count", c->gap_bins[b]);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
  json_writer_end_object (w);
  json_writer_key (w, "reports_without_decision");
  json_writer_begin_object (w);
  member_count (w, "trajectories", c->no_decision_trajectories);
  member_count (w, "reports", c->no_decision_reports);
  json_writer_end_object (w);
  json_writer_key (w, "couples");
  json_writer_begin_object (w);
  member_count (w, "open_with_partner", c->open_with_partner);
  member_count (w, "flagged", summary->couples_flagged);
  member_count (w, "partner_unknown", summary->partner_unknown);
  json_writer_end_object (w);
  json_writer_end_object (w);
}

static void
write_data_quality (JsonWriter *w, const CaseloadSummary *summary, int language)
{
  const ActiveringCaseload *c = summary->caseload;
  const ActiveringRuleSet *rules = c->rules;
  json_writer_key (w, "data_quality");
  json_writer_begin_array (w);
  for (guint i = 0; i < summary->facts->len; i++)
    {
      const FactRow *row = &g_array_index (summary->facts, FactRow, i);
      const FactDecl *fact = &rules->facts[row->fact];
      json_writer_begin_object (w);
      json_writer_member_string (w, "fact", fact->path);
      json_writer_member_string (w, "label", fact->label[language]);
      member_count (w, "dossiers", row->dossiers);
      member_count (w, "decisions", row->decisions);
      json_writer_member_string (w, "supplied_by", fact->supplied_by);
      int role = fact->supplied_by ? rule_set_role_index (rules, fact->supplied_by, strlen (fact->supplied_by)) : -1;
      json_writer_member_string (w, "supplied_by_label", role >= 0 ? rules->roles[role].label[language] : NULL);
      if (c->actors != NULL)
        {
          GPtrArray *actors = fact->supplied_by ? g_hash_table_lookup (c->actors, fact->supplied_by) : NULL;
          json_writer_key (w, "actors");
          json_writer_begin_array (w);
          for (guint a = 0; actors != NULL && a < actors->len; a++)
            json_writer_string (w, actors->pdata[a]);
          json_writer_end_array (w);
        }
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
  json_writer_key (w, "data_quality_other");
  json_writer_integer (w, (gint64) summary->facts_other);
}

static gint
by_string (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
write_sorted_ids (JsonWriter *w, const char *key, const GPtrArray *ids)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_copy ((GPtrArray *) ids, NULL, NULL);
  g_ptr_array_sort (sorted, by_string);
  json_writer_key (w, key);
  json_writer_begin_array (w);
  for (guint i = 0; i < sorted->len; i++)
    json_writer_string (w, sorted->pdata[i]);
  json_writer_end_array (w);
}

static void
write_ids (JsonWriter *w, const CaseloadSummary *summary)
{
  const ActiveringCaseload *c = summary->caseload;
  json_writer_key (w, "ids");
  json_writer_begin_object (w);
  json_writer_key (w, "couples_flagged");
  json_writer_begin_array (w);
  for (guint i = 0; i + 1 < summary->flagged_ids->len; i += 2)
    {
      json_writer_begin_array (w);
      json_writer_string (w, summary->flagged_ids->pdata[i]);
      json_writer_string (w, summary->flagged_ids->pdata[i + 1]);
      json_writer_end_array (w);
    }
  json_writer_end_array (w);
  write_sorted_ids (w, "reports_without_decision", c->ids_no_decision);
  write_sorted_ids (w, "contact_gap_warned", c->ids_gap_warned);
  json_writer_key (w, "eligible_never_ran");
  json_writer_begin_object (w);
  for (guint m = 0; m < c->rules->n_measures; m++)
    write_sorted_ids (w, c->rules->measures[m].code, c->ids_never_ran[m]);
  json_writer_end_object (w);
  json_writer_end_object (w);
}

gboolean
activering_caseload_append_json (const ActiveringCaseload *caseload, const char *lang, ActiveringJsonFlags flags,
                                 GString *out, GError **error)
{
  g_return_val_if_fail (caseload != NULL && out != NULL, FALSE);
  int language, text_language;
  if (!caseload_languages (caseload, lang, &language, &text_language, error))
    return FALSE;
  const ActiveringCaseload *c = caseload;
  char *const *texts = c->settings->texts[text_language];
  CaseloadSummary *summary = caseload_summary_new (c);
  JsonWriter w;
  json_writer_init (&w, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (&w);
  json_writer_member_string (&w, "format", CASELOAD_FORMAT);
  json_writer_member_date (&w, "as_of", c->as_of);
  json_writer_member_string (&w, "by", caseload_period_to_string (c->by));
  json_writer_member_string (&w, "lang", c->rules->languages[language]);
  rule_set_write_stamp (&w, c->rules);
  json_writer_key (&w, "notes");
  json_writer_begin_array (&w);
  json_writer_string (&w, texts[TEXT_NOTE_CENSORED]);
  json_writer_string (&w, texts[TEXT_NOTE_NULL_QUARTILE]);
  json_writer_string (&w, texts[TEXT_NOTE_SMALL_CELLS]);
  json_writer_end_array (&w);
  json_writer_key (&w, "dossiers");
  json_writer_begin_object (&w);
  member_count (&w, "total", c->total);
  member_count (&w, "trajectories", c->trajectories);
  member_count (&w, "facts_only", c->facts_only);
  member_count (&w, "with_facts", c->with_facts);
  member_count (&w, "not_started", c->not_started);
  member_count (&w, "open", c->open);
  member_count (&w, "closed", c->closed);
  json_writer_key (&w, "bad_lines");
  json_writer_integer (&w, (gint64) c->bad_lines); /* lines, not dossiers: nothing to protect */
  json_writer_end_object (&w);
  json_writer_key (&w, "cohorts");
  json_writer_begin_array (&w);
  for (guint i = 0; i < summary->cohorts->len; i++)
    write_cohort (&w, c, summary->cohorts->pdata[i], language);
  json_writer_end_array (&w);
  write_measures (&w, c, language);
  write_follow_up (&w, summary);
  write_data_quality (&w, summary, language);
  if (c->list_ids)
    write_ids (&w, summary);
  json_writer_end_object (&w);
  caseload_summary_free (summary);
  return TRUE;
}

char *
activering_caseload_to_json (const ActiveringCaseload *caseload, const char *lang, ActiveringJsonFlags flags,
                             GError **error)
{
  g_return_val_if_fail (caseload != NULL, NULL);
  GString *out = g_string_new (NULL);
  if (!activering_caseload_append_json (caseload, lang, flags, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}
