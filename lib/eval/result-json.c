/* result-json.c: an evaluation as the contract's documents (`activering.result/1`, `activering.outcomes/1`). */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"
#include "eval/result-snippets-private.h"
#include "eval/trace-private.h"
#include "json/json-writer-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/scan-private.h"

/* A name the document writes as a string value, quoted, with its length. */
typedef struct
{
  const char *json;
  gsize len;
} QuotedName;
#define QUOTED(s) { "\"" s "\"", sizeof (s) + 1 }
/* As activering_outcome_to_string, activering_truth_to_string and so on name them. */
static const QuotedName outcome_names[] = { QUOTED ("eligible"), QUOTED ("not_eligible"), QUOTED ("undetermined"),
                                            QUOTED ("not_applicable") };
static const QuotedName reason_names[] = { QUOTED (""), QUOTED ("not_in_force"), QUOTED ("not_in_region"),
                                           QUOTED ("regime_not_encoded") };
static const QuotedName obligation_state_names[] = { QUOTED ("met"), QUOTED ("due"), QUOTED ("overdue"),
                                                     QUOTED ("undetermined") };
#undef QUOTED

#define PUT_LITERAL(out, s) activering_string_append ((out), "" s, sizeof (s) - 1)

static inline void
put (GString *out, const ResultSnippets *S, Bytes bytes)
{
  activering_string_append (out, S->arena + bytes.at, bytes.len);
}

static inline void
put_name (GString *out, const QuotedName *name)
{
  activering_string_append (out, name->json, name->len);
}

/* A snippet, with the text it leaves a gap for as rendered for the evaluation date. */
static inline void
put_snippet (GString *out, const ActiveringEvaluation *ev, const ResultSnippets *S, const Snippet *snippet,
             int language)
{
  put (out, S, snippet->head);
  if (snippet->template < 0)
    return;
  const GString *text = ev->rendered_json[(guint) snippet->template * ev->rules->n_languages + (guint) language];
  activering_string_append (out, text->str, text->len);
  put (out, S, snippet->tail);
}

static void
put_date (GString *out, gint32 days)
{
  char date[12];
  date[0] = '"';
  activering_format_date (days, date + 1);
  date[11] = '"';
  activering_string_append (out, date, sizeof date);
}

static void
put_missing (GString *out, const ResultSnippets *S, const MissingList *list)
{
  for (guint i = 0; i < list->n; i++)
    {
      if (i > 0)
        PUT_LITERAL (out, ",");
      put (out, S, S->missing[list->slots[i] * 3 + list->states[i]]);
    }
}

/* The truth of a condition: ActiveringTruth, which numbers its states as TextState does. */
static inline ActiveringTruth
condition_truth (const ActiveringEvaluation *ev, const Condition *condition)
{
  const Value *value = &ev->values[condition->node];
  return !value->known ? ACTIVERING_TRUTH_UNKNOWN : value->i ? ACTIVERING_TRUTH_TRUE : ACTIVERING_TRUTH_FALSE;
}

/* "via": the false conditions of the measures a false condition reads, what made it false (contract C8). */
static void
put_via (GString *out, const ActiveringEvaluation *ev, const ResultSnippets *S, const Condition *condition)
{
  gboolean any = FALSE;
  for (guint k = 0; k < condition->n_measures; k++)
    {
      guint other = condition->measures[k];
      const Measure *measure = &ev->rules->measures[other];
      for (guint i = 0; i < ev->n_listed[other]; i++)
        {
          guint c = ev->listed[other][i];
          if (condition_truth (ev, &measure->conditions[c]) != ACTIVERING_TRUTH_FALSE)
            continue;
          if (any)
            PUT_LITERAL (out, ",");
          else
            PUT_LITERAL (out, ",\"via\":[");
          any = TRUE;
          put (out, S, S->measures[other].conditions[c].id);
        }
    }
  if (any)
    PUT_LITERAL (out, "]");
}

static void
put_measure (GString *out, const ActiveringEvaluation *ev, const ResultSnippets *S, guint m, int language)
{
  const Measure *measure = &ev->rules->measures[m];
  const MeasureSnippets *snippets = &S->measures[m];
  put (out, S, snippets->head);
  put_name (out, &outcome_names[ev->outcomes[m]]);
  if (ev->reasons[m] != ACTIVERING_REASON_NONE)
    {
      PUT_LITERAL (out, ",\"reason\":");
      put_name (out, &reason_names[ev->reasons[m]]);
      if (ev->reasons[m] == ACTIVERING_REASON_NOT_IN_REGION)
        put (out, S, snippets->region); /* what exists read to decide it */
    }
  if (G_UNLIKELY (ev->traced))
    {
      PUT_LITERAL (out, ",\"valid_until\":");
      trace_put_day (out, ev->trace->measure_until[m]);
      to_change_append_json (out, ev, m, language);
    }
  put (out, S, snippets->label);
  if (ev->explained && ev->coverage[m] >= 0)
    put_snippet (out, ev, S, &snippets->coverage[ev->coverage[m]], language);

  PUT_LITERAL (out, ",\"conditions\":[");
  for (guint i = 0; ev->explained && i < ev->n_listed[m]; i++)
    {
      guint c = ev->listed[m][i];
      const Condition *condition = &measure->conditions[c];
      ActiveringTruth truth = condition_truth (ev, condition);
      if (i > 0)
        PUT_LITERAL (out, ",");
      put_snippet (out, ev, S, &snippets->conditions[c].by_state[truth], language);
      if (truth == ACTIVERING_TRUTH_FALSE && condition->n_measures > 0)
        put_via (out, ev, S, condition);
      PUT_LITERAL (out, "}");
    }
  PUT_LITERAL (out, "],\"missing\":[");
  if (ev->explained)
    put_missing (out, S, &ev->missing[m]);
  PUT_LITERAL (out, "],\"limits\":[");
  for (guint i = 0; ev->explained && i < ev->n_limits[m]; i++)
    {
      guint l = ev->limits[m][i];
      const Limit *limit = &measure->limits[l];
      const Value *value = &ev->values[limit->value_node];
      if (i > 0)
        PUT_LITERAL (out, ",");
      put (out, S, snippets->limit_head[l]);
      if (limit->type == TYPE_DATE)
        put_date (out, (gint32) value->i);
      else if (limit->type == TYPE_NUMBER)
        json_append_number (out, value->n);
      else
        json_append_integer (out, value->i);
      put_snippet (out, ev, S, &snippets->limit_tail[l], language);
    }
  put (out, S, snippets->tail);
}

static void
put_obligation (GString *out, const ActiveringEvaluation *ev, const ResultSnippets *S, const ObligationResult *result,
                int language)
{
  const Obligation *obligation = &ev->rules->obligations[result->index];
  const ObligationSnippets *snippets = &S->obligations[result->index];
  const Value *due = &ev->values[obligation->due_node];
  put (out, S, snippets->head);
  put_name (out, &obligation_state_names[result->state]);
  PUT_LITERAL (out, ",\"due\":");
  if (due->known)
    put_date (out, (gint32) due->i);
  else
    PUT_LITERAL (out, "null");
  if (G_UNLIKELY (ev->traced))
    {
      PUT_LITERAL (out, ",\"valid_until\":");
      trace_put_day (out, ev->trace->obligation_until[result->index]);
    }
  /* when it was met, and whether late (contract C12) */
  const Value *met_on = obligation->met_on_node >= 0 ? &ev->values[obligation->met_on_node] : NULL;
  if (result->state == ACTIVERING_OBLIGATION_MET && met_on != NULL && met_on->known)
    {
      PUT_LITERAL (out, ",\"met_on\":");
      put_date (out, (gint32) met_on->i);
      if (due->known && met_on->i > due->i)
        PUT_LITERAL (out, ",\"late\":true");
      else
        PUT_LITERAL (out, ",\"late\":false");
    }
  gboolean undetermined = result->state == ACTIVERING_OBLIGATION_UNDETERMINED;
  put_snippet (out, ev, S, &snippets->text[undetermined], language);
  if (undetermined)
    {
      PUT_LITERAL (out, ",\"missing\":[");
      put_missing (out, S, &result->missing);
      PUT_LITERAL (out, "]");
    }
  PUT_LITERAL (out, "}");
}

/* The result document, compact: the snippets of @language with what this evaluation found between them. */
static void
put_result (GString *out, const ActiveringEvaluation *ev, int language)
{
  const ActiveringRuleSet *rules = ev->rules;
  const ResultSnippets *S = result_snippets_get (rules, language);
  put (out, S, S->head);
  activering_append_quoted (out, ev->id->str, ev->id->len, G_MAXSIZE);
  PUT_LITERAL (out, ",\"as_of\":\"");
  activering_string_append (out, ev->as_of_text, 10);
  put (out, S, S->after_as_of);
  for (guint m = 0; m < rules->n_measures; m++)
    {
      if (m > 0)
        PUT_LITERAL (out, ",");
      put_measure (out, ev, S, m, language);
    }
  PUT_LITERAL (out, "],\"obligations\":[");
  for (guint o = 0; ev->explained && o < ev->n_obligations; o++)
    {
      if (o > 0)
        PUT_LITERAL (out, ",");
      put_obligation (out, ev, S, &ev->obligations[o], language);
    }
  PUT_LITERAL (out, "]");
  if (rules->n_signals > 0)
    {
      PUT_LITERAL (out, ",\"signals\":[");
      for (guint i = 0; ev->explained && i < ev->n_signals; i++)
        {
          if (i > 0)
            PUT_LITERAL (out, ",");
          put_snippet (out, ev, S, &S->signals[ev->signals[i]], language);
        }
      PUT_LITERAL (out, "]");
    }
  if (G_UNLIKELY (ev->traced))
    trace_append_json (out, ev, language);
  PUT_LITERAL (out, "}");
}

gboolean
activering_evaluation_append_json (const ActiveringEvaluation *ev, const char *lang, ActiveringJsonFlags flags,
                                   GString *out, GError **error)
{
  g_return_val_if_fail (ev != NULL && out != NULL, FALSE);
  const ActiveringRuleSet *rules = ev->rules;
  if (!ev->has_run)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "result: no dossier has been evaluated yet");
      return FALSE;
    }
  int language = rule_set_output_language (rules, lang, "result", error);
  if (language < 0)
    return FALSE;
  if (!(flags & ACTIVERING_JSON_PRETTY))
    {
      put_result (out, ev, language);
      return TRUE;
    }
  /* A document for people, one at a time: the compact one, indented. */
  g_autoptr (GString) compact = g_string_sized_new (65536);
  put_result (compact, ev, language);
  json_append_pretty (out, compact->str, compact->len);
  return TRUE;
}

char *
activering_evaluation_to_json (const ActiveringEvaluation *ev, const char *lang, ActiveringJsonFlags flags,
                               GError **error)
{
  g_return_val_if_fail (ev != NULL, NULL);
  GString *out = g_string_sized_new (4096);
  if (!activering_evaluation_append_json (ev, lang, flags, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}

/* The compact form is written for every dossier of a bulk screening, so it is assembled from fragments rendered
 * once: only the id needs escaping. */
void
activering_evaluation_append_outcomes_json (const ActiveringEvaluation *ev, GString *out)
{
  g_return_if_fail (ev != NULL && out != NULL);
  g_return_if_fail (ev->has_run);
  const ActiveringRuleSet *rules = ev->rules;
  PUT_LITERAL (out, "{\"format\":\"activering.outcomes/1\",\"id\":");
  activering_append_quoted (out, ev->id->str, ev->id->len, G_MAXSIZE);
  PUT_LITERAL (out, ",\"as_of\":\"");
  activering_string_append (out, ev->as_of_text, 10);
  PUT_LITERAL (out, "\",\"outcomes\":{");
  for (guint m = 0; m < rules->n_measures; m++)
    {
      if (m > 0)
        PUT_LITERAL (out, ",");
      const Measure *measure = &rules->measures[m];
      /* the key ends with the value's opening quote */
      activering_string_append (out, measure->outcome_key, measure->outcome_key_len);
      const QuotedName *name = &outcome_names[ev->outcomes[m]];
      activering_string_append (out, name->json + 1, name->len - 1);
    }
  PUT_LITERAL (out, "}}");
}
