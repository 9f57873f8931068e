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

/**
 * ActiveringEvaluation:
 *
 * The answer for one dossier on one date (see the introduction of this header). Opaque; made with
 * activering_evaluation_new(), filled with activering_evaluation_run(), freed with activering_evaluation_free().
 * A copy made by a language binding shares the object (it takes a reference) and is released with the same
 * activering_evaluation_free().
 */
typedef struct _ActiveringEvaluation ActiveringEvaluation;

/**
 * ActiveringOutcome:
 * @ACTIVERING_OUTCOME_ELIGIBLE: every condition holds
 * @ACTIVERING_OUTCOME_NOT_ELIGIBLE: at least one condition is false
 * @ACTIVERING_OUTCOME_UNDETERMINED: no condition is false, but some needed fact is unknown or blank
 * @ACTIVERING_OUTCOME_NOT_APPLICABLE: the measure does not exist in that region or on that date
 *
 * The answer for one measure (activering_evaluation_get_outcome()). Its values are also the bytes of a batch's
 * outcomes (#ActiveringBatchOptions).
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
 * @ACTIVERING_TRUTH_FALSE: false
 * @ACTIVERING_TRUTH_TRUE: true
 * @ACTIVERING_TRUTH_UNKNOWN: not known: a fact it depends on is unknown or blank
 *
 * A three-valued (Kleene) truth value: the state of a condition (activering_evaluation_get_condition_state()).
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
 *
 * The state of one of the rule set's obligations on the evaluation date
 * (activering_evaluation_get_obligation_state()).
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
 * @ACTIVERING_EVALUATE_TRACE: everything %ACTIVERING_EVALUATE_DEFAULT works out, and what a case file keeps: the
 *   result document (activering_evaluation_append_json()) then carries the `trace` member (the values of the
 *   facts, parameters and definitions read, and what decided each condition), `valid_until` on each measure and
 *   obligation, and `to_change` on measures that are not eligible (docs/contract.md). Overrides
 *   %ACTIVERING_EVALUATE_OUTCOMES_ONLY. Since: 0.1
 *
 * What activering_evaluation_run() works out.
 */
typedef enum {
  ACTIVERING_EVALUATE_DEFAULT = 0,
  ACTIVERING_EVALUATE_OUTCOMES_ONLY = 1 << 0,
  ACTIVERING_EVALUATE_TRACE = 1 << 1,
} ActiveringEvaluateFlags;

/**
 * activering_outcome_to_string:
 * @outcome: an outcome
 *
 * The contract's code of an outcome, as result documents give it.
 *
 * Returns: (transfer none): "eligible", "not_eligible", "undetermined" or "not_applicable", a static string;
 *   "undetermined" for a value that is not an #ActiveringOutcome.
 */
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_outcome_to_string (ActiveringOutcome outcome);
/**
 * activering_reason_to_string:
 * @reason: a reason
 *
 * The contract's code of a reason, as result documents give it.
 *
 * Returns: (transfer none) (nullable): the contract's code of @reason ("not_in_force", "not_in_region",
 * "regime_not_encoded"), a static string; %NULL for %ACTIVERING_REASON_NONE and for a value that is not an
 * #ActiveringReason.
 */
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_reason_to_string (ActiveringReason reason);
/**
 * activering_truth_to_string:
 * @truth: a truth value
 *
 * The name of a truth value, as result documents give a condition's state.
 *
 * Returns: (transfer none): "false", "true" or "unknown", a static string; "unknown" for a value that is not an
 *   #ActiveringTruth.
 */
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_truth_to_string (ActiveringTruth truth);
/**
 * activering_obligation_state_to_string:
 * @state: an obligation state
 *
 * The contract's code of an obligation state, as result documents give it.
 *
 * Returns: (transfer none): "met", "due", "overdue" or "undetermined", a static string; "undetermined" for a value
 *   that is not an #ActiveringObligationState.
 */
ACTIVERING_AVAILABLE_IN_0_1 const char *activering_obligation_state_to_string (ActiveringObligationState state);

/**
 * activering_evaluation_new:
 * @rules: the rule set to evaluate against; a reference is kept
 *
 * Makes an evaluation for @rules, to be run with activering_evaluation_run() on one dossier after another.
 *
 * Returns: (transfer full): an evaluation with no answer yet (every outcome undetermined); free with
 *   activering_evaluation_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringEvaluation *activering_evaluation_new (ActiveringRuleSet *rules);

/**
 * activering_evaluation_free:
 * @evaluation: (nullable) (transfer full): the evaluation to free
 *
 * Frees @evaluation and drops its rule-set reference. Accepts %NULL. (A binding's copy shares the object: it is
 * freed with its last reference.)
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_free (ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_run:
 * @evaluation: the evaluation to fill; its previous answer is dropped
 * @facts: the dossier, parsed against the same rule set (another rule set's facts are a programmer's error: a
 *   critical, and %FALSE with @error not set)
 * @as_of: (nullable): the date to evaluate on, read during the call only; %NULL for the facts' `as_of`, or today
 *   (local time) if they have none
 * @flags: what to compute
 * @error: return location for a #GError, or %NULL
 *
 * Evaluates every measure and obligation of the rule set. Does not allocate after the first run. The answer is
 * copied out of @facts: they may be parsed into again before it is read.
 * Fails with %ACTIVERING_ERROR_USAGE (domain %ACTIVERING_ERROR) only if @as_of is not a valid date between the
 * years 1 and 9999; the previous answer is then kept.
 *
 * Returns: %TRUE on success; %FALSE with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_run (ActiveringEvaluation *evaluation,
                                    const ActiveringFacts *facts,
                                    const GDate *as_of,
                                    ActiveringEvaluateFlags flags,
                                    GError **error);

/**
 * activering_evaluation_get_id:
 * @evaluation: an evaluation
 *
 * The id of the dossier the last run evaluated (the facts' `id`, copied).
 *
 * Returns: (transfer none): the opaque id of the dossier of the last run, owned by @evaluation and valid until the
 *   next run or until it is freed; "" before the first run, %NULL only for a %NULL @evaluation (a critical).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_id (const ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_get_as_of:
 * @evaluation: an evaluation
 * @out: (out caller-allocates): the caller's #GDate, set to the date the last run evaluated on
 *
 * The date the last run evaluated on: its @as_of, the facts' `as_of`, or the day it ran. Before the first run the
 * date written is meaningless.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_get_as_of (const ActiveringEvaluation *evaluation, GDate *out);

/**
 * activering_evaluation_get_outcome:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 *
 * The answer for one measure. Available after every run, %ACTIVERING_EVALUATE_OUTCOMES_ONLY included.
 *
 * Returns: the outcome for @measure (undetermined before the first run); %ACTIVERING_OUTCOME_UNDETERMINED for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringOutcome activering_evaluation_get_outcome (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_n_conditions:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 *
 * The top-level conditions of @measure that apply to the dossier, in the rule set's order: a condition whose
 * `applies` is false for the dossier is left out (one whose `applies` is unknown is listed). The condition getters
 * below read them by index.
 *
 * Returns: how many top-level conditions @measure has for the dossier; 0 for a measure not judged by its
 *   conditions (activering_evaluation_get_reason()), after a run with %ACTIVERING_EVALUATE_OUTCOMES_ONLY, before
 *   the first run, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_conditions (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_condition_id:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 *
 * The id of a condition: the measure's code and the condition's own id, joined by a dot.
 *
 * Returns: (transfer none) (nullable): e.g. "twe_ocmw.half_time", owned by the rule set; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_id (const ActiveringEvaluation *evaluation,
                                                    guint measure, guint condition);

/**
 * activering_evaluation_get_condition_state:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 *
 * Whether a condition holds for the dossier on the evaluation date.
 *
 * Returns: the condition's three-valued state (%ACTIVERING_TRUTH_UNKNOWN when a fact it needs is unknown or
 *   blank); %ACTIVERING_TRUTH_UNKNOWN for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringTruth activering_evaluation_get_condition_state (const ActiveringEvaluation *evaluation,
                                                           guint measure, guint condition);

/**
 * activering_evaluation_get_condition_text:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The text that explains the condition's state to people, with the parameters it quotes as on the evaluation date.
 * An unknown language is not a programmer's error: %NULL, with no critical.
 *
 * Returns: (transfer none) (nullable): the explanation for the condition's state in @lang (the text the rule set
 *   gives for true, false or unknown), owned by @evaluation or its rule set and valid until the next run; %NULL
 *   for an unknown language, or an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_text (const ActiveringEvaluation *evaluation,
                                                      guint measure, guint condition, const char *lang);

/**
 * activering_evaluation_get_condition_legal_basis:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The legal reference a condition rests on (an article of a decree, …).
 *
 * Returns: (transfer none) (nullable): the legal reference in @lang, or in the rule set's first language where it
 *   gives the basis as one string (see activering_evaluation_is_condition_legal_basis_fallback()), owned by the
 *   rule set; %NULL for an unknown language (no critical), or an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_legal_basis (const ActiveringEvaluation *evaluation,
                                                             guint measure, guint condition, const char *lang);

/**
 * activering_evaluation_is_condition_legal_basis_fallback:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 *
 * Whether activering_evaluation_get_condition_legal_basis() answers in the rule set's first language whatever the
 * language asked for (a result document in another language then says so in "legal_basis_lang").
 *
 * Returns: whether the rule set gives the condition's legal basis only as one string (in its first language), which
 *   every language then reads; %FALSE for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_is_condition_legal_basis_fallback (const ActiveringEvaluation *evaluation,
                                                                  guint measure, guint condition);

/**
 * activering_evaluation_get_n_condition_via:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 *
 * A false condition that reads another measure's outcome (`{"measure": …}`) was made false by that measure's
 * false conditions (contract C8): this counts them, for activering_evaluation_get_condition_via().
 *
 * Returns: the number of conditions that made the condition false; 0 for a condition that is not false or reads no
 *   measure, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_condition_via (const ActiveringEvaluation *evaluation, guint measure,
                                                 guint condition);

/**
 * activering_evaluation_get_condition_via:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @condition: a condition's index, below activering_evaluation_get_n_conditions()
 * @via: an index below activering_evaluation_get_n_condition_via()
 *
 * One of the other measures' false conditions that made a condition false (contract C8), in the order of the
 * measures the condition reads, then of their conditions.
 *
 * Returns: (transfer none) (nullable): the id of the @via-th condition that made the condition false
 *   ("twe_ocmw.vdab_registered"), owned by the rule set; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_condition_via (const ActiveringEvaluation *evaluation, guint measure,
                                                     guint condition, guint via);

/**
 * activering_evaluation_get_reason:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 *
 * Why a measure is not judged by its conditions (contract C6, C7): it then lists no conditions, no missing facts
 * and no limits. Available after every run, %ACTIVERING_EVALUATE_OUTCOMES_ONLY included.
 *
 * Returns: why @measure is not judged by its conditions, or %ACTIVERING_REASON_NONE (also before the first run,
 *   and for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringReason activering_evaluation_get_reason (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_coverage:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 *
 * What the rule set leaves unchecked for a measure in the dossier's case: the first of the measure's coverage
 * entries whose condition holds.
 *
 * Returns: (transfer none) (nullable): the code of what the rule set does not check for @measure here (e.g.
 *   "federal_only": only the federal conditions are checked), owned by the rule set; %NULL if it checks
 *   everything, after a run with %ACTIVERING_EVALUATE_OUTCOMES_ONLY, before the first run, and for an index out
 *   of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_coverage (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_coverage_text:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * What activering_evaluation_get_coverage() means, for people.
 *
 * Returns: (transfer none) (nullable): what the coverage means, in words, in @lang, owned by @evaluation or its
 *   rule set and valid until the next run; %NULL where activering_evaluation_get_coverage() is %NULL, for an
 *   unknown language (no critical), and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_coverage_text (const ActiveringEvaluation *evaluation, guint measure,
                                                     const char *lang);

/**
 * activering_evaluation_get_n_signals:
 * @evaluation: an evaluation
 *
 * The rule set's signals whose condition holds for the dossier, in the rule set's order, read by index with the
 * signal getters below.
 *
 * Returns: how many signals hold for the dossier: observations (a language barrier, an open context condition) that
 *   never change an outcome; 0 after a run with %ACTIVERING_EVALUATE_OUTCOMES_ONLY and before the first run.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_signals (const ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_get_signal_id:
 * @evaluation: an evaluation
 * @signal: a signal's index, below activering_evaluation_get_n_signals()
 *
 * The id of a signal that holds for the dossier.
 *
 * Returns: (transfer none) (nullable): the signal's id, owned by the rule set; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_signal_id (const ActiveringEvaluation *evaluation, guint signal);

/**
 * activering_evaluation_get_signal_text:
 * @evaluation: an evaluation
 * @signal: a signal's index, below activering_evaluation_get_n_signals()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * What a signal suggests to the people handling the dossier.
 *
 * Returns: (transfer none) (nullable): what the signal suggests, in @lang, owned by @evaluation or its rule set
 *   and valid until the next run; %NULL for an unknown language (no critical), or an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_signal_text (const ActiveringEvaluation *evaluation, guint signal,
                                                   const char *lang);

/**
 * activering_evaluation_get_signal_source:
 * @evaluation: an evaluation
 * @signal: a signal's index, below activering_evaluation_get_n_signals()
 *
 * Where the observation behind a signal comes from.
 *
 * Returns: (transfer none) (nullable): where the observation comes from (a source document), owned by the rule
 *   set; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_signal_source (const ActiveringEvaluation *evaluation, guint signal);

/**
 * activering_evaluation_get_n_missing:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 *
 * The facts still missing for an undetermined measure: the unknown or blank facts under the unknown parts of its
 * conditions, each of which could still change the outcome. Listed in the rule set's order of facts, read by index
 * with the getters below.
 *
 * Returns: how many unknown or blank facts would decide @measure; 0 for an outcome that is not undetermined, for a
 *   measure not judged by its conditions, after a run with %ACTIVERING_EVALUATE_OUTCOMES_ONLY, before the first
 *   run, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_missing (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_missing_fact:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @missing: an index below activering_evaluation_get_n_missing()
 *
 * Which fact is missing.
 *
 * Returns: (transfer none) (nullable): the dotted fact path ("vdab.registered"), owned by the rule set; %NULL for
 *   an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_missing_fact (const ActiveringEvaluation *evaluation,
                                                    guint measure, guint missing);

/**
 * activering_evaluation_get_missing_state:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @missing: an index below activering_evaluation_get_n_missing()
 *
 * How a fact is missing: absent from the document, or given as null.
 *
 * Returns: %ACTIVERING_FACT_UNKNOWN or %ACTIVERING_FACT_BLANK; %ACTIVERING_FACT_UNKNOWN for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringFactState activering_evaluation_get_missing_state (const ActiveringEvaluation *evaluation,
                                                             guint measure, guint missing);

/**
 * activering_evaluation_get_missing_asked_of:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @missing: an index below activering_evaluation_get_n_missing()
 *
 * Who can supply a missing fact: its `supplied_by` in the rule set.
 *
 * Returns: (transfer none) (nullable): the role code that supplies the fact, owned by the rule set; %NULL for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_missing_asked_of (const ActiveringEvaluation *evaluation,
                                                        guint measure, guint missing);

/**
 * activering_evaluation_get_n_limits:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 *
 * The limits of a measure (a maximum duration, a fraction, an end date) that hold for the dossier and whose value
 * is known, in the rule set's order, read by index with the limit getters below.
 *
 * Returns: how many limits the rule set could compute for @measure; 0 for a measure not judged by its conditions,
 *   after a run with %ACTIVERING_EVALUATE_OUTCOMES_ONLY, before the first run, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_limits (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_limit_id:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @limit: an index below activering_evaluation_get_n_limits()
 *
 * The id of a limit.
 *
 * Returns: (transfer none) (nullable): e.g. "ibo.max_weeks", owned by the rule set; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_limit_id (const ActiveringEvaluation *evaluation, guint measure, guint limit);

/**
 * activering_evaluation_get_limit_unit:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @limit: an index below activering_evaluation_get_n_limits()
 *
 * The unit of a limit's value, as the rule set declares it.
 *
 * Returns: (transfer none) (nullable): e.g. "weeks", "months", "fraction", "date", owned by the rule set; %NULL
 *   for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_limit_unit (const ActiveringEvaluation *evaluation, guint measure, guint limit);

/**
 * activering_evaluation_get_limit_number:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @limit: an index below activering_evaluation_get_n_limits()
 * @out: (out): the limit's value when it is a number (a whole number is converted to a double)
 *
 * The value of a limit that is a number.
 *
 * Returns: %TRUE if the limit is a number, %FALSE (and @out untouched) if it is a date (see
 *   activering_evaluation_get_limit_date()), or for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_limit_number (const ActiveringEvaluation *evaluation,
                                                 guint measure, guint limit, double *out);

/**
 * activering_evaluation_get_limit_date:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @limit: an index below activering_evaluation_get_n_limits()
 * @out: (out caller-allocates): the caller's #GDate, set to the limit's value when it is a date
 *
 * The value of a limit that is a date.
 *
 * Returns: %TRUE and sets @out if the limit is a date; %FALSE (and @out untouched) if it is a number (see
 *   activering_evaluation_get_limit_number()), or for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_limit_date (const ActiveringEvaluation *evaluation,
                                               guint measure, guint limit, GDate *out);

/**
 * activering_evaluation_get_limit_text:
 * @evaluation: an evaluation
 * @measure: a measure's index, below activering_rule_set_get_n_measures() of the rule set
 * @limit: an index below activering_evaluation_get_n_limits()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * A limit explained for people, with its value and the parameters it quotes as on the evaluation date.
 *
 * Returns: (transfer none) (nullable): the limit explained in @lang, owned by @evaluation or its rule set and valid
 *   until the next run; %NULL for an unknown language (no critical), or an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_limit_text (const ActiveringEvaluation *evaluation,
                                                  guint measure, guint limit, const char *lang);

/**
 * activering_evaluation_get_n_obligations:
 * @evaluation: an evaluation
 *
 * The rule set's obligations (cross-cutting duties, such as a deadline) that apply or may apply to the dossier:
 * those whose `applies` is not false for it, in the rule set's order, read by index with the obligation getters
 * below.
 *
 * Returns: how many obligations apply (or may apply) to the dossier; 0 after a run with
 *   %ACTIVERING_EVALUATE_OUTCOMES_ONLY and before the first run.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_obligations (const ActiveringEvaluation *evaluation);

/**
 * activering_evaluation_get_obligation_id:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 *
 * The id of an obligation.
 *
 * Returns: (transfer none) (nullable): e.g. "gpmi.deadline", owned by the rule set; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_obligation_id (const ActiveringEvaluation *evaluation, guint obligation);

/**
 * activering_evaluation_get_obligation_state:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 *
 * Where an obligation stands on the evaluation date.
 *
 * Returns: met, due, overdue or undetermined; %ACTIVERING_OBLIGATION_UNDETERMINED for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringObligationState activering_evaluation_get_obligation_state (const ActiveringEvaluation *evaluation,
                                                                      guint obligation);

/**
 * activering_evaluation_get_obligation_due:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 * @out: (out caller-allocates): the caller's #GDate, set to the obligation's due date
 *
 * The date by which an obligation must be met.
 *
 * Returns: %TRUE and sets @out if the due date is known; %FALSE (and @out untouched) if a fact it needs is
 *   unknown or blank, or for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_obligation_due (const ActiveringEvaluation *evaluation,
                                                   guint obligation, GDate *out);

/**
 * activering_evaluation_get_obligation_met_on:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 * @out: (out caller-allocates): the caller's #GDate, set to the day the obligation was met
 *
 * The day a met obligation was met, where the rule set says how to tell (contract C12).
 *
 * Returns: %TRUE and sets @out to the day the obligation was met, for a met obligation whose rule set says when
 *   (contract C12); %FALSE (and @out untouched) otherwise, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_obligation_met_on (const ActiveringEvaluation *evaluation, guint obligation,
                                                     GDate *out);

/**
 * activering_evaluation_get_valid_until:
 * @evaluation: an evaluation
 * @measure: a measure index
 * @out: (out caller-allocates): the caller's #GDate, set to the last day the outcome holds
 *
 * The last day on which the same facts give @measure the same outcome (and reason) as on the evaluation date: the
 * day before a birthday, a parameter period, a due date or the measure's own dates change it. Worked out from the
 * rule set, after a run with %ACTIVERING_EVALUATE_TRACE only (docs/contract.md, "valid_until").
 *
 * Returns: %TRUE and sets @out if a date changes the outcome; %FALSE (and @out untouched) if no date does, after
 *   a run without %ACTIVERING_EVALUATE_TRACE, before the first run, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_valid_until (const ActiveringEvaluation *evaluation, guint measure, GDate *out);

/**
 * activering_evaluation_get_obligation_valid_until:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 * @out: (out caller-allocates): the caller's #GDate, set to the last day the obligation's state holds
 *
 * As activering_evaluation_get_valid_until(), for an obligation's state (a due obligation turns overdue the day
 * after its due date).
 *
 * Returns: %TRUE and sets @out if a date changes the state; %FALSE (and @out untouched) if no date does, after a
 *   run without %ACTIVERING_EVALUATE_TRACE, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_get_obligation_valid_until (const ActiveringEvaluation *evaluation, guint obligation,
                                                           GDate *out);

/**
 * activering_evaluation_get_n_changes:
 * @evaluation: an evaluation
 * @measure: a measure index
 *
 * How many facts the `to_change` member lists for @measure: for a measure that is not eligible or undetermined,
 * each fact of a deciding condition that, changed or made known, would make the condition hold
 * (docs/contract.md, "to_change").
 *
 * Returns: the number of changes; 0 for other outcomes, after a run without %ACTIVERING_EVALUATE_TRACE, and for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_evaluation_get_n_changes (const ActiveringEvaluation *evaluation, guint measure);

/**
 * activering_evaluation_get_change_fact:
 * @evaluation: an evaluation
 * @measure: a measure index
 * @change: an index below activering_evaluation_get_n_changes()
 *
 * The fact a change is about.
 *
 * Returns: (transfer none) (nullable): the fact's dotted path; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_change_fact (const ActiveringEvaluation *evaluation, guint measure,
                                                   guint change);

/**
 * activering_evaluation_dup_change_text:
 * @evaluation: an evaluation
 * @measure: a measure index
 * @change: an index below activering_evaluation_get_n_changes()
 * @lang: (nullable): a language code of the rule set, or %NULL for its first
 *
 * What a fact must be for its condition to hold, in words, with the bounds the rule set gives ("the IBO's length
 * in weeks must be between 4 and 26; 30 given"): a text of the rule set's `change_messages`.
 *
 * Returns: (transfer full) (nullable): the text, to be freed with g_free(); %NULL when the rule set has no such
 *   text or no such language, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_evaluation_dup_change_text (const ActiveringEvaluation *evaluation, guint measure, guint change,
                                             const char *lang);

/**
 * activering_evaluation_is_obligation_late:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 *
 * Whether an obligation was met late (contract C12).
 *
 * Returns: whether a met obligation was met after its due date; %FALSE when it is not met, when the day it was met
 *   or its due date is not known, and for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_is_obligation_late (const ActiveringEvaluation *evaluation, guint obligation);

/**
 * activering_evaluation_get_obligation_text:
 * @evaluation: an evaluation
 * @obligation: an index below activering_evaluation_get_n_obligations()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * An obligation explained for people, with the parameters it quotes as on the evaluation date.
 *
 * Returns: (transfer none) (nullable): the obligation explained in @lang (while it is undetermined, the rule set's
 *   text for that state, if it has one), owned by @evaluation or its rule set and valid until the next run; %NULL
 *   for an unknown language (no critical), or an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_evaluation_get_obligation_text (const ActiveringEvaluation *evaluation,
                                                       guint obligation, const char *lang);

/**
 * activering_evaluation_to_json:
 * @evaluation: an evaluation that has run
 * @lang: (nullable): the language of the texts; %NULL for the rule set's first language
 * @flags: %ACTIVERING_JSON_PRETTY to indent
 * @error: return location for a #GError, or %NULL: %ACTIVERING_ERROR_USAGE (domain %ACTIVERING_ERROR) for a
 *   language the rule set lacks, or when no dossier was evaluated yet
 *
 * Serialises the last run as an `activering.result/1` document. After a run with
 * %ACTIVERING_EVALUATE_OUTCOMES_ONLY it holds the outcomes and reasons only (no conditions, missing facts, limits,
 * obligations or signals).
 *
 * Returns: (transfer full) (nullable): UTF-8 JSON text to free with g_free(), or %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_evaluation_to_json (const ActiveringEvaluation *evaluation,
                                     const char *lang,
                                     ActiveringJsonFlags flags,
                                     GError **error);

/**
 * activering_evaluation_append_outcomes_json:
 * @evaluation: an evaluation that has run (before the first run: a critical, and nothing appended)
 * @out: a #GString the one-line `activering.outcomes/1` document is appended to (no newline)
 *
 * The compact form for bulk screening: the id, the date and one outcome per measure. Reuse @out across
 * dossiers to avoid allocating. Works after a run with %ACTIVERING_EVALUATE_OUTCOMES_ONLY.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_append_outcomes_json (const ActiveringEvaluation *evaluation, GString *out);

/**
 * activering_evaluation_append_json:
 * @evaluation: an evaluation that has run
 * @lang: (nullable): the language of the texts; %NULL for the rule set's first language
 * @flags: %ACTIVERING_JSON_PRETTY to indent
 * @out: a #GString the `activering.result/1` document is appended to
 * @error: return location for a #GError, or %NULL
 *
 * Like activering_evaluation_to_json(), appending to @out (for streaming many documents into one buffer).
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE, domain %ACTIVERING_ERROR) for an unknown
 *   language or when no dossier was evaluated yet (nothing appended).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_evaluation_append_json (const ActiveringEvaluation *evaluation,
                                            const char *lang,
                                            ActiveringJsonFlags flags,
                                            GString *out,
                                            GError **error);

/**
 * activering_evaluation_append_measure_text:
 * @evaluation: an evaluation
 * @measure: the measure's index, below activering_rule_set_get_n_measures() (out of range: a critical, and nothing
 *   appended)
 * @lang: (nullable): the language of the condition texts, one of the rule set's (%NULL: the rule set's first)
 * @indent: (nullable): put before every line; %NULL for none
 * @out: the lines are appended here, each ending in a newline
 *
 * Measure @measure's answer as lines for people: its outcome, each condition with its state and text, and the
 * missing facts with their states and who is asked for them. For logs, support and test reports.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_evaluation_append_measure_text (const ActiveringEvaluation *evaluation, guint measure,
                                                const char *lang, const char *indent, GString *out);
/**
 * activering_evaluation_append_missing_text:
 * @evaluation: an evaluation
 * @measure: the measure's index, below activering_rule_set_get_n_measures() (out of range: a critical, and nothing
 *   appended)
 * @out: the line is appended here (no newline)
 *
 * The missing facts of measure @measure on one line: "fact (unknown, asked of role), …", or "none" (as
 * activering_evaluation_get_n_missing() counts them).
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
 * @ACTIVERING_LINES_TRACE: evaluate each line with %ACTIVERING_EVALUATE_TRACE, so that each result document carries
 *   the trace, `valid_until` and `to_change` (ignored with %ACTIVERING_LINES_COMPACT). Since: 0.1
 *
 * How activering_evaluate_lines() reads its input and what it writes to the options' @out. The flags combine
 * (bitwise or): %ACTIVERING_LINES_ARRAY with any other; %ACTIVERING_LINES_IDS takes precedence over
 * %ACTIVERING_LINES_COMPACT and %ACTIVERING_LINES_ERRORS_ONLY.
 */
typedef enum {
  ACTIVERING_LINES_DEFAULT = 0,
  ACTIVERING_LINES_COMPACT = 1 << 0,
  ACTIVERING_LINES_ERRORS_ONLY = 1 << 1,
  ACTIVERING_LINES_ARRAY = 1 << 2,
  ACTIVERING_LINES_IDS = 1 << 3,
  ACTIVERING_LINES_TRACE = 1 << 4,
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
