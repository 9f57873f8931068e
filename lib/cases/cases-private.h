/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cases-private.h: data-driven rule cases (`activering.cases/1`, docs/rule-cases.md), the runner behind
 * `activering test` and the project's own tests/cases.
 *
 *   case-file.c               the public ActiveringCaseFile: loading a file, and its cases one by one
 *   case-load.c               reading a case file and checking it against its rule set
 *   case-expect.c             the keys of "expect": one table, each key with its check, its run and its stage
 *   case-expect-documents.c   "trajectory" and "roles": documents of their own, compared as a subset
 *   case-expect-decisions.c   "outcomes", "conditions", "reasons", "coverage", "via", "signals"
 *   case-expect-details.c     "missing", "missing_asked_of", "missing_state", "limits", "absent_limits",
 *                             "obligations", "obligation_due"
 *   case-expect-trace.c       "valid_until", "to_change", "decided_by": what a traced run adds
 *   case-run.c                running one case, with what was expected against what came out
 *   case-coverage.c           which condition states and parameter periods the cases exercised
 */
#pragma once

#include <glib.h>
#include <json-c/json.h>

#include "activering/activering.h"
#include "util/error-private.h"

#define CASES_FORMAT "activering.cases/1"
/* Mismatches are reported in English, whatever the rule set's first language. */
#define CASES_REPORT_LANG "en"

/* A rule set, and the ids a case file is checked against that the public API only gives as JSON. */
typedef struct
{
  ActiveringRuleSet *rules;
  GHashTable *conditions;  /* "measure.condition" */
  GHashTable *limits;      /* "measure.limit" */
  GHashTable *obligations; /* obligation ids */
} CaseRules;

/* One case, checked: everything in it is known to the rule set. */
typedef struct
{
  char *file; /* as shown in messages: the path as given */
  char *name;
  CaseRules *rules;        /* the case file's */
  json_object *expect;     /* a reference of its own */
  char *facts_json;        /* the facts document, with format and id filled in; NULL for a trajectory case
                              without facts */
  char *trajectory_json;   /* the trajectory document, with format and id filled in; or NULL */
  char *organisation_json; /* the organisation document, with format and id filled in; or NULL */
  char **set;              /* "set": the what-if changes to the facts, path and value (JSON) in turn; or NULL */
  gboolean has_as_of;
  GDate as_of;
} Case;

struct _ActiveringCaseFile
{
  grefcount ref_count; /* see util/boxed-private.h */
  char *name;
  CaseRules *rules;
  GPtrArray *cases; /* Case */
};

/* ---- case-load.c ---- */

/* Collects the problems of one case file, each on a line of its own that names the file (and the case). */
typedef struct
{
  const char *file; /* for messages */
  GString *errors;
  int n_errors;
  const char *case_name; /* for messages, while checking one case */
  int case_index;        /* -1 outside the cases */
} CaseLoader;

int case_load_text (const char *file, const char *dir, const char *text, gsize length, ActiveringRuleSet *override,
                    GPtrArray *cases, GString *errors, CaseRules **rules_out);
void case_free (gpointer data);
void case_rules_free (CaseRules *rules);

void case_loader_error (CaseLoader *loader, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean case_check_keys (CaseLoader *loader, json_object *object, const char *where, const char *const *allowed);
void case_check_measure_code (CaseLoader *loader, const CaseRules *rules, const char *where, const char *code);
gboolean case_check_measure_dot_id (CaseLoader *loader, const CaseRules *rules, const char *where, const char *what,
                                    const char *id, GHashTable *ids);
void case_check_fact (CaseLoader *loader, const CaseRules *rules, const char *where, const char *path);
void case_check_obligation_id (CaseLoader *loader, const CaseRules *rules, const char *where, const char *id);
void case_check_word (CaseLoader *loader, const char *where, const char *key, json_object *value,
                      const char *const *allowed);
gboolean case_check_object (CaseLoader *loader, const char *where, json_object *value);
/* The library's name of an enumeration's value (activering_outcome_to_string () and the like). */
typedef const char *(*CaseStateName) (int value);
void case_check_state_name (CaseLoader *loader, const char *where, const char *key, json_object *value,
                            CaseStateName name, int first, int last, const char *extra);
const char *case_json_string (json_object *value);
const char *case_array_string (json_object *array, size_t i);
gboolean case_parse_date (const char *text, GDate *out);

/* ---- case-run.c ---- */

/* One case being run: what each expectation compares against, and where it writes its mismatches. */
typedef struct
{
  const Case *c;
  ActiveringRuleSet *rules;
  const ActiveringFacts *facts;   /* NULL for a trajectory case without facts */
  const ActiveringEvaluation *ev; /* NULL before the evaluation (CASE_STAGE_DOCUMENTS) */
  GString *out;                   /* one paragraph per mismatch */
  GHashTable *described;          /* measures already described under a mismatch (index + 1) */
} CaseRun;

gboolean case_run (const Case *c, ActiveringEvaluation *ev, GString *out);
int case_measure_of (ActiveringRuleSet *rules, const char *id);
void case_run_describe_measure (CaseRun *run, guint measure);
void case_append_heading (GString *out, const Case *c);

/* ---- case-expect.c: the keys of "expect" ---- */

/* When a key runs. A failing case's report lists its mismatches stage by stage, and within a stage in the table's
 * order. */
typedef enum
{
  CASE_STAGE_DOCUMENTS, /* a document of its own (the trajectory report, the role assignment); before the
                           evaluation, and the only stage of a case without facts */
  CASE_STAGE_DECISIONS, /* what the evaluation decided: outcomes, condition states, reasons, signals */
  CASE_STAGE_DETAILS,   /* what a decision rests on and leads to: missing facts, limits, obligations */
} CaseStage;

/* Checks the value of one key (at @where, "expect.<key>") when the file is loaded. */
typedef void (*CaseExpectCheck) (CaseLoader *loader, const CaseRules *rules, const char *where, json_object *value);
/* Compares the value of one key with what the case gave, appending mismatches to @run->out. */
typedef void (*CaseExpectRun) (CaseRun *run, json_object *value);

typedef struct
{
  const char *key;
  CaseStage stage;
  CaseExpectCheck check;
  CaseExpectRun run;
} CaseExpectation;

gboolean case_check_expect (CaseLoader *loader, const CaseRules *rules, json_object *expect);
void case_run_expectations (CaseRun *run, CaseStage stage);

/* The rows of the table, a check and a run function for each key (each a CaseExpectCheck and a CaseExpectRun). */
#define CASE_DECLARE_EXPECTATION(key)                                                                                  \
  void case_check_##key (CaseLoader *loader, const CaseRules *rules, const char *where, json_object *value);           \
  void case_run_##key (CaseRun *run, json_object *value)

/* case-expect-documents.c */
CASE_DECLARE_EXPECTATION (trajectory);
CASE_DECLARE_EXPECTATION (roles);
/* case-expect-decisions.c */
CASE_DECLARE_EXPECTATION (outcomes);
CASE_DECLARE_EXPECTATION (conditions);
CASE_DECLARE_EXPECTATION (reasons);
CASE_DECLARE_EXPECTATION (coverage);
CASE_DECLARE_EXPECTATION (via);
CASE_DECLARE_EXPECTATION (signals);
/* case-expect-details.c */
CASE_DECLARE_EXPECTATION (missing);
CASE_DECLARE_EXPECTATION (missing_asked_of);
CASE_DECLARE_EXPECTATION (missing_state);
CASE_DECLARE_EXPECTATION (limits);
CASE_DECLARE_EXPECTATION (absent_limits);
CASE_DECLARE_EXPECTATION (obligations);
CASE_DECLARE_EXPECTATION (obligation_due);
/* case-expect-trace.c */
CASE_DECLARE_EXPECTATION (valid_until);
CASE_DECLARE_EXPECTATION (to_change);
CASE_DECLARE_EXPECTATION (decided_by);
/* Whether a case expects what only a traced run gives. */
gboolean case_wants_trace (const Case *c);

/* ---- case-coverage.c ---- */

void case_coverage_add (ActiveringCaseCoverage *coverage, const ActiveringEvaluation *ev);
