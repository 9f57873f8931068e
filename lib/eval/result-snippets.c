/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* result-snippets.c: building the constant parts of result documents once per rule set and language.
 *
 * The snippets are written with the JsonWriter that would otherwise write them for every dossier, started in
 * the state it would be in at that point of the document, so that the bytes are the same by construction.
 */
#include "config.h"

#include <string.h>

#include "eval/result-snippets-private.h"
#include "rules/rule-set-private.h"

typedef struct
{
  const ActiveringRuleSet *rules;
  ResultSnippets *S;
  int language;
  GString *arena;
  JsonWriter w;
  gsize start; /* where the bytes being written started in the arena */
} Builder;

/* Starts writing bytes: at the top of a value (@depth 0), or inside an object or array after its first member. */
static void
begin (Builder *B, int depth)
{
  json_writer_init (&B->w, B->arena, FALSE);
  B->w.depth = depth;
  B->w.first[depth] = depth == 0;
  B->start = B->arena->len;
}

static Bytes
end (Builder *B)
{
  Bytes bytes = { (guint32) B->start, (guint32) (B->arena->len - B->start) };
  B->start = B->arena->len;
  return bytes;
}

/* The value after a key: the text's string, or a gap for its rendering on the evaluation date. */
static void
text_value (Builder *B, Snippet *snippet, Text text)
{
  guintptr template = (guintptr) text[B->rules->n_languages];
  if (template == 0)
    {
      json_writer_string (&B->w, text[B->language]);
      return;
    }
  snippet->head = end (B);
  snippet->template = (gint32) template - 1;
  B->w.after_key = FALSE; /* as if the value were written */
}

static gpointer
alloc (Builder *B, gsize size, guint n)
{
  gpointer p = g_malloc0 (size * MAX (n, 1));
  g_ptr_array_add (B->S->allocations, p);
  return p;
}

static void
begin_snippet (Builder *B, Snippet *snippet, int depth)
{
  begin (B, depth);
  snippet->template = -1;
}

static void
end_snippet (Builder *B, Snippet *snippet)
{
  if (snippet->template < 0)
    snippet->head = end (B);
  else
    snippet->tail = end (B);
}

static void
fact_paths (Builder *B, const guint *slots, guint n)
{
  json_writer_key (&B->w, "facts");
  json_writer_begin_array (&B->w);
  for (guint i = 0; i < n; i++)
    json_writer_string (&B->w, B->rules->facts[slots[i]].path);
  json_writer_end_array (&B->w);
}

static void
build_condition (Builder *B, const Condition *condition, ConditionSnippets *out)
{
  static const char *const states[] = { "false", "true", "unknown" }; /* by TextState, as ActiveringTruth */
  for (int s = 0; s < 3; s++)
    {
      Snippet *snippet = &out->by_state[s];
      begin_snippet (B, snippet, 0);
      json_writer_begin_object (&B->w);
      json_writer_member_string (&B->w, "id", condition->id);
      json_writer_member_string (&B->w, "state", states[s]);
      fact_paths (B, condition->facts, condition->n_facts);
      json_writer_key (&B->w, "text");
      text_value (B, snippet, condition->text[s]);
      rule_set_write_legal_basis (&B->w, B->rules, &condition->legal_basis, B->language);
      end_snippet (B, snippet);
    }
  begin (B, 0);
  json_writer_string (&B->w, condition->id);
  out->id = end (B);
}

static void
build_measure (Builder *B, const Measure *measure, MeasureSnippets *out)
{
  const ActiveringRuleSet *rules = B->rules;
  int language = B->language;
  begin (B, 0);
  json_writer_begin_object (&B->w);
  json_writer_member_string (&B->w, "measure", measure->code);
  json_writer_key (&B->w, "outcome");
  out->head = end (B);

  begin (B, 1);
  json_writer_member_string (&B->w, "label", measure->label[language]);
  json_writer_member_string (&B->w, "decided_by", measure->decided_by);
  out->label = end (B);

  begin (B, 1);
  if (measure->region_fact >= 0)
    {
      guint region = (guint) measure->region_fact;
      fact_paths (B, &region, 1);
    }
  out->region = end (B);

  out->coverage = alloc (B, sizeof (Snippet), measure->n_coverage);
  for (guint k = 0; k < measure->n_coverage; k++)
    {
      Snippet *snippet = &out->coverage[k];
      begin_snippet (B, snippet, 1);
      json_writer_member_string (&B->w, "coverage", measure->coverage[k].code);
      json_writer_key (&B->w, "coverage_text");
      text_value (B, snippet, measure->coverage[k].text);
      end_snippet (B, snippet);
    }

  out->conditions = alloc (B, sizeof (ConditionSnippets), measure->n_conditions);
  for (guint c = 0; c < measure->n_conditions; c++)
    build_condition (B, &measure->conditions[c], &out->conditions[c]);

  out->limit_head = alloc (B, sizeof (Bytes), measure->n_limits);
  out->limit_tail = alloc (B, sizeof (Snippet), measure->n_limits);
  for (guint l = 0; l < measure->n_limits; l++)
    {
      const Limit *limit = &measure->limits[l];
      begin (B, 0);
      json_writer_begin_object (&B->w);
      json_writer_member_string (&B->w, "id", limit->id);
      json_writer_key (&B->w, "value");
      out->limit_head[l] = end (B);
      Snippet *snippet = &out->limit_tail[l];
      begin_snippet (B, snippet, 1);
      json_writer_member_string (&B->w, "unit", limit->unit);
      json_writer_key (&B->w, "text");
      text_value (B, snippet, limit->text);
      json_writer_end_object (&B->w);
      end_snippet (B, snippet);
    }

  /* The tail closes the limits array: a writer one level deeper, whose array is closed as if not empty. */
  begin (B, 2);
  json_writer_end_array (&B->w);
  json_writer_key (&B->w, "legal_basis");
  json_writer_begin_array (&B->w);
  gboolean fallback = FALSE;
  for (guint i = 0; i < measure->n_legal_basis; i++)
    {
      json_writer_string (&B->w, legal_basis_in (&measure->legal_basis[i], language));
      fallback |= measure->legal_basis[i].fallback;
    }
  json_writer_end_array (&B->w);
  if (fallback && language != 0)
    json_writer_member_string (&B->w, "legal_basis_lang", rules->languages[0]);
  json_writer_end_object (&B->w);
  out->tail = end (B);
}

static void
build_obligation (Builder *B, const Obligation *obligation, ObligationSnippets *out)
{
  begin (B, 0);
  json_writer_begin_object (&B->w);
  json_writer_member_string (&B->w, "id", obligation->id);
  json_writer_key (&B->w, "state");
  out->head = end (B);
  for (int undetermined = 0; undetermined < 2; undetermined++)
    {
      /* While undetermined, the duty reads as one that may still fall due ("due on …, unless exempted", C11). */
      Text text = undetermined && obligation->text_undetermined ? obligation->text_undetermined : obligation->text;
      Snippet *snippet = &out->text[undetermined];
      begin_snippet (B, snippet, 1);
      json_writer_key (&B->w, "text");
      text_value (B, snippet, text);
      rule_set_write_legal_basis (&B->w, B->rules, &obligation->legal_basis, B->language);
      fact_paths (B, obligation->facts, obligation->n_facts);
      end_snippet (B, snippet);
    }
}

static void
build_signal (Builder *B, const Signal *signal, Snippet *out)
{
  begin_snippet (B, out, 0);
  json_writer_begin_object (&B->w);
  json_writer_member_string (&B->w, "id", signal->id);
  json_writer_key (&B->w, "text");
  text_value (B, out, signal->text);
  json_writer_member_string (&B->w, "source", signal->source);
  fact_paths (B, signal->facts, signal->n_facts);
  json_writer_end_object (&B->w);
  end_snippet (B, out);
}

static void
build_language (const ActiveringRuleSet *rules, int language, ResultSnippets *S)
{
  S->allocations = g_ptr_array_new_with_free_func (g_free);
  Builder builder = { .rules = rules, .S = S, .language = language, .arena = g_string_sized_new (65536) };
  Builder *B = &builder;

  begin (B, 0);
  json_writer_begin_object (&B->w);
  json_writer_member_string (&B->w, "format", "activering.result/1");
  json_writer_key (&B->w, "id");
  S->head = end (B);

  begin (B, 1);
  g_string_append_c (B->arena, '"'); /* closes the as_of date */
  json_writer_member_string (&B->w, "lang", rules->languages[language]);
  rule_set_write_stamp (&B->w, rules);
  json_writer_key (&B->w, "library");
  json_writer_begin_object (&B->w);
  json_writer_member_string (&B->w, "version", activering_get_version ());
  json_writer_end_object (&B->w);
  json_writer_key (&B->w, "measures");
  json_writer_begin_array (&B->w);
  S->after_as_of = end (B);

  S->measures = alloc (B, sizeof (MeasureSnippets), rules->n_measures);
  for (guint m = 0; m < rules->n_measures; m++)
    build_measure (B, &rules->measures[m], &S->measures[m]);
  S->obligations = alloc (B, sizeof (ObligationSnippets), rules->n_obligations);
  for (guint o = 0; o < rules->n_obligations; o++)
    build_obligation (B, &rules->obligations[o], &S->obligations[o]);
  S->signals = alloc (B, sizeof (Snippet), rules->n_signals);
  for (guint s = 0; s < rules->n_signals; s++)
    build_signal (B, &rules->signals[s], &S->signals[s]);

  S->missing = alloc (B, sizeof (Bytes) * 3, rules->n_facts);
  for (guint f = 0; f < rules->n_facts; f++)
    for (int state = 0; state < 3; state++)
      {
        begin (B, 0);
        json_writer_begin_object (&B->w);
        json_writer_member_string (&B->w, "fact", rules->facts[f].path);
        json_writer_member_string (&B->w, "state", activering_fact_state_to_string ((ActiveringFactState) state));
        json_writer_member_string (&B->w, "asked_of", rules->facts[f].supplied_by);
        json_writer_end_object (&B->w);
        S->missing[f * 3 + (guint) state] = end (B);
      }

  S->arena = g_string_free (B->arena, FALSE);
  g_ptr_array_add (S->allocations, S->arena);
}

const ResultSnippets *
result_snippets_get (const ActiveringRuleSet *rules, int language)
{
  ResultSnippets *S = &rules->snippets[language];
  if (g_once_init_enter (&S->built))
    {
      build_language (rules, language, S);
      g_once_init_leave (&S->built, 1);
    }
  return S;
}

void
result_snippets_free (ResultSnippets *snippets, guint n_languages)
{
  for (guint l = 0; snippets != NULL && l < n_languages; l++)
    if (snippets[l].allocations != NULL)
      g_ptr_array_free (snippets[l].allocations, TRUE);
}
