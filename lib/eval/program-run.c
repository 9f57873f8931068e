/* program-run.c: the evaluator: one forward pass over the flat program, three-valued throughout. */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"
#include "util/dates-private.h"

void
program_resolve_parameters (ActiveringEvaluation *ev)
{
  if (ev->params_valid && ev->params_date == ev->as_of)
    return;
  const ActiveringRuleSet *rules = ev->rules;
  Value *params = ev->values + rules->program.param_base;
  for (guint p = 0; p < rules->n_params; p++)
    {
      const ParamDecl *param = &rules->params[p];
      Value value = { .known = FALSE };
      for (guint i = 0; i < param->n_periods; i++)
        if (param->periods[i].from <= ev->as_of && ev->as_of <= param->periods[i].until)
          value = param->periods[i].value;
      params[p] = value;
    }
  ev->params_date = ev->as_of;
  ev->params_valid = TRUE;
}

static gboolean
truth (const Value *v)
{
  return v->i != 0;
}

/* Kleene and (or, with @is_or): false (true) as soon as one part is, else unknown if one part is unknown. */
static Value
kleene (const Value *values, const gint32 *args, gint32 n, gboolean is_or)
{
  Value r = { .i = !is_or, .known = TRUE };
  for (gint32 k = 0; k < n; k++)
    {
      const Value *c = &values[args[k]];
      if (!c->known)
        r.known = FALSE;
      else if (truth (c) == is_or)
        {
          r.i = is_or;
          r.known = TRUE;
          return r;
        }
    }
  return r;
}

static int
compare (const Node *n, const Value *a, const Value *b)
{
  if (n->numeric)
    return a->n < b->n ? -1 : a->n > b->n;
  return a->i < b->i ? -1 : a->i > b->i;
}

static Value
aggregate_runs (const Node *n, const Value *values, const ActiveringFacts *facts)
{
  Value r = { .known = FALSE };
  guint slot = (guint) n->imm;
  if (facts->state[slot] != ACTIVERING_FACT_KNOWN)
    return r;
  gboolean on_day = n->c >= 0;
  if (on_day && !values[n->c].known)
    return r;
  gint32 day = on_day ? (gint32) values[n->c].i : 0;
  guint64 measures = (guint64) n->imm2;
  gint64 count = 0;
  gint32 latest = G_MININT32;
  const Run *runs = &g_array_index (facts->runs, Run, facts->run_first[slot]);
  for (guint i = 0; i < facts->run_count[slot]; i++)
    {
      const Run *run = &runs[i];
      if (!(measures >> run->measure & 1))
        continue;
      if (on_day && (run->start > day || run->end < day))
        continue;
      count++;
      if (run->start > latest)
        latest = run->start;
    }
  if (n->op == OP_COUNT_RUNS)
    {
      r.i = count;
      r.known = TRUE;
    }
  else if (count > 0)
    {
      r.i = latest;
      r.known = TRUE;
    }
  return r;
}

static Value
arithmetic (const Node *n, const Value *a, const Value *b)
{
  Value r = { .known = TRUE };
  if (n->type == TYPE_NUMBER)
    {
      r.n = n->op == OP_ADD ? a->n + b->n : n->op == OP_SUB ? a->n - b->n : a->n * b->n;
      return r;
    }
  gboolean overflow = n->op == OP_ADD   ? __builtin_add_overflow (a->i, b->i, &r.i)
                      : n->op == OP_SUB ? __builtin_sub_overflow (a->i, b->i, &r.i)
                                        : __builtin_mul_overflow (a->i, b->i, &r.i);
  r.known = !overflow;
  return r;
}

void
program_run (ActiveringEvaluation *ev, const ActiveringFacts *facts, guint n_nodes)
{
  const Program *program = &ev->rules->program;
  const gint32 *args = program->args;
  Value *v = ev->values;
  memcpy (v, facts->values, sizeof (Value) * program->param_base);
  Value *out = v + program->node_base;
  for (guint i = 0; i < n_nodes; i++)
    {
      const Node *n = &program->nodes[i];
      Value r = { .i = 0, .known = TRUE };
      const Value *a = n->a >= 0 ? &v[n->a] : NULL;
      const Value *b = n->b >= 0 ? &v[n->b] : NULL;
      gboolean operands_known = (a == NULL || a->known) && (b == NULL || b->known);
      switch ((Op) n->op)
        {
        case OP_AS_OF:
          r.i = ev->as_of;
          break;
        case OP_ALL:
        case OP_OUTCOME:
          r = kleene (v, args + n->args, n->n_args, FALSE);
          break;
        case OP_ANY:
          r = kleene (v, args + n->args, n->n_args, TRUE);
          break;
        case OP_NOT:
          r.known = a->known;
          r.i = !a->i;
          break;
        case OP_EQ: r.i = operands_known && compare (n, a, b) == 0; r.known = operands_known; break;
        case OP_NE: r.i = operands_known && compare (n, a, b) != 0; r.known = operands_known; break;
        case OP_LT: r.i = operands_known && compare (n, a, b) < 0; r.known = operands_known; break;
        case OP_LE: r.i = operands_known && compare (n, a, b) <= 0; r.known = operands_known; break;
        case OP_GT: r.i = operands_known && compare (n, a, b) > 0; r.known = operands_known; break;
        case OP_GE: r.i = operands_known && compare (n, a, b) >= 0; r.known = operands_known; break;
        case OP_IN:
          r.known = a->known;
          for (gint32 k = 0; k < n->n_args && a->known; k++)
            r.i |= a->i == args[n->args + k];
          break;
        case OP_CONTAINS:
          r.known = a->known;
          r.i = a->known && ((guint64) a->i >> n->imm & 1);
          break;
        case OP_COUNT:
          r.known = a->known;
          r.i = __builtin_popcountll ((unsigned long long) a->i);
          break;
        case OP_KNOWN:
          r.i = a->known;
          break;
        case OP_IF:
          r = !a->known ? (Value){ .known = FALSE } : truth (a) ? v[n->b] : v[n->c];
          break;
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
          r = operands_known ? arithmetic (n, a, b) : (Value){ .known = FALSE };
          break;
        case OP_MIN:
        case OP_MAX:
          r = v[args[n->args]];
          for (gint32 k = 1; k < n->n_args && r.known; k++)
            {
              const Value *c = &v[args[n->args + k]];
              int order = n->numeric ? (c->n < r.n ? -1 : c->n > r.n) : (c->i < r.i ? -1 : c->i > r.i);
              if (!c->known)
                r.known = FALSE;
              else if ((n->op == OP_MIN && order < 0) || (n->op == OP_MAX && order > 0))
                r = *c;
            }
          break;
        case OP_TO_NUMBER:
          r.known = a->known;
          r.n = (double) a->i;
          break;
        case OP_AGE_ON:
          r.known = operands_known;
          r.i = operands_known ? activering_age_on ((gint32) a->i, (gint32) b->i) : 0;
          break;
        case OP_MONTHS_BETWEEN:
          r.known = operands_known;
          r.i = operands_known ? activering_months_between ((gint32) a->i, (gint32) b->i) : 0;
          break;
        case OP_DAYS_BETWEEN:
          r.known = operands_known;
          r.i = b->i - a->i;
          break;
        case OP_ADD_DAYS:
        case OP_ADD_MONTHS:
          {
            gint64 count;
            gboolean ok = operands_known && !__builtin_mul_overflow (b->i, n->imm, &count);
            if (ok)
              r.i = n->op == OP_ADD_DAYS ? activering_add_days ((gint32) a->i, count, &ok)
                                         : activering_add_months ((gint32) a->i, count, &ok);
            r.known = ok;
            break;
          }
        case OP_COUNT_RUNS:
        case OP_LATEST_START:
          r = aggregate_runs (n, v, facts);
          break;
        case OP_EXISTS:
          if (ev->as_of < n->imm || ev->as_of > n->imm2)
            r.i = FALSE;
          else if (a == NULL)
            r.i = TRUE;
          else
            {
              r.known = a->known;
              for (gint32 k = 0; k < n->n_args && a->known; k++)
                r.i |= a->i == args[n->args + k];
            }
          break;
        case OP_CONST: /* laid out as value slots, never run */
        case OP_FACT:
        case OP_PARAM:
        case OP_N_OPS:
        default:
          r.known = FALSE;
          break;
        }
      out[i] = r;
    }
}
