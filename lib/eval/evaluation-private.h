/* evaluation-private.h: the answer for one dossier, kept in buffers sized once per rule set. */
#pragma once

#include "activering/activering.h"
#include "facts/facts-private.h"
#include "rules/rule-set-private.h"

/* A list of missing facts: slots and whether each is unknown or blank. */
typedef struct
{
  guint *slots;
  guint8 *states;
  guint n;
} MissingList;

typedef struct
{
  guint index; /* into rules->obligations */
  ActiveringObligationState state;
  MissingList missing;
} ObligationResult;

typedef struct _TraceState TraceState;

struct _ActiveringEvaluation
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  GString *id;
  gint32 as_of;
  char as_of_text[11];     /* as_of as "YYYY-MM-DD", formatted when the date changes (most batches have one) */
  gint32 as_of_text_day;   /* the day as_of_text holds, G_MININT32 before the first run */
  gboolean explained; /* the last run computed more than outcomes */
  gboolean has_run;

  Value *values;      /* one per value slot of the program (see program-private.h) */
  gint32 params_date; /* the parameters' slots hold their values on this date */
  gboolean params_valid;

  ActiveringOutcome *outcomes;
  ActiveringReason *reasons; /* per measure: why it is not applicable, or undetermined whatever the facts */
  guint **listed;            /* per measure: the conditions that apply, in order (none when not applicable) */
  guint *n_listed;
  int *coverage;             /* per measure: the coverage entry that holds, or -1 */
  guint *signals;            /* the signals that hold */
  guint n_signals;
  GString **rendered;        /* the templated texts, [template * n_languages + language], rendered for params_date */
  GString **rendered_json;   /* the same, quoted and escaped for result documents */
  MissingList *missing; /* per measure */
  guint **limits;       /* per measure: indexes of the limits that are known */
  guint *n_limits;
  ObligationResult *obligations;
  guint n_obligations;

  gboolean traced;   /* the last run was asked for the trace (ACTIVERING_EVALUATE_TRACE) */
  TraceState *trace; /* made by the first traced run, kept for the next */

  /* scratch for the missing-facts walk: a node or fact is seen in the current walk when its stamp is @walk, so
   * that a walk starts without clearing them */
  guint32 *seen_nodes;
  guint32 *seen_facts;
  guint32 walk;
};

/* The string of @text in @language for this evaluation: a text that quotes parameters is read as rendered for
 * the evaluation date. */
static inline const char *
evaluation_text (const ActiveringEvaluation *ev, const char *const *text, int language)
{
  guintptr template = (guintptr) text[ev->rules->n_languages];
  return template == 0 ? text[language] : ev->rendered[(template - 1) * ev->rules->n_languages + language]->str;
}

/* Runs the first @n_nodes nodes of the program on @facts (program-run.c). With @short_circuit, a measure stops at
 * its first false condition: only the outcomes are then right, not the states of its other conditions. The constants'
 * slots are filled once when the evaluation is made, the parameters' when the date changes. */
void program_run (ActiveringEvaluation *ev, const ActiveringFacts *facts, guint n_nodes, gboolean short_circuit);
/* Resolves every parameter for ev->as_of, unless already done for that date. */
void program_resolve_parameters (ActiveringEvaluation *ev);
/* The same, without rendering the texts that quote parameters (for runs whose texts nobody reads). */
void program_resolve_parameter_values (ActiveringEvaluation *ev);

/* The outcome of a measure, and its reason, from the values of the run just made. */
static inline ActiveringOutcome
evaluation_outcome_of (const ActiveringEvaluation *ev, const Measure *measure, ActiveringReason *reason)
{
  const Value *exists = &ev->values[measure->exists_node];
  const Value *all = &ev->values[measure->outcome_node];
  *reason = ACTIVERING_REASON_NONE;
  if (exists->known && !exists->i)
    {
      /* The dates are checked first: outside them the region was not read. */
      *reason = ev->as_of < measure->valid_from || ev->as_of > measure->valid_to ? ACTIVERING_REASON_NOT_IN_FORCE
                                                                                : ACTIVERING_REASON_NOT_IN_REGION;
      return ACTIVERING_OUTCOME_NOT_APPLICABLE;
    }
  if (exists->known && exists->i == EXISTS_NOT_ENCODED)
    *reason = ACTIVERING_REASON_REGIME_NOT_ENCODED;
  if (!all->known)
    return ACTIVERING_OUTCOME_UNDETERMINED;
  return all->i ? ACTIVERING_OUTCOME_ELIGIBLE : ACTIVERING_OUTCOME_NOT_ELIGIBLE;
}

/* The state of an obligation from the values of the run just made, or -1 when it does not apply. */
static inline int
evaluation_obligation_state (const ActiveringEvaluation *ev, guint o)
{
  const Obligation *obligation = &ev->rules->obligations[o];
  const Value *applies = &ev->values[obligation->applies_node];
  const Value *due = &ev->values[obligation->due_node];
  const Value *met = &ev->values[obligation->met_node];
  if (applies->known && !applies->i)
    return -1;
  if (met->known && met->i)
    return ACTIVERING_OBLIGATION_MET;
  if (!applies->known || !due->known || !met->known)
    return ACTIVERING_OBLIGATION_UNDETERMINED;
  return ev->as_of <= due->i ? ACTIVERING_OBLIGATION_DUE : ACTIVERING_OBLIGATION_OVERDUE;
}


/* Collects into @out the unknown or blank facts under the unknown parts of @roots (explain.c). */
void explain_missing (ActiveringEvaluation *ev, const ActiveringFacts *facts, const gint32 *roots, guint n_roots,
                      MissingList *out);

/* What the batch calls share (batch.c): row @row of the outcomes and missing matrices, for the evaluation just run
 * or for a row in error, and the `activering.error/1` line of a row in error. */
void batch_fill_row (const ActiveringEvaluation *ev, guint row, guint8 *outcomes, guint8 *missing);
void batch_fill_error_row (const ActiveringRuleSet *rules, guint row, guint8 *outcomes, guint8 *missing);
void batch_append_error (GString *out, guint64 line, const GError *problem, const char *path);
/* Copies the caller's options (NULL: the defaults) into @copy, the fields its version lacks at their defaults; an
 * unknown version is a usage error. */
gboolean batch_options_read (const ActiveringBatchOptions *options, ActiveringBatchOptions *copy, GError **error);
