/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* trajectory-table.c: a trajectory report a trajectbegeleider can read at a glance: where the client stands, the
 * days per phase as bars, the measures running, the indicators, what is wrong, and the measures that could come
 * next with their eligibility. Phase, measure and indicator names and the messages come from the rule set; the few
 * words of the table itself are the tool's own. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cli-private.h"

typedef struct
{
  const char *lang;
  const char *title, *report_date, *open_since, *closed_on, *not_started, *phase_now, *last_phase, *days_per_phase,
      *days, *running, *since, *indicators, *problems, *event, *next_steps, *no_facts, *nothing, *colon;
  const char *state[5]; /* met, not_met, pending, not_applicable, undetermined */
  char decimal_mark;
} Words;

static const Words words[] = {
  { "nl", "Traject", "op", "open sinds", "afgesloten op", "nog niet geopend", "fase nu", "laatste fase",
    "Dagen per fase", "dagen", "Lopende maatregelen", "sinds", "Indicatoren", "Fouten en waarschuwingen",
    "gebeurtenis", "Volgende stappen", "geen gegevens van het dossier (--facts)", "geen", ": ",
    { "behaald", "niet behaald", "loopt nog", "n.v.t.", "onbepaald" }, ',' },
  { "fr", "Parcours", "au", "ouvert depuis le", "clôturé le", "pas encore ouvert", "phase actuelle",
    "dernière phase", "Jours par phase", "jours", "Mesures en cours", "depuis le", "Indicateurs",
    "Erreurs et avertissements", "événement", "Prochaines étapes", "pas de données du dossier (--facts)", "aucune",
    " : ",
    { "atteint", "non atteint", "en cours", "s.o.", "indéterminé" }, ',' },
  { "en", "Trajectory", "on", "open since", "closed on", "not opened yet", "phase now", "last phase",
    "Days per phase", "days", "Measures running", "since", "Indicators", "Errors and warnings", "event",
    "Next steps", "no facts of the dossier (--facts)", "none", ": ",
    { "met", "not met", "pending", "n/a", "undetermined" }, '.' },
};

static const char *const state_codes[] = { "met", "not_met", "pending", "not_applicable", "undetermined" };

#define LABEL_WIDTH 44 /* a phase's name */
#define VALUE_WIDTH 14 /* an indicator's value, a state's or outcome's word */
#define BAR_WIDTH 30

static const Words *
words_for (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].lang, lang) == 0)
      return &words[i];
  return &words[G_N_ELEMENTS (words) - 1];
}

static void
append_date (GString *out, const GDate *date)
{
  char text[16];
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_string_append (out, text);
}

/* The label of phase @phase of model @model (both codes), or the code itself if the rule set lacks it. */
static const char *
phase_label (ActiveringRuleSet *rules, const char *model, const char *phase, const char *lang)
{
  int m = activering_rule_set_lookup_phase_model (rules, model);
  for (guint p = 0; m >= 0 && p < activering_rule_set_get_n_phases (rules, (guint) m); p++)
    if (strcmp (activering_rule_set_get_phase_code (rules, (guint) m, p), phase) == 0)
      return activering_rule_set_get_phase_label (rules, (guint) m, p, lang);
  return phase;
}

static const char *
measure_label (ActiveringRuleSet *rules, const char *measure, const char *lang)
{
  int m = activering_rule_set_lookup_measure (rules, measure);
  return m >= 0 ? activering_rule_set_get_measure_label (rules, (guint) m, lang) : measure;
}

static void
append_heading (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report,
                const ActiveringTrajectory *trajectory, const GDate *as_of, const Words *w, const char *lang)
{
  const char *model = activering_trajectory_get_model (trajectory);
  int m = activering_rule_set_lookup_phase_model (rules, model);
  g_string_append_printf (out, "%s %s · %s · %s ", w->title, activering_trajectory_get_id (trajectory),
                          m >= 0 ? activering_rule_set_get_phase_model_label (rules, (guint) m, lang) : model,
                          w->report_date);
  append_date (out, as_of);
  g_string_append (out, "\n");
  GDate date;
  const char *reason = activering_trajectory_report_get_close_reason (report, &date);
  if (reason != NULL)
    {
      g_string_append_printf (out, "%s ", w->closed_on);
      append_date (out, &date);
      g_string_append_printf (out, " (%s)", reason);
    }
  else if (activering_trajectory_report_get_opened_on (report, &date))
    {
      g_string_append_printf (out, "%s ", w->open_since);
      append_date (out, &date);
    }
  else
    g_string_append (out, w->not_started);
  const char *phase = activering_trajectory_report_get_current_phase (report);
  if (phase != NULL)
    g_string_append_printf (out, " · %s%s%s", reason != NULL ? w->last_phase : w->phase_now, w->colon,
                            phase_label (rules, activering_trajectory_report_get_current_model (report), phase, lang));
  g_string_append (out, "\n");
}

/* Every phase visited, in its model's order (the trajectory's model first, then the one it was handed over to),
 * with its days as a bar scaled to the longest. */
static void
append_phases (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report, int first,
               const Words *w, const char *lang)
{
  guint n_models = activering_rule_set_get_n_phase_models (rules);
  guint longest = 0;
  for (guint m = 0; m < n_models; m++)
    for (guint p = 0; p < activering_rule_set_get_n_phases (rules, m); p++)
      longest = MAX (longest, activering_trajectory_report_get_days_in_phase (
                                  report, activering_rule_set_get_phase_code (rules, m, p)));
  if (longest == 0)
    return;
  const char *current = activering_trajectory_report_get_current_phase (report);
  g_string_append_printf (out, "\n%s\n", w->days_per_phase);
  for (guint i = 0; i < n_models; i++)
    {
      guint m = first >= 0 ? (i + (guint) first) % n_models : i;
      for (guint p = 0; p < activering_rule_set_get_n_phases (rules, m); p++)
        {
          const char *code = activering_rule_set_get_phase_code (rules, m, p);
          guint days = activering_trajectory_report_get_days_in_phase (report, code);
          if (days == 0)
            continue;
          g_string_append (out, "  ");
          cli_pad (out, activering_rule_set_get_phase_label (rules, m, p, lang), LABEL_WIDTH);
          g_string_append_printf (out, " %6u  ", days);
          guint bar = MAX (1u, (guint) ((guint64) days * BAR_WIDTH / longest));
          for (guint b = 0; b < bar; b++)
            g_string_append (out, "█");
          if (g_strcmp0 (code, current) == 0)
            g_string_append (out, " ◀");
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_measures (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report, const Words *w,
                 const char *lang)
{
  guint n = activering_trajectory_report_get_n_open_measures (report);
  if (n == 0)
    return;
  g_string_append_printf (out, "\n%s\n", w->running);
  for (guint i = 0; i < n; i++)
    {
      GDate since;
      const char *measure = activering_trajectory_report_get_open_measure (report, i, &since);
      g_string_append_printf (out, "  %s ", w->since);
      append_date (out, &since);
      g_autofree char *days = g_strdup_printf ("(%u %s)", activering_trajectory_report_get_days_in_measure (report, measure),
                                               w->days);
      g_string_append_c (out, ' ');
      cli_pad (out, days, VALUE_WIDTH);
      g_string_append_printf (out, "  %s\n", measure_label (rules, measure, lang));
    }
}

static void
append_indicators (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report,
                   const Words *w, const char *lang)
{
  guint n = activering_rule_set_get_n_trajectory_indicators (rules);
  if (n == 0)
    return;
  g_string_append_printf (out, "\n%s\n", w->indicators);
  for (guint i = 0; i < n; i++)
    {
      double number;
      g_autofree char *value = NULL;
      const char *state = activering_trajectory_report_get_indicator_state (report, i);
      if (state != NULL)
        {
          for (guint s = 0; s < G_N_ELEMENTS (state_codes); s++)
            if (strcmp (state, state_codes[s]) == 0)
              state = w->state[s];
          value = g_strdup (state);
        }
      else if (activering_trajectory_report_get_indicator_number (report, i, &number))
        {
          value = g_strdup_printf (number == floor (number) ? "%.0f" : "%.2f", number);
          g_strdelimit (value, ".", w->decimal_mark);
        }
      else
        value = g_strdup ("—");
      g_string_append (out, "  ");
      cli_pad (out, value, VALUE_WIDTH);
      g_string_append_printf (out, "  %s\n", activering_rule_set_get_trajectory_indicator_label (rules, i, lang));
    }
}

static void
append_problems (GString *out, const ActiveringTrajectoryReport *report, const Words *w, const char *lang)
{
  guint n = activering_trajectory_report_get_n_violations (report);
  if (n == 0)
    return;
  g_string_append_printf (out, "\n%s (%u)\n", w->problems, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *message = activering_trajectory_report_dup_violation_message (report, i, lang);
      gboolean error = activering_trajectory_report_get_violation_severity (report, i) == ACTIVERING_SEVERITY_ERROR;
      g_string_append_printf (out, "  %s %s %u: %s\n", error ? "✘" : "⚠", w->event,
                              activering_trajectory_report_get_violation_event (report, i), message);
    }
}

static void
append_next_steps (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report,
                   gboolean with_facts, const Words *w, const char *lang)
{
  if (activering_trajectory_report_get_state (report) != ACTIVERING_TRAJECTORY_OPEN)
    return;
  g_string_append_printf (out, "\n%s\n", w->next_steps);
  guint n = activering_trajectory_report_get_n_next_steps (report);
  if (!with_facts || n == 0)
    g_string_append_printf (out, "  %s\n", with_facts ? w->nothing : w->no_facts);
  for (guint i = 0; i < n; i++)
    {
      ActiveringOutcome outcome;
      const char *measure = activering_trajectory_report_get_next_step (report, i, &outcome);
      g_string_append_printf (out, "  %s ", human_outcome_symbol (outcome));
      cli_pad (out, human_outcome_word (outcome, lang), VALUE_WIDTH - 2);
      g_string_append_printf (out, "  %s\n", measure_label (rules, measure, lang));
    }
}

void
trajectory_table_append (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report,
                         const ActiveringTrajectory *trajectory, gboolean with_facts, const GDate *as_of,
                         const char *lang)
{
  const Words *w = words_for (lang);
  append_heading (out, rules, report, trajectory, as_of, w, lang);
  append_phases (out, rules, report,
                 activering_rule_set_lookup_phase_model (rules, activering_trajectory_get_model (trajectory)), w, lang);
  append_measures (out, rules, report, w, lang);
  append_indicators (out, rules, report, w, lang);
  append_problems (out, report, w, lang);
  append_next_steps (out, rules, report, with_facts, w, lang);
  g_string_append_c (out, '\n');
}
