/* program-run.c: the evaluator: one forward pass over the flat program, three-valued throughout. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "eval/evaluation-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

void
program_resolve_parameter_values (ActiveringEvaluation *ev)
{
  const ActiveringRuleSet *rules = ev->rules;
  Value *params = ev->values + rules->program.param_base;
  for (guint p = 0; p < rules->n_params; p++)
    params[p] = rule_set_param_on (&rules->params[p], ev->as_of);
}

void
program_resolve_parameters (ActiveringEvaluation *ev)
{
  if (ev->params_valid && ev->params_date == ev->as_of)
    return;
  const ActiveringRuleSet *rules = ev->rules;
  const Value *params = ev->values + rules->program.param_base;
  program_resolve_parameter_values (ev);
  /* Texts that quote parameters change only with the date: render them here, not for every dossier. */
  for (guint t = 0; t < rules->n_templates; t++)
    for (guint l = 0; l < rules->n_languages; l++)
      {
        GString *text = ev->rendered[t * rules->n_languages + l], *json = ev->rendered_json[t * rules->n_languages + l];
        text_render_params (text, rules->templates[t].text[l], rules, params);
        g_string_truncate (json, 0);
        activering_append_quoted (json, text->str, text->len, G_MAXSIZE);
      }
  ev->params_date = ev->as_of;
  ev->params_valid = TRUE;
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
  guint n_runs = facts->run_count[slot];
  const Run *runs = n_runs > 0 ? &g_array_index (facts->runs, Run, facts->run_first[slot]) : NULL;
  for (guint i = 0; i < n_runs; i++)
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

/* Whether a symbol (an enum value) is one of @n listed symbols. */
static inline gint64
is_listed (const Value *value, const gint32 *symbols, gint32 n)
{
  gint64 found = 0;
  for (gint32 k = 0; k < n; k++)
    found |= value->i == symbols[k];
  return found;
}

/* The evaluator: a threaded interpreter over the flat program (GCC's labels as values). Each handler reads only
 * the operands it has, writes the node's value, and jumps straight to the next node's handler. A value's payload
 * is only meaningful when it is known, so handlers compute it unconditionally where that is safe and cheap, and
 * guard it where it is not (calendar arithmetic, overflow). */
void
program_run (ActiveringEvaluation *ev, const ActiveringFacts *facts, guint n_nodes, gboolean short_circuit)
{
  const Program *program = &ev->rules->program;
  const gint32 *args = program->args;
  Value *v = ev->values;
  memcpy (v, facts->values, sizeof (Value) * program->param_base);
  if (n_nodes == 0)
    return;

  /* clang-format off */
  static const void *const handlers[OP_N_OPS] = {
    [OP_CONST] = &&invalid, [OP_FACT] = &&invalid, [OP_PARAM] = &&invalid,
    [OP_AS_OF] = &&as_of, [OP_ALL] = &&all, [OP_OUTCOME] = &&outcome, [OP_ANY] = &&any, [OP_NOT] = &&not,
    [OP_EQ] = &&eq, [OP_NE] = &&ne, [OP_LT] = &&lt, [OP_LE] = &&le, [OP_GT] = &&gt, [OP_GE] = &&ge,
    [OP_EQ_N] = &&eq_n, [OP_NE_N] = &&ne_n, [OP_LT_N] = &&lt_n, [OP_LE_N] = &&le_n, [OP_GT_N] = &&gt_n,
    [OP_GE_N] = &&ge_n, [OP_IN] = &&in, [OP_CONTAINS] = &&contains, [OP_COUNT] = &&count, [OP_KNOWN] = &&known,
    [OP_IF] = &&if_, [OP_ADD] = &&add, [OP_SUB] = &&sub, [OP_MUL] = &&mul, [OP_ADD_N] = &&add_n,
    [OP_SUB_N] = &&sub_n, [OP_MUL_N] = &&mul_n, [OP_MIN] = &&min_max, [OP_MAX] = &&min_max,
    [OP_MIN_N] = &&min_max, [OP_MAX_N] = &&min_max, [OP_TO_NUMBER] = &&to_number, [OP_AGE_ON] = &&age_on,
    [OP_MONTHS_BETWEEN] = &&months_between, [OP_DAYS_BETWEEN] = &&days_between, [OP_ADD_DAYS] = &&add_days,
    [OP_ADD_MONTHS] = &&add_months, [OP_COUNT_RUNS] = &&runs, [OP_LATEST_START] = &&runs,
    [OP_EXISTS] = &&exists, [OP_GUARD] = &&guard, [OP_ABSENT] = &&absent, [OP_PARAM_ON] = &&param_on,
  };
  /* clang-format on */
  const Node *n = program->nodes, *end = program->nodes + n_nodes;
  Value *o = v + program->node_base;
  const Value *a, *b;

#define NEXT                                                                                                           \
  do                                                                                                                   \
    {                                                                                                                  \
      n++;                                                                                                             \
      o++;                                                                                                             \
      if (G_UNLIKELY (n == end))                                                                                       \
        return;                                                                                                        \
      goto *handlers[n->op];                                                                                           \
    }                                                                                                                  \
  while (0)
#define BINARY(expr)                                                                                                   \
  a = &v[n->a];                                                                                                        \
  b = &v[n->b];                                                                                                        \
  o->known = a->known & b->known;                                                                                      \
  o->i = (expr);                                                                                                       \
  NEXT

  goto *handlers[n->op];

as_of:
  o->known = TRUE;
  o->i = ev->as_of;
  NEXT;
outcome:
  /* Under a regime the rule set does not encode, nothing the conditions say decides the outcome. */
  if (G_UNLIKELY (v[args[n->args]].i == EXISTS_NOT_ENCODED && v[args[n->args]].known))
    {
      o->known = FALSE;
      NEXT;
    }
  goto all;
all:
any:
  {
    /* Kleene: decided as soon as one part is false (all) or true (any); else unknown if a part is unknown. */
    gint64 decisive = n->op == OP_ANY;
    gboolean known = TRUE;
    o->i = !decisive;
    for (const gint32 *k = args + n->args, *k_end = k + n->n_args; k < k_end; k++)
      {
        const Value *c = &v[*k];
        if (!c->known)
          known = FALSE;
        else if ((c->i != 0) == decisive)
          {
            o->i = decisive;
            known = TRUE;
            break;
          }
      }
    o->known = known;
    NEXT;
  }
  not : a = &v[n->a];
  o->known = a->known;
  o->i = !a->i;
  NEXT;
eq:
  BINARY (a->i == b->i);
ne:
  BINARY (a->i != b->i);
lt:
  BINARY (a->i < b->i);
le:
  BINARY (a->i <= b->i);
gt:
  BINARY (a->i > b->i);
ge:
  BINARY (a->i >= b->i);
eq_n:
  BINARY (a->n == b->n);
ne_n:
  BINARY (a->n != b->n);
lt_n:
  BINARY (a->n < b->n);
le_n:
  BINARY (a->n <= b->n);
gt_n:
  BINARY (a->n > b->n);
ge_n:
  BINARY (a->n >= b->n);
in:
  a = &v[n->a];
  o->known = a->known;
  o->i = is_listed (a, args + n->args, n->n_args);
  NEXT;
contains:
  a = &v[n->a];
  o->known = a->known;
  o->i = (guint64) a->i >> n->imm & 1;
  NEXT;
count:
  a = &v[n->a];
  o->known = a->known;
  o->i = __builtin_popcountll ((unsigned long long) a->i);
  NEXT;
known:
  o->known = TRUE;
  o->i = v[n->a].known;
  NEXT;
param_on:
  a = &v[n->a];
  if (a->known)
    *o = rule_set_param_on (&ev->rules->params[n->imm], (gint32) a->i);
  else
    o->known = FALSE;
  NEXT;
absent:
  o->known = TRUE;
  o->i = facts->state[n->imm] == ACTIVERING_FACT_UNKNOWN;
  NEXT;
if_:
  a = &v[n->a];
  if (a->known)
    *o = a->i ? v[n->b] : v[n->c];
  else
    o->known = FALSE;
  NEXT;
add:
  a = &v[n->a];
  b = &v[n->b];
  o->known = a->known & b->known && !__builtin_add_overflow (a->i, b->i, &o->i);
  NEXT;
sub:
  a = &v[n->a];
  b = &v[n->b];
  o->known = a->known & b->known && !__builtin_sub_overflow (a->i, b->i, &o->i);
  NEXT;
mul:
  a = &v[n->a];
  b = &v[n->b];
  o->known = a->known & b->known && !__builtin_mul_overflow (a->i, b->i, &o->i);
  NEXT;
add_n:
  a = &v[n->a];
  b = &v[n->b];
  o->n = a->n + b->n;
  o->known = a->known & b->known && isfinite (o->n);
  NEXT;
sub_n:
  a = &v[n->a];
  b = &v[n->b];
  o->n = a->n - b->n;
  o->known = a->known & b->known && isfinite (o->n);
  NEXT;
mul_n:
  a = &v[n->a];
  b = &v[n->b];
  o->n = a->n * b->n;
  o->known = a->known & b->known && isfinite (o->n);
  NEXT;
min_max:
  {
    gboolean is_min = n->op == OP_MIN || n->op == OP_MIN_N, on_numbers = n->op == OP_MIN_N || n->op == OP_MAX_N;
    const gint32 *k = args + n->args, *k_end = k + n->n_args;
    Value best = v[*k];
    for (k++; k < k_end && best.known; k++)
      {
        const Value *c = &v[*k];
        gboolean less = on_numbers ? c->n < best.n : c->i < best.i;
        gboolean more = on_numbers ? c->n > best.n : c->i > best.i;
        if (!c->known)
          best.known = FALSE;
        else if (is_min ? less : more)
          best = *c;
      }
    *o = best;
    NEXT;
  }
to_number:
  a = &v[n->a];
  o->known = a->known;
  o->n = (double) a->i;
  NEXT;
age_on:
  a = &v[n->a];
  b = &v[n->b];
  o->known = a->known & b->known;
  o->i = o->known ? activering_age_on ((gint32) a->i, (gint32) b->i) : 0;
  NEXT;
months_between:
  a = &v[n->a];
  b = &v[n->b];
  o->known = a->known & b->known;
  o->i = o->known ? activering_months_between ((gint32) a->i, (gint32) b->i) : 0;
  NEXT;
days_between:
  BINARY (b->i - a->i);
add_days:
add_months:
  {
    a = &v[n->a];
    b = &v[n->b];
    gint64 count;
    gboolean ok = a->known && b->known && !__builtin_mul_overflow (b->i, n->imm, &count);
    if (ok)
      o->i = n->op == OP_ADD_DAYS ? activering_add_days ((gint32) a->i, count, &ok)
                                  : activering_add_months ((gint32) a->i, count, &ok);
    o->known = ok;
    NEXT;
  }
runs:
  *o = aggregate_runs (n, v, facts);
  NEXT;
exists:
  if (ev->as_of < n->imm || ev->as_of > n->imm2)
    {
      o->known = TRUE;
      o->i = FALSE;
    }
  else if (n->a < 0)
    {
      o->known = TRUE;
      o->i = TRUE;
    }
  else
    {
      a = &v[n->a];
      o->known = a->known;
      o->i = is_listed (a, args + n->args, n->n_args);
    }
  if (ev->as_of < n->constant.i && !(o->known && !o->i))
    {
      /* Before the encoded regime: not decided by its conditions, wherever an unknown region turns out to be. */
      o->known = TRUE;
      o->i = EXISTS_NOT_ENCODED;
    }
  NEXT;
guard:
  /* The node before is a condition of a measure whose outcome lies imm nodes on. Once the condition is false, the
   * outcome is false whatever else holds; the nodes in between only explain, and nothing else reads them. */
  a = &v[n->a];
  if (short_circuit && a->known && !a->i && !(v[n->c].known && v[n->c].i == EXISTS_NOT_ENCODED))
    {
      Value *outcome = &v[n->b];
      outcome->known = TRUE;
      outcome->i = FALSE;
      gint64 skip = n->imm;
      n += skip; /* onto the outcome node, which NEXT steps over */
      o += skip;
    }
  NEXT;
invalid:
  /* Constants, facts and parameters are laid out as value slots and never run. */
  o->known = FALSE;
  NEXT;
#undef BINARY
#undef NEXT
}
