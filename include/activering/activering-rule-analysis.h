/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-rule-analysis.h: rule sets looked at as a rule author would: what changed between two of them (for the
 * impact of a rule change) and what loading does not forbid but an author would want to know (lint).
 */
#ifndef ACTIVERING_RULE_ANALYSIS_H
#define ACTIVERING_RULE_ANALYSIS_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-evaluation.h>

G_BEGIN_DECLS

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
 * Returns: (transfer full): the document; free with g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_diff_to_json (const ActiveringRuleSet *old_rules, const ActiveringRuleSet *new_rules,
                                        ActiveringJsonFlags flags);

/**
 * activering_rule_set_lint_to_json:
 * @rules: the rule set
 * @flags: #ActiveringJsonFlags
 * @n_errors: (out) (optional): how many findings are errors
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
 * Returns: (transfer full): the document; free with g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_lint_to_json (const ActiveringRuleSet *rules, ActiveringJsonFlags flags, guint *n_errors);

G_END_DECLS

#endif
