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

/**
 * ActiveringCaseFile:
 *
 * A loaded and checked case file (`activering.cases/1`, docs/rule-cases.md) with the rule set its cases run against.
 * Opaque; one thread at a time; free with activering_case_file_free().
 */
typedef struct _ActiveringCaseFile ActiveringCaseFile;
/**
 * ActiveringCaseCoverage:
 *
 * What the cases run so far have exercised in a rule set: the states each condition was seen in, and the parameter
 * periods some case was evaluated in (activering_case_file_run_case() adds to it). Opaque; one thread at a time;
 * free with activering_case_coverage_free().
 */
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
 * @file: (nullable) (transfer full): the case file, or %NULL
 *
 * Frees @file (%NULL is allowed), and its reference to the rule set.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_case_file_free (ActiveringCaseFile *file);

/**
 * activering_case_file_get_name:
 * @file: the case file
 *
 * How messages name the file: its path, or the @name given to activering_case_file_new_from_data().
 *
 * Returns: (transfer none): the file's name, as messages give it, owned by @file.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_case_file_get_name (const ActiveringCaseFile *file);

/**
 * activering_case_file_get_rule_set:
 * @file: the case file
 *
 * The rule set the cases run against: the one given when loading, or the one the file names, or the embedded default.
 *
 * Returns: (transfer none): the rule set the cases run against, owned by @file (take a reference with
 *   activering_rule_set_ref() to keep it longer).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_case_file_get_rule_set (const ActiveringCaseFile *file);

/**
 * activering_case_file_get_n_cases:
 * @file: the case file
 *
 * The number of cases, the bound of the case getters' index.
 *
 * Returns: how many cases the file holds.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_case_file_get_n_cases (const ActiveringCaseFile *file);

/**
 * activering_case_file_get_case_name:
 * @file: the case file
 * @index: the case, 0 <= @index < activering_case_file_get_n_cases()
 *
 * The name the file gives case @index, as failure reports quote it.
 *
 * Returns: (transfer none) (nullable): the name of case @index, owned by @file; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_case_file_get_case_name (const ActiveringCaseFile *file, guint index);

/**
 * activering_case_file_get_case_facts:
 * @file: the case file
 * @index: the case, 0 <= @index < activering_case_file_get_n_cases()
 *
 * The facts case @index evaluates, as a document activering_facts_new_from_data() reads.
 *
 * Returns: (transfer none) (nullable): the case's facts document (with its format and id filled in), owned by @file;
 *   %NULL for a trajectory case without facts (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_case_file_get_case_facts (const ActiveringCaseFile *file, guint index);

/**
 * activering_case_file_get_case_as_of:
 * @file: the case file
 * @index: the case, 0 <= @index < activering_case_file_get_n_cases()
 * @out: (out caller-allocates) (optional): set to the case's date, if it gives one
 *
 * The date case @index is evaluated on, when the case gives one (otherwise the facts' `as_of` is used).
 *
 * Returns: %TRUE and sets @out if the case gives its own date; %FALSE, @out untouched, if it does not (or for an index
 *   out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_case_file_get_case_as_of (const ActiveringCaseFile *file, guint index, GDate *out);

/**
 * activering_case_file_run_case:
 * @file: the case file
 * @index: the case, 0 <= @index < activering_case_file_get_n_cases()
 * @coverage: (nullable): what the case's evaluation exercises is added here (if it uses the same rule set)
 * @failure: (nullable): when the case fails, a heading ("file: case "name" (as of date):") and one paragraph per
 *   mismatch are appended: what was expected, what came out, and the measure's outcome, conditions and missing facts
 *
 * Runs case @index: evaluates its facts (and replays its trajectory, assigns its roles, where it has them) and
 * compares what came out with what it expects. A case whose facts do not parse or whose evaluation fails fails,
 * with the reason in @failure.
 *
 * Returns: %TRUE if everything the case expects came out; %FALSE if not (or for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_case_file_run_case (const ActiveringCaseFile *file, guint index,
                                        ActiveringCaseCoverage *coverage, GString *failure);

/* ---- coverage ---- */

/**
 * activering_case_coverage_new:
 * @rules: the rule set whose conditions and parameter periods are counted (a reference is kept)
 *
 * An empty coverage, to pass to activering_case_file_run_case().
 *
 * Returns: (transfer full): what cases run with it have exercised: so far, nothing. Free with
 *   activering_case_coverage_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringCaseCoverage *activering_case_coverage_new (ActiveringRuleSet *rules);

/**
 * activering_case_coverage_free:
 * @coverage: (nullable) (transfer full): the coverage, or %NULL
 *
 * Frees @coverage (%NULL is allowed), and its reference to the rule set.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_case_coverage_free (ActiveringCaseCoverage *coverage);

/**
 * activering_case_coverage_to_json:
 * @coverage: the coverage
 * @flags: #ActiveringJsonFlags
 *
 * The coverage as a document, for tools.
 *
 * Returns: (transfer full): an `activering.coverage/1` document: the number of cases evaluated, for each
 *   condition of each measure whether a case saw it "true", "false" and "unknown", and the periods of parameters
 *   that no case was evaluated in. Free with g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_case_coverage_to_json (const ActiveringCaseCoverage *coverage, ActiveringJsonFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringCaseFile, activering_case_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringCaseCoverage, activering_case_coverage_free)

/**
 * activering_case_coverage_to_text:
 * @coverage: the coverage
 * @prefix: (nullable): put before every line (e.g. "# " for TAP comments); %NULL for nothing
 *
 * The coverage as text, for people.
 *
 * Returns: (transfer full): the same as a listing for people: each condition with the states seen ("-" for one
 *   never seen, and what was never seen at the end), then the parameter periods no case was evaluated in. Free with
 *   g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_case_coverage_to_text (const ActiveringCaseCoverage *coverage, const char *prefix);

G_END_DECLS

#endif
