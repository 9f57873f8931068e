/* explain.c: which unknown or blank facts would decide an undetermined answer.
 *
 * Only the unknown parts of an expression can still change it, so the walk descends into unknown operands only:
 * in `all` where one part is already false nothing is asked, and in `any` where one part is already true neither.
 */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"

static void
walk (ActiveringEvaluation *ev, const ActiveringFacts *facts, gint32 slot, MissingList *out)
{
  const Program *program = &ev->rules->program;
  if (slot < 0 || ev->values[slot].known)
    return;
  if ((guint) slot < program->param_base)
    {
      if (ev->seen_facts[slot] != ev->walk) /* an unknown or blank fact, listed once */
        {
          ev->seen_facts[slot] = ev->walk;
          out->slots[out->n++] = (guint) slot;
        }
      return;
    }
  if ((guint) slot < program->node_base || ev->seen_nodes[slot - program->node_base] == ev->walk)
    return; /* a parameter without a value on that date: nobody can supply it */
  ev->seen_nodes[slot - program->node_base] = ev->walk;
  const Node *node = &program->nodes[slot - program->node_base];
  if (node->op == OP_IF)
    {
      /* An unknown choice needs its condition first; a known choice needs only the branch it takes. */
      const Value *choice = &ev->values[node->a];
      walk (ev, facts, choice->known ? (choice->i ? node->b : node->c) : node->a, out);
      return;
    }
  walk (ev, facts, node->a, out);
  walk (ev, facts, node->b, out);
  walk (ev, facts, node->c, out);
  if (op_args_are_operands (node->op))
    for (gint32 k = 0; k < node->n_args; k++)
      walk (ev, facts, program->args[node->args + k], out);
}

void
explain_missing (ActiveringEvaluation *ev, const ActiveringFacts *facts, const gint32 *roots, guint n_roots,
                 MissingList *out)
{
  if (G_UNLIKELY (++ev->walk == 0))
    {
      /* the stamps wrapped around: clear them once every 2^32 walks */
      memset (ev->seen_nodes, 0, sizeof (guint32) * MAX (ev->rules->program.n_nodes, 1));
      memset (ev->seen_facts, 0, sizeof (guint32) * MAX (ev->rules->n_facts, 1));
      ev->walk = 1;
    }
  out->n = 0;
  for (guint i = 0; i < n_roots; i++)
    walk (ev, facts, roots[i], out);
  /* in the order of the facts' slots, as documents list them: an insertion sort of the few found */
  for (guint i = 1; i < out->n; i++)
    {
      guint slot = out->slots[i], j = i;
      for (; j > 0 && out->slots[j - 1] > slot; j--)
        out->slots[j] = out->slots[j - 1];
      out->slots[j] = slot;
    }
  for (guint i = 0; i < out->n; i++)
    out->states[i] = facts->state[out->slots[i]];
}
