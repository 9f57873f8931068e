/* explain.c: which unknown or blank facts would decide an undetermined answer.
 *
 * Only the unknown parts of an expression can still change it, so the walk descends into unknown operands only:
 * in `all` where one part is already false nothing is asked, and in `any` where one part is already true neither.
 */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"

static void
walk (ActiveringEvaluation *ev, const ActiveringFacts *facts, gint32 slot)
{
  const Program *program = &ev->rules->program;
  if (slot < 0 || ev->values[slot].known)
    return;
  if ((guint) slot < program->param_base)
    {
      ev->seen_facts[slot] = 1; /* an unknown or blank fact */
      return;
    }
  if ((guint) slot < program->node_base || ev->seen_nodes[slot - program->node_base])
    return; /* a parameter without a value on that date: nobody can supply it */
  ev->seen_nodes[slot - program->node_base] = 1;
  const Node *node = &program->nodes[slot - program->node_base];
  if (node->op == OP_IF)
    {
      /* An unknown choice needs its condition first; a known choice needs only the branch it takes. */
      const Value *choice = &ev->values[node->a];
      walk (ev, facts, choice->known ? (choice->i ? node->b : node->c) : node->a);
      return;
    }
  walk (ev, facts, node->a);
  walk (ev, facts, node->b);
  walk (ev, facts, node->c);
  if (op_args_are_operands (node->op))
    for (gint32 k = 0; k < node->n_args; k++)
      walk (ev, facts, program->args[node->args + k]);
}

void
explain_missing (ActiveringEvaluation *ev, const ActiveringFacts *facts, const gint32 *roots, guint n_roots,
                 MissingList *out)
{
  const ActiveringRuleSet *rules = ev->rules;
  memset (ev->seen_nodes, 0, MAX (rules->program.n_nodes, 1));
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
