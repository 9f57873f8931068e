/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* to-change.c: the `to_change` member of a measure that is not eligible: for each condition that keeps it so,
 * the facts that, changed or made known, would make the condition hold (docs/contract.md, "to_change").
 *
 * A static reading of the condition's expression, through definitions, all, any and not. It covers comparisons
 * of a fact with a constant or a parameter (==, !=, <, <=, >, >=, as bounds; a lower and an upper bound on one
 * fact read as "between"), enum membership (in), boolean facts read as conditions or compared with true or false,
 * and known. Anything else (a fact compared with another fact, dates computed from as_of, run counts) is not
 * read: its unknown facts are still listed as to be made known, and the condition says "covered": false. */
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
#define MAX_NEEDS 32

/* What one fact must be. */
typedef struct
{
  guint fact;
  ChangeMessage kind;
  ValueType type;        /* of the bounds */
  Value bound, bound2;   /* at_least … equal_to: bound; between: bound (min) and bound2 (max) */
  const gint32 *symbols; /* one_of, none_of */
  gint32 n_symbols;
  gboolean failing; /* this part does not hold now */
} Need;

typedef struct
{
  const ActiveringEvaluation *ev;
  Need needs[MAX_NEEDS];
  guint n;
  gboolean covered;
} Reading;

static void
add_need (Reading *R, const Need *need)
{
  if (R->n < MAX_NEEDS)
    R->needs[R->n++] = *need;
  else
    R->covered = FALSE;
}

/* A fact slot, seen through a widening to number. */
static gint32
fact_operand (const Program *program, gint32 slot, gboolean *widened)
{
  *widened = FALSE;
  if (slot >= 0 && (guint) slot >= program->node_base
      && program->nodes[slot - program->node_base].op == OP_TO_NUMBER)
    {
      slot = program->nodes[slot - program->node_base].a;
      *widened = TRUE;
    }
  return slot >= 0 && (guint) slot < program->param_base ? slot : -1;
}

/* A constant or a parameter (a bound the rule set gives), seen through a widening to number. */
static gint32
bound_operand (const Program *program, gint32 slot, gboolean *widened)
{
  *widened = FALSE;
  if (slot >= 0 && (guint) slot >= program->node_base
      && program->nodes[slot - program->node_base].op == OP_TO_NUMBER)
    {
      slot = program->nodes[slot - program->node_base].a;
      *widened = TRUE;
    }
  return slot >= 0 && (guint) slot >= program->param_base && (guint) slot < program->node_base ? slot : -1;
}

static ChangeMessage
kind_of (Op op, gboolean flipped, gboolean negated)
{
  static const Op flip[] = { [OP_EQ] = OP_EQ, [OP_NE] = OP_NE, [OP_LT] = OP_GT, [OP_LE] = OP_GE,
                             [OP_GT] = OP_LT, [OP_GE] = OP_LE };
  static const Op negate[] = { [OP_EQ] = OP_NE, [OP_NE] = OP_EQ, [OP_LT] = OP_GE, [OP_LE] = OP_GT,
                               [OP_GT] = OP_LE, [OP_GE] = OP_LT };
  if (flipped)
    op = flip[op];
  if (negated)
    op = negate[op];
  switch (op)
    {
    case OP_LT: return CHANGE_LESS_THAN;
    case OP_LE: return CHANGE_AT_MOST;
    case OP_GT: return CHANGE_MORE_THAN;
    case OP_GE: return CHANGE_AT_LEAST;
    case OP_NE: return CHANGE_NOT_EQUAL_TO;
    case OP_EQ:
    default: return CHANGE_EQUAL_TO;
    }
}

static Op
generic_op (Op op)
{
  return op >= OP_EQ_N && op <= OP_GE_N ? (Op) (OP_EQ + (op - OP_EQ_N)) : op;
}

static void read_condition (Reading *R, gint32 slot, gboolean want);

static void
read_comparison (Reading *R, const Node *n, gboolean want, gboolean failing)
{
  const ActiveringRuleSet *rules = R->ev->rules;
  const Program *program = &rules->program;
  gboolean fact_widened, bound_widened, flipped = FALSE;
  gint32 fact = fact_operand (program, n->a, &fact_widened);
  gint32 bound = bound_operand (program, n->b, &bound_widened);
  if (fact < 0 || bound < 0)
    {
      fact = fact_operand (program, n->b, &fact_widened);
      bound = bound_operand (program, n->a, &bound_widened);
      flipped = TRUE;
    }
  if (fact < 0 || bound < 0)
    {
      R->covered = FALSE;
      return;
    }
  const FactDecl *decl = &rules->facts[fact];
  Need need = { .fact = (guint) fact, .failing = failing, .bound = R->ev->values[bound] };
  need.type = bound_widened ? TYPE_INTEGER : fact_widened ? TYPE_NUMBER : decl->type;
  need.kind = kind_of (generic_op ((Op) n->op), flipped, !want);
  if (decl->type == TYPE_BOOL && (need.kind == CHANGE_EQUAL_TO || need.kind == CHANGE_NOT_EQUAL_TO))
    need.kind = (need.bound.i != 0) == (need.kind == CHANGE_EQUAL_TO) ? CHANGE_MUST_BE_TRUE : CHANGE_MUST_BE_FALSE;
  if (decl->type == TYPE_ENUM && (need.kind == CHANGE_EQUAL_TO || need.kind == CHANGE_NOT_EQUAL_TO))
    {
      /* one symbol: the constant's value is its id */
      need.kind = need.kind == CHANGE_EQUAL_TO ? CHANGE_ONE_OF : CHANGE_NONE_OF;
      need.symbols = NULL;
      need.n_symbols = 1;
    }
  add_need (R, &need);
}

static void
read_condition (Reading *R, gint32 slot, gboolean want)
{
  const ActiveringEvaluation *ev = R->ev;
  const ActiveringRuleSet *rules = ev->rules;
  const Program *program = &rules->program;
  const Value *v = &ev->values[slot];
  gboolean failing = !(v->known && (v->i != 0) == want);
  if ((guint) slot < program->param_base)
    {
      if (rules->facts[slot].type != TYPE_BOOL)
        {
          R->covered = FALSE;
          return;
        }
      Need need = { .fact = (guint) slot, .kind = want ? CHANGE_MUST_BE_TRUE : CHANGE_MUST_BE_FALSE,
                    .type = TYPE_BOOL, .failing = failing };
      add_need (R, &need);
      return;
    }
  if ((guint) slot < program->node_base)
    {
      if (failing)
        R->covered = FALSE; /* a constant or a parameter that does not hold: no fact changes it */
      return;
    }
  const Node *n = &program->nodes[slot - program->node_base];
  switch ((Op) n->op)
    {
    case OP_ALL:
    case OP_ANY:
      {
        /* all (or not any): every part must hold; any (or not all): one part would do, each is listed */
        const gint32 *args = program->args + n->args;
        gboolean conjunction = (n->op == OP_ALL) == want;
        for (gint32 k = 0; k < n->n_args; k++)
          {
            const Value *c = &ev->values[args[k]];
            gboolean holds = c->known && (c->i != 0) == want;
            if (!conjunction && holds)
              continue;
            read_condition (R, args[k], want);
          }
        return;
      }
    case OP_NOT: read_condition (R, n->a, !want); return;
    case OP_EQ:
    case OP_NE:
    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE:
    case OP_EQ_N:
    case OP_NE_N:
    case OP_LT_N:
    case OP_LE_N:
    case OP_GT_N:
    case OP_GE_N: read_comparison (R, n, want, failing); return;
    case OP_IN:
      if (n->a >= 0 && (guint) n->a < program->param_base)
        {
          Need need = { .fact = (guint) n->a, .kind = want ? CHANGE_ONE_OF : CHANGE_NONE_OF, .type = TYPE_ENUM,
                        .symbols = program->args + n->args, .n_symbols = n->n_args, .failing = failing };
          add_need (R, &need);
        }
      else
        R->covered = FALSE;
      return;
    case OP_KNOWN:
      if (n->a >= 0 && (guint) n->a < program->param_base && want)
        {
          Need need = { .fact = (guint) n->a, .kind = CHANGE_MUST_BE_KNOWN, .failing = failing };
          add_need (R, &need);
        }
      else
        R->covered = FALSE;
      return;
    default:
      if (failing)
        R->covered = FALSE;
      return;
    }
}

/* One lower and one upper inclusive bound on a fact, in a reading of one condition: "between". */
static void
merge_between (Reading *R)
{
  for (guint i = 0; i < R->n; i++)
    for (guint j = 0; j < R->n; j++)
      {
        Need *low = &R->needs[i], *high = &R->needs[j];
        if (i == j || low->fact != high->fact || low->kind != CHANGE_AT_LEAST || high->kind != CHANGE_AT_MOST)
          continue;
        low->kind = CHANGE_BETWEEN;
        low->bound2 = high->bound;
        low->failing |= high->failing;
        high->kind = N_CHANGE_MESSAGES; /* merged */
      }
}

static void
put_plain_value (GString *out, const ActiveringRuleSet *rules, ValueType type, const Value *value)
{
  if (!value->known)
    {
      put_char (out, '?');
      return;
    }
  if (type == TYPE_ENUM && (guint64) value->i < rules->n_symbols)
    put_cstring (out, rules->symbols[value->i]);
  else if (type == TYPE_DATE)
    {
      char date[11];
      activering_format_date ((gint32) value->i, date);
      activering_string_append (out, date, 10);
    }
  else if (type == TYPE_NUMBER)
    json_append_number (out, value->n);
  else if (type == TYPE_BOOL)
    put_cstring (out, value->i ? "true" : "false");
  else
    json_append_integer (out, value->i);
}

typedef struct
{
  const ActiveringEvaluation *ev;
  const Need *need;
  int language;
} NeedText;

static void
put_symbols (GString *out, const ActiveringRuleSet *rules, const Need *need, const char *separator, gboolean json)
{
  for (gint32 k = 0; k < need->n_symbols; k++)
    {
      if (k > 0)
        put_cstring (out, separator);
      gint64 symbol = need->symbols ? need->symbols[k] : need->bound.i;
      if (json)
        activering_append_quoted (out, rules->symbols[symbol], strlen (rules->symbols[symbol]), G_MAXSIZE);
      else
        put_cstring (out, rules->symbols[symbol]);
    }
}

static void
fill_need (Placeholder placeholder, gconstpointer data, GString *out)
{
  const NeedText *t = data;
  const ActiveringRuleSet *rules = t->ev->rules;
  const FactDecl *decl = &rules->facts[t->need->fact];
  switch (placeholder)
    {
    case PLACEHOLDER_FACT: put_cstring (out, decl->label[t->language]); break;
    case PLACEHOLDER_VALUE:
      if (t->ev->trace->fact_states[t->need->fact] == ACTIVERING_FACT_KNOWN)
        put_plain_value (out, rules, decl->type, &t->ev->values[t->need->fact]);
      else
        put_char (out, '?');
      break;
    case PLACEHOLDER_MIN: put_plain_value (out, rules, t->need->type, &t->need->bound); break;
    case PLACEHOLDER_MAX:
      put_plain_value (out, rules, t->need->type,
                       t->need->kind == CHANGE_BETWEEN ? &t->need->bound2 : &t->need->bound);
      break;
    case PLACEHOLDER_VALUES:
      if (t->need->kind == CHANGE_ONE_OF || t->need->kind == CHANGE_NONE_OF)
        put_symbols (out, rules, t->need, ", ", FALSE);
      else
        put_plain_value (out, rules, t->need->type, &t->need->bound);
      break;
    default: break;
    }
}

static void
put_needs (GString *out, const ActiveringRuleSet *rules, const Need *need)
{
  static const char *const keys[N_CHANGE_MESSAGES] = {
    [CHANGE_AT_LEAST] = "at_least",   [CHANGE_AT_MOST] = "at_most",     [CHANGE_MORE_THAN] = "more_than",
    [CHANGE_LESS_THAN] = "less_than", [CHANGE_BETWEEN] = "between",     [CHANGE_EQUAL_TO] = "equal_to",
    [CHANGE_NOT_EQUAL_TO] = "not_equal_to", [CHANGE_ONE_OF] = "one_of", [CHANGE_NONE_OF] = "none_of",
    [CHANGE_MUST_BE_TRUE] = "equal_to", [CHANGE_MUST_BE_FALSE] = "equal_to", [CHANGE_MUST_BE_KNOWN] = "known",
  };
  PUT_LITERAL (out, "{\"");
  put_cstring (out, keys[need->kind]);
  PUT_LITERAL (out, "\":");
  switch (need->kind)
    {
    case CHANGE_BETWEEN:
      put_char (out, '[');
      trace_put_value (out, rules, need->type, NULL, 0, &need->bound);
      put_char (out, ',');
      trace_put_value (out, rules, need->type, NULL, 0, &need->bound2);
      put_char (out, ']');
      break;
    case CHANGE_ONE_OF:
    case CHANGE_NONE_OF:
      put_char (out, '[');
      put_symbols (out, rules, need, ",", TRUE);
      put_char (out, ']');
      break;
    case CHANGE_MUST_BE_TRUE:
    case CHANGE_MUST_BE_KNOWN: PUT_LITERAL (out, "true"); break;
    case CHANGE_MUST_BE_FALSE: PUT_LITERAL (out, "false"); break;
    default: trace_put_value (out, rules, need->type, NULL, 0, &need->bound); break;
    }
  put_char (out, '}');
}

static void
put_need (GString *out, const ActiveringEvaluation *ev, const Need *need, int language, GString *text)
{
  const ActiveringRuleSet *rules = ev->rules;
  const FactDecl *decl = &rules->facts[need->fact];
  guint8 state = ev->trace->fact_states[need->fact];
  PUT_LITERAL (out, "{\"fact\":");
  activering_append_quoted (out, decl->path, strlen (decl->path), G_MAXSIZE);
  PUT_LITERAL (out, ",\"state\":\"");
  put_cstring (out, state == ACTIVERING_FACT_KNOWN ? "known" : state == ACTIVERING_FACT_BLANK ? "blank" : "unknown");
  put_char (out, '"');
  if (state == ACTIVERING_FACT_KNOWN && decl->type != TYPE_RUNS)
    {
      PUT_LITERAL (out, ",\"value\":");
      trace_put_value (out, rules, decl->type, decl->values, decl->n_values, &ev->values[need->fact]);
    }
  PUT_LITERAL (out, ",\"needs\":");
  put_needs (out, rules, need);
  if (rules->change_messages[need->kind] != NULL)
    {
      NeedText t = { ev, need, language };
      g_string_truncate (text, 0);
      placeholders_fill (rules->change_messages[need->kind][language], fill_need, &t, text);
      PUT_LITERAL (out, ",\"text\":");
      activering_append_quoted (out, text->str, text->len, G_MAXSIZE);
    }
  put_char (out, '}');
}

/* The unknown or blank facts a condition reads, when no reading found what to change: to be made known. */
static void
add_unknown_facts (Reading *R, const Condition *condition)
{
  for (guint i = 0; i < condition->n_facts; i++)
    {
      guint fact = condition->facts[i];
      gboolean listed = FALSE;
      for (guint k = 0; k < R->n && !listed; k++)
        listed = R->needs[k].fact == fact;
      if (!listed && R->ev->trace->fact_states[fact] != ACTIVERING_FACT_KNOWN)
        {
          Need need = { .fact = fact, .kind = CHANGE_MUST_BE_KNOWN, .failing = TRUE };
          add_need (R, &need);
        }
    }
}

/* What a condition requires where it applies: of "not applies or when" (rules-load.c), the when. That the
 * condition would also hold where it does not apply (another region) is no change to propose. */
static gint32
when_of (const ActiveringRuleSet *rules, const Condition *condition)
{
  const Program *program = &rules->program;
  gint32 slot = condition->node;
  if (condition->applies_node < 0 || (guint) slot < program->node_base)
    return slot;
  const Node *n = &program->nodes[slot - program->node_base];
  return n->op == OP_ANY && n->n_args == 2 ? program->args[n->args + 1] : slot;
}

/* The reading of the @i-th listed condition of measure @m, if it is one that keeps the measure from being
 * eligible: false ones for not_eligible, unknown ones for undetermined. */
static gboolean
read_deciding (const ActiveringEvaluation *ev, guint m, guint i, Reading *R)
{
  const Measure *measure = &ev->rules->measures[m];
  const Condition *condition = &measure->conditions[ev->listed[m][i]];
  const Value *v = &ev->values[condition->node];
  gboolean deciding = ev->outcomes[m] == ACTIVERING_OUTCOME_NOT_ELIGIBLE ? v->known && !v->i : !v->known;
  if (!deciding)
    return FALSE;
  memset (R, 0, sizeof *R);
  R->ev = ev;
  R->covered = TRUE;
  read_condition (R, when_of (ev->rules, condition), TRUE);
  merge_between (R);
  add_unknown_facts (R, condition);
  return TRUE;
}

static gboolean
has_changes (const ActiveringEvaluation *ev, guint m)
{
  ActiveringOutcome outcome = ev->outcomes[m];
  return ev->traced && (outcome == ACTIVERING_OUTCOME_NOT_ELIGIBLE || outcome == ACTIVERING_OUTCOME_UNDETERMINED)
         && ev->reasons[m] == ACTIVERING_REASON_NONE;
}

static gboolean
is_listed_need (const Need *need)
{
  return need->kind != N_CHANGE_MESSAGES && need->failing;
}

void
to_change_append_json (GString *out, const ActiveringEvaluation *ev, guint m, int language)
{
  if (!has_changes (ev, m))
    return;
  const Measure *measure = &ev->rules->measures[m];
  GString *text = ev->trace->text; /* scratch */
  PUT_LITERAL (out, ",\"to_change\":[");
  gboolean first = TRUE;
  for (guint i = 0; i < ev->n_listed[m]; i++)
    {
      Reading R;
      if (!read_deciding (ev, m, i, &R))
        continue;
      const Condition *condition = &measure->conditions[ev->listed[m][i]];
      if (!first)
        put_char (out, ',');
      first = FALSE;
      PUT_LITERAL (out, "{\"condition\":");
      activering_append_quoted (out, condition->id, strlen (condition->id), G_MAXSIZE);
      PUT_LITERAL (out, ",\"covered\":");
      if (R.covered)
        PUT_LITERAL (out, "true");
      else
        PUT_LITERAL (out, "false");
      PUT_LITERAL (out, ",\"facts\":[");
      gboolean first_need = TRUE;
      for (guint k = 0; k < R.n; k++)
        {
          if (!is_listed_need (&R.needs[k]))
            continue;
          if (!first_need)
            put_char (out, ',');
          first_need = FALSE;
          put_need (out, ev, &R.needs[k], language, text);
        }
      PUT_LITERAL (out, "]}");
    }
  put_char (out, ']');
}

/* ---- getters ---- */

/* Finds the @wanted-th listed need of measure @m (counting them all when @wanted is G_MAXUINT). */
static guint
find_need (const ActiveringEvaluation *ev, guint m, guint wanted, Need *found)
{
  guint count = 0;
  if (!has_changes (ev, m))
    return 0;
  for (guint i = 0; i < ev->n_listed[m]; i++)
    {
      Reading R;
      if (!read_deciding (ev, m, i, &R))
        continue;
      for (guint k = 0; k < R.n; k++)
        if (is_listed_need (&R.needs[k]) && count++ == wanted)
          {
            *found = R.needs[k];
            return count;
          }
    }
  return count;
}

guint
activering_evaluation_get_n_changes (const ActiveringEvaluation *ev, guint measure)
{
  g_return_val_if_fail (ev != NULL && measure < ev->rules->n_measures, 0);
  Need unused;
  return find_need (ev, measure, G_MAXUINT, &unused);
}

const char *
activering_evaluation_get_change_fact (const ActiveringEvaluation *ev, guint measure, guint change)
{
  g_return_val_if_fail (ev != NULL && measure < ev->rules->n_measures, NULL);
  Need need;
  g_return_val_if_fail (find_need (ev, measure, change, &need) == change + 1, NULL);
  return ev->rules->facts[need.fact].path;
}

char *
activering_evaluation_dup_change_text (const ActiveringEvaluation *ev, guint measure, guint change, const char *lang)
{
  g_return_val_if_fail (ev != NULL && measure < ev->rules->n_measures, NULL);
  Need need;
  g_return_val_if_fail (find_need (ev, measure, change, &need) == change + 1, NULL);
  int language = rule_set_language_index (ev->rules, lang);
  if (language < 0 || ev->rules->change_messages[need.kind] == NULL)
    return NULL;
  GString *text = g_string_new (NULL);
  NeedText t = { ev, &need, language };
  placeholders_fill (ev->rules->change_messages[need.kind][language], fill_need, &t, text);
  return g_string_free (text, FALSE);
}
