/* replay.c: replaying an event log against the rule set's phase models (docs/trajectories.md, "Replay").
 *
 * One forward pass over the events keeps the trajectory's state (open or closed, the current phase, the running
 * measures) and records phase visits, measure runs and violations; the limits over time, the checks on facts and
 * the indicators are worked out from those records afterwards. Codes were resolved when the log was read, so the
 * pass compares integers only, and the report's arrays are reused from run to run.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "trajectory/trajectory-private.h"
#include "util/dates-private.h"

#define NO_DATE G_MININT32
#define STILL G_MAXINT32 /* the end of a visit or run that goes on */

typedef struct
{
  ActiveringTrajectoryReport *report;
  const ActiveringTrajectory *t;
  const ActiveringRuleSet *rules;
  const Event *event;
  guint index;
} Replay;

static Violation *
violation (Replay *R, ViolationCode code)
{
  Violation v = {
    .event = R->index,
    .order = R->report->violations->len,
    .code = (guint8) code,
    .is_error = violation_info[code].is_error,
    .check = -1,
    .model = -1,
    .phase = -1,
    .from_model = -1,
    .from_phase = -1,
    .measure = -1,
    .date = R->event ? R->event->at : NO_DATE,
    .other_date = NO_DATE,
    .since = NO_DATE,
  };
  g_array_append_val (R->report->violations, v);
  return &g_array_index (R->report->violations, Violation, R->report->violations->len - 1);
}

static const char *
keep (Replay *R, const char *s)
{
  return s ? g_string_chunk_insert (R->report->strings, s) : NULL;
}

static Visit *
current_visit (ActiveringTrajectoryReport *report)
{
  return &g_array_index (report->visits, Visit, report->visits->len - 1);
}

static void
enter (Replay *R, guint model, guint phase)
{
  ActiveringTrajectoryReport *report = R->report;
  if (report->visits->len > 0 && current_visit (report)->until == STILL)
    current_visit (report)->until = R->event->at - 1;
  Visit visit = {
    .model = (guint16) model, .phase = (guint16) phase, .from = R->event->at, .until = STILL, .event = R->index
  };
  g_array_append_val (report->visits, visit);
  report->current_model = (gint) model;
  report->current_phase = (gint) phase;
}

/* The event's phase, or FALSE after reporting it unknown. */
static gboolean
known_phase (Replay *R)
{
  if (R->event->subject != UNKNOWN_REF)
    return TRUE;
  Violation *v = violation (R, VIOLATION_UNKNOWN_PHASE);
  v->code_text = keep (R, R->event->code);
  if (R->event->model_code != NULL && R->event->model == UNKNOWN_REF)
    v->model_text = keep (R, R->event->model_code);
  else
    v->model = (gint16) (R->event->model != UNKNOWN_REF ? R->event->model : (gint16) R->t->model);
  return FALSE;
}

static gboolean
known_measure (Replay *R)
{
  if (R->event->subject != UNKNOWN_REF)
    return TRUE;
  violation (R, VIOLATION_UNKNOWN_MEASURE)->code_text = keep (R, R->event->code);
  return FALSE;
}

/* Whether a correspondence lets a trajectory in @from_phase of @from_model be handed over into @phase of @model. */
static gboolean
handover_allowed (const ActiveringRuleSet *rules, guint from_model, guint from_phase, guint model, guint phase)
{
  for (guint c = 0; c < rules->n_correspondences; c++)
    {
      const PhaseCorrespondence *correspondence = &rules->correspondences[c];
      if (correspondence->from == from_model && correspondence->to == model)
        return correspondence->handover[from_phase * rules->models[model].n_phases + phase] != 0;
    }
  return FALSE;
}

static void
move (Replay *R)
{
  const ActiveringTrajectoryReport *report = R->report;
  guint from_model = (guint) report->current_model, from_phase = (guint) report->current_phase;
  guint model = (guint) R->event->model, phase = (guint) R->event->subject;
  ViolationCode code;
  if (model == from_model && phase == from_phase)
    {
      Violation *v = violation (R, VIOLATION_SAME_PHASE);
      v->model = (gint16) model;
      v->phase = (gint16) phase;
      return;
    }
  if (model == from_model)
    {
      const PhaseModel *m = &R->rules->models[model];
      TransitionKind kind = m->transitions[from_phase * m->n_phases + phase];
      code = kind == TRANSITION_NORMAL    ? N_VIOLATION_CODES
             : kind == TRANSITION_WARNING ? VIOLATION_UNUSUAL_TRANSITION
                                          : VIOLATION_TRANSITION_NOT_ALLOWED;
    }
  else
    code = handover_allowed (R->rules, from_model, from_phase, model, phase) ? N_VIOLATION_CODES
                                                                             : VIOLATION_HANDOVER_NOT_ALLOWED;
  if (code != N_VIOLATION_CODES)
    {
      Violation *v = violation (R, code);
      v->from_model = (gint16) from_model;
      v->from_phase = (gint16) from_phase;
      v->model = (gint16) model;
      v->phase = (gint16) phase;
    }
  /* Even a move the model does not allow happened: the client is in the new phase now. */
  enter (R, model, phase);
}

static void
end_run (Replay *R, guint measure, gint32 last_day, const char *reason)
{
  ActiveringTrajectoryReport *report = R->report;
  MeasureRun *run = &g_array_index (report->runs, MeasureRun, report->running[measure]);
  run->end = last_day;
  run->reason = keep (R, reason);
  report->running[measure] = -1;
}

static void
start_measure (Replay *R)
{
  ActiveringTrajectoryReport *report = R->report;
  guint measure = (guint) R->event->subject;
  if (report->running[measure] >= 0)
    {
      Violation *v = violation (R, VIOLATION_OVERLAPPING_MEASURE);
      v->measure = (gint32) measure;
      v->since = g_array_index (report->runs, MeasureRun, report->running[measure]).start;
      return;
    }
  MeasureRun run = { .measure = measure, .start = R->event->at, .end = STILL, .event = R->index };
  report->running[measure] = (gint) report->runs->len;
  g_array_append_val (report->runs, run);
  if (report->first_measure_on == NO_DATE)
    report->first_measure_on = R->event->at;
  const Phase *phase = &R->rules->models[report->current_model].phases[report->current_phase];
  if (!phase->fits[measure])
    {
      Violation *v = violation (R, VIOLATION_MEASURE_OUTSIDE_PHASE);
      v->measure = (gint32) measure;
      v->model = (gint16) report->current_model;
      v->phase = (gint16) report->current_phase;
    }
}

static void
close_trajectory (Replay *R)
{
  ActiveringTrajectoryReport *report = R->report;
  for (guint m = 0; m < R->rules->n_measures; m++)
    if (report->running[m] >= 0)
      {
        Violation *v = violation (R, VIOLATION_MEASURE_RUNNING_AT_CLOSE);
        v->measure = (gint32) m;
        v->since = g_array_index (report->runs, MeasureRun, report->running[m]).start;
        end_run (R, m, R->event->at, NULL);
      }
  current_visit (report)->until = R->event->at;
  if (report->spans->len > 0)
    g_array_index (report->spans, OpenSpan, report->spans->len - 1).until = R->event->at;
  report->state = ACTIVERING_TRAJECTORY_CLOSED;
  report->closed_on = R->event->at;
  g_string_assign (report->close_reason, R->event->reason);
}

/* Whether the event may happen in the trajectory's state; if not, reports why. */
static gboolean
state_allows (Replay *R)
{
  ActiveringTrajectoryReport *report = R->report;
  guint8 type = R->event->type;
  if (type == ACTIVERING_EVENT_OPEN && report->state == ACTIVERING_TRAJECTORY_NOT_STARTED)
    return TRUE;
  if (type == ACTIVERING_EVENT_REOPEN && report->state == ACTIVERING_TRAJECTORY_CLOSED)
    return TRUE;
  if ((type == ACTIVERING_EVENT_OPEN || type == ACTIVERING_EVENT_REOPEN) && report->state == ACTIVERING_TRAJECTORY_OPEN)
    violation (R, VIOLATION_ALREADY_OPEN);
  else if (report->state == ACTIVERING_TRAJECTORY_NOT_STARTED)
    violation (R, VIOLATION_NOT_OPEN);
  else if (report->state == ACTIVERING_TRAJECTORY_CLOSED)
    violation (R, VIOLATION_EVENT_AFTER_CLOSE)->other_date = report->closed_on;
  else
    return TRUE;
  return FALSE;
}

static void
replay_event (Replay *R)
{
  ActiveringTrajectoryReport *report = R->report;
  const Event *event = R->event;
  if (event->role == UNKNOWN_REF)
    violation (R, VIOLATION_UNKNOWN_ROLE)->code_text = keep (R, event->by);
  if (!state_allows (R))
    return;
  g_array_append_val (report->accepted, R->index);
  switch (event->type)
    {
    case ACTIVERING_EVENT_OPEN:
    case ACTIVERING_EVENT_REOPEN:
      if (!known_phase (R))
        return;
      enter (R, (guint) event->model, (guint) event->subject);
      {
        OpenSpan span = { .from = event->at, .until = STILL, .event = R->index };
        g_array_append_val (report->spans, span);
      }
      report->state = ACTIVERING_TRAJECTORY_OPEN;
      report->closed_on = NO_DATE;
      g_string_truncate (report->close_reason, 0);
      if (report->opened_on == NO_DATE)
        report->opened_on = event->at;
      if (event->type == ACTIVERING_EVENT_OPEN && !R->rules->models[event->model].phases[event->subject].entry)
        {
          Violation *v = violation (R, VIOLATION_UNUSUAL_ENTRY_PHASE);
          v->model = event->model;
          v->phase = (gint16) event->subject;
        }
      break;
    case ACTIVERING_EVENT_ENTER_PHASE:
      if (known_phase (R))
        move (R);
      break;
    case ACTIVERING_EVENT_START_MEASURE:
      if (known_measure (R))
        start_measure (R);
      break;
    case ACTIVERING_EVENT_END_MEASURE:
      if (!known_measure (R))
        return;
      if (report->running[event->subject] < 0)
        {
          Violation *v = violation (R, VIOLATION_MEASURE_NOT_RUNNING);
          v->measure = event->subject;
          return;
        }
      end_run (R, (guint) event->subject, event->at, event->reason);
      break;
    case ACTIVERING_EVENT_CLOSE: close_trajectory (R); break;
    case ACTIVERING_EVENT_HANDOVER:
      if (event->subject == UNKNOWN_REF)
        violation (R, VIOLATION_UNKNOWN_ROLE)->code_text = keep (R, event->code);
      break;
    default: break; /* a note; the follow-up events are counted after the pass */
    }
}

/* ---- what is worked out after the pass ---- */

static gint32
last_day_of (gint32 end, gint32 as_of)
{
  return end == STILL ? as_of : end;
}

static gint32
days_between_inclusive (gint32 from, gint32 until)
{
  return until >= from ? until - from + 1 : 0;
}

/* The first day from @from to @until on which none of the @measures runs, or @until + 1 if there is none. */
static gint32
first_day_without (const ActiveringTrajectoryReport *report, const guint8 *measures, gint32 from, gint32 until)
{
  gint32 day = from;
  gboolean advanced = TRUE;
  while (day <= until && advanced && measures != NULL)
    {
      advanced = FALSE;
      for (guint r = 0; r < report->runs->len; r++)
        {
          const MeasureRun *run = &g_array_index (report->runs, MeasureRun, r);
          gint32 end = last_day_of (run->end, report->as_of);
          if (measures[run->measure] && run->start <= day && day <= end)
            {
              day = end + 1;
              advanced = TRUE;
            }
        }
    }
  return day;
}

/* The dossier's facts evaluated on the report date, for the checks that read them; NULL without facts. */
static const ActiveringEvaluation *
facts_evaluation (Replay *R, const ActiveringFacts *facts)
{
  ActiveringTrajectoryReport *report = R->report;
  if (facts == NULL || R->t->events->len == 0)
    return NULL;
  if (report->evaluation == NULL)
    report->evaluation = activering_evaluation_new (report->rules);
  GDate as_of;
  activering_days_to_gdate (report->as_of, &as_of);
  if (!activering_evaluation_run (report->evaluation, facts, &as_of, ACTIVERING_EVALUATE_DEFAULT, NULL))
    return NULL;
  return report->evaluation;
}

static void
check_duration (Replay *R, guint index, const TrajectoryCheck *check, const ActiveringEvaluation *ev)
{
  ActiveringTrajectoryReport *report = R->report;
  /* A run past the limit is allowed where the facts say an exception holds (an ex-PWA worker's wijk-werken). */
  if (check->unless_node >= 0 && ev != NULL && ev->values[check->unless_node].known
      && ev->values[check->unless_node].i)
    return;
  for (guint r = 0; r < report->runs->len; r++)
    {
      const MeasureRun run = g_array_index (report->runs, MeasureRun, r);
      if (run.measure != check->measure)
        continue;
      Value max = rule_set_param_on (&R->rules->params[check->max.param], run.start);
      gboolean ok;
      gint32 last_allowed = max.known ? duration_last_day (run.start, max.i, check->max.unit, &ok) : 0;
      if (!max.known || !ok)
        continue;
      gint32 end = last_day_of (run.end, report->as_of);
      gint32 over = first_day_without (report, check->unless_running, last_allowed + 1, end);
      if (over > end)
        continue;
      R->index = run.event;
      R->event = NULL;
      Violation *v = violation (R, VIOLATION_LIMIT_EXCEEDED);
      v->is_error = check->is_error;
      v->check = (gint16) index;
      v->measure = (gint32) run.measure;
      v->since = run.start;
      v->max = (gint32) max.i;
      v->over_since = over;
    }
}

/* The checks that read the dossier's facts, evaluated on the report date. */
static void
check_facts (Replay *R, const ActiveringEvaluation *ev)
{
  ActiveringTrajectoryReport *report = R->report;
  if (ev == NULL)
    return;
  for (guint c = 0; c < R->rules->n_checks; c++)
    {
      const TrajectoryCheck *check = &R->rules->checks[c];
      if (check->kind == CHECK_ENDS_WHEN)
        {
          const Value *ends = &ev->values[check->ends_when_node];
          gint running = report->running[check->measure];
          if (!ends->known || !ends->i || running < 0 || report->state != ACTIVERING_TRAJECTORY_OPEN)
            continue;
          const MeasureRun *run = &g_array_index (report->runs, MeasureRun, running);
          R->index = run->event;
          R->event = NULL;
          Violation *v = violation (R, VIOLATION_LIMIT_EXCEEDED);
          v->is_error = check->is_error;
          v->check = (gint16) c;
          v->measure = (gint32) check->measure;
          v->since = run->start;
        }
      else if (check->kind == CHECK_OBLIGATION)
        for (guint o = 0; o < ev->n_obligations; o++)
          if (ev->obligations[o].index == check->obligation
              && ev->obligations[o].state == ACTIVERING_OBLIGATION_OVERDUE)
            {
              R->index = 0;
              R->event = NULL;
              Violation *v = violation (R, VIOLATION_OBLIGATION_OVERDUE);
              v->is_error = check->is_error;
              v->check = (gint16) c;
              v->due = (gint32) ev->values[R->rules->obligations[check->obligation].due_node].i;
            }
    }
}

static IndicatorState
indicator_state (const ActiveringTrajectoryReport *report, const TrajectoryIndicator *indicator)
{
  const MeasureRun *after = NULL;
  for (guint r = 0; r < report->runs->len && after == NULL; r++)
    if (g_array_index (report->runs, MeasureRun, r).measure == indicator->after)
      after = &g_array_index (report->runs, MeasureRun, r);
  if (after == NULL)
    return INDICATOR_NOT_APPLICABLE;
  Value within = rule_set_param_on (&report->rules->params[indicator->within.param], after->start);
  gboolean ok;
  gint32 last = within.known ? duration_last_day (after->start, within.i, indicator->within.unit, &ok) : 0;
  if (!within.known || !ok)
    return INDICATOR_UNDETERMINED;
  for (guint r = 0; r < report->runs->len; r++)
    {
      const MeasureRun *run = &g_array_index (report->runs, MeasureRun, r);
      if (run->measure == indicator->starts && run->start <= last
          && last_day_of (run->end, report->as_of) >= after->start)
        return INDICATOR_MET;
    }
  gboolean window_open = report->as_of <= last && report->state == ACTIVERING_TRAJECTORY_OPEN;
  return window_open ? INDICATOR_PENDING : INDICATOR_NOT_MET;
}

/* ---- follow-up: checks and indicators over the events (docs/rule-language.md, "Follow-up") ---- */

static const Event *
accepted_event (const Replay *R, guint a)
{
  return &g_array_index (R->t->events, Event, g_array_index (R->report->accepted, guint, a));
}

static gboolean
selected (const EventSelector *selector, const Event *event)
{
  const char *kind = event->type == ACTIVERING_EVENT_NOTE ? NULL : event->reason;
  return event_selector_matches (selector, event->type, kind, event->role);
}

/* The last day by which the next event is due: @limit units after @day (the day after it is the first of them). */
static gboolean
due_by (const ActiveringRuleSet *rules, const DurationParam *limit, gint32 day, gint32 *last, gint32 *max)
{
  Value value = rule_set_param_on (&rules->params[limit->param], day);
  gboolean ok = FALSE;
  if (value.known)
    *last = duration_last_day (day + 1, value.i, limit->unit, &ok);
  *max = (gint32) value.i;
  return value.known && ok;
}

static void
follow_up_violation (Replay *R, guint index, guint event, ViolationCode code, gint32 since, gint32 max, gint32 last)
{
  const TrajectoryCheck *check = &R->rules->checks[index];
  R->index = event;
  R->event = NULL;
  Violation *v = violation (R, code);
  v->is_error = check->is_error;
  v->check = (gint16) index;
  v->date = g_array_index (R->t->events, Event, event).at;
  v->since = since;
  v->max = max;
  v->over_since = last + 1;
}

/* While open, no selected event for longer than the limit: from each opening or selected event to the next one, the
 * close, or the report date. */
static void
check_gap (Replay *R, guint index, const TrajectoryCheck *check)
{
  const ActiveringTrajectoryReport *report = R->report;
  if (check->if_recorded)
    {
      gboolean recorded = FALSE;
      for (guint a = 0; a < report->accepted->len && !recorded; a++)
        recorded = selected (&check->events, accepted_event (R, a));
      if (!recorded)
        return;
    }
  guint a = 0;
  for (guint s = 0; s < report->spans->len; s++)
    {
      const OpenSpan span = g_array_index (report->spans, OpenSpan, s);
      gint32 end = last_day_of (span.until, report->as_of);
      gint32 anchor = span.from;
      guint anchor_event = span.event;
      for (;; a++)
        {
          const Event *next = NULL;
          while (a < report->accepted->len)
            {
              const Event *e = accepted_event (R, a);
              if (e->at > end)
                break;
              if (e->at >= span.from && selected (&check->events, e))
                {
                  next = e;
                  break;
                }
              a++;
            }
          gint32 until = next != NULL ? next->at : end;
          gint32 last, max;
          if (due_by (R->rules, &check->max, anchor, &last, &max) && until > last)
            follow_up_violation (R, index, anchor_event, VIOLATION_FOLLOW_UP_GAP, anchor, max, last);
          if (next == NULL)
            break;
          anchor = next->at;
          anchor_event = g_array_index (report->accepted, guint, a);
        }
    }
}

/* Each selected event that no `followed_by` event follows within the limit, once the limit has passed. */
static void
check_followed_by (Replay *R, guint index, const TrajectoryCheck *check)
{
  const ActiveringTrajectoryReport *report = R->report;
  for (guint a = 0; a < report->accepted->len; a++)
    {
      const Event *e = accepted_event (R, a);
      if (!selected (&check->events, e))
        continue;
      gint32 last, max;
      if (!due_by (R->rules, &check->max, e->at, &last, &max))
        continue;
      gboolean answered = FALSE;
      for (guint b = a + 1; b < report->accepted->len && !answered; b++)
        {
          const Event *f = accepted_event (R, b);
          if (f->at > last)
            break;
          answered = selected (&check->followed_by, f);
        }
      if (!answered && report->as_of > last)
        follow_up_violation (R, index, g_array_index (report->accepted, guint, a), VIOLATION_FOLLOW_UP_MISSING, e->at,
                             max, last);
    }
}

static IndicatorState
follow_up_indicator (const Replay *R, const TrajectoryIndicator *indicator, double *value)
{
  const ActiveringTrajectoryReport *report = R->report;
  const Event *first = NULL, *last = NULL;
  guint count = 0;
  for (guint a = 0; a < report->accepted->len; a++)
    {
      const Event *e = accepted_event (R, a);
      if (!selected (&indicator->events, e))
        continue;
      count++;
      if (first == NULL)
        first = e;
      last = e;
    }
  switch (indicator->kind)
    {
    case INDICATOR_KIND_DAYS_TO_FIRST:
      if (first == NULL || report->opened_on == NO_DATE)
        return INDICATOR_NULL;
      *value = first->at - report->opened_on;
      return INDICATOR_VALUE;
    case INDICATOR_KIND_DAYS_SINCE_LAST:
      if (last == NULL || report->state != ACTIVERING_TRAJECTORY_OPEN)
        return INDICATOR_NULL;
      *value = report->as_of - last->at;
      return INDICATOR_VALUE;
    case INDICATOR_KIND_COUNT: *value = count; return INDICATOR_VALUE;
    case INDICATOR_KIND_PER_MONTH:
      {
        gint64 days = 0;
        for (guint s = 0; s < report->spans->len; s++)
          {
            const OpenSpan *span = &g_array_index (report->spans, OpenSpan, s);
            days += days_between_inclusive (span->from, last_day_of (span->until, report->as_of));
          }
        if (days == 0)
          return INDICATOR_NULL;
        /* per month of 365.25 / 12 days, to two decimals */
        *value = floor (count * 365.25 / 12 / (double) days * 100 + 0.5) / 100;
        return INDICATOR_VALUE;
      }
    default: return INDICATOR_UNDETERMINED;
    }
}

/* Closed for one of the reasons and not reopened within the limit: of the last such close. */
static IndicatorState
not_reopened_state (const Replay *R, const TrajectoryIndicator *indicator, double *close_day)
{
  const ActiveringTrajectoryReport *report = R->report;
  gint close = -1;
  for (guint a = 0; a < report->accepted->len; a++)
    {
      const Event *e = accepted_event (R, a);
      if (e->type == ACTIVERING_EVENT_CLOSE && g_strv_contains ((const char *const *) indicator->closed_with, e->reason))
        close = (gint) a;
    }
  if (close < 0)
    return INDICATOR_NOT_APPLICABLE;
  const Event *closed = accepted_event (R, (guint) close);
  *close_day = closed->at; /* for the caseload report: when the outflow happened */
  gint32 last, max;
  if (!due_by (R->rules, &indicator->within, closed->at, &last, &max))
    return INDICATOR_UNDETERMINED;
  for (guint a = (guint) close + 1; a < report->accepted->len; a++)
    {
      const Event *e = accepted_event (R, a);
      if (e->type == ACTIVERING_EVENT_REOPEN && e->at <= last)
        return INDICATOR_NOT_MET;
    }
  return report->as_of > last ? INDICATOR_MET : INDICATOR_PENDING;
}

/* Violations by the event at fault, and in the order found for one event. */
static int
by_event (gconstpointer a, gconstpointer b)
{
  const Violation *x = a, *y = b;
  if (x->event != y->event)
    return x->event < y->event ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
reset (ActiveringTrajectoryReport *report, const ActiveringTrajectory *t, gint32 as_of)
{
  const ActiveringRuleSet *rules = report->rules;
  g_string_assign (report->id, t->id);
  report->model = t->model;
  report->as_of = as_of;
  report->state = ACTIVERING_TRAJECTORY_NOT_STARTED;
  report->current_model = report->current_phase = -1;
  report->opened_on = report->closed_on = report->first_measure_on = NO_DATE;
  g_string_truncate (report->close_reason, 0);
  g_array_set_size (report->visits, 0);
  g_array_set_size (report->runs, 0);
  g_array_set_size (report->violations, 0);
  g_array_set_size (report->accepted, 0);
  g_array_set_size (report->spans, 0);
  g_string_chunk_clear (report->strings);
  memset (report->days_per_phase, 0, sizeof (guint) * MAX (report->phase_base[rules->n_models], 1));
  memset (report->days_per_measure, 0, sizeof (guint) * MAX (rules->n_measures, 1));
  for (guint m = 0; m < rules->n_measures; m++)
    report->running[m] = -1;
}

void
trajectory_replay (ActiveringTrajectoryReport *report, const ActiveringTrajectory *t, guint n_events,
                   const ActiveringFacts *facts, gint32 as_of)
{
  reset (report, t, as_of);
  if (report->pieces == NULL)
    report->pieces = report_pieces_new (report);
  Replay replay = { .report = report, .t = t, .rules = report->rules };
  Replay *R = &replay;
  gint32 last_date = NO_DATE;
  for (guint i = 0; i < n_events; i++)
    {
      const Event *event = &g_array_index (t->events, Event, i);
      if (event->at > as_of)
        break; /* the log as it stood on the report date; what follows comes later */
      R->event = event;
      R->index = i;
      if (event->at < last_date)
        {
          violation (R, VIOLATION_EVENT_OUT_OF_ORDER)->other_date = last_date;
          continue;
        }
      last_date = event->at;
      replay_event (R);
    }
  for (guint v = 0; v < report->visits->len; v++)
    {
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      report->days_per_phase[report->phase_base[visit->model] + visit->phase] +=
          (guint) days_between_inclusive (visit->from, last_day_of (visit->until, as_of));
    }
  for (guint r = 0; r < report->runs->len; r++)
    {
      const MeasureRun *run = &g_array_index (report->runs, MeasureRun, r);
      report->days_per_measure[run->measure] +=
          (guint) days_between_inclusive (run->start, last_day_of (run->end, as_of));
    }
  /* The facts are evaluated only if a check reads them. */
  gboolean reads_facts = FALSE;
  for (guint c = 0; c < report->rules->n_checks; c++)
    reads_facts |= report->rules->checks[c].kind == CHECK_ENDS_WHEN || report->rules->checks[c].kind == CHECK_OBLIGATION
                   || (report->rules->checks[c].kind == CHECK_MAX_DURATION
                       && report->rules->checks[c].unless_node >= 0);
  const ActiveringEvaluation *ev = reads_facts ? facts_evaluation (R, facts) : NULL;
  for (guint c = 0; c < report->rules->n_checks; c++)
    if (report->rules->checks[c].kind == CHECK_MAX_DURATION)
      check_duration (R, c, &report->rules->checks[c], ev);
    else if (report->rules->checks[c].kind == CHECK_GAP)
      check_gap (R, c, &report->rules->checks[c]);
    else if (report->rules->checks[c].kind == CHECK_FOLLOWED_BY)
      check_followed_by (R, c, &report->rules->checks[c]);
  check_facts (R, ev);
  for (guint i = 0; i < report->rules->n_indicators; i++)
    {
      const TrajectoryIndicator *indicator = &report->rules->indicators[i];
      report->indicators[i] = indicator->kind == INDICATOR_KIND_WITHIN ? indicator_state (report, indicator)
                              : indicator->kind == INDICATOR_KIND_NOT_REOPENED
                                  ? not_reopened_state (R, indicator, &report->indicator_values[i])
                                  : follow_up_indicator (R, indicator, &report->indicator_values[i]);
    }
  /* Next steps: on the facts, for an open trajectory. */
  report->has_next_steps = FALSE;
  if (facts != NULL && report->state == ACTIVERING_TRAJECTORY_OPEN)
    {
      if (ev == NULL)
        ev = facts_evaluation (R, facts);
      if (ev != NULL)
        {
          memcpy (report->next_outcomes, ev->outcomes, sizeof (ActiveringOutcome) * report->rules->n_measures);
          report->has_next_steps = TRUE;
        }
    }
  g_array_sort (report->violations, by_event);
  report->has_run = TRUE;
}
