/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* trace-private.h: what a traced run (ACTIVERING_EVALUATE_TRACE) adds to an evaluation: the trace, valid_until and
 * to_change (docs/contract.md).
 *
 *   trace.c        the traced run: the facts as read, and valid_until from one breakpoint to the next
 *   stability.c    how long each value of the program stays as it is, read from the compiled program
 *   trace-json.c   the `trace` member and the `valid_until` members of the result document
 *   to-change.c    the `to_change` member: what would make a measure eligible
 *
 * Nothing here runs unless the trace is asked for: the other runs only test one flag, once per dossier.
 */
#pragma once

#include "eval/evaluation-private.h"

/* No date ends it: valid_until is null. */
#define STABLE_FOREVER G_MAXINT32

struct _TraceState
{
  guint8 *fact_states; /* per fact slot: its ActiveringFactState in the traced run */
  GString *facts_json; /* the trace's "facts" member, written during the run (runs are not kept after it) */
  gint32 *until;       /* per value slot: see stability_compute () */
  gint64 *slope;
  gint32 *measure_until;    /* per measure: valid_until, STABLE_FOREVER for null */
  gint32 *obligation_until; /* per obligation of the rule set */
  ActiveringEvaluation *probe; /* runs the dossier on the breakpoints after as_of */
  int *item_state;             /* per measure, then per obligation: the answer on as_of (trace.c) */
  gint32 *item_stable;         /* ... the day through which it surely stays */
  gboolean *item_pending;      /* ... whether a later breakpoint is still to be run */
  guint32 *seen;               /* per value slot: the stamp of the condition that last named it */
  guint32 stamp;
  /* Written once per evaluation: `{"fact":<path>,"state":"` per fact slot, `{"definition":<name>,"value":` per
   * definition and `{"parameter":<name>,"value":` per parameter, at these offsets of @names. */
  GString *names;
  gsize *fact_name, *definition_name, *parameter_name; /* offset; the next entry's offset ends it */
  /* The parameters on as_of, in one language: they change only with the date (most batches have one). */
  GString *parameters_json;
  gint32 parameters_day;
  int parameters_language; /* -1: not written yet */
  GString *text;           /* scratch for the texts of to_change */
};

/* Runs after a traced evaluation: fills ev->trace (trace.c). */
void trace_run (ActiveringEvaluation *ev, const ActiveringFacts *facts);
void trace_state_free (TraceState *trace);

/* For every value slot of @ev's last run (made on ev->as_of, called t0 below), how long it keeps its value while
 * the facts stay the same and only the date moves on: through until[slot] (>= t0; STABLE_FOREVER when no date
 * changes it) the value on day t is the value on t0 plus slope[slot] * (t - t0) days (slope 0: the same value;
 * as_of itself has slope 1). Sound, not always tight: a value may stay the same after its until, never change
 * before it (stability.c). */
void stability_compute (const ActiveringEvaluation *ev, const ActiveringFacts *facts, gint32 *until, gint64 *slope);
/* From the stabilities: the last day through which a measure's outcome and reason, and an obligation's state,
 * surely stay as they are. */
gint32 stability_of_measure (const ActiveringEvaluation *ev, const gint32 *until, guint measure);
gint32 stability_of_obligation (const ActiveringEvaluation *ev, const gint32 *until, const gint64 *slope,
                                guint obligation);

/* Writers (trace-json.c, to-change.c). */
void trace_put_value (GString *out, const ActiveringRuleSet *rules, ValueType type, const guint32 *domain,
                      guint n_domain, const Value *value);
void trace_put_day (GString *out, gint32 day); /* a date in quotes, or null for STABLE_FOREVER */
void trace_put_name (GString *out, const char *head, const char *name, const char *tail); /* @name quoted */
void trace_put_facts (GString *out, const ActiveringEvaluation *ev, const ActiveringFacts *facts);
void trace_append_json (GString *out, const ActiveringEvaluation *ev, int language);
void to_change_append_json (GString *out, const ActiveringEvaluation *ev, guint measure, int language);
