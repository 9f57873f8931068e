/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-expect.c: the keys of a case's "expect" (docs/rule-cases.md, "Expectations").
 *
 * One table lists every key with the function that checks its value when the file is loaded, the one that compares
 * it with what the case gave, and the stage it runs in. The loader's list of known keys and the runner's sections
 * both come from it: adding a key means writing its two functions (case-expect-<stage>.c) and adding one row.
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"

/* In the order the loader lists the known keys in its messages. When a key runs is its stage's business. */
static const CaseExpectation expectations[] = {
  { "outcomes", CASE_STAGE_DECISIONS, case_check_outcomes, case_run_outcomes },
  { "conditions", CASE_STAGE_DECISIONS, case_check_conditions, case_run_conditions },
  { "missing", CASE_STAGE_DETAILS, case_check_missing, case_run_missing },
  { "missing_asked_of", CASE_STAGE_DETAILS, case_check_missing_asked_of, case_run_missing_asked_of },
  { "missing_state", CASE_STAGE_DETAILS, case_check_missing_state, case_run_missing_state },
  { "limits", CASE_STAGE_DETAILS, case_check_limits, case_run_limits },
  { "absent_limits", CASE_STAGE_DETAILS, case_check_absent_limits, case_run_absent_limits },
  { "obligations", CASE_STAGE_DETAILS, case_check_obligations, case_run_obligations },
  { "obligation_due", CASE_STAGE_DETAILS, case_check_obligation_due, case_run_obligation_due },
  { "reasons", CASE_STAGE_DECISIONS, case_check_reasons, case_run_reasons },
  { "coverage", CASE_STAGE_DECISIONS, case_check_coverage, case_run_coverage },
  { "via", CASE_STAGE_DECISIONS, case_check_via, case_run_via },
  { "signals", CASE_STAGE_DECISIONS, case_check_signals, case_run_signals },
  { "trajectory", CASE_STAGE_DOCUMENTS, case_check_trajectory, case_run_trajectory },
  { "roles", CASE_STAGE_DOCUMENTS, case_check_roles, case_run_roles },
  { "valid_until", CASE_STAGE_DETAILS, case_check_valid_until, case_run_valid_until },
  { "to_change", CASE_STAGE_DETAILS, case_check_to_change, case_run_to_change },
  { "decided_by", CASE_STAGE_DETAILS, case_check_decided_by, case_run_decided_by },
};

static const CaseExpectation *
lookup_expectation (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (strcmp (expectations[i].key, key) == 0)
      return &expectations[i];
  return NULL;
}

/* Checks a case's "expect", key by key in the file's order. Returns whether it has no problem. */
gboolean
case_check_expect (CaseLoader *L, const CaseRules *rules, json_object *expect)
{
  int before = L->n_errors;
  const char *keys[G_N_ELEMENTS (expectations) + 1];
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    keys[i] = expectations[i].key;
  keys[G_N_ELEMENTS (expectations)] = NULL;
  if (!case_check_keys (L, expect, "expect", keys))
    return FALSE;
  if (json_object_object_length (expect) == 0)
    case_loader_error (L, "expect: checks nothing");

  json_object_object_foreach (expect, key, value)
    {
      const CaseExpectation *expectation = lookup_expectation (key);
      if (expectation == NULL)
        continue; /* "note", or reported by case_check_keys () */
      g_autofree char *where = g_strconcat ("expect.", key, NULL);
      expectation->check (L, rules, where, value);
    }
  return L->n_errors == before;
}

/* Runs the expectations of @stage that the case has, in the table's order. */
void
case_run_expectations (CaseRun *run, CaseStage stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      json_object *value = NULL;
      if (expectations[i].stage == stage && json_object_object_get_ex (run->c->expect, expectations[i].key, &value))
        expectations[i].run (run, value);
    }
}
