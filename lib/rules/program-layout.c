/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* program-layout.c: the last step of loading: the compiled nodes become the program the evaluator runs.
 *
 * Facts, parameters and constants stop being nodes and become value slots that operands read directly;
 * operations are specialised by operand type; guards are placed so that outcome-only runs can stop a measure at
 * its first false condition; and each condition and obligation learns which facts it reads.
 */
#include "config.h"

#include <string.h>

#include "rules/loader-private.h"

/* Scratch for facts_of, shared by every condition: a node or fact is marked by the current stamp, so that no
 * per-condition array the size of the whole program is cleared (that made loading quadratic in measures). */
typedef struct
{
  guint32 *node_stamp, *fact_stamp, stamp;
  GArray *found; /* guint fact slots */
} FactScratch;

/* The facts an expression reads, through definitions and other measures' outcomes too (contract C8). */
static void
collect_facts (const Program *program, gint32 slot, FactScratch *S)
{
  if (slot < 0)
    return;
  if ((guint) slot < program->param_base)
    {
      if (S->fact_stamp[slot] != S->stamp)
        {
          S->fact_stamp[slot] = S->stamp;
          guint fact = (guint) slot;
          g_array_append_val (S->found, fact);
        }
      return;
    }
  if ((guint) slot < program->node_base || S->node_stamp[slot - program->node_base] == S->stamp)
    return;
  S->node_stamp[slot - program->node_base] = S->stamp;
  const Node *node = &program->nodes[slot - program->node_base];
  collect_facts (program, node->a, S);
  collect_facts (program, node->b, S);
  collect_facts (program, node->c, S);
  if (op_args_are_operands (node->op))
    for (gint32 i = 0; i < node->n_args; i++)
      collect_facts (program, program->args[node->args + i], S);
}

/* The measures whose outcome nodes an expression reads (not looking further into them). @measure_of maps a node
 * to its measure plus one when it is an outcome node; nodes already marked with @stamp are not visited again. */
static void
collect_measures (const Program *program, const guint *measure_of, gint32 slot, guint *seen, guint stamp,
                  GArray *measures)
{
  if (slot < 0 || (guint) slot < program->node_base || seen[slot - program->node_base] == stamp)
    return;
  guint node_index = (guint) slot - program->node_base;
  seen[node_index] = stamp;
  if (measure_of[node_index] != 0)
    {
      guint m = measure_of[node_index] - 1;
      g_array_append_val (measures, m);
      return;
    }
  const Node *node = &program->nodes[node_index];
  collect_measures (program, measure_of, node->a, seen, stamp, measures);
  collect_measures (program, measure_of, node->b, seen, stamp, measures);
  collect_measures (program, measure_of, node->c, seen, stamp, measures);
  if (op_args_are_operands (node->op))
    for (gint32 i = 0; i < node->n_args; i++)
      collect_measures (program, measure_of, program->args[node->args + i], seen, stamp, measures);
}

/* For `via`: each condition learns the measures whose outcome it reads. */
static void
find_condition_measures (ActiveringRuleSet *rules)
{
  const Program *program = &rules->program;
  g_autofree guint *measure_of = g_new0 (guint, program->n_nodes + 1);
  for (guint m = 0; m < rules->n_measures; m++)
    measure_of[rules->measures[m].outcome_node - program->node_base] = m + 1;
  g_autofree guint *seen = g_new0 (guint, program->n_nodes + 1);
  g_autoptr (GArray) measures = g_array_new (FALSE, FALSE, sizeof (guint));
  guint stamp = 0;
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint c = 0; c < rules->measures[m].n_conditions; c++)
      {
        Condition *condition = &rules->measures[m].conditions[c];
        g_array_set_size (measures, 0);
        collect_measures (program, measure_of, condition->node, seen, ++stamp, measures);
        if (measures->len == 0)
          continue;
        condition->measures = rule_set_alloc (rules, sizeof (guint) * measures->len);
        memcpy (condition->measures, measures->data, sizeof (guint) * measures->len);
        condition->n_measures = measures->len;
      }
}

static gint
compare_slots (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* The facts read from @roots, in slot order. */
static guint *
facts_of (ActiveringRuleSet *rules, FactScratch *S, const gint32 *roots, guint n_roots, guint *n_out)
{
  S->stamp++;
  g_array_set_size (S->found, 0);
  for (guint i = 0; i < n_roots; i++)
    collect_facts (&rules->program, roots[i], S);
  g_array_sort (S->found, compare_slots);
  guint n = S->found->len;
  guint *list = rule_set_alloc (rules, sizeof (guint) * MAX (n, 1));
  if (n > 0)
    memcpy (list, S->found->data, sizeof (guint) * n);
  *n_out = n;
  return list;
}

/* The variant of an operation for its operand type, so the evaluator does not test the type on every run. */
static Op
specialise (const Node *node)
{
  gboolean on_numbers =
      node->numeric || (node->type == TYPE_NUMBER && (node->op == OP_ADD || node->op == OP_SUB || node->op == OP_MUL));
  if (!on_numbers)
    return (Op) node->op;
  switch ((Op) node->op)
    {
    case OP_EQ: return OP_EQ_N;
    case OP_NE: return OP_NE_N;
    case OP_LT: return OP_LT_N;
    case OP_LE: return OP_LE_N;
    case OP_GT: return OP_GT_N;
    case OP_GE: return OP_GE_N;
    case OP_ADD: return OP_ADD_N;
    case OP_SUB: return OP_SUB_N;
    case OP_MUL: return OP_MUL_N;
    case OP_MIN: return OP_MIN_N;
    case OP_MAX: return OP_MAX_N;
    default: return (Op) node->op;
    }
}

static gboolean
is_slot_only (const Node *node)
{
  return node->op == OP_CONST || node->op == OP_FACT || node->op == OP_PARAM;
}

/* Where outcome-only runs may stop a measure early. A guard after condition node x of a measure whose outcome is
 * node o lets a run jump from x to o when x is false. That is only safe if nothing after o reads a node in
 * between (a definition first compiled there and shared later, another measure's exists or outcome node), since
 * a skipped node keeps the value of the previous dossier. Returns, per compiled node, the outcome node its guard
 * jumps to, or -1. */
static gint32 *
place_guards (Loader *L)
{
  ActiveringRuleSet *rules = L->rules;
  const Node *compiled = (const Node *) L->nodes->data;
  const gint32 *args = (const gint32 *) L->args->data;
  guint n = L->nodes->len;
  gint32 *guard_to = g_new (gint32, MAX (n, 1));
  g_autofree gint32 *last_reader = g_new (gint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    guard_to[i] = last_reader[i] = -1;
  for (guint i = 0; i < L->n_outcome_nodes; i++)
    {
      const Node *node = &compiled[i];
      gint32 operands[3] = { node->a, node->b, node->c };
      for (int k = 0; k < 3; k++)
        if (operands[k] >= 0)
          last_reader[operands[k]] = (gint32) i;
      if (op_args_are_operands (node->op))
        for (gint32 k = 0; k < node->n_args; k++)
          last_reader[args[node->args + k]] = (gint32) i;
    }
  /* Every measure's exists and outcome are read after the run. */
  for (guint m = 0; m < rules->n_measures; m++)
    last_reader[rules->measures[m].exists_node] = last_reader[rules->measures[m].outcome_node] = G_MAXINT32;
  for (guint m = 0; m < rules->n_measures; m++)
    {
      const Node *outcome = &compiled[rules->measures[m].outcome_node];
      gint32 o = rules->measures[m].outcome_node;
      for (gint32 k = 0; k < outcome->n_args; k++)
        {
          gint32 x = args[outcome->args + k];
          if (is_slot_only (&compiled[x]))
            continue;
          gboolean safe = TRUE;
          for (gint32 i = x + 1; i < o && safe; i++)
            safe = last_reader[i] <= o;
          if (safe)
            guard_to[x] = o;
        }
    }
  return guard_to;
}

/* The exists node of the measure whose outcome is compiled node @outcome. */
static gint32
args_of_outcome_exists (Loader *L, gint32 outcome)
{
  const Node *node = &((const Node *) L->nodes->data)[outcome];
  return ((const gint32 *) L->args->data)[node->args];
}

/* Turns the compiled nodes into the program's run form: facts, parameters and constants become value slots,
 * and guards are placed for outcome-only runs. */
/* The trigger conditions of a task's assignments, moved with the rest of the program. */
static void
relocate_patch (TaskPatch *patch, const gint32 *slot)
{
  for (guint i = 0; i < patch->n_triggers; i++)
    if (patch->triggers[i].when_node >= 0)
      patch->triggers[i].when_node = slot[patch->triggers[i].when_node];
}

static void
relocate_task (Task *task, guint n_models, const gint32 *slot)
{
  relocate_patch (&task->base, slot);
  for (guint m = 0; task->by_model != NULL && m < n_models; m++)
    relocate_patch (&task->by_model[m], slot);
}

static void
lay_out_program (Loader *L)
{
  ActiveringRuleSet *rules = L->rules;
  Program *program = &rules->program;
  const Node *compiled = (const Node *) L->nodes->data;
  guint n = L->nodes->len;
  g_autofree gint32 *guard_to = place_guards (L);
  g_autofree gint32 *slot = g_new (gint32, MAX (n, 1));
  g_autofree gint32 *position = g_new (gint32, MAX (n, 1)); /* run position of a compiled node */
  guint n_constants = 0, n_run = 0;
  for (guint i = 0; i < n; i++)
    if (compiled[i].op == OP_CONST)
      n_constants++;
    else if (!is_slot_only (&compiled[i]))
      {
        position[i] = (gint32) n_run++;
        if (guard_to[i] >= 0)
          n_run++;
        if (i < L->n_outcome_nodes)
          program->n_outcome_nodes = n_run;
      }
  program->param_base = rules->n_facts;
  program->const_base = program->param_base + rules->n_params;
  program->node_base = program->const_base + n_constants;
  program->n_values = program->node_base + n_run;
  program->constants = rule_set_alloc (rules, sizeof (Value) * MAX (n_constants, 1));
  program->nodes = rule_set_alloc (rules, sizeof (Node) * MAX (n_run, 1));
  guint c = 0;
  for (guint i = 0; i < n; i++)
    {
      const Node *node = &compiled[i];
      if (node->op == OP_FACT)
        slot[i] = (gint32) node->imm;
      else if (node->op == OP_PARAM)
        slot[i] = (gint32) (program->param_base + node->imm);
      else if (node->op == OP_CONST)
        {
          program->constants[c] = node->constant;
          slot[i] = (gint32) (program->const_base + c++);
        }
      else
        slot[i] = (gint32) program->node_base + position[i];
    }
  program->n_args = L->args->len;
  program->args = rule_set_alloc (rules, sizeof (gint32) * MAX (L->args->len, 1));
  if (L->args->len > 0)
    memcpy (program->args, L->args->data, sizeof (gint32) * L->args->len);
  for (guint i = 0; i < n; i++)
    {
      const Node *node = &compiled[i];
      if (is_slot_only (node))
        continue;
      Node *out = &program->nodes[position[i]];
      *out = *node;
      out->op = (guint8) specialise (node);
      out->a = node->a >= 0 ? slot[node->a] : -1;
      out->b = node->b >= 0 ? slot[node->b] : -1;
      out->c = node->c >= 0 ? slot[node->c] : -1;
      if (op_args_are_operands (node->op))
        for (gint32 j = 0; j < node->n_args; j++)
          program->args[node->args + j] = slot[program->args[node->args + j]];
      if (guard_to[i] >= 0)
        {
          Node *guard = &program->nodes[position[i] + 1];
          memset (guard, 0, sizeof *guard);
          guard->op = OP_GUARD;
          guard->type = TYPE_BOOL;
          guard->a = slot[i];
          guard->b = slot[guard_to[i]];
          guard->c = slot[args_of_outcome_exists (L, guard_to[i])]; /* a regime not encoded is never short-cut */
          guard->imm = position[guard_to[i]] - (position[i] + 1);
        }
    }
  program->n_nodes = n_run;
  for (guint m = 0; m < rules->n_measures; m++)
    {
      Measure *measure = &rules->measures[m];
      measure->exists_node = slot[measure->exists_node];
      measure->outcome_node = slot[measure->outcome_node];
      for (guint i = 0; i < measure->n_conditions; i++)
        {
          Condition *condition = &measure->conditions[i];
          condition->node = slot[condition->node];
          if (condition->applies_node >= 0)
            condition->applies_node = slot[condition->applies_node];
        }
      for (guint i = 0; i < measure->n_coverage; i++)
        measure->coverage[i].when_node = slot[measure->coverage[i].when_node];
      for (guint i = 0; i < measure->n_limits; i++)
        {
          measure->limits[i].value_node = slot[measure->limits[i].value_node];
          if (measure->limits[i].when_node >= 0)
            measure->limits[i].when_node = slot[measure->limits[i].when_node];
        }
    }
  for (guint o = 0; o < rules->n_obligations; o++)
    {
      Obligation *obligation = &rules->obligations[o];
      obligation->applies_node = slot[obligation->applies_node];
      obligation->due_node = slot[obligation->due_node];
      obligation->met_node = slot[obligation->met_node];
      if (obligation->met_on_node >= 0)
        obligation->met_on_node = slot[obligation->met_on_node];
    }
  for (guint s = 0; s < rules->n_signals; s++)
    rules->signals[s].when_node = slot[rules->signals[s].when_node];
  for (guint d = 0; d < rules->n_definitions; d++)
    rules->definitions[d].node = slot[rules->definitions[d].node];
  for (guint k = 0; k < rules->n_checks; k++)
    {
      TrajectoryCheck *check = &rules->checks[k];
      if (check->kind == CHECK_ENDS_WHEN)
        check->ends_when_node = slot[check->ends_when_node];
      if (check->kind == CHECK_MAX_DURATION && check->unless_node >= 0)
        check->unless_node = slot[check->unless_node];
    }
  for (guint t = 0; t < rules->n_tasks; t++)
    relocate_task (&rules->tasks[t], rules->n_models, slot);
  for (guint v = 0; v < rules->n_services + rules->n_policies; v++)
    {
      const OrganisationVariant *variant
        = v < rules->n_services ? &rules->services[v] : &rules->policies[v - rules->n_services];
      for (guint o = 0; o < variant->n_overrides; o++)
        relocate_patch (&variant->overrides[o].patch, slot);
    }
}

/* The definitions, for the trace, with the compiled nodes of their expressions (relocated with the program). */
static void
take_definitions (Loader *L)
{
  ActiveringRuleSet *rules = L->rules;
  guint n = 0;
  while (L->definition_names != NULL && L->definition_names[n] != NULL)
    n++;
  rules->n_definitions = n;
  rules->definitions = rule_set_alloc (rules, sizeof (Definition) * MAX (n, 1));
  for (guint d = 0; d < n; d++)
    {
      const Typed *value = &L->definition_value[d];
      rules->definitions[d] = (Definition) { rule_set_strdup (rules, L->definition_names[d]), value->node, value->type,
                                             value->domain, value->n_domain };
    }
}

static void
mark_read (const Program *program, gint32 slot, guint8 *read)
{
  if (slot >= 0 && (guint) slot < program->const_base)
    read[slot] = 1;
}

/* What a trace lists: the facts and parameters the program reads, and which run nodes are the values of
 * definitions and the outcomes of measures (so that the values deciding a condition are named). */
static void
index_for_trace (ActiveringRuleSet *rules)
{
  const Program *program = &rules->program;
  g_autofree guint8 *read = g_new0 (guint8, program->const_base + 1);
  for (guint i = 0; i < program->n_nodes; i++)
    {
      const Node *node = &program->nodes[i];
      if (node->op == OP_GUARD)
        continue;
      mark_read (program, node->a, read);
      mark_read (program, node->b, read);
      mark_read (program, node->c, read);
      if (op_args_are_operands (node->op))
        for (gint32 k = 0; k < node->n_args; k++)
          mark_read (program, program->args[node->args + k], read);
      if (node->op == OP_ABSENT || node->op == OP_COUNT_RUNS || node->op == OP_LATEST_START)
        read[node->imm] = 1;
      if (node->op == OP_PARAM_ON)
        read[program->param_base + node->imm] = 1;
    }
  for (guint d = 0; d < rules->n_definitions; d++)
    mark_read (program, rules->definitions[d].node, read);
  rules->traced_facts = rule_set_alloc (rules, sizeof (guint) * MAX (rules->n_facts, 1));
  rules->traced_params = rule_set_alloc (rules, sizeof (guint) * MAX (rules->n_params, 1));
  for (guint f = 0; f < rules->n_facts; f++)
    if (read[f] && rules->facts[f].type != TYPE_ID)
      rules->traced_facts[rules->n_traced_facts++] = f;
  for (guint p = 0; p < rules->n_params; p++)
    if (read[program->param_base + p])
      rules->traced_params[rules->n_traced_params++] = p;
  rules->definition_of_node = rule_set_alloc (rules, sizeof (gint32) * MAX (program->n_nodes, 1));
  rules->measure_of_node = rule_set_alloc (rules, sizeof (gint32) * MAX (program->n_nodes, 1));
  for (guint i = 0; i < program->n_nodes; i++)
    rules->definition_of_node[i] = rules->measure_of_node[i] = -1;
  for (guint d = rules->n_definitions; d-- > 0;)
    if ((guint) rules->definitions[d].node >= program->node_base)
      rules->definition_of_node[rules->definitions[d].node - program->node_base] = (gint32) d;
  for (guint m = 0; m < rules->n_measures; m++)
    rules->measure_of_node[rules->measures[m].outcome_node - program->node_base] = (gint32) m;
  /* valid_until looks no further than the last node an outcome or an obligation's state reads */
  gint32 last = -1;
  for (guint m = 0; m < rules->n_measures; m++)
    last = MAX (last, MAX (rules->measures[m].exists_node, rules->measures[m].outcome_node));
  for (guint o = 0; o < rules->n_obligations; o++)
    {
      const Obligation *obligation = &rules->obligations[o];
      last = MAX (last, MAX (obligation->applies_node, MAX (obligation->due_node, obligation->met_node)));
    }
  rules->n_deciding_nodes = last >= (gint32) program->node_base ? (guint) (last - (gint32) program->node_base) + 1 : 0;
}

void
program_lay_out (Loader *L)
{
  ActiveringRuleSet *rules = L->rules;
  take_definitions (L);
  lay_out_program (L);
  index_for_trace (rules);
  rules->n_symbols = L->symbols->len;
  rules->symbols = rule_set_alloc (rules, sizeof (char *) * MAX (L->symbols->len, 1));
  if (L->symbols->len > 0)
    memcpy (rules->symbols, L->symbols->pdata, sizeof (char *) * L->symbols->len);
  rules->symbol_lengths = rule_set_alloc (rules, sizeof (guint32) * MAX (L->symbols->len, 1));
  for (guint i = 0; i < L->symbols->len; i++)
    rules->symbol_lengths[i] = (guint32) strlen (rules->symbols[i]);
  FactScratch S = { g_new0 (guint32, rules->program.n_nodes + 1), g_new0 (guint32, rules->n_facts + 1), 0,
                    g_array_new (FALSE, FALSE, sizeof (guint)) };
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint c = 0; c < rules->measures[m].n_conditions; c++)
      {
        Condition *condition = &rules->measures[m].conditions[c];
        condition->facts = facts_of (rules, &S, &condition->node, 1, &condition->n_facts);
      }
  for (guint o = 0; o < rules->n_obligations; o++)
    {
      Obligation *obligation = &rules->obligations[o];
      gint32 roots[] = { obligation->applies_node, obligation->due_node, obligation->met_node, obligation->met_on_node };
      obligation->facts = facts_of (rules, &S, roots, obligation->met_on_node >= 0 ? 4 : 3, &obligation->n_facts);
    }
  for (guint s = 0; s < rules->n_signals; s++)
    rules->signals[s].facts = facts_of (rules, &S, &rules->signals[s].when_node, 1, &rules->signals[s].n_facts);
  find_condition_measures (rules);
  g_free (S.node_stamp);
  g_free (S.fact_stamp);
  g_array_free (S.found, TRUE);
}
