/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-cases.h: data-driven rule cases (`activering.cases/1`, docs/rule-cases.md), the runner behind
 * `activering test` and a rule set's tests in CI.
 *
 * A case gives the facts of a dossier (and optionally its trajectory and organisation), a date, and what must
 * come out: outcomes, conditions, missing facts, limits, obligations, trajectory reports, role assignments. An
 * #ActiveringCaseFile is a loaded case file, checked against its rule set before anything runs; running a case
 * says whether it passed and, when not, what was expected against what came out, with the explanation of the
 * measures involved. A case file belongs to one thread at a time.
 *
 * Case indexes run from 0 to activering_case_file_get_n_cases(); an index out of range is a programmer's error: a
 * GLib critical, and %NULL or %FALSE (docs/api-conventions.md, "Indexes").
 */
#ifndef ACTIVERING_CASES_H
#define ACTIVERING_CASES_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-evaluation.h>

G_BEGIN_DECLS

typedef struct _ActiveringCaseFile ActiveringCaseFile;
typedef struct _ActiveringCaseCoverage ActiveringCaseCoverage;

/**
 * activering_case_file_new_from_file:
 * @rules: (nullable): the rule set to run the cases against; %NULL: the one the file names (its "rules", relative
 *   to the file), or the embedded default. A reference is kept.
 * @path: the case file, an `activering.cases/1` document
 * @error: return location for a #GError, or %NULL: %ACTIVERING_ERROR_IO if the file cannot be read; otherwise as
 *   activering_case_file_new_from_data()
 *
 * Reads and checks a case file. Relative paths in the file ("rules", "facts_file") start from the file's directory.
 *
 * Returns: (transfer full) (nullable): the cases, free with activering_case_file_free(); %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringCaseFile *activering_case_file_new_from_file (ActiveringRuleSet *rules, const char *path, GError **error);

/**
 * activering_case_file_new_from_data:
 * @rules: (nullable): the rule set to run the cases against; %NULL: the one the text names (its "rules", relative
 *   to @dir), or the embedded default. A reference is kept.
 * @data: the text of an `activering.cases/1` document (UTF-8 JSON); need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @name: how messages name the file
 * @dir: (nullable): the directory relative paths in the file ("rules", "facts_file") start from; %NULL: the
 *   current directory
 * @error: return location for a #GError, or %NULL: %ACTIVERING_ERROR_SYNTAX if @data is not valid UTF-8;
 *   otherwise %ACTIVERING_ERROR_INVALID_VALUE with every problem of the file, one per line, each naming the file,
 *   the case and what is wrong ("cases/x.json: case 3 \"…\": expect.outcomes: unknown measure \"…\" …")
 *
 * Like activering_case_file_new_from_file(), from text in memory.
 *
 * Returns: (transfer full) (nullable): the cases, free with activering_case_file_free(); %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringCaseFile *activering_case_file_new_from_data (ActiveringRuleSet *rules, const char *data, gssize length,
                                                        const char *name, const char *dir, GError **error);
/**
 * activering_case_file_free:
 *
 * Frees @file (%NULL is allowed).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_case_file_free (ActiveringCaseFile *file);
/**
 * activering_case_file_get_name:
 *
 * Returns: (transfer none): the file's name, as messages give it.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_case_file_get_name (const ActiveringCaseFile *file);
/**
 * activering_case_file_get_rule_set:
 *
 * Returns: (transfer none): the rule set the cases run against.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_case_file_get_rule_set (const ActiveringCaseFile *file);
/**
 * activering_case_file_get_n_cases:
 *
 * Returns: how many cases the file holds.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_case_file_get_n_cases (const ActiveringCaseFile *file);
/**
 * activering_case_file_get_case_name:
 *
 * Returns: (transfer none) (nullable): the name of case @index.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_case_file_get_case_name (const ActiveringCaseFile *file, guint index);
/**
 * activering_case_file_get_case_facts:
 * Returns: (transfer none) (nullable): the case's facts document (with its format and id filled in), or %NULL for
 * a trajectory case without facts.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_case_file_get_case_facts (const ActiveringCaseFile *file, guint index);
/**
 * activering_case_file_get_case_as_of:
 *
 * Returns: %TRUE and sets @out if the case gives its own date.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_case_file_get_case_as_of (const ActiveringCaseFile *file, guint index, GDate *out);
/**
 * activering_case_file_run_case:
 * @coverage: (nullable): what the case's evaluation exercises is added here (if it uses the same rule set)
 * @failure: (nullable): when the case fails, a heading ("file: case "name" (as of date):") and one paragraph per
 *   mismatch are appended: what was expected, what came out, and the measure's outcome, conditions and missing facts
 *
 * Returns: %TRUE if everything the case expects came out.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_case_file_run_case (const ActiveringCaseFile *file, guint index,
                                        ActiveringCaseCoverage *coverage, GString *failure);

/* ---- coverage ---- */

/**
 * activering_case_coverage_new:
 * @rules: the rule set whose conditions and parameter periods are counted (a reference is kept)
 *
 * Returns: (transfer full): what cases run with it have exercised: so far, nothing.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringCaseCoverage *activering_case_coverage_new (ActiveringRuleSet *rules);
/**
 * activering_case_coverage_free:
 *
 * Frees @coverage (%NULL is allowed).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_case_coverage_free (ActiveringCaseCoverage *coverage);
/**
 * activering_case_coverage_to_json:
 *
 * Returns: (transfer full): an `activering.coverage/1` document: the number of cases evaluated, for each
 * condition of each measure whether a case saw it "true", "false" and "unknown", and the periods of parameters
 * that no case was evaluated in. Free with g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_case_coverage_to_json (const ActiveringCaseCoverage *coverage, ActiveringJsonFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringCaseFile, activering_case_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringCaseCoverage, activering_case_coverage_free)

/**
 * activering_case_coverage_to_text:
 * @prefix: (nullable): put before every line (e.g. "# " for TAP comments)
 *
 * Returns: (transfer full): the same as a listing for people: each condition with the states seen ("-" for one
 * never seen, and what was never seen at the end), then the parameter periods no case was evaluated in.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_case_coverage_to_text (const ActiveringCaseCoverage *coverage, const char *prefix);

G_END_DECLS

#endif
