/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* settings.c: data/report/caseload-report.json, embedded: which indicators, checks and facts of the rule set the
 * caseload report reads, the contact-gap bins, and the texts of the report in each language. Knowledge stays in
 * data: the C code names no indicator, fact or label. */
#include "config.h"

#include <string.h>

#include "caseload/caseload-private.h"
#include "json/json-tree-private.h"
#include "util/error-private.h"

extern const char activering_caseload_settings_data[];
extern const gsize activering_caseload_settings_size;

#define SETTINGS_DOCUMENT "caseload-report.json"

/* In the order of CaseloadText. */
static const char *const text_keys[N_CASELOAD_TEXTS] = {
  "title", "as_of", "by.quarter", "by.month", "by.year", "note.censored", "note.null_quartile", "note.small_cells",
  "section.dossiers", "section.cohorts", "section.outflow", "section.phases", "section.measures",
  "section.contact_gap", "section.follow_up", "section.data_quality", "axis.days_since_opening",
  "axis.share_lasting_outflow", "axis.days", "axis.phase", "axis.measure", "axis.dossiers",
  "axis.days_since_last_contact", "legend.eligible", "legend.ran", "legend.eligible_never_ran", "legend.quartiles",
  "legend.median", "legend.not_reached", "col.period", "col.trajectories", "col.open", "col.closed",
  "col.median_first_measure", "col.lasting_outflow_rate", "col.reentry_rate", "col.timely_work_rate", "col.fact",
  "col.dossiers", "col.decisions", "col.supplied_by", "col.actors", "col.phase", "col.at_risk", "col.q1",
  "col.median", "col.q3", "row.total", "row.trajectories", "row.facts_only", "row.with_facts", "row.not_started",
  "row.open", "row.closed", "row.bad_lines", "row.no_contact", "row.contact_warned", "row.reports_without_decision",
  "row.open_with_partner", "row.couples_flagged", "row.partner_unknown", "none", "other_facts", "no_contact_bin",
};

static const char *
member_string (json_object *object, const char *section, const char *key, GError **error)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_string))
    {
      g_autofree char *path = g_strdup_printf ("/%s/%s", section, key);
      activering_error_set_at (error, ACTIVERING_ERROR_MISSING, SETTINGS_DOCUMENT, path, "expected a string");
      return NULL;
    }
  return json_object_get_string (value);
}

static int
indicator_index (const ActiveringRuleSet *rules, const char *id)
{
  for (guint i = 0; i < rules->n_indicators; i++)
    if (strcmp (rules->indicators[i].id, id) == 0)
      return (int) i;
  return -1;
}

static int
check_index (const ActiveringRuleSet *rules, const char *id)
{
  for (guint i = 0; i < rules->n_checks; i++)
    if (strcmp (rules->checks[i].id, id) == 0)
      return (int) i;
  return -1;
}

static gboolean
read_codes (CaseloadSettings *s, const ActiveringRuleSet *rules, json_object *root, GError **error)
{
  json_object *indicators = NULL, *checks = NULL, *couples = NULL;
  if (!json_object_object_get_ex (root, "indicators", &indicators)
      || !json_object_object_get_ex (root, "checks", &checks) || !json_object_object_get_ex (root, "couples", &couples))
    {
      activering_error_set_at (error, ACTIVERING_ERROR_MISSING, SETTINGS_DOCUMENT, "",
                               "expected \"indicators\", \"checks\" and \"couples\"");
      return FALSE;
    }
  const char *codes[8] = {
    member_string (indicators, "indicators", "lasting_outflow", error),
    member_string (indicators, "indicators", "reentries", error),
    member_string (indicators, "indicators", "timely_work", error),
    member_string (indicators, "indicators", "days_since_last_contact", error),
    member_string (checks, "checks", "contact_gap", error),
    member_string (checks, "checks", "report_without_decision", error),
    member_string (couples, "couples", "partner_fact", error),
    member_string (couples, "couples", "benefit_fact", error),
  };
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i] == NULL)
      return FALSE;
  s->lasting_outflow = indicator_index (rules, codes[0]);
  s->reentries = indicator_index (rules, codes[1]);
  s->timely_work = indicator_index (rules, codes[2]);
  s->days_since_last_contact = indicator_index (rules, codes[3]);
  s->contact_gap_check = check_index (rules, codes[4]);
  s->no_decision_check = check_index (rules, codes[5]);
  s->partner_fact = activering_rule_set_lookup_fact (rules, codes[6]);
  if (s->partner_fact >= 0 && rules->facts[s->partner_fact].type != TYPE_ID)
    s->partner_fact = -1;
  s->benefit_fact = activering_rule_set_lookup_fact (rules, codes[7]);
  if (s->benefit_fact >= 0 && rules->facts[s->benefit_fact].type != TYPE_ENUM)
    s->benefit_fact = -1;
  json_object *values = NULL;
  if (s->benefit_fact >= 0 && json_object_object_get_ex (couples, "benefit_values", &values)
      && json_object_is_type (values, json_type_array))
    {
      const FactDecl *fact = &rules->facts[s->benefit_fact];
      for (gsize i = 0; i < json_object_array_length (values); i++)
        {
          const char *value = json_object_get_string (json_object_array_get_idx (values, i));
          for (guint v = 0; value != NULL && v < fact->n_values && s->n_benefit_values < G_N_ELEMENTS (s->benefit_values); v++)
            if (strcmp (rules->symbols[fact->values[v]], value) == 0)
              s->benefit_values[s->n_benefit_values++] = fact->values[v];
        }
    }
  return TRUE;
}

static gboolean
read_bins (CaseloadSettings *s, json_object *root, GError **error)
{
  json_object *bins = NULL;
  if (!json_object_object_get_ex (root, "contact_gap_bins", &bins) || !json_object_is_type (bins, json_type_array)
      || json_object_array_length (bins) < 1 || json_object_array_length (bins) > CASELOAD_MAX_BINS)
    {
      activering_error_set_at (error, ACTIVERING_ERROR_MISSING, SETTINGS_DOCUMENT, "/contact_gap_bins",
                               "expected an array of 1 to %d lower ends of days", CASELOAD_MAX_BINS);
      return FALSE;
    }
  for (gsize i = 0; i < json_object_array_length (bins); i++)
    {
      json_object *bin = json_object_array_get_idx (bins, i);
      gint64 from = json_object_get_int64 (bin);
      if (!json_object_is_type (bin, json_type_int) || from < 0 || from > G_MAXINT32
          || (i == 0 ? from != 0 : from <= s->bins[i - 1]))
        {
          g_autofree char *path = g_strdup_printf ("/contact_gap_bins/%" G_GSIZE_FORMAT, i);
          activering_error_set_at (error, ACTIVERING_ERROR_INVALID_VALUE, SETTINGS_DOCUMENT, path,
                                   "expected ascending days, the first 0");
          return FALSE;
        }
      s->bins[s->n_bins++] = (guint) from;
    }
  return TRUE;
}

static gboolean
read_texts (CaseloadSettings *s, json_object *root, GError **error)
{
  json_object *texts = NULL;
  if (!json_object_object_get_ex (root, "texts", &texts) || !json_object_is_type (texts, json_type_object))
    {
      activering_error_set_at (error, ACTIVERING_ERROR_MISSING, SETTINGS_DOCUMENT, "/texts", "expected an object");
      return FALSE;
    }
  guint n = (guint) json_object_object_length (texts), l = 0;
  s->languages = g_new0 (char *, n + 1);
  s->texts = g_new0 (char **, n + 1);
  json_object_object_foreach (texts, lang, strings)
    {
      s->languages[l] = g_strdup (lang);
      s->texts[l] = g_new0 (char *, N_CASELOAD_TEXTS + 1);
      g_autofree char *section = g_strdup_printf ("texts/%s", lang);
      for (guint t = 0; t < N_CASELOAD_TEXTS; t++)
        {
          const char *text = json_object_is_type (strings, json_type_object)
                                 ? member_string (strings, section, text_keys[t], error)
                                 : NULL;
          if (text == NULL)
            {
              if (error != NULL && *error == NULL)
                activering_error_set_at (error, ACTIVERING_ERROR_TYPE, SETTINGS_DOCUMENT, section, "expected an object");
              return FALSE;
            }
          s->texts[l][t] = g_strdup (text);
        }
      l++;
    }
  return TRUE;
}

CaseloadSettings *
caseload_settings_new (const ActiveringRuleSet *rules, GError **error)
{
  CaseloadSettings *s = g_new0 (CaseloadSettings, 1);
  json_object *root = json_tree_parse (SETTINGS_DOCUMENT, activering_caseload_settings_data,
                                       activering_caseload_settings_size, 16, JSON_TREE_DEFAULT, error);
  gboolean ok = root != NULL && read_codes (s, rules, root, error) && read_bins (s, root, error)
                && read_texts (s, root, error);
  json_object_put (root);
  if (!ok)
    {
      caseload_settings_free (s);
      return NULL;
    }
  return s;
}

void
caseload_settings_free (CaseloadSettings *settings)
{
  if (settings == NULL)
    return;
  for (guint l = 0; settings->languages != NULL && settings->languages[l] != NULL; l++)
    g_strfreev (settings->texts[l]);
  g_free (settings->texts);
  g_strfreev (settings->languages);
  g_free (settings);
}

int
caseload_settings_language (const CaseloadSettings *settings, const char *lang)
{
  for (guint l = 0; settings->languages[l] != NULL; l++)
    if (strcmp (settings->languages[l], lang) == 0)
      return (int) l;
  return -1;
}
