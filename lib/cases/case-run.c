/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-run.c: running one case, and saying what was expected against what came out when they differ.
 *
 * A case's expectations run stage by stage (CaseStage): first those on a document of their own (trajectory report,
 * role assignment), then, if the case has facts, those on the evaluation.
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"
#include "util/dates-private.h"

/* The index of the measure of a "measure.id" id (a condition, a limit). */
int
case_measure_of (ActiveringRuleSet *rules, const char *id)
{
  const char *dot = strchr (id, '.');
  g_autofree char *code = dot ? g_strndup (id, (gsize) (dot - id)) : g_strdup (id);
  return activering_rule_set_lookup_measure (rules, code);
}

/* What came out for measure @measure, once per case, under its first mismatch. */
void
case_run_describe_measure (CaseRun *run, guint measure)
{
  if (g_hash_table_add (run->described, GUINT_TO_POINTER (measure + 1)))
    activering_evaluation_append_measure_text (run->ev, measure, CASES_REPORT_LANG, "    ", run->out);
}

/* Runs case @c with @ev, appending one paragraph per mismatch to @out. Returns whether @ev was evaluated. */
gboolean
case_run (const Case *c, ActiveringEvaluation *ev, GString *out)
{
  ActiveringRuleSet *rules = c->rules->rules;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = NULL;
  if (c->facts_json != NULL && (facts = activering_facts_new_from_data (rules, c->facts_json, -1, &error)) == NULL)
    {
      g_string_append_printf (out, "  the facts do not parse: %s\n", error->message);
      return FALSE;
    }
  for (char **change = c->set; facts != NULL && change != NULL && change[0] != NULL; change += 2)
    if (!activering_facts_set_json (facts, change[0], change[1], -1, &error))
      {
        g_string_append_printf (out, "  the change of %s does not apply: %s\n", change[0], error->message);
        return FALSE;
      }
  g_autoptr (GHashTable) described = g_hash_table_new (NULL, NULL);
  CaseRun run = { .c = c, .rules = rules, .facts = facts, .out = out, .described = described };
  case_run_expectations (&run, CASE_STAGE_DOCUMENTS);
  if (facts == NULL)
    return FALSE;
  ActiveringEvaluateFlags flags = case_wants_trace (c) ? ACTIVERING_EVALUATE_TRACE : ACTIVERING_EVALUATE_DEFAULT;
  if (!activering_evaluation_run (ev, facts, c->has_as_of ? &c->as_of : NULL, flags, &error))
    {
      g_string_append_printf (out, "  the evaluation fails: %s\n", error->message);
      return FALSE;
    }
  run.ev = ev;
  case_run_expectations (&run, CASE_STAGE_DECISIONS);
  case_run_expectations (&run, CASE_STAGE_DETAILS);
  return TRUE;
}

/* The line a failing case's paragraphs go under. */
void
case_append_heading (GString *out, const Case *c)
{
  char date[32] = "the facts' as_of";
  if (c->has_as_of)
    activering_format_date (activering_days_from_gdate (&c->as_of), date);
  g_string_append_printf (out, "%s: case \"%s\" (as of %s):\n", c->file, c->name, date);
}
