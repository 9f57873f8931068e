/* result-json.c: an evaluation as the contract's documents (`activering.result/1`, `activering.outcomes/1`). */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"
#include "json/json-writer-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

static void
write_missing (JsonWriter *w, const ActiveringRuleSet *rules, const MissingList *list)
{
  json_writer_key (w, "missing");
  json_writer_begin_array (w);
  for (guint i = 0; i < list->n; i++)
    {
      const FactDecl *fact = &rules->facts[list->slots[i]];
      json_writer_begin_object (w);
      json_writer_member_string (w, "fact", fact->path);
      json_writer_member_string (w, "state", activering_fact_state_to_string (list->states[i]));
      json_writer_member_string (w, "asked_of", fact->supplied_by);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

static void
write_fact_paths (JsonWriter *w, const ActiveringRuleSet *rules, const guint *slots, guint n)
{
  json_writer_key (w, "facts");
  json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    json_writer_string (w, rules->facts[slots[i]].path);
  json_writer_end_array (w);
}

static void
write_measure (JsonWriter *w, const ActiveringEvaluation *ev, guint m, int language)
{
  const ActiveringRuleSet *rules = ev->rules;
  const Measure *measure = &rules->measures[m];
  json_writer_begin_object (w);
  json_writer_member_string (w, "measure", measure->code);
  json_writer_member_string (w, "outcome", activering_outcome_to_string (ev->outcomes[m]));
  if (ev->reasons[m] != ACTIVERING_REASON_NONE)
    {
      json_writer_member_string (w, "reason", activering_reason_to_string (ev->reasons[m]));
      if (ev->reasons[m] == ACTIVERING_REASON_NOT_IN_REGION)
        {
          guint region = (guint) measure->region_fact;
          write_fact_paths (w, rules, &region, 1); /* what exists read to decide it */
        }
    }
  json_writer_member_string (w, "label", measure->label[language]);
  json_writer_member_string (w, "decided_by", measure->decided_by);
  if (ev->explained && ev->coverage[m] >= 0)
    {
      const Coverage *coverage = &measure->coverage[ev->coverage[m]];
      json_writer_member_string (w, "coverage", coverage->code);
      json_writer_member_string (w, "coverage_text", evaluation_text (ev, (const char *const *) coverage->text, language));
    }

  json_writer_key (w, "conditions");
  json_writer_begin_array (w);
  for (guint c = 0; ev->explained && c < ev->n_listed[m]; c++)
    {
      const Condition *condition = &measure->conditions[ev->listed[m][c]];
      ActiveringTruth state = activering_evaluation_get_condition_state (ev, m, c);
      TextState text = state == ACTIVERING_TRUTH_TRUE    ? TEXT_TRUE
                       : state == ACTIVERING_TRUTH_FALSE ? TEXT_FALSE
                                                         : TEXT_UNKNOWN;
      json_writer_begin_object (w);
      json_writer_member_string (w, "id", condition->id);
      json_writer_member_string (w, "state", activering_truth_to_string (state));
      write_fact_paths (w, rules, condition->facts, condition->n_facts);
      json_writer_member_string (w, "text", evaluation_text (ev, (const char *const *) condition->text[text], language));
      rule_set_write_legal_basis (w, rules, &condition->legal_basis, language);
      guint n_via = condition->n_measures > 0 ? activering_evaluation_get_n_condition_via (ev, m, c) : 0;
      if (n_via > 0)
        {
          json_writer_key (w, "via");
          json_writer_begin_array (w);
          for (guint i = 0; i < n_via; i++)
            json_writer_string (w, activering_evaluation_get_condition_via (ev, m, c, i));
          json_writer_end_array (w);
        }
      json_writer_end_object (w);
    }
  json_writer_end_array (w);

  static const MissingList none = { NULL, NULL, 0 };
  write_missing (w, rules, ev->explained ? &ev->missing[m] : &none);

  json_writer_key (w, "limits");
  json_writer_begin_array (w);
  for (guint i = 0; ev->explained && i < ev->n_limits[m]; i++)
    {
      const Limit *limit = &measure->limits[ev->limits[m][i]];
      const Value *value = &ev->values[limit->value_node];
      json_writer_begin_object (w);
      json_writer_member_string (w, "id", limit->id);
      json_writer_key (w, "value");
      if (limit->type == TYPE_DATE)
        json_writer_date (w, (gint32) value->i);
      else if (limit->type == TYPE_NUMBER)
        json_writer_number (w, value->n);
      else
        json_writer_integer (w, value->i);
      json_writer_member_string (w, "unit", limit->unit);
      json_writer_member_string (w, "text", evaluation_text (ev, (const char *const *) limit->text, language));
      json_writer_end_object (w);
    }
  json_writer_end_array (w);

  json_writer_key (w, "legal_basis");
  json_writer_begin_array (w);
  gboolean fallback = FALSE;
  for (guint i = 0; i < measure->n_legal_basis; i++)
    {
      json_writer_string (w, legal_basis_in (&measure->legal_basis[i], language));
      fallback |= measure->legal_basis[i].fallback;
    }
  json_writer_end_array (w);
  if (fallback && language != 0)
    json_writer_member_string (w, "legal_basis_lang", rules->languages[0]);
  json_writer_end_object (w);
}

static void
write_obligation (JsonWriter *w, const ActiveringEvaluation *ev, const ObligationResult *result, int language)
{
  const ActiveringRuleSet *rules = ev->rules;
  const Obligation *obligation = &rules->obligations[result->index];
  const Value *due = &ev->values[obligation->due_node];
  json_writer_begin_object (w);
  json_writer_member_string (w, "id", obligation->id);
  json_writer_member_string (w, "state", activering_obligation_state_to_string (result->state));
  json_writer_key (w, "due");
  if (due->known)
    json_writer_date (w, (gint32) due->i);
  else
    json_writer_null (w);
  guint index = (guint) (result - ev->obligations);
  GDate met_on;
  if (activering_evaluation_get_obligation_met_on (ev, index, &met_on))
    {
      json_writer_member_date (w, "met_on", activering_days_from_gdate (&met_on));
      json_writer_key (w, "late");
      json_writer_bool (w, activering_evaluation_is_obligation_late (ev, index));
    }
  json_writer_member_string (w, "text", activering_evaluation_get_obligation_text (ev, index, rules->languages[language]));
  rule_set_write_legal_basis (w, rules, &obligation->legal_basis, language);
  write_fact_paths (w, rules, obligation->facts, obligation->n_facts);
  if (result->state == ACTIVERING_OBLIGATION_UNDETERMINED)
    write_missing (w, rules, &result->missing);
  json_writer_end_object (w);
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
  JsonWriter writer;
  JsonWriter *w = &writer;
  json_writer_init (w, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (w);
  json_writer_member_string (w, "format", "activering.result/1");
  json_writer_member_string (w, "id", ev->id->str);
  json_writer_member_date (w, "as_of", ev->as_of);
  json_writer_member_string (w, "lang", rules->languages[language]);
  rule_set_write_stamp (w, rules);
  json_writer_key (w, "library");
  json_writer_begin_object (w);
  json_writer_member_string (w, "version", activering_get_version ());
  json_writer_end_object (w);
  json_writer_key (w, "measures");
  json_writer_begin_array (w);
  for (guint m = 0; m < rules->n_measures; m++)
    write_measure (w, ev, m, language);
  json_writer_end_array (w);
  json_writer_key (w, "obligations");
  json_writer_begin_array (w);
  for (guint o = 0; ev->explained && o < ev->n_obligations; o++)
    write_obligation (w, ev, &ev->obligations[o], language);
  json_writer_end_array (w);
  if (rules->n_signals > 0)
    {
      json_writer_key (w, "signals");
      json_writer_begin_array (w);
      for (guint i = 0; ev->explained && i < ev->n_signals; i++)
        {
          const Signal *signal = &rules->signals[ev->signals[i]];
          json_writer_begin_object (w);
          json_writer_member_string (w, "id", signal->id);
          json_writer_member_string (w, "text", evaluation_text (ev, (const char *const *) signal->text, language));
          json_writer_member_string (w, "source", signal->source);
          write_fact_paths (w, rules, signal->facts, signal->n_facts);
          json_writer_end_object (w);
        }
      json_writer_end_array (w);
    }
  json_writer_end_object (w);
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
#define APPEND_LITERAL(s) g_string_append_len (out, "" s, sizeof (s) - 1)
  const ActiveringRuleSet *rules = ev->rules;
  APPEND_LITERAL ("{\"format\":\"activering.outcomes/1\",\"id\":");
  activering_append_quoted (out, ev->id->str, ev->id->len, G_MAXSIZE);
  char date[11];
  activering_format_date (ev->as_of, date);
  APPEND_LITERAL (",\"as_of\":\"");
  g_string_append_len (out, date, 10);
  APPEND_LITERAL ("\",\"outcomes\":{");
  for (guint m = 0; m < rules->n_measures; m++)
    {
      if (m > 0)
        g_string_append_c (out, ',');
      const Measure *measure = &rules->measures[m];
      g_string_append_len (out, measure->outcome_key, (gssize) measure->outcome_key_len);
      g_string_append (out, activering_outcome_to_string (ev->outcomes[m]));
      g_string_append_c (out, '"');
    }
  APPEND_LITERAL ("}}");
#undef APPEND_LITERAL
}
