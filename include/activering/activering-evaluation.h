/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-evaluation.h: evaluating a dossier's facts against a rule set, and explaining the answer.
 *
 * An #ActiveringEvaluation holds the answer for one dossier on one date: per measure an outcome, the state of
 * each condition (three-valued), the facts still missing and who supplies them, the computed limits, and the
 * cross-cutting obligations. It is reusable: run it on one dossier after another and it does not allocate
 * again. One evaluation belongs to one thread at a time; the rule set behind it may be shared.
 *
 * Indexes: @measure runs over the rule set's measures (activering_rule_set_get_n_measures()), the other
 * indexes over the counts the getters below return. An index out of range is a programmer's error: a GLib critical,
 * and the getter returns its fallback (%NULL, 0, %FALSE, %ACTIVERING_OUTCOME_UNDETERMINED, %ACTIVERING_TRUTH_UNKNOWN,
 * %ACTIVERING_FACT_UNKNOWN, %ACTIVERING_REASON_NONE, %ACTIVERING_OBLIGATION_UNDETERMINED), leaving out-parameters
 * untouched (docs/api-conventions.md, "Indexes"). Strings returned are owned by the evaluation or the rule
 * set and stay valid until the next run or until the evaluation is freed.
 */
#ifndef ACTIVERING_EVALUATION_H
#define ACTIVERING_EVALUATION_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-facts.h>

G_BEGIN_DECLS

typedef struct _ActiveringEvaluation ActiveringEvaluation;

/**
 * ActiveringOutcome:
 * @ACTIVERING_OUTCOME_ELIGIBLE: every condition holds
 * @ACTIVERING_OUTCOME_NOT_ELIGIBLE: at least one condition is false
 * @ACTIVERING_OUTCOME_UNDETERMINED: no condition is false, but some needed fact is unknown or blank
 * @ACTIVERING_OUTCOME_NOT_APPLICABLE: the measure does not exist in that region or on that date
 */
typedef enum {
  ACTIVERING_OUTCOME_ELIGIBLE = 0,
  ACTIVERING_OUTCOME_NOT_ELIGIBLE = 1,
  ACTIVERING_OUTCOME_UNDETERMINED = 2,
  ACTIVERING_OUTCOME_NOT_APPLICABLE = 3,
} ActiveringOutcome;

/**
 * ActiveringReason:
 * @ACTIVERING_REASON_NONE: the outcome follows from the conditions
 * @ACTIVERING_REASON_NOT_IN_FORCE: not applicable: the measure does not exist on the evaluation date
 * @ACTIVERING_REASON_NOT_IN_REGION: not applicable: the measure does not exist in the dossier's region
 * @ACTIVERING_REASON_REGIME_NOT_ENCODED: undetermined: on that date the measure existed under an earlier regime
 *   that the rule set does not encode
 *
 * Why a measure is not judged by its conditions (contract C6, C7). Such a measure lists no conditions, no missing
 * facts and no limits.
 */
typedef enum {
  ACTIVERING_REASON_NONE = 0,
  ACTIVERING_REASON_NOT_IN_FORCE = 1,
  ACTIVERING_REASON_NOT_IN_REGION = 2,
  ACTIVERING_REASON_REGIME_NOT_ENCODED = 3,
} ActiveringReason;

/**
 * ActiveringTruth:
 *
 * A three-valued (Kleene) truth value.
 */
typedef enum {
  ACTIVERING_TRUTH_FALSE = 0,
  ACTIVERING_TRUTH_TRUE = 1,
  ACTIVERING_TRUTH_UNKNOWN = 2,
} ActiveringTruth;

/**
 * ActiveringObligationState:
 * @ACTIVERING_OBLIGATION_MET: done
 * @ACTIVERING_OBLIGATION_DUE: not done yet, deadline not passed
 * @ACTIVERING_OBLIGATION_OVERDUE: not done, deadline passed
 * @ACTIVERING_OBLIGATION_UNDETERMINED: a fact needed to tell is unknown or blank
 */
typedef enum {
  ACTIVERING_OBLIGATION_MET = 0,
  ACTIVERING_OBLIGATION_DUE = 1,
  ACTIVERING_OBLIGATION_OVERDUE = 2,
  ACTIVERING_OBLIGATION_UNDETERMINED = 3,
} ActiveringObligationState;

/**
 * ActiveringEvaluateFlags:
 * @ACTIVERING_EVALUATE_DEFAULT: outcomes, condition states, missing facts, limits and obligations
 * @ACTIVERING_EVALUATE_OUTCOMES_ONLY: outcomes only (the fast path for bulk screening); the other getters
 *   then report nothing
 */
typedef enum {
  ACTIVERING_EVALUATE_DEFAULT = 0,
  ACTIVERING_EVALUATE_OUTCOMES_ONLY = 1 << 0,
} ActiveringEvaluateFlags;

ACTIVERING_AVAILABLE_IN_0_1 const char *activering_outcome_to_string (ActiveringOutcome outcome);
/**
 * activering_reason_to_string:
 *
 * Returns: (transfer none) (nullable): the contract's code of @reason ("not_in_force", "not_in_region",
 * "regime_not_encoded"), or %NULL for %ACTIVERING_REASON_NONE.
 */
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_reason_to_string (ActiveringReason reason);
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_truth_to_string (ActiveringTruth truth);
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_obligation_state_to_string (ActiveringObligationState state);

/**
 * activering_evaluation_new:
 * @rules: the rule set to evaluate against; a reference is kept
 *
 * Returns: (transfer full): an evaluation with no answer yet; free with activering_evaluation_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringEvaluation *activering_evaluation_new (ActiveringRuleSet *rules);

/**
 * activering_evaluation_free:
 *
 * Frees @evaluation. Accepts %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_free (ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_run:
 * @evaluation: the evaluation to fill; its previous answer is dropped
 * @facts: the dossier, parsed against the same rule set
 * @as_of: (nullable): the date to evaluate on; %NULL for the facts' `as_of`, or today if they have none
 * @flags: what to compute
 * @error: return location for a #GError, or %NULL
 *
 * Evaluates every measure and obligation of the rule set. Does not allocate after the first run.
 * Fails with %ACTIVERING_ERROR_USAGE only if @as_of is not a valid date.
 *
 * Returns: %TRUE on success.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_run (ActiveringEvaluation *evaluation,
                                    const ActiveringFacts *facts,
                                    const GDate *as_of,
                                    ActiveringEvaluateFlags flags,
                                    GError **error);

/**
 * activering_evaluation_get_id:
 *
 * Returns: (transfer none): the opaque id of the dossier of the last run.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_id (const ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_get_as_of:
 * @out: (out): the date the last run evaluated on.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_get_as_of (const ActiveringEvaluation *evaluation, GDate *out);

/**
 * activering_evaluation_get_outcome:
 *
 * Returns: the outcome for @measure (undetermined before the first run).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringOutcome activering_evaluation_get_outcome (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_n_conditions:
 *
 * Returns: how many top-level conditions @measure has.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_conditions (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_condition_id:
 *
 * Returns: (transfer none): e.g. "twe_ocmw.half_time".
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_id (const ActiveringEvaluation *evaluation,
                                                    guint measure, guint condition);

/**
 * activering_evaluation_get_condition_state:
 *
 * Returns: the condition's three-valued state.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringTruth activering_evaluation_get_condition_state (const ActiveringEvaluation *evaluation,
                                                           guint measure, guint condition);

/**
 * activering_evaluation_get_condition_text:
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * Returns: (transfer none): the explanation for the condition's state in @lang (the text the rule set gives
 * for true, false or unknown), or %NULL for an unknown language.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_text (const ActiveringEvaluation *evaluation,
                                                      guint measure, guint condition, const char *lang);

/**
 * activering_evaluation_get_condition_legal_basis:
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * Returns: (transfer none) (nullable): the legal reference in @lang, or in the rule set's first language where it
 * gives the basis as one string (see activering_evaluation_is_condition_legal_basis_fallback()); %NULL for an
 * unknown language or condition.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_legal_basis (const ActiveringEvaluation *evaluation,
                                                             guint measure, guint condition, const char *lang);

/**
 * activering_evaluation_is_condition_legal_basis_fallback:
 *
 * Returns: whether the rule set gives the condition's legal basis only as one string (in its first language), which
 * every language then reads.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_is_condition_legal_basis_fallback (const ActiveringEvaluation *evaluation,
                                                                  guint measure, guint condition);

/**
 * activering_evaluation_get_n_condition_via:
 *
 * A false condition that reads another measure's outcome (`{"measure": …}`) was made false by that measure's
 * false conditions (contract C8): this counts them. 0 for a condition that is not false or reads no measure.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_condition_via (const ActiveringEvaluation *evaluation, guint measure,
                                                 guint condition);

/**
 * activering_evaluation_get_condition_via:
 *
 * Returns: (transfer none) (nullable): the id of the @via-th condition that made the condition false
 * ("twe_ocmw.vdab_registered"), or %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_via (const ActiveringEvaluation *evaluation, guint measure,
                                                     guint condition, guint via);

/**
 * activering_evaluation_get_reason:
 *
 * Returns: why @measure is not judged by its conditions, or %ACTIVERING_REASON_NONE.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringReason activering_evaluation_get_reason (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_coverage:
 *
 * Returns: (transfer none) (nullable): the code of what the rule set does not check for @measure here (e.g.
 * "federal_only": only the federal conditions are checked), or %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_coverage (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_coverage_text:
 * @lang: (nullable): a language of the rule set.
 *
 * Returns: (transfer none) (nullable): what the coverage means, in words, or %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_coverage_text (const ActiveringEvaluation *evaluation, guint measure,
                                                     const char *lang);

/**
 * activering_evaluation_get_n_signals:
 *
 * Returns: how many signals hold for the dossier: observations (a language barrier, an open context condition) that
 * never change an outcome.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_signals (const ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_get_signal_id:
 *
 * Returns: (transfer none) (nullable): the signal's id, or %NULL past the end.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_signal_id (const ActiveringEvaluation *evaluation, guint signal);

/**
 * activering_evaluation_get_signal_text:
 * @lang: (nullable): a language of the rule set.
 *
 * Returns: (transfer none) (nullable): what the signal suggests, in @lang.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_signal_text (const ActiveringEvaluation *evaluation, guint signal,
                                                   const char *lang);

/**
 * activering_evaluation_get_signal_source:
 *
 * Returns: (transfer none) (nullable): where the observation comes from (a source document).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_signal_source (const ActiveringEvaluation *evaluation, guint signal);

/**
 * activering_evaluation_get_n_missing:
 *
 * Returns: how many unknown or blank facts would decide @measure.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_missing (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_missing_fact:
 *
 * Returns: (transfer none): the dotted fact path.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_missing_fact (const ActiveringEvaluation *evaluation,
                                                    guint measure, guint missing);

/**
 * activering_evaluation_get_missing_state:
 *
 * Returns: %ACTIVERING_FACT_UNKNOWN or %ACTIVERING_FACT_BLANK.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringFactState activering_evaluation_get_missing_state (const ActiveringEvaluation *evaluation,
                                                             guint measure, guint missing);

/**
 * activering_evaluation_get_missing_asked_of:
 *
 * Returns: (transfer none): the role code that supplies the fact.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_missing_asked_of (const ActiveringEvaluation *evaluation,
                                                        guint measure, guint missing);

/**
 * activering_evaluation_get_n_limits:
 *
 * Returns: how many limits the rule set could compute for @measure.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_limits (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_limit_id:
 *
 * Returns: (transfer none): e.g. "ibo.max_weeks".
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_limit_id (const ActiveringEvaluation *evaluation, guint measure, guint limit);

/**
 * activering_evaluation_get_limit_unit:
 *
 * Returns: (transfer none): e.g. "weeks", "months", "fraction", "date".
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_limit_unit (const ActiveringEvaluation *evaluation, guint measure, guint limit);

/**
 * activering_evaluation_get_limit_number:
 * @out: (out): the limit's value when it is a number
 *
 * Returns: %TRUE if the limit is a number, %FALSE if it is a date (see activering_evaluation_get_limit_date()).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_limit_number (const ActiveringEvaluation *evaluation,
                                                 guint measure, guint limit, double *out);

/**
 * activering_evaluation_get_limit_date:
 *
 * Returns: %TRUE and sets @out if the limit is a date.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_limit_date (const ActiveringEvaluation *evaluation,
                                               guint measure, guint limit, GDate *out);

/**
 * activering_evaluation_get_limit_text:
 *
 * Returns: (transfer none): the limit explained in @lang.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_limit_text (const ActiveringEvaluation *evaluation,
                                                  guint measure, guint limit, const char *lang);

/**
 * activering_evaluation_get_n_obligations:
 *
 * Returns: how many obligations apply (or may apply) to the dossier.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_obligations (const ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_get_obligation_id:
 *
 * Returns: (transfer none): e.g. "gpmi.deadline".
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_obligation_id (const ActiveringEvaluation *evaluation, guint obligation);

/**
 * activering_evaluation_get_obligation_state:
 *
 * Returns: met, due, overdue or undetermined.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringObligationState activering_evaluation_get_obligation_state (const ActiveringEvaluation *evaluation,
                                                                      guint obligation);

/**
 * activering_evaluation_get_obligation_due:
 *
 * Returns: %TRUE and sets @out if the due date is known.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_obligation_due (const ActiveringEvaluation *evaluation,
                                                   guint obligation, GDate *out);

/**
 * activering_evaluation_get_obligation_met_on:
 *
 * Returns: %TRUE and sets @out to the day the obligation was met, for a met obligation whose rule set says when
 * (contract C12); %FALSE otherwise.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_obligation_met_on (const ActiveringEvaluation *evaluation, guint obligation,
                                                     GDate *out);

/**
 * activering_evaluation_is_obligation_late:
 *
 * Returns: whether a met obligation was met after its due date (contract C12).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_is_obligation_late (const ActiveringEvaluation *evaluation, guint obligation);

/**
 * activering_evaluation_get_obligation_text:
 *
 * Returns: (transfer none): the obligation explained in @lang (while it is undetermined, the rule set's text for that
 * state, if it has one).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_obligation_text (const ActiveringEvaluation *evaluation,
                                                       guint obligation, const char *lang);

/**
 * activering_evaluation_to_json:
 * @lang: (nullable): the language of the texts; %NULL for the rule set's first language
 * @flags: %ACTIVERING_JSON_PRETTY to indent
 * @error: %ACTIVERING_ERROR_USAGE for a language the rule set lacks, or when no dossier was evaluated yet
 *
 * Serialises the last run as an `activering.result/1` document.
 *
 * Returns: (transfer full): UTF-8 JSON text to free with g_free(), or %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_evaluation_to_json (const ActiveringEvaluation *evaluation,
                                     const char *lang,
                                     ActiveringJsonFlags flags,
                                     GError **error);

/**
 * activering_evaluation_append_outcomes_json:
 * @out: a #GString the one-line `activering.outcomes/1` document is appended to (no newline)
 *
 * The compact form for bulk screening: the id, the date and one outcome per measure. Reuse @out across
 * dossiers to avoid allocating.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_append_outcomes_json (const ActiveringEvaluation *evaluation, GString *out);

/**
 * activering_evaluation_append_json:
 *
 * Like activering_evaluation_to_json(), appending to @out (for streaming many documents into one buffer).
 *
 * Returns: %TRUE, or %FALSE with @error set for an unknown language (nothing appended).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_append_json (const ActiveringEvaluation *evaluation,
                                            const char *lang,
                                            ActiveringJsonFlags flags,
                                            GString *out,
                                            GError **error);

/**
 * activering_evaluation_append_measure_text:
 * @measure: the measure's index
 * @lang: (nullable): the language of the condition texts (%NULL: the rule set's first)
 * @indent: (nullable): put before every line
 * @out: the lines are appended here
 *
 * Measure @measure's answer as lines for people: its outcome, each condition with its state and text, and the
 * missing facts with their states and who is asked for them. For logs, support and test reports.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_append_measure_text (const ActiveringEvaluation *evaluation, guint measure,
                                                const char *lang, const char *indent, GString *out);
/**
 * activering_evaluation_append_missing_text:
 *
 * The missing facts of measure @measure on one line: "fact (unknown, asked of role), …", or "none".
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_append_missing_text (const ActiveringEvaluation *evaluation, guint measure, GString *out);

/* ---- batches ---- */

/**
 * ActiveringLinesFlags:
 * @ACTIVERING_LINES_DEFAULT: write an `activering.result/1` document for each line
 * @ACTIVERING_LINES_COMPACT: write an `activering.outcomes/1` document for each line instead
 * @ACTIVERING_LINES_ERRORS_ONLY: write documents only for the lines in error (the typed outputs carry the rest)
 * @ACTIVERING_LINES_ARRAY: @data is one JSON array of facts documents instead of JSON lines (what a JSON writer
 *   of a whole table gives); "line" in error documents is then the 1-based position in the array
 * @ACTIVERING_LINES_IDS: instead of a document, write `<id>` TAB `<as_of>` and a newline for each line evaluated
 *   (ids hold no control characters), for bindings that take the outcomes from @outcomes; lines in error still get
 *   their `activering.error/1` document
 */
typedef enum {
  ACTIVERING_LINES_DEFAULT = 0,
  ACTIVERING_LINES_COMPACT = 1 << 0,
  ACTIVERING_LINES_ERRORS_ONLY = 1 << 1,
  ACTIVERING_LINES_ARRAY = 1 << 2,
  ACTIVERING_LINES_IDS = 1 << 3,
} ActiveringLinesFlags;

/**
 * ACTIVERING_LINES_ERROR:
 *
 * The value activering_evaluate_lines() and activering_evaluate_columns() put in the outcomes of a row in error.
 */
#define ACTIVERING_LINES_ERROR 255

/**
 * ActiveringBatchOptions:
 * @version: the version of the structure the caller was built with: %ACTIVERING_BATCH_OPTIONS_VERSION, set by
 *   %ACTIVERING_BATCH_OPTIONS_INIT or activering_batch_options_init(). Always the first field.
 * @as_of: (nullable): the evaluation date; %NULL: each dossier's own date (a document's `as_of`, a table's "as_of"
 *   column), or today. Read during the call only.
 * @lang: (nullable): activering_evaluate_lines(): the language of the documents written to @out; %NULL: the rule
 *   set's first. activering_evaluate_columns() writes only error documents and ignores it.
 * @flags: activering_evaluate_lines(): #ActiveringLinesFlags. activering_evaluate_columns() ignores it.
 * @out: (nullable): documents are appended here, one line each, in input order. activering_evaluate_lines(): the
 *   result (or outcomes) of each line, and for a line in error an `activering.error/1` document
 *   `{"format", "line", "code", "message", "path"}` (the line number counts every input line; `code` as
 *   activering_error_code_to_string(); `path` the JSON pointer). activering_evaluate_columns(): only the
 *   `activering.error/1` document of each row in error (its "line" is the 1-based row; its message names the column,
 *   e.g. "facts: /income.status: …").
 * @outcomes: (nullable): rows × the number of measures bytes: row r (the r-th non-blank line, or the r-th row of the
 *   table), column m holds its #ActiveringOutcome for measure m, or %ACTIVERING_LINES_ERROR for a row in error
 * @missing: (nullable): rows × the number of facts bytes: 1 where the fact is missing for at least one measure of
 *   the row, else 0. With @missing %NULL only the outcomes are worked out where nothing else is written.
 * @max_rows: activering_evaluate_lines(): the rows @outcomes and @missing have room for (a batch with more non-blank
 *   lines is refused when either is given). activering_evaluate_columns() ignores it: the table's @n_rows is the
 *   size of both.
 *
 * What a batch call (activering_evaluate_lines(), activering_evaluate_columns()) does besides its input: the date,
 * the language and the form of what it writes, and where. Fields the caller does not set must be zero: initialise
 * the structure with %ACTIVERING_BATCH_OPTIONS_INIT or activering_batch_options_init(), then set the fields needed.
 *
 * Later versions of the library add fields at the end only, and raise %ACTIVERING_BATCH_OPTIONS_VERSION; a program
 * built against this version keeps working with them, its fields read as they were (docs/api-conventions.md,
 * "Options structures").
 */
typedef struct {
  guint version;
  const GDate *as_of;
  const char *lang;
  ActiveringLinesFlags flags;
  GString *out;
  guint8 *outcomes;
  guint8 *missing;
  guint max_rows;
} ActiveringBatchOptions;

/**
 * ACTIVERING_BATCH_OPTIONS_VERSION:
 *
 * The version of #ActiveringBatchOptions this header declares.
 */
#define ACTIVERING_BATCH_OPTIONS_VERSION 1

/**
 * ACTIVERING_BATCH_OPTIONS_INIT:
 *
 * A static initialiser for #ActiveringBatchOptions: this version, every other field zero (no date, the first
 * language, %ACTIVERING_LINES_DEFAULT, no outputs).
 */
#define ACTIVERING_BATCH_OPTIONS_INIT { ACTIVERING_BATCH_OPTIONS_VERSION, NULL, NULL, ACTIVERING_LINES_DEFAULT, NULL, \
                                        NULL, NULL, 0 }

/**
 * activering_batch_options_init:
 * @options: the structure to initialise
 * @version: %ACTIVERING_BATCH_OPTIONS_VERSION (or an earlier version the caller was built with)
 * @error: return location for a #GError, or %NULL
 *
 * Initialises @options as %ACTIVERING_BATCH_OPTIONS_INIT does: @version first, every other field of that version
 * zero. For bindings, which cannot use the macro. Only the fields of @version are written.
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE) for a version this library does not know (0, or
 *   later than its own), @options then untouched.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_batch_options_init (ActiveringBatchOptions *options, guint version, GError **error);

/**
 * activering_evaluate_lines:
 * @rules: the rule set
 * @data: JSON lines: one `activering.facts/1` document per line (blank lines are skipped; a final newline is
 *   optional), or with %ACTIVERING_LINES_ARRAY one JSON array of them
 * @length: the length of @data in bytes
 * @options: (nullable): the date, language, flags and outputs (#ActiveringBatchOptions); %NULL: as
 *   %ACTIVERING_BATCH_OPTIONS_INIT (the batch is checked and counted, nothing is written)
 * @n_rows: (out) (optional): the number of non-blank lines evaluated, those in error included
 * @n_errors: (out) (optional): the number of lines in error
 * @error: return location for a #GError, or %NULL: %ACTIVERING_ERROR_USAGE for an @options version this library
 *   does not know, an unknown language, an invalid date, more non-blank lines than @options->max_rows when
 *   @options->outcomes or @options->missing is given; with %ACTIVERING_LINES_ARRAY, %ACTIVERING_ERROR_SYNTAX
 *   ("batch: /12: …") when the array itself is malformed, so that it cannot be split into documents (the documents
 *   before it have been evaluated)
 *
 * Evaluates a whole batch in one call, for bindings and bulk screening: one facts object and one evaluation are
 * reused, so nothing is allocated per line once warmed up. A bad line never stops the batch: it is reported in
 * @options->out and @options->outcomes, and the rest is evaluated. With @options->missing %NULL and
 * %ACTIVERING_LINES_COMPACT only the outcomes are worked out, the fast path of bulk screening.
 *
 * Returns: %TRUE if the batch ran (whatever its lines held), %FALSE with @error set for a bad argument.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluate_lines (ActiveringRuleSet *rules, const char *data, gsize length,
                                    const ActiveringBatchOptions *options, guint *n_rows, guint *n_errors,
                                    GError **error);

/**
 * ActiveringColumnKind:
 * @ACTIVERING_COLUMN_NUMBERS: a double per row; NaN is an empty cell. For bool (0 or 1), integer and number facts.
 * @ACTIVERING_COLUMN_DAYS: a gint64 per row, days since 1970-01-01; G_MININT64 is an empty cell. For date facts (and
 *   as_of).
 * @ACTIVERING_COLUMN_CODES: a gint32 per row, an index into the column's @codes; -1 is an empty cell. For enum facts.
 * @ACTIVERING_COLUMN_TEXTS: a gint64 per row plus one, offsets into the column's @text: row r's text runs from
 *   offsets[r] to offsets[r + 1]; an empty text is an empty cell, and the text `null` a blank fact. For any fact,
 *   the text is its value as JSON (a list, the runs of measures, …); for the "id" and "as_of" columns it is the
 *   plain value.
 *
 * How a column of activering_evaluate_columns() holds its values.
 *
 * An empty cell is an absent fact (unknown: the table holds no value for it), as a key left out of a facts
 * document is; a table says "asked, but not known" (blank) only with a `null` text.
 */
typedef enum {
  ACTIVERING_COLUMN_NUMBERS = 0,
  ACTIVERING_COLUMN_DAYS = 1,
  ACTIVERING_COLUMN_CODES = 2,
  ACTIVERING_COLUMN_TEXTS = 3,
} ActiveringColumnKind;

/**
 * ActiveringColumn:
 * @name: a fact's dotted path ("income.status"), "id" or "as_of"
 * @kind: how @values holds the rows (#ActiveringColumnKind)
 * @values: the rows, as @kind says (the caller's memory, read during the call only)
 * @text: %ACTIVERING_COLUMN_TEXTS: the rows' texts, one after another (UTF-8)
 * @codes: %ACTIVERING_COLUMN_CODES: the strings the indexes refer to
 * @n_codes: how many @codes there are
 *
 * One column of a table of dossiers.
 */
typedef struct {
  const char *name;
  ActiveringColumnKind kind;
  const void *values;
  const char *text;
  const char *const *codes;
  guint n_codes;
} ActiveringColumn;

/**
 * activering_evaluate_columns:
 * @rules: the rule set
 * @n_rows: the number of dossiers (rows)
 * @columns: (array length=n_columns): the columns; a fact without a column is unknown for every row
 * @n_columns: the number of columns
 * @options: (nullable): the date and outputs (#ActiveringBatchOptions: @as_of, @out for the error documents,
 *   @outcomes and @missing of @n_rows rows); %NULL: as %ACTIVERING_BATCH_OPTIONS_INIT
 * @n_errors: (out) (optional): the number of rows in error
 * @error: return location for a #GError, or %NULL: %ACTIVERING_ERROR_USAGE for an @options version this library
 *   does not know, a column naming no fact, a kind that does not fit the fact's type, an invalid date
 *
 * Evaluates a table of dossiers straight from typed columns, as a DataFrame holds them, with no JSON in between:
 * the fast path of the Python binding's evaluate_frame(). Every value is checked as in a facts document, with
 * the same messages; a bad value puts its row in error and the other rows are evaluated.
 *
 * Returns: %TRUE if the table ran (whatever its rows held), %FALSE with @error set for a bad argument.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluate_columns (ActiveringRuleSet *rules, guint n_rows, const ActiveringColumn *columns,
                                      guint n_columns, const ActiveringBatchOptions *options, guint *n_errors,
                                      GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringEvaluation, activering_evaluation_free)

G_END_DECLS

#endif
