/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* trace-json.c: the result's `trace` member: the values of the facts, parameters and definitions the program reads,
 * and for each condition the values that decided it (docs/contract.md, "The trace").
 *
 * Everything is written in a fixed order (declaration order, then the order of the compiled program), so the same
 * facts, rule set and date give the same bytes. */
#include "config.h"

#include <string.h>

#include "eval/trace-private.h"
#include "json/json-writer-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/scan-private.h"

#define PUT_LITERAL(out, s) activering_string_append ((out), "" s, sizeof (s) - 1)

/* The writers of the trace append a great many short pieces: without a call each, when there is room. */
static inline void
put_char (GString *out, char c)
{
  activering_string_append (out, &c, 1);
}

static inline void
put_cstring (GString *out, const char *s)
{
  activering_string_append (out, s, strlen (s));
}

static const char *const fact_state_names[] = { "known", "unknown", "blank" };

static void
put_string (GString *out, const char *s)
{
  activering_append_quoted (out, s, strlen (s), G_MAXSIZE);
}

void
trace_put_name (GString *out, const char *head, const char *name, const char *tail)
{
  put_cstring (out, head);
  put_string (out, name);
  put_cstring (out, tail);
}

/* A name written once (TraceState.names): entry @i of @offsets. */
static inline void
put_written (GString *out, const TraceState *trace, const gsize *offsets, guint i)
{
  activering_string_append (out, trace->names->str + offsets[i], offsets[i + 1] - offsets[i]);
}

void
trace_put_day (GString *out, gint32 day)
{
  if (day == STABLE_FOREVER)
    {
      PUT_LITERAL (out, "null");
      return;
    }
  char date[11];
  activering_format_date (day, date);
  put_char (out, '"');
  activering_string_append (out, date, 10);
  put_char (out, '"');
}

void
trace_put_value (GString *out, const ActiveringRuleSet *rules, ValueType type, const guint32 *domain, guint n_domain,
                 const Value *value)
{
  if (!value->known)
    {
      PUT_LITERAL (out, "null");
      return;
    }
  switch (type)
    {
    case TYPE_BOOL:
      if (value->i)
        PUT_LITERAL (out, "true");
      else
        PUT_LITERAL (out, "false");
      break;
    case TYPE_NUMBER: json_append_number (out, value->n); break;
    case TYPE_DATE: trace_put_day (out, (gint32) value->i); break;
    case TYPE_ENUM:
      if ((guint64) value->i < rules->n_symbols)
        put_string (out, rules->symbols[value->i]);
      else
        PUT_LITERAL (out, "null");
      break;
    case TYPE_ENUM_LIST:
      put_char (out, '[');
      for (guint k = 0, n = 0; k < n_domain && k < 64; k++)
        if ((guint64) value->i >> k & 1)
          {
            if (n++ > 0)
              put_char (out, ',');
            put_string (out, rules->symbols[domain[k]]);
          }
      put_char (out, ']');
      break;
    case TYPE_INTEGER:
    case TYPE_RUNS:
    case TYPE_LITERAL:
    case TYPE_ID:
    default: json_append_integer (out, value->i); break;
    }
}

static void
put_runs (GString *out, const ActiveringRuleSet *rules, const FactDecl *decl, const ActiveringFacts *facts,
          guint slot)
{
  put_char (out, '[');
  guint n_runs = facts->run_count[slot];
  const Run *runs = n_runs > 0 ? &g_array_index (facts->runs, Run, facts->run_first[slot]) : NULL;
  for (guint i = 0; i < n_runs; i++)
    {
      if (i > 0)
        put_char (out, ',');
      PUT_LITERAL (out, "{\"measure\":");
      put_string (out, rules->symbols[decl->values[runs[i].measure]]);
      PUT_LITERAL (out, ",\"start\":");
      trace_put_day (out, runs[i].start);
      PUT_LITERAL (out, ",\"end\":");
      trace_put_day (out, runs[i].end);
      put_char (out, '}');
    }
  put_char (out, ']');
}

/* {"fact":…,"state":…(,"value":…)} */
static void
put_fact (GString *out, const ActiveringEvaluation *ev, const guint8 *states, const ActiveringFacts *facts,
          guint slot)
{
  const ActiveringRuleSet *rules = ev->rules;
  const Value *values = ev->values;
  const FactDecl *decl = &rules->facts[slot];
  put_written (out, ev->trace, ev->trace->fact_name, slot);
  put_cstring (out, fact_state_names[MIN (states[slot], 2)]);
  put_char (out, '"');
  if (states[slot] == ACTIVERING_FACT_KNOWN && (decl->type != TYPE_RUNS || facts != NULL))
    {
      PUT_LITERAL (out, ",\"value\":");
      if (decl->type == TYPE_RUNS && facts != NULL)
        put_runs (out, rules, decl, facts, slot);
      else
        trace_put_value (out, rules, decl->type, decl->values, decl->n_values, &values[slot]);
    }
  put_char (out, '}');
}

void
trace_put_facts (GString *out, const ActiveringEvaluation *ev, const ActiveringFacts *facts)
{
  const ActiveringRuleSet *rules = ev->rules;
  PUT_LITERAL (out, "\"facts\":[");
  for (guint i = 0; i < rules->n_traced_facts; i++)
    {
      if (i > 0)
        put_char (out, ',');
      put_fact (out, ev, facts->state, facts, rules->traced_facts[i]);
    }
  put_char (out, ']');
}

/* The period of @param in force on @day, or NULL. */
static const ParamPeriod *
period_on (const ParamDecl *param, gint32 day)
{
  const ParamPeriod *found = NULL;
  for (guint i = 0; i < param->n_periods; i++)
    if (param->periods[i].from <= day && day <= param->periods[i].until)
      found = &param->periods[i];
  return found;
}

static void
put_parameter (GString *out, const ActiveringEvaluation *ev, guint p, gint32 day, gboolean on_other_day, int language)
{
  const ActiveringRuleSet *rules = ev->rules;
  const ParamDecl *param = &rules->params[p];
  const ParamPeriod *period = period_on (param, day);
  Value unknown = { .known = FALSE };
  PUT_LITERAL (out, "{\"parameter\":");
  put_string (out, param->name);
  if (on_other_day)
    {
      PUT_LITERAL (out, ",\"on\":");
      trace_put_day (out, day);
    }
  PUT_LITERAL (out, ",\"value\":");
  trace_put_value (out, rules, param->type, NULL, 0, period ? &period->value : &unknown);
  if (param->unit != NULL)
    {
      PUT_LITERAL (out, ",\"unit\":");
      put_string (out, param->unit);
    }
  PUT_LITERAL (out, ",\"valid_from\":");
  if (period != NULL)
    trace_put_day (out, period->from);
  else
    PUT_LITERAL (out, "null");
  PUT_LITERAL (out, ",\"valid_to\":");
  if (period != NULL)
    trace_put_day (out, period->until);
  else
    PUT_LITERAL (out, "null");
  PUT_LITERAL (out, ",\"legal_basis\":");
  put_string (out, legal_basis_in (&param->legal_basis, language));
  put_char (out, '}');
}

static void
put_parameters (GString *out, const ActiveringEvaluation *ev, int language)
{
  const ActiveringRuleSet *rules = ev->rules;
  const Program *program = &rules->program;
  PUT_LITERAL (out, ",\"parameters\":[");
  TraceState *trace = ev->trace;
  if (trace->parameters_language != language || trace->parameters_day != ev->as_of)
    {
      g_string_truncate (trace->parameters_json, 0);
      for (guint i = 0; i < rules->n_traced_params; i++)
        {
          if (i > 0)
            put_char (trace->parameters_json, ',');
          put_parameter (trace->parameters_json, ev, rules->traced_params[i], ev->as_of, FALSE, language);
        }
      trace->parameters_language = language;
      trace->parameters_day = ev->as_of;
    }
  activering_string_append (out, trace->parameters_json->str, trace->parameters_json->len);
  /* param_on: a parameter taken on another day (a proposal's start), once per parameter and day */
  for (guint i = 0; i < program->n_nodes; i++)
    {
      const Node *n = &program->nodes[i];
      if (n->op != OP_PARAM_ON || !ev->values[n->a].known || ev->values[n->a].i == ev->as_of)
        continue;
      gboolean before = FALSE;
      for (guint j = 0; j < i && !before; j++)
        before = program->nodes[j].op == OP_PARAM_ON && program->nodes[j].imm == n->imm
                 && ev->values[program->nodes[j].a].known && ev->values[program->nodes[j].a].i == ev->values[n->a].i;
      if (before)
        continue;
      if (out->str[out->len - 1] != '[')
        put_char (out, ',');
      put_parameter (out, ev, (guint) n->imm, (gint32) ev->values[n->a].i, TRUE, language);
    }
  put_char (out, ']');
}

static void
put_definitions (GString *out, const ActiveringEvaluation *ev)
{
  const ActiveringRuleSet *rules = ev->rules;
  PUT_LITERAL (out, ",\"definitions\":[");
  for (guint d = 0; d < rules->n_definitions; d++)
    {
      const Definition *def = &rules->definitions[d];
      if (d > 0)
        put_char (out, ',');
      put_written (out, ev->trace, ev->trace->definition_name, d);
      trace_put_value (out, rules, def->type, def->domain, def->n_domain, &ev->values[def->node]);
      put_char (out, '}');
    }
  put_char (out, ']');
}

/* The values that decided a condition, found by walking its expression from the top. */
typedef struct
{
  const ActiveringEvaluation *ev;
  GString *out;
  guint32 *seen; /* per value slot: named for this condition */
  guint32 stamp;
  gboolean any;
} DecidedBy;

static void
entry_start (DecidedBy *D)
{
  if (D->any)
    put_char (D->out, ',');
  D->any = TRUE;
}

static void
walk (DecidedBy *D, gint32 slot, gboolean root)
{
  const ActiveringEvaluation *ev = D->ev;
  const ActiveringRuleSet *rules = ev->rules;
  const Program *program = &rules->program;
  if (slot < 0 || (guint) slot >= program->n_values || D->seen[slot] == D->stamp)
    return;
  D->seen[slot] = D->stamp;
  const Value *v = &ev->values[slot];
  if ((guint) slot < program->param_base)
    {
      entry_start (D);
      put_fact (D->out, ev, ev->trace->fact_states, NULL, (guint) slot);
      return;
    }
  if ((guint) slot < program->const_base)
    {
      const ParamDecl *param = &rules->params[slot - program->param_base];
      entry_start (D);
      put_written (D->out, ev->trace, ev->trace->parameter_name, slot - program->param_base);
      trace_put_value (D->out, rules, param->type, NULL, 0, v);
      put_char (D->out, '}');
      return;
    }
  if ((guint) slot < program->node_base)
    return; /* a constant: part of the rule */
  guint i = (guint) slot - program->node_base;
  const Node *n = &program->nodes[i];
  if (!root && rules->measure_of_node[i] >= 0)
    {
      guint m = (guint) rules->measure_of_node[i];
      entry_start (D);
      PUT_LITERAL (D->out, "{\"measure\":");
      put_string (D->out, rules->measures[m].code);
      PUT_LITERAL (D->out, ",\"outcome\":\"");
      put_cstring (D->out, activering_outcome_to_string (ev->outcomes[m]));
      PUT_LITERAL (D->out, "\"}");
      return;
    }
  if (rules->definition_of_node[i] >= 0)
    {
      const Definition *def = &rules->definitions[rules->definition_of_node[i]];
      entry_start (D);
      put_written (D->out, ev->trace, ev->trace->definition_name, (guint) rules->definition_of_node[i]);
      trace_put_value (D->out, rules, def->type, def->domain, def->n_domain, v);
      put_char (D->out, '}');
    }
  switch ((Op) n->op)
    {
    case OP_ALL:
    case OP_ANY:
    case OP_OUTCOME:
      {
        gint64 decisive = n->op == OP_ANY;
        const gint32 *args = program->args + n->args;
        for (gint32 k = 0; k < n->n_args; k++)
          {
            const Value *c = &ev->values[args[k]];
            if (v->known && v->i == decisive)
              {
                /* decided by its first deciding part */
                if (c->known && (c->i != 0) == decisive)
                  {
                    walk (D, args[k], FALSE);
                    break;
                  }
              }
            else if (v->known || !c->known)
              walk (D, args[k], FALSE); /* every part, or the unknown ones */
          }
        return;
      }
    case OP_IF:
      walk (D, n->a, FALSE);
      if (ev->values[n->a].known)
        walk (D, ev->values[n->a].i ? n->b : n->c, FALSE);
      return;
    case OP_GUARD:
    case OP_AS_OF: return;
    case OP_ABSENT:
    case OP_COUNT_RUNS:
    case OP_LATEST_START:
      walk (D, (gint32) n->imm, FALSE);
      walk (D, n->c, FALSE);
      return;
    case OP_PARAM_ON:
      {
        const ParamDecl *param = &rules->params[n->imm];
        entry_start (D);
        PUT_LITERAL (D->out, "{\"parameter\":");
        put_string (D->out, param->name);
        PUT_LITERAL (D->out, ",\"on\":");
        if (ev->values[n->a].known)
          trace_put_day (D->out, (gint32) ev->values[n->a].i);
        else
          PUT_LITERAL (D->out, "null");
        PUT_LITERAL (D->out, ",\"value\":");
        trace_put_value (D->out, rules, param->type, NULL, 0, v);
        put_char (D->out, '}');
        walk (D, n->a, FALSE);
        return;
      }
    case OP_IN:
    case OP_EXISTS:
    case OP_CONTAINS:
      walk (D, n->a, FALSE); /* their args are symbols */
      return;
    default:
      walk (D, n->a, FALSE);
      walk (D, n->b, FALSE);
      walk (D, n->c, FALSE);
      if (op_args_are_operands (n->op))
        for (gint32 k = 0; k < n->n_args; k++)
          walk (D, program->args[n->args + k], FALSE);
      return;
    }
}

static void
put_conditions (GString *out, const ActiveringEvaluation *ev)
{
  const ActiveringRuleSet *rules = ev->rules;
  /* the stamps go on from one document to the next, so the marks need no clearing (TraceState.seen) */
  DecidedBy D = { ev, out, ev->trace->seen, ev->trace->stamp, FALSE };
  gboolean first = TRUE;
  PUT_LITERAL (out, ",\"conditions\":[");
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < ev->n_listed[m]; i++)
      {
        const Condition *condition = &rules->measures[m].conditions[ev->listed[m][i]];
        const Value *v = &ev->values[condition->node];
        if (!first)
          put_char (out, ',');
        first = FALSE;
        PUT_LITERAL (out, "{\"id\":");
        put_string (out, condition->id);
        PUT_LITERAL (out, ",\"state\":\"");
        put_cstring (out, !v->known ? "unknown" : v->i ? "true" : "false");
        PUT_LITERAL (out, "\",\"decided_by\":[");
        if (++D.stamp == 0)
          {
            memset (D.seen, 0, sizeof (guint32) * rules->program.n_values);
            D.stamp = 1;
          }
        D.any = FALSE;
        walk (&D, condition->node, TRUE);
        PUT_LITERAL (out, "]}");
      }
  put_char (out, ']');
  ev->trace->stamp = D.stamp;
}

void
trace_append_json (GString *out, const ActiveringEvaluation *ev, int language)
{
  PUT_LITERAL (out, ",\"trace\":{");
  activering_string_append (out, ev->trace->facts_json->str, ev->trace->facts_json->len);
  put_parameters (out, ev, language);
  put_definitions (out, ev);
  put_conditions (out, ev);
  put_char (out, '}');
}
