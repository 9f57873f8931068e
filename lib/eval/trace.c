/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* trace.c: the traced run: what the result's trace needs of the facts, and valid_until.
 *
 * valid_until is the last day on which the same facts give the same outcome. The stability pass says, for the
 * run on as_of, through which day each outcome surely stays as it is (its first breakpoint). The dossier is run
 * again on the day after the earliest breakpoint: an outcome that differs there is valid until the breakpoint;
 * one that does not gets its next breakpoint from that run. So the program runs once per breakpoint (a birthday,
 * a period boundary, a due date), never once per day. */
#include "config.h"

#include <string.h>

#include "eval/trace-private.h"

/* A run on a breakpoint the stability pass cannot see past (a value it cannot follow) moves one day; this many
 * breakpoints at most are visited, after which an outcome is reported valid until its last known breakpoint. */
#define MAX_BREAKPOINTS 1024
/* 9997-12-31, in days since 1970: a change after it is beyond what an answer about today can foresee (ages and
 * month counts are not computed past the calendar's end). */
#define LAST_DAY_LOOKED_AT 2932166

static TraceState *
trace_state_new (const ActiveringRuleSet *rules)
{
  TraceState *trace = g_new0 (TraceState, 1);
  guint n_values = MAX (rules->program.n_values, 1);
  trace->fact_states = g_new0 (guint8, MAX (rules->n_facts, 1));
  trace->facts_json = g_string_new (NULL);
  trace->until = g_new (gint32, n_values);
  trace->slope = g_new (gint64, n_values);
  trace->measure_until = g_new (gint32, MAX (rules->n_measures, 1));
  trace->obligation_until = g_new (gint32, MAX (rules->n_obligations, 1));
  trace->seen = g_new0 (guint32, n_values);
  guint n_items = MAX (rules->n_measures + rules->n_obligations, 1);
  trace->item_state = g_new (int, n_items);
  trace->item_stable = g_new (gint32, n_items);
  trace->item_pending = g_new (gboolean, n_items);
  trace->names = g_string_new (NULL);
  trace->fact_name = g_new (gsize, rules->n_facts + 1);
  trace->definition_name = g_new (gsize, rules->n_definitions + 1);
  trace->parameter_name = g_new (gsize, rules->n_params + 1);
  for (guint f = 0; f <= rules->n_facts; f++)
    {
      trace->fact_name[f] = trace->names->len;
      if (f < rules->n_facts)
        trace_put_name (trace->names, "{\"fact\":", rules->facts[f].path, ",\"state\":\"");
    }
  for (guint d = 0; d <= rules->n_definitions; d++)
    {
      trace->definition_name[d] = trace->names->len;
      if (d < rules->n_definitions)
        trace_put_name (trace->names, "{\"definition\":", rules->definitions[d].name, ",\"value\":");
    }
  for (guint p = 0; p <= rules->n_params; p++)
    {
      trace->parameter_name[p] = trace->names->len;
      if (p < rules->n_params)
        trace_put_name (trace->names, "{\"parameter\":", rules->params[p].name, ",\"value\":");
    }
  trace->parameters_json = g_string_new (NULL);
  trace->parameters_language = -1;
  trace->text = g_string_new (NULL);
  return trace;
}

void
trace_state_free (TraceState *trace)
{
  if (trace == NULL)
    return;
  g_free (trace->fact_states);
  g_string_free (trace->facts_json, TRUE);
  g_free (trace->until);
  g_free (trace->slope);
  g_free (trace->measure_until);
  g_free (trace->obligation_until);
  g_free (trace->seen);
  g_free (trace->item_state);
  g_free (trace->item_stable);
  g_free (trace->item_pending);
  g_string_free (trace->names, TRUE);
  g_free (trace->fact_name);
  g_free (trace->definition_name);
  g_free (trace->parameter_name);
  g_string_free (trace->parameters_json, TRUE);
  g_string_free (trace->text, TRUE);
  if (trace->probe != NULL)
    activering_evaluation_free (trace->probe);
  g_free (trace);
}

/* What is compared from one breakpoint to the next: a measure's outcome and reason, an obligation's state (-1: it
 * does not apply). */
static int
measure_state (const ActiveringEvaluation *ev, guint m)
{
  ActiveringReason reason;
  ActiveringOutcome outcome = evaluation_outcome_of (ev, &ev->rules->measures[m], &reason);
  return (int) outcome * 16 + (int) reason;
}

static void
compute_valid_until (ActiveringEvaluation *ev, const ActiveringFacts *facts)
{
  const ActiveringRuleSet *rules = ev->rules;
  TraceState *trace = ev->trace;
  guint n_items = rules->n_measures + rules->n_obligations;
  int *state = trace->item_state;
  gint32 *stable = trace->item_stable; /* per item: surely the same through this day */
  gboolean *pending = trace->item_pending;

  stability_compute (ev, facts, trace->until, trace->slope);
  guint n_pending = 0;
  for (guint i = 0; i < n_items; i++)
    {
      gboolean is_measure = i < rules->n_measures;
      guint k = is_measure ? i : i - rules->n_measures;
      state[i] = is_measure ? measure_state (ev, k) : evaluation_obligation_state (ev, k);
      stable[i] = is_measure ? stability_of_measure (ev, trace->until, k)
                             : stability_of_obligation (ev, trace->until, trace->slope, k);
      pending[i] = stable[i] != STABLE_FOREVER;
      n_pending += pending[i];
    }
  if (n_pending > 0 && trace->probe == NULL)
    trace->probe = activering_evaluation_new ((ActiveringRuleSet *) rules);
  ActiveringEvaluation *probe = trace->probe;
  for (guint step = 0; n_pending > 0 && step < MAX_BREAKPOINTS; step++)
    {
      gint32 breakpoint = STABLE_FOREVER;
      for (guint i = 0; i < n_items; i++)
        if (pending[i] && stable[i] < breakpoint)
          breakpoint = stable[i];
      if (breakpoint >= LAST_DAY_LOOKED_AT)
        break; /* the pending outcomes hold to the end of the calendar: null */
      probe->as_of = breakpoint + 1;
      program_resolve_parameter_values (probe);
      program_run (probe, facts, rules->n_deciding_nodes, FALSE);
      stability_compute (probe, facts, trace->until, trace->slope);
      for (guint i = 0; i < n_items; i++)
        {
          if (!pending[i] || stable[i] != breakpoint)
            continue;
          gboolean is_measure = i < rules->n_measures;
          guint k = is_measure ? i : i - rules->n_measures;
          int now = is_measure ? measure_state (probe, k) : evaluation_obligation_state (probe, k);
          if (now != state[i])
            {
              pending[i] = FALSE; /* changed the day after the breakpoint: valid until it */
              n_pending--;
              continue;
            }
          stable[i] = is_measure ? stability_of_measure (probe, trace->until, k)
                                 : stability_of_obligation (probe, trace->until, trace->slope, k);
          if (stable[i] == STABLE_FOREVER)
            {
              pending[i] = FALSE;
              n_pending--;
            }
        }
    }
  for (guint i = 0; i < n_items; i++)
    if (pending[i] && stable[i] >= LAST_DAY_LOOKED_AT)
      stable[i] = STABLE_FOREVER;
  for (guint m = 0; m < rules->n_measures; m++)
    trace->measure_until[m] = stable[m];
  for (guint o = 0; o < rules->n_obligations; o++)
    trace->obligation_until[o] = stable[rules->n_measures + o];
}

void
trace_run (ActiveringEvaluation *ev, const ActiveringFacts *facts)
{
  const ActiveringRuleSet *rules = ev->rules;
  if (ev->trace == NULL)
    ev->trace = trace_state_new (rules);
  TraceState *trace = ev->trace;
  memcpy (trace->fact_states, facts->state, rules->n_facts);
  g_string_truncate (trace->facts_json, 0);
  trace_put_facts (trace->facts_json, ev, facts);
  compute_valid_until (ev, facts);
}
