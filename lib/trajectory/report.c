/* report.c: the trajectory report: running a replay, reading it back, and writing it as a document. */
#include "config.h"

#include <string.h>

#include "json/json-writer-private.h"
#include "trajectory/trajectory-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/boxed-private.h"

#define REPORT_FORMAT "activering.trajectory-report/1"
#define NO_DATE G_MININT32
#define STILL G_MAXINT32

ActiveringTrajectoryReport *
activering_trajectory_report_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  ActiveringTrajectoryReport *report = g_new0 (ActiveringTrajectoryReport, 1);
  g_ref_count_init (&report->ref_count);
  report->rules = activering_rule_set_ref (rules);
  report->id = g_string_new (NULL);
  report->close_reason = g_string_new (NULL);
  report->visits = g_array_new (FALSE, FALSE, sizeof (Visit));
  report->runs = g_array_new (FALSE, FALSE, sizeof (MeasureRun));
  report->violations = g_array_new (FALSE, FALSE, sizeof (Violation));
  report->phase_base = g_new0 (guint, rules->n_models + 1);
  for (guint m = 0; m < rules->n_models; m++)
    report->phase_base[m + 1] = report->phase_base[m] + rules->models[m].n_phases;
  report->days_per_phase = g_new0 (guint, MAX (report->phase_base[rules->n_models], 1));
  report->days_per_measure = g_new0 (guint, MAX (rules->n_measures, 1));
  report->running = g_new (gint, MAX (rules->n_measures, 1));
  for (guint m = 0; m < MAX (rules->n_measures, 1); m++)
    report->running[m] = -1; /* nothing runs before the first replay */
  report->indicators = g_new0 (IndicatorState, MAX (rules->n_indicators, 1));
  report->indicator_values = g_new0 (double, MAX (rules->n_indicators, 1));
  report->accepted = g_array_new (FALSE, FALSE, sizeof (guint));
  report->spans = g_array_new (FALSE, FALSE, sizeof (OpenSpan));
  report->next_outcomes = g_new0 (ActiveringOutcome, MAX (rules->n_measures, 1));
  string_pool_init (&report->strings, 256);
  report->current_model = report->current_phase = -1;
  return report;
}

void
activering_trajectory_report_free (ActiveringTrajectoryReport *report)
{
  ACTIVERING_BOXED_RELEASE (report);
  activering_evaluation_free (report->evaluation);
  report_pieces_free (report->pieces);
  g_string_free (report->id, TRUE);
  g_string_free (report->close_reason, TRUE);
  g_array_free (report->visits, TRUE);
  g_array_free (report->runs, TRUE);
  g_array_free (report->violations, TRUE);
  g_free (report->phase_base);
  g_free (report->days_per_phase);
  g_free (report->days_per_measure);
  g_free (report->running);
  g_free (report->indicators);
  g_free (report->indicator_values);
  g_array_free (report->accepted, TRUE);
  g_array_free (report->spans, TRUE);
  g_free (report->next_outcomes);
  string_pool_clear (&report->strings);
  activering_rule_set_unref (report->rules);
  g_free (report);
}

gboolean
activering_trajectory_report_run (ActiveringTrajectoryReport *report, const ActiveringTrajectory *t,
                                  const ActiveringFacts *facts, const GDate *as_of, GError **error)
{
  g_return_val_if_fail (report != NULL && t != NULL, FALSE);
  g_return_val_if_fail (t->rules == report->rules, FALSE);
  g_return_val_if_fail (facts == NULL || activering_facts_get_rule_set (facts) == report->rules, FALSE);
  gint32 day;
  if (as_of == NULL)
    day = activering_today ();
  else if (!g_date_valid (as_of) || g_date_get_year (as_of) > 9999)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
                   "trajectory report: the as-of date is not a valid date between the years 1 and 9999");
      return FALSE;
    }
  else
    day = activering_days_from_gdate (as_of);
  trajectory_replay (report, t, t->events->len, facts, day);
  return TRUE;
}

/* ---- getters ---- */

ActiveringTrajectoryState
activering_trajectory_report_get_state (const ActiveringTrajectoryReport *report)
{
  g_return_val_if_fail (report != NULL, ACTIVERING_TRAJECTORY_NOT_STARTED);
  return report->state;
}

const char *
activering_trajectory_report_get_current_phase (const ActiveringTrajectoryReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  if (report->current_model < 0)
    return NULL;
  return report->rules->models[report->current_model].phases[report->current_phase].code;
}

const char *
activering_trajectory_report_get_current_model (const ActiveringTrajectoryReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->current_model < 0 ? NULL : report->rules->models[report->current_model].code;
}

guint
activering_trajectory_report_get_days_in_phase (const ActiveringTrajectoryReport *report, const char *phase)
{
  g_return_val_if_fail (report != NULL && phase != NULL, 0);
  const ActiveringRuleSet *rules = report->rules;
  guint days = 0;
  for (guint m = 0; m < rules->n_models; m++)
    {
      int p = phase_model_phase_index (&rules->models[m], phase, strlen (phase));
      if (p >= 0)
        days += report->days_per_phase[report->phase_base[m] + (guint) p];
    }
  return days;
}

guint
activering_trajectory_report_get_days_in_measure (const ActiveringTrajectoryReport *report, const char *measure)
{
  g_return_val_if_fail (report != NULL && measure != NULL, 0);
  int m = rule_set_measure_index (report->rules, measure, strlen (measure));
  return m >= 0 ? report->days_per_measure[m] : 0;
}

/* The run of the @index-th open measure, in the order the measures are declared. */
static const MeasureRun *
open_run (const ActiveringTrajectoryReport *report, guint index)
{
  for (guint m = 0; m < report->rules->n_measures; m++)
    if (report->running[m] >= 0 && index-- == 0)
      return &g_array_index (report->runs, MeasureRun, report->running[m]);
  return NULL;
}

guint
activering_trajectory_report_get_n_open_measures (const ActiveringTrajectoryReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  guint n = 0;
  for (guint m = 0; m < report->rules->n_measures; m++)
    n += report->running[m] >= 0;
  return n;
}

const char *
activering_trajectory_report_get_open_measure (const ActiveringTrajectoryReport *report, guint index, GDate *since)
{
  g_return_val_if_fail (report != NULL, NULL);
  const MeasureRun *run = open_run (report, index);
  g_return_val_if_fail (index_in_range (run), NULL);
  if (run == NULL)
    return NULL;
  if (since != NULL)
    activering_days_to_gdate (run->start, since);
  return report->rules->measures[run->measure].code;
}

gboolean
activering_trajectory_report_get_opened_on (const ActiveringTrajectoryReport *report, GDate *date)
{
  g_return_val_if_fail (report != NULL, FALSE);
  if (report->opened_on == NO_DATE)
    return FALSE;
  if (date != NULL)
    activering_days_to_gdate (report->opened_on, date);
  return TRUE;
}

const char *
activering_trajectory_report_get_close_reason (const ActiveringTrajectoryReport *report, GDate *date)
{
  g_return_val_if_fail (report != NULL, NULL);
  if (report->state != ACTIVERING_TRAJECTORY_CLOSED)
    return NULL;
  if (date != NULL)
    activering_days_to_gdate (report->closed_on, date);
  return report->close_reason->str;
}

static const char *const indicator_names[] = { "met", "not_met", "pending", "not_applicable", "undetermined" };

const char *
activering_trajectory_report_get_indicator_state (const ActiveringTrajectoryReport *report, guint index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->rules->n_indicators, NULL);
  IndicatorState state = report->indicators[index];
  return state == INDICATOR_VALUE || state == INDICATOR_NULL ? NULL : indicator_names[state];
}

gboolean
activering_trajectory_report_get_indicator_number (const ActiveringTrajectoryReport *report, guint index,
                                                   double *value)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (index < report->rules->n_indicators, FALSE);
  if (report->indicators[index] != INDICATOR_VALUE)
    return FALSE;
  if (value != NULL)
    *value = report->indicator_values[index];
  return TRUE;
}

/* Whether measure @m fits phase @p of the current model as a next step: @p is the current phase, or one that a
 * normal transition leads to from it. Only for a report with next steps. */
static gboolean
next_step_fits (const ActiveringTrajectoryReport *report, guint m, guint p)
{
  const PhaseModel *model = &report->rules->models[report->current_model];
  guint current = (guint) report->current_phase;
  gboolean next = p == current || model->transitions[current * model->n_phases + p] == TRANSITION_NORMAL;
  return next && model->phases[p].fits[m];
}

static gboolean
has_next_steps (const ActiveringTrajectoryReport *report)
{
  return report->has_next_steps && report->current_model >= 0;
}

static gboolean
is_next_step (const ActiveringTrajectoryReport *report, guint m)
{
  const PhaseModel *model = &report->rules->models[report->current_model];
  for (guint p = (guint) report->current_phase; p < model->n_phases; p++)
    if (next_step_fits (report, m, p))
      return TRUE;
  return FALSE;
}

guint
activering_trajectory_report_get_n_next_steps (const ActiveringTrajectoryReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  guint n = 0;
  for (guint m = 0; has_next_steps (report) && m < report->rules->n_measures; m++)
    n += is_next_step (report, m);
  return n;
}

const char *
activering_trajectory_report_get_next_step (const ActiveringTrajectoryReport *report, guint index,
                                            ActiveringOutcome *outcome)
{
  g_return_val_if_fail (report != NULL, NULL);
  int found = -1;
  for (guint m = 0; found < 0 && has_next_steps (report) && m < report->rules->n_measures; m++)
    if (is_next_step (report, m) && index-- == 0)
      found = (int) m;
  g_return_val_if_fail (found >= 0, NULL);
  if (outcome != NULL)
    *outcome = report->next_outcomes[found];
  return report->rules->measures[found].code;
}

guint
activering_trajectory_report_get_n_violations (const ActiveringTrajectoryReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->violations->len;
}

static const Violation *
violation_at (const ActiveringTrajectoryReport *report, guint index)
{
  return index < report->violations->len ? &g_array_index (report->violations, Violation, index) : NULL;
}

const char *
activering_trajectory_report_get_violation_code (const ActiveringTrajectoryReport *report, guint index)
{
  g_return_val_if_fail (report != NULL, NULL);
  const Violation *v = violation_at (report, index);
  g_return_val_if_fail (index_in_range (v), NULL);
  return v ? violation_info[v->code].code : NULL;
}

guint
activering_trajectory_report_get_violation_event (const ActiveringTrajectoryReport *report, guint index)
{
  g_return_val_if_fail (report != NULL && index < report->violations->len, 0);
  return violation_at (report, index)->event;
}

ActiveringSeverity
activering_trajectory_report_get_violation_severity (const ActiveringTrajectoryReport *report, guint index)
{
  g_return_val_if_fail (report != NULL && index < report->violations->len, ACTIVERING_SEVERITY_ERROR);
  return violation_at (report, index)->is_error ? ACTIVERING_SEVERITY_ERROR : ACTIVERING_SEVERITY_WARNING;
}

char *
activering_trajectory_report_dup_violation_message (const ActiveringTrajectoryReport *report, guint index,
                                                    const char *lang)
{
  g_return_val_if_fail (report != NULL, NULL);
  const Violation *v = violation_at (report, index);
  g_return_val_if_fail (index_in_range (v), NULL);
  int language = rule_set_language_index (report->rules, lang);
  if (v == NULL || language < 0)
    return NULL;
  GString *out = g_string_new (NULL);
  violation_append_message (report, v, language, out);
  return g_string_free (out, FALSE);
}

/* ---- messages ---- */

const char *
phase_label (const ActiveringRuleSet *rules, guint model, guint phase, int language)
{
  return rules->models[model].phases[phase].label[language];
}

static void
append_date (GString *out, gint32 day)
{
  char date[11];
  if (day == NO_DATE || day == STILL)
    {
      g_string_append (out, "?");
      return;
    }
  activering_format_date (day, date);
  g_string_append (out, date);
}

typedef struct
{
  const ActiveringTrajectoryReport *report;
  const Violation *v;
  int language;
} MessageContext;

static void
append_placeholder (Placeholder placeholder, gconstpointer data, GString *out)
{
  const MessageContext *context = data;
  const ActiveringRuleSet *rules = context->report->rules;
  const Violation *v = context->v;
  int language = context->language;
  switch (placeholder)
    {
    case PLACEHOLDER_DATE: append_date (out, v->date); break;
    case PLACEHOLDER_PREVIOUS_DATE:
    case PLACEHOLDER_CLOSED_ON: append_date (out, v->other_date); break;
    case PLACEHOLDER_SINCE: append_date (out, v->since); break;
    case PLACEHOLDER_OVER_SINCE: append_date (out, v->over_since); break;
    case PLACEHOLDER_DUE: append_date (out, v->due); break;
    case PLACEHOLDER_MAX:
      {
        /* the writer's digits, without printf (which allocates): at the top level it writes no comma */
        JsonWriter digits;
        json_writer_init (&digits, out, FALSE);
        json_writer_integer (&digits, v->max);
      }
      break;
    case PLACEHOLDER_CODE:
      if (v->code_text != NULL)
        activering_append_display (out, v->code_text, strlen (v->code_text), 64);
      break;
    case PLACEHOLDER_MODEL:
      if (v->model >= 0)
        g_string_append (out, rules->models[v->model].label[language]);
      else if (v->model_text != NULL)
        activering_append_display (out, v->model_text, strlen (v->model_text), 64);
      break;
    case PLACEHOLDER_PHASE:
      if (v->phase >= 0)
        g_string_append (out, phase_label (rules, (guint) v->model, (guint) v->phase, language));
      break;
    case PLACEHOLDER_FROM_PHASE:
      if (v->from_phase >= 0)
        g_string_append (out, phase_label (rules, (guint) v->from_model, (guint) v->from_phase, language));
      break;
    case PLACEHOLDER_MEASURE:
      if (v->measure >= 0)
        g_string_append (out, rules->measures[v->measure].label[language]);
      break;
    default: break;
    }
}

void
violation_append_message (const ActiveringTrajectoryReport *report, const Violation *v, int language, GString *out)
{
  const ActiveringRuleSet *rules = report->rules;
  const char *text = v->check >= 0 ? rules->checks[v->check].text[language] : rules->messages[v->code][language];
  MessageContext context = { report, v, language };
  placeholders_fill (text, append_placeholder, &context, out);
}

/* ---- the document ---- */

static const char *const state_names[] = { "not_started", "open", "closed" };

static void
member_date_or_null (JsonWriter *w, const char *key, gint32 day)
{
  json_writer_key (w, key);
  if (day == NO_DATE || day == STILL)
    json_writer_null (w);
  else
    json_writer_date (w, day);
}

static void
write_corresponding (JsonWriter *w, const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = report->rules;
  json_writer_key (w, "corresponds_to");
  json_writer_begin_object (w);
  for (guint c = 0; report->current_model >= 0 && c < rules->n_correspondences; c++)
    {
      const PhaseCorrespondence *correspondence = &rules->correspondences[c];
      gboolean forward = correspondence->from == (guint) report->current_model;
      if (!forward && correspondence->to != (guint) report->current_model)
        continue;
      const PhaseModel *from = &rules->models[correspondence->from], *to = &rules->models[correspondence->to];
      const PhaseModel *other = forward ? to : from;
      gboolean any = FALSE;
      for (guint p = 0; p < other->n_phases; p++)
        {
          guint from_phase = forward ? (guint) report->current_phase : p;
          guint to_phase = forward ? p : (guint) report->current_phase;
          if (!correspondence->corresponds[from_phase * to->n_phases + to_phase])
            continue;
          if (!any)
            {
              json_writer_key (w, other->code);
              json_writer_begin_array (w);
              any = TRUE;
            }
          json_writer_string (w, other->phases[p].code);
        }
      if (any)
        json_writer_end_array (w);
    }
  json_writer_end_object (w);
}

static void
write_violations (JsonWriter *w, const ActiveringTrajectoryReport *report, int language)
{
  json_writer_key (w, "violations");
  json_writer_begin_array (w);
  for (guint i = 0; i < report->violations->len; i++)
    {
      const Violation *v = &g_array_index (report->violations, Violation, i);
      json_writer_begin_object (w);
      json_writer_key (w, "event");
      json_writer_integer (w, v->event);
      json_writer_member_string (w, "code", violation_info[v->code].code);
      json_writer_member_string (w, "severity", v->is_error ? "error" : "warning");
      json_writer_key (w, "message");
      gsize message = json_writer_begin_text (w);
      violation_append_message (report, v, language, w->out);
      json_writer_end_text (w, message);
      if (v->check >= 0)
        {
          json_writer_member_string (w, "check", report->rules->checks[v->check].id);
          rule_set_write_legal_basis (w, report->rules, &report->rules->checks[v->check].legal_basis, language);
        }
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

/* Whether the replay entered phase @phase of model @model (for 0 days, too). */
gboolean
trajectory_report_visited (const ActiveringTrajectoryReport *report, guint model, guint phase)
{
  for (guint v = 0; v < report->visits->len; v++)
    {
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      if (visit->model == model && visit->phase == phase)
        return TRUE;
    }
  return FALSE;
}

static void
write_days (JsonWriter *w, const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = report->rules;
  /* Phases in model order, only those visited; a phase visited for 0 days (left the day it was entered) counts. */
  json_writer_key (w, "days_per_phase");
  json_writer_begin_object (w);
  for (guint m = 0; m < rules->n_models; m++)
    for (guint p = 0; p < rules->models[m].n_phases; p++)
      {
        if (!trajectory_report_visited (report, m, p))
          continue;
        json_writer_key (w, rules->models[m].phases[p].code);
        json_writer_integer (w, report->days_per_phase[report->phase_base[m] + p]);
      }
  json_writer_end_object (w);
  json_writer_key (w, "days_per_measure");
  json_writer_begin_object (w);
  for (guint m = 0; m < rules->n_measures; m++)
    {
      gboolean ran = FALSE;
      for (guint r = 0; r < report->runs->len && !ran; r++)
        ran = g_array_index (report->runs, MeasureRun, r).measure == m;
      if (!ran)
        continue;
      json_writer_key (w, rules->measures[m].code);
      json_writer_integer (w, report->days_per_measure[m]);
    }
  json_writer_end_object (w);
}

static void
write_path (JsonWriter *w, const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = report->rules;
  json_writer_key (w, "path");
  json_writer_begin_array (w);
  for (guint v = 0; v < report->visits->len; v++)
    {
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      gint32 last = visit->until == STILL ? report->as_of : visit->until;
      json_writer_begin_object (w);
      json_writer_member_string (w, "model", rules->models[visit->model].code);
      json_writer_member_string (w, "phase", rules->models[visit->model].phases[visit->phase].code);
      json_writer_member_date (w, "from", visit->from);
      member_date_or_null (w, "until", visit->until);
      json_writer_key (w, "days");
      json_writer_integer (w, last >= visit->from ? last - visit->from + 1 : 0);
      json_writer_key (w, "event");
      json_writer_integer (w, visit->event);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
  json_writer_key (w, "runs");
  json_writer_begin_array (w);
  for (guint r = 0; r < report->runs->len; r++)
    {
      const MeasureRun *run = &g_array_index (report->runs, MeasureRun, r);
      gint32 last = run->end == STILL ? report->as_of : run->end;
      json_writer_begin_object (w);
      json_writer_member_string (w, "measure", rules->measures[run->measure].code);
      json_writer_member_date (w, "start", run->start);
      member_date_or_null (w, "end", run->end);
      json_writer_key (w, "days");
      json_writer_integer (w, last >= run->start ? last - run->start + 1 : 0);
      json_writer_member_string (w, "reason", run->reason);
      json_writer_key (w, "event");
      json_writer_integer (w, run->event);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

static void
write_indicators (JsonWriter *w, const ActiveringTrajectoryReport *report)
{
  json_writer_key (w, "indicators");
  json_writer_begin_object (w);
  member_date_or_null (w, "opened_on", report->opened_on);
  json_writer_key (w, "days_to_first_measure");
  if (report->opened_on == NO_DATE || report->first_measure_on == NO_DATE)
    json_writer_null (w);
  else
    json_writer_integer (w, report->first_measure_on - report->opened_on);
  member_date_or_null (w, "closed_on", report->closed_on);
  json_writer_member_string (w, "close_reason",
                             report->state == ACTIVERING_TRAJECTORY_CLOSED ? report->close_reason->str : NULL);
  for (guint i = 0; i < report->rules->n_indicators; i++)
    {
      const char *id = report->rules->indicators[i].id;
      if (report->indicators[i] == INDICATOR_NULL)
        {
          json_writer_key (w, id);
          json_writer_null (w);
        }
      else if (report->indicators[i] == INDICATOR_VALUE)
        {
          json_writer_key (w, id);
          double value = report->indicator_values[i];
          if (value == (double) (gint64) value)
            json_writer_integer (w, (gint64) value);
          else
            json_writer_number (w, value);
        }
      else
        json_writer_member_string (w, id, indicator_names[report->indicators[i]]);
    }
  json_writer_end_object (w);
}

static void write_middle (JsonWriter *w, const ActiveringTrajectoryReport *report);

/* The measures that fit the current phase or a phase after it that a normal transition leads to, with the phases
 * they fit among those and their outcome on the facts; null unless open with facts. */
static void
write_next_steps (JsonWriter *w, const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = report->rules;
  json_writer_key (w, "next_steps");
  if (!has_next_steps (report))
    {
      json_writer_null (w);
      return;
    }
  const PhaseModel *model = &rules->models[report->current_model];
  guint current = (guint) report->current_phase;
  json_writer_begin_array (w);
  for (guint m = 0; m < rules->n_measures; m++)
    {
      gboolean any = FALSE;
      for (guint p = current; p < model->n_phases; p++)
        {
          if (!next_step_fits (report, m, p))
            continue;
          if (!any)
            {
              json_writer_begin_object (w);
              json_writer_member_string (w, "measure", rules->measures[m].code);
              json_writer_key (w, "phases");
              json_writer_begin_array (w);
              any = TRUE;
            }
          json_writer_string (w, model->phases[p].code);
        }
      if (!any)
        continue;
      json_writer_end_array (w);
      json_writer_member_string (w, "outcome", activering_outcome_to_string (report->next_outcomes[m]));
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

int
trajectory_report_language (const ActiveringTrajectoryReport *report, const char *lang, GError **error)
{
  if (!report->has_run)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "trajectory report: nothing has been replayed yet");
      return -1;
    }
  return rule_set_output_language (report->rules, lang, "trajectory report", error);
}

gboolean
activering_trajectory_report_append_json (const ActiveringTrajectoryReport *report, const char *lang,
                                          ActiveringJsonFlags flags, GString *out, GError **error)
{
  g_return_val_if_fail (report != NULL && out != NULL, FALSE);
  int language = trajectory_report_language (report, lang, error);
  if (language < 0)
    return FALSE;
  const ActiveringRuleSet *rules = report->rules;
  JsonWriter writer;
  JsonWriter *w = &writer;
  json_writer_init (w, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (w);
  json_writer_member_string (w, "format", REPORT_FORMAT);
  json_writer_member_string (w, "id", report->id->str);
  json_writer_member_string (w, "model", rules->models[report->model].code);
  json_writer_member_date (w, "as_of", report->as_of);
  json_writer_member_string (w, "lang", rules->languages[language]);
  rule_set_write_stamp (w, rules);
  json_writer_member_string (w, "state", state_names[report->state]);
  json_writer_member_string (w, "current_model", activering_trajectory_report_get_current_model (report));
  json_writer_member_string (w, "current_phase", activering_trajectory_report_get_current_phase (report));
  write_corresponding (w, report);
  if (!w->pretty)
    {
      /* The rule set's codes written once (report-compact.c); the writer takes what follows "open_measures" up to
       * the runs as the value of "open_measures", so that it goes on with a comma. */
      json_writer_key (w, "open_measures");
      json_writer_raw (w, "");
      report_compact_append_middle (report, out);
    }
  else
    write_middle (w, report);
  write_indicators (w, report);
  write_next_steps (w, report);
  write_violations (w, report, language);
  json_writer_end_object (w);
  return TRUE;
}

/* As report_compact_append_middle, through the writer: for the indented document. */
static void
write_middle (JsonWriter *w, const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = report->rules;
  json_writer_key (w, "open_measures");
  json_writer_begin_array (w);
  for (guint m = 0; m < rules->n_measures; m++)
    if (report->running[m] >= 0)
      {
        json_writer_begin_object (w);
        json_writer_member_string (w, "measure", rules->measures[m].code);
        json_writer_member_date (w, "since", g_array_index (report->runs, MeasureRun, report->running[m]).start);
        json_writer_end_object (w);
      }
  json_writer_end_array (w);
  write_days (w, report);
  write_path (w, report);
}

char *
activering_trajectory_report_to_json (const ActiveringTrajectoryReport *report, const char *lang,
                                      ActiveringJsonFlags flags, GError **error)
{
  g_return_val_if_fail (report != NULL, NULL);
  GString *out = g_string_sized_new (2048);
  if (!activering_trajectory_report_append_json (report, lang, flags, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringTrajectoryReport, activering_trajectory_report)
