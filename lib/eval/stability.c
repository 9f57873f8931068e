/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* stability.c: how long each value of a run stays as it is when only the date moves on, read from the compiled
 * program in one forward pass, like the evaluator's.
 *
 * A value depends on the date through as_of, the parameters' periods and the measures' dates (exists). Dates
 * computed from as_of move with it: they are followed as lines (a value and a slope in days per day), so that a
 * comparison with a date finds the day its answer turns. Ages and month counts are monotone in their dates: the
 * day they next change is found by bisection. Kleene's all and any stay decided as long as one deciding part
 * does. Where the pass cannot follow a value (a product of two moving values, months added to a moving date), it
 * says the value may change the next day, which is sound and only costs the caller one more breakpoint. */
#include "config.h"

#include "eval/trace-private.h"
#include "util/dates-private.h"

typedef struct
{
  const ActiveringEvaluation *ev;
  const ActiveringFacts *facts;
  const Value *v;
  gint32 *until;
  gint64 *slope;
  gint32 t0;
} Pass;

static inline gint32
min32 (gint32 a, gint32 b)
{
  return a < b ? a : b;
}

/* A day @offset days after t0, or STABLE_FOREVER beyond the calendar. */
static gint32
day_after (gint32 t0, gint64 offset)
{
  gint64 day = (gint64) t0 + offset;
  return day >= STABLE_FOREVER ? STABLE_FOREVER : (gint32) day;
}

/* The last day from @day on which @param keeps its value: the day before the next period boundary. */
static gint32
param_until (const ParamDecl *param, gint32 day)
{
  gint32 until = STABLE_FOREVER;
  for (guint i = 0; i < param->n_periods; i++)
    {
      const ParamPeriod *period = &param->periods[i];
      if (period->from > day)
        until = min32 (until, period->from - 1);
      if (period->until >= day && period->until < STABLE_FOREVER)
        until = min32 (until, period->until);
    }
  return until;
}

/* Unknown values stay unknown as long as one unknown operand does. */
static gint32
unknown_until (const Pass *P, const gint32 *slots, guint n)
{
  gint32 until = P->t0;
  for (guint i = 0; i < n; i++)
    if (slots[i] >= 0 && !P->v[slots[i]].known && P->until[slots[i]] > until)
      until = P->until[slots[i]];
  return until;
}

static gint32
operands_until (const Pass *P, const gint32 *slots, guint n)
{
  gint32 until = STABLE_FOREVER;
  for (guint i = 0; i < n; i++)
    if (slots[i] >= 0)
      until = min32 (until, P->until[slots[i]]);
  return until;
}

static gboolean
any_moving (const Pass *P, const gint32 *slots, guint n)
{
  for (guint i = 0; i < n; i++)
    if (slots[i] >= 0 && P->slope[slots[i]] != 0)
      return TRUE;
  return FALSE;
}

/* floor (a / b) for b > 0 */
static gint64
floor_div (gint64 a, gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The first day after t0 on which "d <= c" changes, d moving from @d0 by @s per day (s != 0); or STABLE_FOREVER. */
static gint32
le_turns (gint32 t0, gint64 d0, gint64 s, gint64 c)
{
  if (s > 0 && d0 <= c)
    return day_after (t0, floor_div (c - d0, s) + 1);
  if (s < 0 && d0 > c)
    return day_after (t0, -floor_div (-(d0 - c), -s)); /* ceil ((d0 - c) / -s) */
  return STABLE_FOREVER;
}

/* An age or a month count whose dates move: a step function of the day, monotone, that can be computed for any
 * day through the day its dates stop following their lines. */
static gboolean
is_stepper (const Pass *P, gint32 slot)
{
  const Program *program = &P->ev->rules->program;
  if ((guint) slot < program->node_base)
    return FALSE;
  const Node *n = &program->nodes[slot - program->node_base];
  return (n->op == OP_AGE_ON || n->op == OP_MONTHS_BETWEEN) && P->v[slot].known
         && (P->slope[n->a] != 0 || P->slope[n->b] != 0) && (P->slope[n->a] == 0 || P->slope[n->b] == 0);
}

static gint64
date_pair_at (const Pass *P, const Node *n, gint64 t)
{
  gint32 a = (gint32) (P->v[n->a].i + P->slope[n->a] * (t - P->t0));
  gint32 b = (gint32) (P->v[n->b].i + P->slope[n->b] * (t - P->t0));
  return n->op == OP_AGE_ON ? activering_age_on (a, b) : activering_months_between (a, b);
}

/* The value of @slot on day @t (within its reach). */
static gint64
value_at (const Pass *P, gint32 slot, gint64 t)
{
  if (is_stepper (P, slot))
    return date_pair_at (P, &P->ev->rules->program.nodes[slot - P->ev->rules->program.node_base], t);
  return P->v[slot].i + P->slope[slot] * (t - P->t0);
}

/* Through which day value_at () holds for @slot. */
static gint32
reach_of (const Pass *P, gint32 slot)
{
  if (!is_stepper (P, slot))
    return P->until[slot];
  const Node *n = &P->ev->rules->program.nodes[slot - P->ev->rules->program.node_base];
  return min32 (P->until[n->a], P->until[n->b]);
}

static gboolean
holds (Op op, gint64 a, gint64 b)
{
  switch (op)
    {
    case OP_LT: return a < b;
    case OP_LE: return a <= b;
    case OP_GT: return a > b;
    case OP_GE:
    default: return a >= b;
    }
}

/* An ordering of an age or month count that moves with the date and a value that does not: its truth changes at
 * most once, found by doubling, then bisection. */
static gint32
stepper_compare_until (const Pass *P, Op op, gint32 a, gint32 b)
{
  static const gint32 last_day = 2932896; /* 9999-12-31 (days since 1970): ages are not computed past the calendar */
  gint32 reach = min32 (reach_of (P, a), reach_of (P, b)), limit = min32 (reach, last_day - 366 * 2);
  gboolean now = holds (op, P->v[a].i, P->v[b].i);
  /* monotone: the same answer at the limit is the same answer all the way (the usual case, one computation) */
  if (limit <= P->t0 || holds (op, value_at (P, a, limit), value_at (P, b, limit)) == now)
    return reach == STABLE_FOREVER ? STABLE_FOREVER : MAX (limit, P->t0);
  gint64 good = P->t0, bad = -1, step = 1;
  while (good < limit)
    {
      gint64 t = MIN (good + step, (gint64) limit);
      if (holds (op, value_at (P, a, t), value_at (P, b, t)) != now)
        {
          bad = t;
          break;
        }
      good = t;
      step *= 2;
    }
  if (bad < 0)
    return reach == STABLE_FOREVER ? STABLE_FOREVER : limit < P->t0 ? P->t0 : limit;
  while (bad - good > 1)
    {
      gint64 mid = good + (bad - good) / 2;
      if (holds (op, value_at (P, a, mid), value_at (P, b, mid)) != now)
        bad = mid;
      else
        good = mid;
    }
  return (gint32) good;
}

/* A comparison of two integers or dates, either of which may move. */
static gint32
compare_until (const Pass *P, Op op, gint32 a, gint32 b)
{
  gint32 both[2] = { a, b };
  if (!P->v[a].known || !P->v[b].known)
    return unknown_until (P, both, 2);
  gint32 until = min32 (P->until[a], P->until[b]);
  gboolean step_a = is_stepper (P, a), step_b = is_stepper (P, b);
  if ((step_a || step_b) && op != OP_EQ && op != OP_NE)
    {
      gboolean moves_a = step_a || P->slope[a] != 0, moves_b = step_b || P->slope[b] != 0;
      return moves_a && moves_b ? until : stepper_compare_until (P, op, a, b);
    }
  gint64 s = P->slope[a] - P->slope[b];
  if (s == 0)
    return until;
  gint64 d0 = P->v[a].i - P->v[b].i, turns;
  switch (op)
    {
    case OP_LT:
    case OP_GE: turns = le_turns (P->t0, d0, s, -1); break;
    case OP_LE:
    case OP_GT: turns = le_turns (P->t0, d0, s, 0); break;
    case OP_EQ:
    case OP_NE:
    default:
      /* equal today: different tomorrow; else equal on the day the line crosses, if it does on a whole day */
      if (d0 == 0)
        turns = P->t0 + 1;
      else if ((-d0) % s == 0 && -d0 / s > 0)
        turns = day_after (P->t0, -d0 / s);
      else
        turns = STABLE_FOREVER;
      break;
    }
  return turns == STABLE_FOREVER ? until : min32 (until, (gint32) turns - 1);
}

/* Kleene's all and any: decided as long as one deciding part stays decided; otherwise as long as every part
 * stays. */
static gint32
logic_until (const Pass *P, const Node *n, const Value *o)
{
  const gint32 *args = P->ev->rules->program.args + n->args;
  gint64 decisive = n->op == OP_ANY;
  if (o->known && o->i == decisive)
    {
      gint32 until = P->t0;
      for (gint32 k = 0; k < n->n_args; k++)
        {
          const Value *c = &P->v[args[k]];
          if (c->known && (c->i != 0) == decisive && P->until[args[k]] > until)
            until = P->until[args[k]];
        }
      return until;
    }
  return operands_until (P, args, (guint) n->n_args);
}

/* age_on and months_between, one of whose dates moves: monotone in each date, so the first day the result
 * differs is found by doubling, then bisection. */
static gint32
date_pair_until (const Pass *P, const Node *n, gint64 now, gint32 limit)
{
  const Value *a = &P->v[n->a], *b = &P->v[n->b];
  gint64 ka = P->slope[n->a], kb = P->slope[n->b];
  if ((ka != 0 && kb != 0) || ka < -1 || ka > 1 || kb < -1 || kb > 1)
    return P->t0;
  static const gint32 last_day = 2932896; /* 9999-12-31, in days since 1970 */
#define AT(t) (n->op == OP_AGE_ON ? activering_age_on ((gint32) (a->i + ka * ((t) - P->t0)), (gint32) (b->i + kb * ((t) - P->t0))) \
                                  : activering_months_between ((gint32) (a->i + ka * ((t) - P->t0)), (gint32) (b->i + kb * ((t) - P->t0))))
  gint64 step = 1, good = P->t0, bad = -1;
  gint64 room = MIN ((gint64) limit, (gint64) last_day - MAX (a->i, b->i) + P->t0);
  while (good < room)
    {
      gint64 t = MIN (good + step, room);
      if (AT (t) != now)
        {
          bad = t;
          break;
        }
      good = t;
      step *= 2;
    }
  if (bad < 0)
    return (gint32) MIN (room, (gint64) limit);
  while (bad - good > 1)
    {
      gint64 mid = good + (bad - good) / 2;
      if (AT (mid) != now)
        bad = mid;
      else
        good = mid;
    }
#undef AT
  return (gint32) good;
}

/* count_runs and latest_start on a moving day: they change when the day reaches a run's start or passes its end. */
static gint32
runs_until (const Pass *P, const Node *n)
{
  guint slot = (guint) n->imm;
  if (P->facts->state[slot] != ACTIVERING_FACT_KNOWN || n->c < 0)
    return STABLE_FOREVER;
  const Value *day = &P->v[n->c];
  if (!day->known || P->slope[n->c] == 0)
    return P->until[n->c];
  if (P->slope[n->c] != 1)
    return P->t0;
  gint32 until = P->until[n->c];
  guint64 measures = (guint64) n->imm2;
  guint n_runs = P->facts->run_count[slot];
  const Run *runs = n_runs > 0 ? &g_array_index (P->facts->runs, Run, P->facts->run_first[slot]) : NULL;
  for (guint i = 0; i < n_runs; i++)
    {
      if (!(measures >> runs[i].measure & 1))
        continue;
      if (runs[i].start > day->i)
        until = min32 (until, day_after (P->t0, runs[i].start - day->i - 1));
      if (runs[i].end >= day->i && runs[i].end < STABLE_FOREVER)
        until = min32 (until, day_after (P->t0, runs[i].end - day->i));
    }
  return until;
}

/* exists: the measure's dates and the first date of its encoded regime, and the region it reads. */
static gint32
exists_until (const Pass *P, const Node *n)
{
  gint32 t0 = P->t0, until = n->a >= 0 ? P->until[n->a] : STABLE_FOREVER;
  if (t0 < n->imm)
    until = min32 (until, (gint32) n->imm - 1);
  if (t0 <= n->imm2 && n->imm2 < STABLE_FOREVER)
    until = min32 (until, (gint32) n->imm2);
  if (t0 < n->constant.i)
    until = min32 (until, (gint32) n->constant.i - 1);
  return until;
}

/* The until and slope of node @n, whose value is @o. */
static void
node_stability (const Pass *P, const Node *n, const Value *o, gint32 *until, gint64 *slope)
{
  const Program *program = &P->ev->rules->program;
  gint32 ops[3] = { n->a, n->b, n->c };
  *slope = 0;
  switch ((Op) n->op)
    {
    case OP_AS_OF:
      *until = STABLE_FOREVER;
      *slope = 1;
      return;
    case OP_OUTCOME:
      if (P->v[program->args[n->args]].known && P->v[program->args[n->args]].i == EXISTS_NOT_ENCODED)
        {
          *until = P->until[program->args[n->args]];
          return;
        }
      *until = logic_until (P, n, o);
      return;
    case OP_ALL:
    case OP_ANY: *until = logic_until (P, n, o); return;
    case OP_NOT:
    case OP_KNOWN:
    case OP_IN:
    case OP_CONTAINS:
    case OP_COUNT: *until = P->until[n->a]; return;
    case OP_ABSENT:
    case OP_GUARD:
    case OP_CONST:
    case OP_FACT:
    case OP_PARAM: *until = STABLE_FOREVER; return;
    case OP_EQ:
    case OP_NE:
    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE: *until = compare_until (P, (Op) n->op, n->a, n->b); return;
    case OP_IF:
      if (!P->v[n->a].known)
        *until = P->until[n->a];
      else
        {
          gint32 branch = P->v[n->a].i ? n->b : n->c;
          *until = min32 (P->until[n->a], P->until[branch]);
          *slope = P->slope[branch];
        }
      return;
    case OP_ADD:
    case OP_SUB:
    case OP_DAYS_BETWEEN:
    case OP_ADD_DAYS:
    case OP_MUL:
      if (!o->known)
        {
          *until = P->v[n->a].known && P->v[n->b].known ? P->t0 : unknown_until (P, ops, 2);
          return;
        }
      *until = operands_until (P, ops, 2);
      {
        gint64 ka = P->slope[n->a], kb = P->slope[n->b];
        switch ((Op) n->op)
          {
          case OP_ADD: *slope = ka + kb; break;
          case OP_SUB: *slope = ka - kb; break;
          case OP_DAYS_BETWEEN: *slope = kb - ka; break;
          case OP_ADD_DAYS: *slope = ka + kb * n->imm; break;
          default:
            if (ka != 0 && kb != 0)
              *until = P->t0;
            else
              *slope = ka * P->v[n->b].i + kb * P->v[n->a].i;
            break;
          }
      }
      return;
    case OP_AGE_ON:
    case OP_MONTHS_BETWEEN:
      if (!o->known)
        *until = unknown_until (P, ops, 2);
      else if (!any_moving (P, ops, 2))
        *until = operands_until (P, ops, 2);
      else
        *until = date_pair_until (P, n, o->i, operands_until (P, ops, 2));
      return;
    case OP_COUNT_RUNS:
    case OP_LATEST_START: *until = runs_until (P, n); return;
    case OP_EXISTS: *until = exists_until (P, n); return;
    case OP_PARAM_ON:
      if (!P->v[n->a].known || P->slope[n->a] == 0)
        *until = P->until[n->a];
      else if (P->slope[n->a] != 1)
        *until = P->t0;
      else
        *until = min32 (P->until[n->a],
                        day_after (P->t0, (gint64) param_until (&P->ev->rules->params[n->imm], (gint32) P->v[n->a].i)
                                              - P->v[n->a].i));
      return;
    case OP_TO_NUMBER:
      *until = P->until[n->a];
      *slope = P->slope[n->a];
      return;
    case OP_MIN:
    case OP_MAX:
    case OP_MIN_N:
    case OP_MAX_N:
      {
        const gint32 *args = program->args + n->args;
        if (!o->known)
          *until = unknown_until (P, args, (guint) n->n_args);
        else if (!any_moving (P, args, (guint) n->n_args))
          *until = operands_until (P, args, (guint) n->n_args);
        else
          *until = P->t0;
        return;
      }
    case OP_ADD_MONTHS:
    case OP_EQ_N:
    case OP_NE_N:
    case OP_LT_N:
    case OP_LE_N:
    case OP_GT_N:
    case OP_GE_N:
    case OP_ADD_N:
    case OP_SUB_N:
    case OP_MUL_N:
    case OP_N_OPS:
    default:
      if (!o->known)
        *until = unknown_until (P, ops, 3);
      else
        *until = any_moving (P, ops, 3) ? P->t0 : operands_until (P, ops, 3);
      return;
    }
}

void
stability_compute (const ActiveringEvaluation *ev, const ActiveringFacts *facts, gint32 *until, gint64 *slope)
{
  const ActiveringRuleSet *rules = ev->rules;
  const Program *program = &rules->program;
  Pass P = { ev, facts, ev->values, until, slope, ev->as_of };
  for (guint s = 0; s < program->node_base; s++)
    {
      until[s] = STABLE_FOREVER;
      slope[s] = 0;
    }
  for (guint p = 0; p < rules->n_params; p++)
    until[program->param_base + p] = param_until (&rules->params[p], ev->as_of);
  for (guint i = 0; i < rules->n_deciding_nodes; i++)
    {
      guint s = program->node_base + i;
      node_stability (&P, &program->nodes[i], &ev->values[s], &until[s], &slope[s]);
      if (until[s] < P.t0)
        until[s] = P.t0;
    }
}

gint32
stability_of_measure (const ActiveringEvaluation *ev, const gint32 *until, guint m)
{
  const Measure *measure = &ev->rules->measures[m];
  const Value *exists = &ev->values[measure->exists_node];
  if (exists->known && !exists->i)
    return until[measure->exists_node];
  return min32 (until[measure->exists_node], until[measure->outcome_node]);
}

gint32
stability_of_obligation (const ActiveringEvaluation *ev, const gint32 *until, const gint64 *slope, guint o)
{
  const Obligation *obligation = &ev->rules->obligations[o];
  int state = evaluation_obligation_state (ev, o);
  if (state < 0)
    return until[obligation->applies_node];
  if (state == ACTIVERING_OBLIGATION_MET)
    return until[obligation->met_node];
  gint32 u = min32 (until[obligation->applies_node], min32 (until[obligation->due_node], until[obligation->met_node]));
  if (state == ACTIVERING_OBLIGATION_DUE)
    {
      /* due while as_of <= due: the day after the due date, unless the due date moves with as_of */
      gint64 k = slope[obligation->due_node];
      if (k == 0)
        u = min32 (u, (gint32) ev->values[obligation->due_node].i);
      else if (k != 1)
        u = ev->as_of;
    }
  else if (state == ACTIVERING_OBLIGATION_OVERDUE && slope[obligation->due_node] != 0)
    u = ev->as_of;
  return u;
}
