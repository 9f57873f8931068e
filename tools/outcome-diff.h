/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* outcome-diff.h: how the answers differ between two evaluations of the same dossiers (outcome-diff.c). */
#pragma once

#include "cli-private.h"

/* A condition whose state differs: its index on either side (-1: that side has no condition with this id). */
typedef struct
{
  int old_index, new_index;
  const char *old_state, *new_state; /* "true", "false", "unknown", or "absent" */
  char *id;
} OutcomeDiffCondition;

/* A measure of one dossier whose outcome (or, with conditions, a condition) differs. */
typedef struct
{
  char *id; /* the dossier's */
  const char *measure;
  int old_index, new_index;              /* the measure's index in either rule set, -1 where it is absent */
  const char *old_outcome, *new_outcome; /* an outcome's name, or "absent" */
  GArray *conditions;                    /* OutcomeDiffCondition; NULL when conditions were not compared */
} OutcomeDiffMeasure;

typedef struct OutcomeDiff OutcomeDiff;

/* Tallies over dossiers evaluated by @old_rules and @new_rules (both borrowed), keeping the first @max_examples
 * measures that differ. */
OutcomeDiff *outcome_diff_new (ActiveringRuleSet *old_rules, ActiveringRuleSet *new_rules, guint max_examples);
void outcome_diff_free (OutcomeDiff *diff);
/* Forgets every dossier added (for the next one, when each dossier gets a document of its own). */
void outcome_diff_reset (OutcomeDiff *diff);
/* Adds one dossier's two evaluations; @with_conditions also compares each measure's conditions (evaluations
 * that were not run outcomes-only). Returns whether an outcome changed. */
gboolean outcome_diff_add (OutcomeDiff *diff, const ActiveringEvaluation *old_ev, const ActiveringEvaluation *new_ev,
                           gboolean with_conditions);
/* Counts a dossier one side could not read or evaluate. */
void outcome_diff_add_bad (OutcomeDiff *diff, gboolean old_ok, gboolean new_ok);
guint64 outcome_diff_get_dossiers (const OutcomeDiff *diff);
guint64 outcome_diff_get_changed (const OutcomeDiff *diff);
/* The measures kept (the examples), in the order they were met. */
guint outcome_diff_get_n_measures (const OutcomeDiff *diff);
const OutcomeDiffMeasure *outcome_diff_get_measure (const OutcomeDiff *diff, guint index);
/* Appends the rules-diff document's `impact` member, with its leading comma; @caseload names the input. */
void outcome_diff_append_impact (const OutcomeDiff *diff, const char *caseload, GString *out);
