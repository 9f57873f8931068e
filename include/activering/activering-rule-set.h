/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-rule-set.h: a loaded, checked and compiled rule set.
 *
 * A rule set (document `activering.rules/1`) holds everything the library knows about the law and local
 * practice: declared facts, dated parameters, measures and their conditions, roles, labels in several
 * languages and legal references. Loading checks it completely; the result is immutable and may be shared by
 * any number of threads (its reference count is atomic).
 *
 * Indexes (@index, @model, @phase) run from 0 to the count the matching `get_n_*` getter returns. An index out of
 * range is a programmer's error: a GLib critical, and the getter returns its fallback (%NULL, 0 or %FALSE);
 * docs/api-conventions.md, "Indexes".
 */
#ifndef ACTIVERING_RULE_SET_H
#define ACTIVERING_RULE_SET_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>

G_BEGIN_DECLS

/**
 * ActiveringRuleSet:
 *
 * A loaded, checked and compiled rule set (an `activering.rules/1` document). Opaque and immutable once loaded: any
 * number of threads may share one. Reference-counted (activering_rule_set_ref(), activering_rule_set_unref());
 * the objects made from a rule set keep a reference to it.
 */
typedef struct _ActiveringRuleSet ActiveringRuleSet;

/**
 * ActiveringJsonFlags:
 * @ACTIVERING_JSON_DEFAULT: compact, on one line
 * @ACTIVERING_JSON_PRETTY: indent the document for people
 *
 * How a `*_to_json` or `*_append_json` function writes its document.
 */
typedef enum {
  ACTIVERING_JSON_DEFAULT = 0,
  ACTIVERING_JSON_PRETTY = 1 << 0,
} ActiveringJsonFlags;

/**
 * activering_rule_set_new_default:
 * @error: return location for a #GError, or %NULL
 *
 * Loads the rule set compiled into the library (the Flemish rule set, `be-vlaanderen`). Needs no files.
 *
 * Returns: (transfer full) (nullable): a new rule set, to release with activering_rule_set_unref(); %NULL with
 *   @error set (an %ACTIVERING_ERROR code as for activering_rule_set_new_from_data()) only if the library itself is
 *   broken.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_rule_set_new_default (GError **error);

/**
 * activering_rule_set_new_from_data:
 * @data: the rule set as UTF-8 JSON text (comments allowed); need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @document_name: (nullable): the name used in error messages (a file name); %NULL for "rules"
 * @error: return location for a #GError, or %NULL
 *
 * Parses, checks and compiles a rule set. The data is copied as far as needed; the caller keeps @data.
 * Errors (domain %ACTIVERING_ERROR) name the JSON path of the offending node: %ACTIVERING_ERROR_SYNTAX,
 * %ACTIVERING_ERROR_FORMAT, %ACTIVERING_ERROR_TYPE, %ACTIVERING_ERROR_UNKNOWN_KEY, %ACTIVERING_ERROR_MISSING,
 * %ACTIVERING_ERROR_INVALID_VALUE, %ACTIVERING_ERROR_UNKNOWN_REF, %ACTIVERING_ERROR_RULE_TYPE,
 * %ACTIVERING_ERROR_CYCLE, %ACTIVERING_ERROR_OVERLAP, %ACTIVERING_ERROR_TRANSLATION,
 * %ACTIVERING_ERROR_DUPLICATE, %ACTIVERING_ERROR_TOO_LARGE.
 *
 * Returns: (transfer full) (nullable): a new rule set, to release with activering_rule_set_unref(); %NULL with
 *   @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_rule_set_new_from_data (const char *data,
                                                      gssize length,
                                                      const char *document_name,
                                                      GError **error);

/**
 * activering_rule_set_new_from_file:
 * @path: a file holding an `activering.rules/1` document
 * @error: return location for a #GError, or %NULL
 *
 * Like activering_rule_set_new_from_data(), reading @path (which also names the document in error messages):
 * %ACTIVERING_ERROR_IO if it cannot be read, otherwise the errors of activering_rule_set_new_from_data().
 *
 * Returns: (transfer full) (nullable): a new rule set, to release with activering_rule_set_unref(); %NULL with
 *   @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_rule_set_new_from_file (const char *path, GError **error);

/**
 * activering_rule_set_ref:
 * @rules: the rule set
 *
 * Takes another reference to @rules (atomically: any thread may, on a rule set it shares).
 *
 * Returns: (transfer full): @rules, with one more reference. Thread-safe.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_rule_set_ref (ActiveringRuleSet *rules);

/**
 * activering_rule_set_unref:
 * @rules: (nullable) (transfer full): the rule set, or %NULL
 *
 * Drops a reference; frees the rule set with the last one. Accepts %NULL. Thread-safe.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_rule_set_unref (ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_id:
 * @rules: the rule set
 *
 * The id the rule set declares: with the version and the digest, it is the stamp every result carries.
 *
 * Returns: (transfer none): the rule set's id, e.g. "be-vlaanderen", owned by @rules.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_id (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_version:
 * @rules: the rule set
 *
 * The version the rule set declares.
 *
 * Returns: (transfer none): the rule set's version, e.g. "2026.11.0", owned by @rules.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_version (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_digest:
 * @rules: the rule set
 *
 * The digest of the text the rule set was loaded from, byte for byte.
 *
 * Returns: (transfer none): "sha256:" and the hex SHA-256 of the rule set's bytes, so that a result says
 *   exactly which rules produced it; owned by @rules.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_digest (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_title:
 * @rules: the rule set
 * @lang: (nullable): a language code of the rule set ("nl", "fr", "en"); %NULL for its first language
 *
 * The rule set's title, for people.
 *
 * Returns: (transfer none) (nullable): the rule set's title in @lang, owned by @rules; %NULL if @lang is not one of
 *   its languages.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_title (const ActiveringRuleSet *rules, const char *lang);

/**
 * activering_rule_set_get_languages:
 * @rules: the rule set
 *
 * The languages every label and text of the rule set is given in (loading checks that none is missing).
 *
 * Returns: (transfer none) (array zero-terminated=1): the rule set's language codes, %NULL-terminated, its default
 *   language first; owned by @rules.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *const *activering_rule_set_get_languages (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_has_language:
 * @rules: the rule set
 * @lang: (nullable): a language code, e.g. "fr"
 *
 * Whether @lang is one of the rule set's languages (activering_rule_set_get_languages()); an unknown language is
 * not an error.
 *
 * Returns: %TRUE if every label of the rule set exists in @lang; %FALSE otherwise, and for %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_rule_set_has_language (const ActiveringRuleSet *rules, const char *lang);

/**
 * activering_rule_set_get_n_measures:
 * @rules: the rule set
 *
 * The number of measures, the bound of every measure index (here and in #ActiveringEvaluation).
 *
 * Returns: how many measures the rule set defines.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_get_n_measures (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_measure_code:
 * @rules: the rule set
 * @index: the measure, 0 <= @index < activering_rule_set_get_n_measures()
 *
 * The code of measure @index; activering_rule_set_lookup_measure() goes the other way.
 *
 * Returns: (transfer none) (nullable): the measure's stable code, e.g. "twe_ocmw", owned by @rules; %NULL for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_measure_code (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_lookup_measure:
 * @rules: the rule set
 * @code: (nullable): a measure code
 *
 * Finds a measure by its code. An unknown code is not an error (no critical).
 *
 * Returns: the measure's index, or -1 if the rule set has no measure with that code (or @code is %NULL).
 */
ACTIVERING_AVAILABLE_IN_0_1
int activering_rule_set_lookup_measure (const ActiveringRuleSet *rules, const char *code);

/**
 * activering_rule_set_get_measure_label:
 * @rules: the rule set
 * @index: the measure, 0 <= @index < activering_rule_set_get_n_measures()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The measure's name, for people.
 *
 * Returns: (transfer none) (nullable): the measure's name in @lang, owned by @rules; %NULL for an unknown language
 *   (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_measure_label (const ActiveringRuleSet *rules, guint index, const char *lang);

/**
 * activering_rule_set_get_measure_decided_by:
 * @rules: the rule set
 * @index: the measure, 0 <= @index < activering_rule_set_get_n_measures()
 *
 * Who decides on measure @index, as the rule set's `decided_by` names it.
 *
 * Returns: (transfer none) (nullable): the role code that decides on the measure, owned by @rules; %NULL for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_measure_decided_by (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_dup_measure_json:
 * @rules: the rule set
 * @index: the measure, 0 <= @index < activering_rule_set_get_n_measures()
 *
 * The measure's definition as the rule set states it (conditions, limits, legal basis), re-serialised.
 *
 * Returns: (transfer full) (nullable): pretty JSON text to free with g_free(), or %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_dup_measure_json (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_get_n_obligations:
 * @rules: the rule set
 *
 * The number of obligations, the bound of activering_rule_set_get_obligation_id()'s index.
 *
 * Returns: how many obligations (duties with a date) the rule set defines.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_get_n_obligations (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_obligation_id:
 * @rules: the rule set
 * @index: the obligation, 0 <= @index < activering_rule_set_get_n_obligations()
 *
 * The id of obligation @index.
 *
 * Returns: (transfer none) (nullable): the obligation's id, e.g. "gpmi.deadline", owned by @rules; %NULL for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_obligation_id (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_get_n_facts:
 * @rules: the rule set
 *
 * The number of declared facts, the bound of the fact getters' index.
 *
 * Returns: how many facts the rule set declares.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_get_n_facts (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_fact_path:
 * @rules: the rule set
 * @index: the fact, 0 <= @index < activering_rule_set_get_n_facts()
 *
 * Where fact @index sits in a facts document; activering_rule_set_lookup_fact() goes the other way.
 *
 * Returns: (transfer none) (nullable): the dotted path of fact @index, e.g. "vdab.registered", owned by @rules;
 *   %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_fact_path (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_lookup_fact:
 * @rules: the rule set
 * @path: (nullable): a fact's dotted path, e.g. "vdab.registered"
 *
 * Finds a declared fact by its path. An unknown path is not an error (no critical).
 *
 * Returns: the index of the fact at dotted @path, or -1 if the rule set declares none there (or @path is %NULL).
 */
ACTIVERING_AVAILABLE_IN_0_1
int activering_rule_set_lookup_fact (const ActiveringRuleSet *rules, const char *path);

/**
 * activering_rule_set_get_fact_label:
 * @rules: the rule set
 * @index: the fact, 0 <= @index < activering_rule_set_get_n_facts()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The fact's label, for people (a question to ask, a field to fill in).
 *
 * Returns: (transfer none) (nullable): the fact's label in @lang, owned by @rules; %NULL for an unknown language (or
 *   an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_fact_label (const ActiveringRuleSet *rules, guint index, const char *lang);

/**
 * activering_rule_set_get_fact_type:
 * @rules: the rule set
 * @index: the fact, 0 <= @index < activering_rule_set_get_n_facts()
 *
 * The type fact @index is declared with, which says what a facts document must give for it.
 *
 * Returns: (transfer none) (nullable): the type of fact @index: "bool", "integer", "number", "date", "enum",
 *   "enum_list", "runs" or "id" (docs/rule-language.md, "Facts"), a static string; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_fact_type (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_get_fact_supplied_by:
 * @rules: the rule set
 * @index: the fact, 0 <= @index < activering_rule_set_get_n_facts()
 *
 * Who is expected to supply fact @index, as the rule set's `supplied_by` names it (the role a missing fact is
 * asked of).
 *
 * Returns: (transfer none) (nullable): the role code expected to supply the fact, owned by @rules; %NULL for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_fact_supplied_by (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_get_role_label:
 * @rules: the rule set
 * @code: (nullable): a role code of the rule set, e.g. the answer of activering_rule_set_get_measure_decided_by()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The name of a role, for people. An unknown code or language is not an error (no critical).
 *
 * Returns: (transfer none) (nullable): the label of role @code in @lang, owned by @rules; %NULL for an unknown role
 *   or language.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_role_label (const ActiveringRuleSet *rules, const char *code, const char *lang);

/* ---- phase models (see docs/rule-language.md, "Phase models") ---- */

/**
 * activering_rule_set_get_n_phase_models:
 * @rules: the rule set
 *
 * The number of phase models, the bound of the @model index of the phase model getters.
 *
 * Returns: how many phase models the rule set defines.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_get_n_phase_models (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_phase_model_code:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 *
 * The code of phase model @model, as a trajectory's `model` names it.
 *
 * Returns: (transfer none) (nullable): the model's code, e.g. "ocmw7", owned by @rules; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_phase_model_code (const ActiveringRuleSet *rules, guint model);

/**
 * activering_rule_set_lookup_phase_model:
 * @rules: the rule set
 * @code: (nullable): a phase model code, e.g. "ocmw7"
 *
 * Finds a phase model by its code. An unknown code is not an error (no critical).
 *
 * Returns: the index of the phase model @code, or -1 if the rule set has none (or @code is %NULL).
 */
ACTIVERING_AVAILABLE_IN_0_1
int activering_rule_set_lookup_phase_model (const ActiveringRuleSet *rules, const char *code);

/**
 * activering_rule_set_get_phase_model_label:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The phase model's name, for people.
 *
 * Returns: (transfer none) (nullable): the model's label in @lang, owned by @rules; %NULL for an unknown language
 *   (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_phase_model_label (const ActiveringRuleSet *rules, guint model,
                                                       const char *lang);

/**
 * activering_rule_set_get_n_phases:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 *
 * The number of phases of a model, the bound of the @phase index of activering_rule_set_get_phase_code() and
 * activering_rule_set_get_phase_label().
 *
 * Returns: how many phases model @model has (0 for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_get_n_phases (const ActiveringRuleSet *rules, guint model);

/**
 * activering_rule_set_get_phase_code:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 * @phase: the phase, 0 <= @phase < activering_rule_set_get_n_phases() of @model
 *
 * The code of a phase, as trajectory events name it; phases come in the model's order.
 *
 * Returns: (transfer none) (nullable): the code of phase @phase of @model, owned by @rules; %NULL for an index out
 *   of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_phase_code (const ActiveringRuleSet *rules, guint model, guint phase);

/**
 * activering_rule_set_get_phase_label:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 * @phase: the phase, 0 <= @phase < activering_rule_set_get_n_phases() of @model
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The phase's name, for people.
 *
 * Returns: (transfer none) (nullable): the phase's label in @lang, owned by @rules; %NULL for an unknown language
 *   (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_phase_label (const ActiveringRuleSet *rules, guint model, guint phase,
                                                 const char *lang);

/**
 * activering_rule_set_dup_phase_model_json:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 *
 * The phase model as the rule set states it (phases, the measures that fit them, transitions), re-serialised.
 *
 * Returns: (transfer full) (nullable): pretty JSON text to free with g_free(), or %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_dup_phase_model_json (const ActiveringRuleSet *rules, guint model);

/**
 * activering_rule_set_append_phase_model_dot:
 * @rules: the rule set
 * @model: the phase model, 0 <= @model < activering_rule_set_get_n_phase_models()
 * @lang: (nullable): the language of the labels; %NULL for the rule set's first
 * @out: the string the DOT text is appended to (nothing on failure)
 * @error: return location for a #GError, or %NULL
 *
 * Draws phase model @model alone as a Graphviz DOT digraph: phases in order (optional ones dashed, entry phases
 * marked), normal moves solid, moves worth a warning dashed, and the measures that fit each phase. Labels are in
 * @lang.
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE) for a language the rule set lacks; %FALSE (a
 *   critical, no error) for a model index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_rule_set_append_phase_model_dot (const ActiveringRuleSet *rules, guint model, const char *lang,
                                                     GString *out, GError **error);

/* ---- the tasks of a rule set (docs/roles.md) ---- */

/**
 * activering_rule_set_get_n_tasks:
 * @rules: the rule set
 *
 * The number of tasks (the work #ActiveringRoleAssignment assigns), the bound of the task getters' index.
 *
 * Returns: the number of tasks the rule set defines.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_get_n_tasks (const ActiveringRuleSet *rules);

/**
 * activering_rule_set_get_task_code:
 * @rules: the rule set
 * @index: the task, 0 <= @index < activering_rule_set_get_n_tasks()
 *
 * The code of task @index; activering_rule_set_lookup_task() goes the other way.
 *
 * Returns: (transfer none) (nullable): the code of task @index, owned by @rules; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_task_code (const ActiveringRuleSet *rules, guint index);

/**
 * activering_rule_set_get_task_label:
 * @rules: the rule set
 * @index: the task, 0 <= @index < activering_rule_set_get_n_tasks()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * The task's name, for people.
 *
 * Returns: (transfer none) (nullable): the label of task @index in @lang, owned by @rules; %NULL for an unknown
 *   language (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_task_label (const ActiveringRuleSet *rules, guint index, const char *lang);

/**
 * activering_rule_set_get_task_legal_basis:
 * @rules: the rule set
 * @index: the task, 0 <= @index < activering_rule_set_get_n_tasks()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * Why the task exists: the law or the document that sets it.
 *
 * Returns: (transfer none) (nullable): the task's legal or documentary basis in @lang (its single string where the
 *   rule set gives only one), owned by @rules; %NULL for an unknown language (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_get_task_legal_basis (const ActiveringRuleSet *rules, guint index, const char *lang);

/**
 * activering_rule_set_lookup_task:
 * @rules: the rule set
 * @code: (nullable): a task code
 *
 * Finds a task by its code. An unknown code is not an error (no critical).
 *
 * Returns: the index of the task with @code, or -1 if the rule set has none (or @code is %NULL).
 */
ACTIVERING_AVAILABLE_IN_0_1
int activering_rule_set_lookup_task (const ActiveringRuleSet *rules, const char *code);

/* ---- analysis: what changed between two rule sets, and what an author would want to know (lint) ---- */

/**
 * activering_rule_set_diff_to_json:
 * @old_rules: the rule set before the change
 * @new_rules: the rule set after it
 * @flags: #ActiveringJsonFlags
 *
 * What changed between two rule sets, as an `activering.rules-diff/1` document: both stamps, a summary per section
 * (the codes of the measures, parameters, facts, … added, removed and changed) and each change with its path, its
 * kind and the values before and after. Paths name array items by their code or id
 * ("/measures/<code>/conditions/<id>") and a parameter's periods by their start ("/parameters/<name>/values/<from>").
 *
 * Returns: (transfer full): the document, UTF-8 JSON; free with g_free(). Never fails.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_diff_to_json (const ActiveringRuleSet *old_rules, const ActiveringRuleSet *new_rules,
                                        ActiveringJsonFlags flags);

/**
 * activering_rule_set_lint_to_json:
 * @rules: the rule set
 * @flags: #ActiveringJsonFlags
 * @n_errors: (out) (optional): set to how many findings are errors (0: none; warnings are not counted)
 *
 * What loading does not forbid but a rule author would want to know, as an `activering.lint/1` document: each
 * finding with its JSON path, a code, a severity ("error" or "warning") and a message. The findings
 * (docs/rule-tests.md, "Lint"):
 * - `never_true` (error): an `all` whose comparisons of one fact with constants cannot hold together
 *   (`x < 3` with `x > 5`); `never_false` (warning): an `any` whose comparisons of one fact cover every value;
 * - `unused_fact`, `unused_parameter` (warnings): declared, never read;
 * - `parameter_gap` (warning): a parameter without a value between two periods, or after its last one ends;
 * - `uncertain_parameter_in_condition` (error): a parameter whose note marks it [L] (low confidence) read by a
 *   condition, which only [H] and [M] facts may be;
 * - `no_legal_basis` (error): a legal basis that is empty or a placeholder ("TODO", "?").
 *
 * Returns: (transfer full): the document, UTF-8 JSON; free with g_free(). Never fails.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_lint_to_json (const ActiveringRuleSet *rules, ActiveringJsonFlags flags, guint *n_errors);

/* ---- JSON Schemas of the documents (docs/schemas.md) ---- */

/**
 * activering_schema_list_formats:
 *
 * The document formats activering_rule_set_dup_schema() describes: "activering.facts/1", "activering.result/1",
 * "activering.outcomes/1", "activering.trajectory/1", "activering.trajectory-report/1",
 * "activering.organisation/1", "activering.roles/1" and "activering.error/1".
 *
 * Returns: (transfer none) (array zero-terminated=1): the format names, %NULL-terminated; static.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *const *activering_schema_list_formats (void);

/**
 * activering_rule_set_dup_schema:
 * @rules: the rule set whose facts, codes and labels the schema names
 * @format: a document format, one of activering_schema_list_formats() (e.g. "activering.facts/1")
 * @lang: (nullable): the language of the descriptions, one of the rule set's; %NULL for its first language
 * @error: return location for a #GError, or %NULL
 *
 * A JSON Schema (draft 2020-12) of the documents of @format that this library reads or writes with @rules: the
 * facts the rule set declares with their types, enums, ranges and labels, and the rule set's measure, phase, role
 * and task codes where a document names them. What a schema cannot express (a key given twice, byte lengths,
 * rules that relate two members) is listed in docs/schemas.md.
 *
 * Returns: (transfer full) (nullable): the schema as pretty UTF-8 JSON text, to free with g_free(); %NULL with
 *   @error set (%ACTIVERING_ERROR_USAGE) for a format not in activering_schema_list_formats() or a language the
 *   rule set lacks, the message naming the known ones.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_dup_schema (ActiveringRuleSet *rules, const char *format, const char *lang,
                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringRuleSet, activering_rule_set_unref)

G_END_DECLS

#endif
