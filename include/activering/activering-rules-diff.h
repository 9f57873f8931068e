/* activering-rules-diff.h: what changed between two rule sets, for the impact analysis of a rule change.
 */
#ifndef ACTIVERING_RULES_DIFF_H
#define ACTIVERING_RULES_DIFF_H

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
 * @old: the rule set before the change
 * @new: the rule set after it
 * @flags: #ActiveringJsonFlags
 *
 * What changed between two rule sets, as an `activering.rules-diff/1` document: both stamps, a summary per section
 * (the codes of the measures, parameters, facts, … added, removed and changed) and each change with its path, its
 * kind and the values before and after. Paths name array items by their code or id ("/measures/ibo/conditions/
 * ibo.duration") and a parameter's periods by their start ("/parameters/ibo.max_weeks/values/2018-09-01").
 *
 * Returns: (transfer full): the document; free with g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_rule_set_diff_to_json (const ActiveringRuleSet *old, const ActiveringRuleSet *new,
                                        ActiveringJsonFlags flags);

G_END_DECLS

#endif
