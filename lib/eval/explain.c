/* explain.c: which unknown or blank facts would decide an undetermined answer.
 *
 * Only the unknown parts of an expression can still change it, so the walk descends into unknown operands only:
 * in `all` where one part is already false nothing is asked, and in `any` where one part is already true neither.
 */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"

static void
walk (ActiveringEvaluation *ev, const ActiveringFacts *facts, gint32 index)
{
  if (index < 0 || ev->seen_nodes[index] || ev->values[index].known)
    return;
  ev->seen_nodes[index] = 1;
  const Program *program = &ev->rules->program;
  const Node *node = &program->nodes[index];
  if (node->op == OP_FACT || node->op == OP_COUNT_RUNS || node->op == OP_LATEST_START)
    {
      guint slot = (guint) node->imm;
      if (facts->state[slot] != ACTIVERING_FACT_KNOWN)
        ev->seen_facts[slot] = 1;
    }
  if (node->op == OP_IF)
    {
      /* An unknown choice needs its condition first; a known choice needs only the branch it takes. */
      walk (ev, facts, ev->values[node->a].known ? (ev->values[node->a].i ? node->b : node->c) : node->a);
      return;
    }
  walk (ev, facts, node->a);
  walk (ev, facts, node->b);
  walk (ev, facts, node->c);
  if (node->op != OP_IN && node->op != OP_EXISTS)
    for (gint32 k = 0; k < node->n_args; k++)
      walk (ev, facts, program->args[node->args + k]);
}

void
explain_missing (ActiveringEvaluation *ev, const ActiveringFacts *facts, const gint32 *roots, guint n_roots,
                 MissingList *out)
{
  const ActiveringRuleSet *rules = ev->rules;
  memset (ev->seen_nodes, 0, rules->program.n_nodes);
  memset (ev->seen_facts, 0, rules->n_facts);
  for (guint i = 0; i < n_roots; i++)
    walk (ev, facts, roots[i]);
  out->n = 0;
  for (guint slot = 0; slot < rules->n_facts; slot++)
    if (ev->seen_facts[slot])
      {
        out->slots[out->n] = slot;
        out->states[out->n] = facts->state[slot];
        out->n++;
      }
}
