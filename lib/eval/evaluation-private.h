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
