/* evaluation.c: running a dossier against a rule set, and reading the answer back. */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"
#include "eval/trace-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/boxed-private.h"

static void
missing_list_init (MissingList *list, guint capacity)
{
  list->slots = g_new0 (guint, MAX (capacity, 1));
  list->states = g_new0 (guint8, MAX (capacity, 1));
  list->n = 0;
}

static void
missing_list_clear (MissingList *list)
{
  g_free (list->slots);
  g_free (list->states);
}

ActiveringEvaluation *
activering_evaluation_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  ActiveringEvaluation *ev = g_new0 (ActiveringEvaluation, 1);
  g_ref_count_init (&ev->ref_count);
  ev->rules = activering_rule_set_ref (rules);
  ev->id = g_string_new (NULL);
  ev->as_of_text_day = G_MININT32;
  const Program *program = &rules->program;
  ev->values = g_new0 (Value, MAX (program->n_values, 1));
  memcpy (ev->values + program->const_base, program->constants,
          sizeof (Value) * (program->node_base - program->const_base));
  ev->outcomes = g_new0 (ActiveringOutcome, MAX (rules->n_measures, 1));
  for (guint m = 0; m < rules->n_measures; m++)
    ev->outcomes[m] = ACTIVERING_OUTCOME_UNDETERMINED; /* nothing is known before the first run */
  ev->reasons = g_new0 (ActiveringReason, MAX (rules->n_measures, 1));
  ev->listed = g_new0 (guint *, MAX (rules->n_measures, 1));
  ev->n_listed = g_new0 (guint, MAX (rules->n_measures, 1));
  ev->coverage = g_new0 (int, MAX (rules->n_measures, 1));
  ev->signals = g_new0 (guint, MAX (rules->n_signals, 1));
  ev->rendered = g_new0 (GString *, MAX (rules->n_templates * rules->n_languages, 1));
  ev->rendered_json = g_new0 (GString *, MAX (rules->n_templates * rules->n_languages, 1));
  for (guint t = 0; t < rules->n_templates * rules->n_languages; t++)
    {
      ev->rendered[t] = g_string_new (NULL);
      ev->rendered_json[t] = g_string_new (NULL);
    }
  ev->missing = g_new0 (MissingList, MAX (rules->n_measures, 1));
  ev->limits = g_new0 (guint *, MAX (rules->n_measures, 1));
  ev->n_limits = g_new0 (guint, MAX (rules->n_measures, 1));
  for (guint m = 0; m < rules->n_measures; m++)
    {
      missing_list_init (&ev->missing[m], rules->n_facts);
      ev->limits[m] = g_new0 (guint, MAX (rules->measures[m].n_limits, 1));
      ev->listed[m] = g_new0 (guint, MAX (rules->measures[m].n_conditions, 1));
    }
  ev->obligations = g_new0 (ObligationResult, MAX (rules->n_obligations, 1));
  for (guint o = 0; o < rules->n_obligations; o++)
    missing_list_init (&ev->obligations[o].missing, rules->n_facts);
  ev->seen_nodes = g_new0 (guint32, MAX (rules->program.n_nodes, 1));
  ev->seen_facts = g_new0 (guint32, MAX (rules->n_facts, 1));
  return ev;
}

void
activering_evaluation_free (ActiveringEvaluation *ev)
{
  ACTIVERING_BOXED_RELEASE (ev);
  const ActiveringRuleSet *rules = ev->rules;
  for (guint m = 0; m < rules->n_measures; m++)
    {
      missing_list_clear (&ev->missing[m]);
      g_free (ev->limits[m]);
      g_free (ev->listed[m]);
    }
  for (guint t = 0; t < rules->n_templates * rules->n_languages; t++)
    {
      g_string_free (ev->rendered[t], TRUE);
      g_string_free (ev->rendered_json[t], TRUE);
    }
  g_free (ev->rendered);
  g_free (ev->rendered_json);
  g_free (ev->reasons);
  g_free (ev->listed);
  g_free (ev->n_listed);
  g_free (ev->coverage);
  g_free (ev->signals);
  for (guint o = 0; o < rules->n_obligations; o++)
    missing_list_clear (&ev->obligations[o].missing);
  g_free (ev->obligations);
  g_free (ev->limits);
  g_free (ev->n_limits);
  g_free (ev->missing);
  g_free (ev->outcomes);
  g_free (ev->values);
  g_free (ev->seen_nodes);
  g_free (ev->seen_facts);
  trace_state_free (ev->trace);
  g_string_free (ev->id, TRUE);
  activering_rule_set_unref (ev->rules);
  g_free (ev);
}

static gboolean
is_true (const Value *v)
{
  return v->known && v->i;
}

static void
explain_measures (ActiveringEvaluation *ev, const ActiveringFacts *facts)
{
  const ActiveringRuleSet *rules = ev->rules;
  for (guint m = 0; m < rules->n_measures; m++)
    {
      const Measure *measure = &rules->measures[m];
      ev->missing[m].n = 0;
      ev->n_limits[m] = 0;
      ev->n_listed[m] = 0;
      ev->coverage[m] = -1;
      /* A measure that does not exist there and then, or whose regime there is not encoded, is not judged by its
       * conditions: it lists none, asks for nothing and computes no limits (contract C6, C7). */
      if (ev->outcomes[m] == ACTIVERING_OUTCOME_NOT_APPLICABLE || ev->reasons[m] != ACTIVERING_REASON_NONE)
        continue;
      for (guint c = 0; c < measure->n_conditions; c++)
        {
          gint32 applies = measure->conditions[c].applies_node;
          if (applies < 0 || !ev->values[applies].known || ev->values[applies].i)
            ev->listed[m][ev->n_listed[m]++] = c;
        }
      for (guint k = 0; k < measure->n_coverage && ev->coverage[m] < 0; k++)
        if (is_true (&ev->values[measure->coverage[k].when_node]))
          ev->coverage[m] = (int) k;
      if (ev->outcomes[m] == ACTIVERING_OUTCOME_UNDETERMINED)
        explain_missing (ev, facts, &measure->outcome_node, 1, &ev->missing[m]);
      for (guint l = 0; l < measure->n_limits; l++)
        {
          const Limit *limit = &measure->limits[l];
          gboolean wanted =
              limit->when_node < 0 || (ev->values[limit->when_node].known && ev->values[limit->when_node].i);
          if (wanted && ev->values[limit->value_node].known)
            ev->limits[m][ev->n_limits[m]++] = l;
        }
    }
}

static void
explain_obligations (ActiveringEvaluation *ev, const ActiveringFacts *facts)
{
  const ActiveringRuleSet *rules = ev->rules;
  ev->n_obligations = 0;
  for (guint o = 0; o < rules->n_obligations; o++)
    {
      const Obligation *obligation = &rules->obligations[o];
      int state = evaluation_obligation_state (ev, o);
      if (state < 0)
        continue;
      ObligationResult *result = &ev->obligations[ev->n_obligations++];
      result->index = o;
      result->missing.n = 0;
      result->state = (ActiveringObligationState) state;
      if (result->state == ACTIVERING_OBLIGATION_UNDETERMINED)
        {
          gint32 roots[] = { obligation->applies_node, obligation->due_node, obligation->met_node };
          explain_missing (ev, facts, roots, 3, &result->missing);
        }
    }
}

gboolean
activering_evaluation_run (ActiveringEvaluation *ev, const ActiveringFacts *facts, const GDate *as_of,
                           ActiveringEvaluateFlags flags, GError **error)
{
  g_return_val_if_fail (ev != NULL && facts != NULL, FALSE);
  g_return_val_if_fail (facts->rules == ev->rules, FALSE);
  if (as_of != NULL)
    {
      if (!g_date_valid (as_of) || g_date_get_year (as_of) > 9999)
        {
          g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
                       "evaluation: the as-of date is not a valid date between the years 1 and 9999");
          return FALSE;
        }
      ev->as_of = activering_days_from_gdate (as_of);
    }
  else
    ev->as_of = facts->has_as_of ? facts->as_of : activering_today ();
  if (ev->as_of != ev->as_of_text_day)
    {
      activering_format_date (ev->as_of, ev->as_of_text);
      ev->as_of_text_day = ev->as_of;
    }
  /* Copied, since the facts may be parsed into again before the answer is read; lengths are known, so no strlen. */
  g_string_truncate (ev->id, 0);
  if (facts->has_id)
    g_string_append_len (ev->id, facts->id, (gssize) facts->id_len);
  program_resolve_parameters (ev);
  const ActiveringRuleSet *rules = ev->rules;
  gboolean traced = (flags & ACTIVERING_EVALUATE_TRACE) != 0;
  gboolean outcomes_only = (flags & ACTIVERING_EVALUATE_OUTCOMES_ONLY) != 0 && !traced;
  program_run (ev, facts, outcomes_only ? rules->program.n_outcome_nodes : rules->program.n_nodes, outcomes_only);
  for (guint m = 0; m < rules->n_measures; m++)
    ev->outcomes[m] = evaluation_outcome_of (ev, &rules->measures[m], &ev->reasons[m]);
  ev->traced = traced;
  ev->explained = !outcomes_only;
  ev->has_run = TRUE;
  if (ev->explained)
    {
      explain_measures (ev, facts);
      explain_obligations (ev, facts);
      ev->n_signals = 0;
      for (guint s = 0; s < rules->n_signals; s++)
        if (is_true (&ev->values[rules->signals[s].when_node]))
          ev->signals[ev->n_signals++] = s;
    }
  if (traced)
    trace_run (ev, facts);
  return TRUE;
}

/* ---- getters ---- */

#define CHECK_MEASURE(ev, measure, fallback)                                                                           \
  g_return_val_if_fail ((ev) != NULL && (measure) < (ev)->rules->n_measures, fallback)

const char *
activering_evaluation_get_id (const ActiveringEvaluation *ev)
{
  g_return_val_if_fail (ev != NULL, NULL);
  return ev->id->str;
}

void
activering_evaluation_get_as_of (const ActiveringEvaluation *ev, GDate *out)
{
  g_return_if_fail (ev != NULL && out != NULL);
  activering_days_to_gdate (ev->as_of, out);
}

ActiveringOutcome
activering_evaluation_get_outcome (const ActiveringEvaluation *ev, guint measure)
{
  CHECK_MEASURE (ev, measure, ACTIVERING_OUTCOME_UNDETERMINED);
  return ev->outcomes[measure];
}

guint
activering_evaluation_get_n_conditions (const ActiveringEvaluation *ev, guint measure)
{
  CHECK_MEASURE (ev, measure, 0);
  return ev->explained ? ev->n_listed[measure] : 0;
}

static const Condition *
condition_at (const ActiveringEvaluation *ev, guint measure, guint condition)
{
  if (measure >= ev->rules->n_measures || !ev->explained || condition >= ev->n_listed[measure])
    return NULL;
  return &ev->rules->measures[measure].conditions[ev->listed[measure][condition]];
}

const char *
activering_evaluation_get_condition_id (const ActiveringEvaluation *ev, guint measure, guint condition)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Condition *c = condition_at (ev, measure, condition);
  g_return_val_if_fail (index_in_range (c), NULL);
  return c ? c->id : NULL;
}

ActiveringTruth
activering_evaluation_get_condition_state (const ActiveringEvaluation *ev, guint measure, guint condition)
{
  g_return_val_if_fail (ev != NULL, ACTIVERING_TRUTH_UNKNOWN);
  const Condition *c = condition_at (ev, measure, condition);
  g_return_val_if_fail (index_in_range (c), ACTIVERING_TRUTH_UNKNOWN);
  if (c == NULL || !ev->values[c->node].known)
    return ACTIVERING_TRUTH_UNKNOWN;
  return ev->values[c->node].i ? ACTIVERING_TRUTH_TRUE : ACTIVERING_TRUTH_FALSE;
}

const char *
activering_evaluation_get_condition_text (const ActiveringEvaluation *ev, guint measure, guint condition,
                                          const char *lang)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Condition *c = condition_at (ev, measure, condition);
  g_return_val_if_fail (index_in_range (c), NULL);
  int language = rule_set_language_index (ev->rules, lang);
  if (c == NULL || language < 0)
    return NULL;
  ActiveringTruth state = activering_evaluation_get_condition_state (ev, measure, condition);
  TextState text = state == ACTIVERING_TRUTH_TRUE    ? TEXT_TRUE
                   : state == ACTIVERING_TRUTH_FALSE ? TEXT_FALSE
                                                     : TEXT_UNKNOWN;
  return evaluation_text (ev, (const char *const *) c->text[text], language);
}

const char *
activering_evaluation_get_condition_legal_basis (const ActiveringEvaluation *ev, guint measure, guint condition,
                                                 const char *lang)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Condition *c = condition_at (ev, measure, condition);
  g_return_val_if_fail (index_in_range (c), NULL);
  int language = rule_set_language_index (ev->rules, lang);
  return c && language >= 0 ? legal_basis_in (&c->legal_basis, language) : NULL;
}

gboolean
activering_evaluation_is_condition_legal_basis_fallback (const ActiveringEvaluation *ev, guint measure,
                                                          guint condition)
{
  g_return_val_if_fail (ev != NULL, FALSE);
  const Condition *c = condition_at (ev, measure, condition);
  g_return_val_if_fail (index_in_range (c), FALSE);
  return c != NULL && c->legal_basis.fallback;
}

/* The false conditions of the measures a false condition reads: what made it false (contract C8). Calls @each
 * with every one, in order, until it returns FALSE. */
static void
each_via (const ActiveringEvaluation *ev, guint measure, guint condition,
          gboolean (*each) (const Condition *via, gpointer data), gpointer data)
{
  const Condition *c = condition_at (ev, measure, condition);
  if (c == NULL || activering_evaluation_get_condition_state (ev, measure, condition) != ACTIVERING_TRUTH_FALSE)
    return;
  for (guint k = 0; k < c->n_measures; k++)
    {
      guint other = c->measures[k];
      for (guint i = 0; i < ev->n_listed[other]; i++)
        if (activering_evaluation_get_condition_state (ev, other, i) == ACTIVERING_TRUTH_FALSE
            && !each (&ev->rules->measures[other].conditions[ev->listed[other][i]], data))
          return;
    }
}

static gboolean
count_via (const Condition *via, gpointer data)
{
  (void) via;
  (*(guint *) data)++;
  return TRUE;
}

guint
activering_evaluation_get_n_condition_via (const ActiveringEvaluation *ev, guint measure, guint condition)
{
  g_return_val_if_fail (ev != NULL, 0);
  g_return_val_if_fail (index_in_range (condition_at (ev, measure, condition)), 0);
  guint n = 0;
  each_via (ev, measure, condition, count_via, &n);
  return n;
}

typedef struct
{
  guint wanted;
  const char *id;
} ViaAt;

static gboolean
find_via (const Condition *via, gpointer data)
{
  ViaAt *at = data;
  if (at->wanted-- > 0)
    return TRUE;
  at->id = via->id;
  return FALSE;
}

const char *
activering_evaluation_get_condition_via (const ActiveringEvaluation *ev, guint measure, guint condition, guint via)
{
  g_return_val_if_fail (ev != NULL, NULL);
  g_return_val_if_fail (index_in_range (condition_at (ev, measure, condition)), NULL);
  ViaAt at = { via, NULL };
  each_via (ev, measure, condition, find_via, &at);
  g_return_val_if_fail (index_in_range (at.id), NULL);
  return at.id;
}

ActiveringReason
activering_evaluation_get_reason (const ActiveringEvaluation *ev, guint measure)
{
  CHECK_MEASURE (ev, measure, ACTIVERING_REASON_NONE);
  return ev->has_run ? ev->reasons[measure] : ACTIVERING_REASON_NONE;
}

const char *
activering_evaluation_get_coverage (const ActiveringEvaluation *ev, guint measure)
{
  CHECK_MEASURE (ev, measure, NULL);
  return ev->explained && ev->coverage[measure] >= 0
             ? ev->rules->measures[measure].coverage[ev->coverage[measure]].code
             : NULL;
}

const char *
activering_evaluation_get_coverage_text (const ActiveringEvaluation *ev, guint measure, const char *lang)
{
  CHECK_MEASURE (ev, measure, NULL);
  int language = rule_set_language_index (ev->rules, lang);
  if (!ev->explained || ev->coverage[measure] < 0 || language < 0)
    return NULL;
  Text text = ev->rules->measures[measure].coverage[ev->coverage[measure]].text;
  return evaluation_text (ev, (const char *const *) text, language);
}

guint
activering_evaluation_get_n_signals (const ActiveringEvaluation *ev)
{
  g_return_val_if_fail (ev != NULL, 0);
  return ev->explained ? ev->n_signals : 0;
}

static const Signal *
signal_at (const ActiveringEvaluation *ev, guint signal)
{
  return ev->explained && signal < ev->n_signals ? &ev->rules->signals[ev->signals[signal]] : NULL;
}

const char *
activering_evaluation_get_signal_id (const ActiveringEvaluation *ev, guint signal)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Signal *s = signal_at (ev, signal);
  g_return_val_if_fail (index_in_range (s), NULL);
  return s ? s->id : NULL;
}

const char *
activering_evaluation_get_signal_text (const ActiveringEvaluation *ev, guint signal, const char *lang)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Signal *s = signal_at (ev, signal);
  g_return_val_if_fail (index_in_range (s), NULL);
  int language = rule_set_language_index (ev->rules, lang);
  return s && language >= 0 ? evaluation_text (ev, (const char *const *) s->text, language) : NULL;
}

const char *
activering_evaluation_get_signal_source (const ActiveringEvaluation *ev, guint signal)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Signal *s = signal_at (ev, signal);
  g_return_val_if_fail (index_in_range (s), NULL);
  return s ? s->source : NULL;
}

guint
activering_evaluation_get_n_missing (const ActiveringEvaluation *ev, guint measure)
{
  CHECK_MEASURE (ev, measure, 0);
  return ev->explained ? ev->missing[measure].n : 0;
}

const char *
activering_evaluation_get_missing_fact (const ActiveringEvaluation *ev, guint measure, guint missing)
{
  CHECK_MEASURE (ev, measure, NULL);
  const MissingList *list = &ev->missing[measure];
  g_return_val_if_fail (ev->explained && missing < list->n, NULL);
  return ev->rules->facts[list->slots[missing]].path;
}

ActiveringFactState
activering_evaluation_get_missing_state (const ActiveringEvaluation *ev, guint measure, guint missing)
{
  CHECK_MEASURE (ev, measure, ACTIVERING_FACT_UNKNOWN);
  const MissingList *list = &ev->missing[measure];
  g_return_val_if_fail (ev->explained && missing < list->n, ACTIVERING_FACT_UNKNOWN);
  return (ActiveringFactState) list->states[missing];
}

const char *
activering_evaluation_get_missing_asked_of (const ActiveringEvaluation *ev, guint measure, guint missing)
{
  CHECK_MEASURE (ev, measure, NULL);
  const MissingList *list = &ev->missing[measure];
  g_return_val_if_fail (ev->explained && missing < list->n, NULL);
  return ev->rules->facts[list->slots[missing]].supplied_by;
}

guint
activering_evaluation_get_n_limits (const ActiveringEvaluation *ev, guint measure)
{
  CHECK_MEASURE (ev, measure, 0);
  return ev->explained ? ev->n_limits[measure] : 0;
}

static const Limit *
limit_at (const ActiveringEvaluation *ev, guint measure, guint limit)
{
  if (!ev->explained || measure >= ev->rules->n_measures || limit >= ev->n_limits[measure])
    return NULL;
  return &ev->rules->measures[measure].limits[ev->limits[measure][limit]];
}

const char *
activering_evaluation_get_limit_id (const ActiveringEvaluation *ev, guint measure, guint limit)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Limit *l = limit_at (ev, measure, limit);
  g_return_val_if_fail (index_in_range (l), NULL);
  return l ? l->id : NULL;
}

const char *
activering_evaluation_get_limit_unit (const ActiveringEvaluation *ev, guint measure, guint limit)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Limit *l = limit_at (ev, measure, limit);
  g_return_val_if_fail (index_in_range (l), NULL);
  return l ? l->unit : NULL;
}

gboolean
activering_evaluation_get_limit_number (const ActiveringEvaluation *ev, guint measure, guint limit, double *out)
{
  g_return_val_if_fail (ev != NULL && out != NULL, FALSE);
  const Limit *l = limit_at (ev, measure, limit);
  g_return_val_if_fail (index_in_range (l), FALSE);
  if (l == NULL || l->type == TYPE_DATE)
    return FALSE;
  const Value *v = &ev->values[l->value_node];
  *out = l->type == TYPE_NUMBER ? v->n : (double) v->i;
  return TRUE;
}

gboolean
activering_evaluation_get_limit_date (const ActiveringEvaluation *ev, guint measure, guint limit, GDate *out)
{
  g_return_val_if_fail (ev != NULL && out != NULL, FALSE);
  const Limit *l = limit_at (ev, measure, limit);
  g_return_val_if_fail (index_in_range (l), FALSE);
  if (l == NULL || l->type != TYPE_DATE)
    return FALSE;
  activering_days_to_gdate ((gint32) ev->values[l->value_node].i, out);
  return TRUE;
}

const char *
activering_evaluation_get_limit_text (const ActiveringEvaluation *ev, guint measure, guint limit, const char *lang)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const Limit *l = limit_at (ev, measure, limit);
  g_return_val_if_fail (index_in_range (l), NULL);
  int language = rule_set_language_index (ev->rules, lang);
  return l && language >= 0 ? evaluation_text (ev, (const char *const *) l->text, language) : NULL;
}

guint
activering_evaluation_get_n_obligations (const ActiveringEvaluation *ev)
{
  g_return_val_if_fail (ev != NULL, 0);
  return ev->explained ? ev->n_obligations : 0;
}

static const ObligationResult *
obligation_at (const ActiveringEvaluation *ev, guint obligation)
{
  return ev->explained && obligation < ev->n_obligations ? &ev->obligations[obligation] : NULL;
}

const char *
activering_evaluation_get_obligation_id (const ActiveringEvaluation *ev, guint obligation)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), NULL);
  return o ? ev->rules->obligations[o->index].id : NULL;
}

ActiveringObligationState
activering_evaluation_get_obligation_state (const ActiveringEvaluation *ev, guint obligation)
{
  g_return_val_if_fail (ev != NULL, ACTIVERING_OBLIGATION_UNDETERMINED);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), ACTIVERING_OBLIGATION_UNDETERMINED);
  return o ? o->state : ACTIVERING_OBLIGATION_UNDETERMINED;
}

gboolean
activering_evaluation_get_obligation_due (const ActiveringEvaluation *ev, guint obligation, GDate *out)
{
  g_return_val_if_fail (ev != NULL && out != NULL, FALSE);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), FALSE);
  if (o == NULL)
    return FALSE;
  const Value *due = &ev->values[ev->rules->obligations[o->index].due_node];
  if (!due->known)
    return FALSE;
  activering_days_to_gdate ((gint32) due->i, out);
  return TRUE;
}

const char *
activering_evaluation_get_obligation_text (const ActiveringEvaluation *ev, guint obligation, const char *lang)
{
  g_return_val_if_fail (ev != NULL, NULL);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), NULL);
  int language = rule_set_language_index (ev->rules, lang);
  if (o == NULL || language < 0)
    return NULL;
  const Obligation *decl = &ev->rules->obligations[o->index];
  /* While undetermined, the duty reads as one that may still fall due ("due on …, unless exempted", C11). */
  Text text = o->state == ACTIVERING_OBLIGATION_UNDETERMINED && decl->text_undetermined ? decl->text_undetermined
                                                                                         : decl->text;
  return evaluation_text (ev, (const char *const *) text, language);
}

gboolean
activering_evaluation_get_obligation_met_on (const ActiveringEvaluation *ev, guint obligation, GDate *out)
{
  g_return_val_if_fail (ev != NULL && out != NULL, FALSE);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), FALSE);
  if (o == NULL || o->state != ACTIVERING_OBLIGATION_MET)
    return FALSE;
  gint32 node = ev->rules->obligations[o->index].met_on_node;
  if (node < 0 || !ev->values[node].known)
    return FALSE;
  activering_days_to_gdate ((gint32) ev->values[node].i, out);
  return TRUE;
}

gboolean
activering_evaluation_is_obligation_late (const ActiveringEvaluation *ev, guint obligation)
{
  g_return_val_if_fail (ev != NULL, FALSE);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), FALSE);
  if (o == NULL || o->state != ACTIVERING_OBLIGATION_MET)
    return FALSE;
  const Obligation *decl = &ev->rules->obligations[o->index];
  const Value *due = &ev->values[decl->due_node];
  return decl->met_on_node >= 0 && ev->values[decl->met_on_node].known && due->known
         && ev->values[decl->met_on_node].i > due->i;
}

gboolean
activering_evaluation_get_valid_until (const ActiveringEvaluation *ev, guint measure, GDate *out)
{
  CHECK_MEASURE (ev, measure, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (!ev->traced || ev->trace->measure_until[measure] == STABLE_FOREVER)
    return FALSE;
  activering_days_to_gdate (ev->trace->measure_until[measure], out);
  return TRUE;
}

gboolean
activering_evaluation_get_obligation_valid_until (const ActiveringEvaluation *ev, guint obligation, GDate *out)
{
  g_return_val_if_fail (ev != NULL && out != NULL, FALSE);
  const ObligationResult *o = obligation_at (ev, obligation);
  g_return_val_if_fail (index_in_range (o), FALSE);
  if (o == NULL || !ev->traced || ev->trace->obligation_until[o->index] == STABLE_FOREVER)
    return FALSE;
  activering_days_to_gdate (ev->trace->obligation_until[o->index], out);
  return TRUE;
}

const char *
activering_outcome_to_string (ActiveringOutcome outcome)
{
  static const char *const names[] = { "eligible", "not_eligible", "undetermined", "not_applicable" };
  return (guint) outcome < G_N_ELEMENTS (names) ? names[outcome] : "undetermined";
}

const char *
activering_reason_to_string (ActiveringReason reason)
{
  static const char *const names[] = { NULL, "not_in_force", "not_in_region", "regime_not_encoded" };
  return (guint) reason < G_N_ELEMENTS (names) ? names[reason] : NULL;
}

const char *
activering_truth_to_string (ActiveringTruth truth)
{
  static const char *const names[] = { "false", "true", "unknown" };
  return (guint) truth < G_N_ELEMENTS (names) ? names[truth] : "unknown";
}

const char *
activering_obligation_state_to_string (ActiveringObligationState state)
{
  static const char *const names[] = { "met", "due", "overdue", "undetermined" };
  return (guint) state < G_N_ELEMENTS (names) ? names[state] : "undetermined";
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringEvaluation, activering_evaluation)
