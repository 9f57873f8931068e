/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* what-if.c: `activering eligibility --set PATH=VALUE … [--diff]` and `--compare-rules OLD`.
 *
 * A what-if changes facts of each dossier (through activering_facts_set_json(), so a value is checked as in a
 * facts document); a comparison evaluates each dossier twice and writes how the answers differ in the document
 * `rules diff` writes for a caseload (`activering.rules-diff/1`, see docs/contract.md), one per dossier. */
#include "config.h"

#include <string.h>

#include "outcome-diff.h"
#include "what-if.h"

typedef struct
{
  char *path, *json;
} Change;

struct WhatIfChanges
{
  GArray *changes; /* Change, in the order given (a later one for the same fact wins) */
};

/* Whether a fact's value is a JSON string in a facts document, so that its quotes may be left out. */
static gboolean
is_string_typed (ActiveringRuleSet *rules, int slot)
{
  const char *type = activering_rule_set_get_fact_type (rules, (guint) slot);
  return strcmp (type, "date") == 0 || strcmp (type, "enum") == 0 || strcmp (type, "id") == 0;
}

gboolean
what_if_parse_assignment (ActiveringRuleSet *rules, const char *assignment, char **path, char **json, GError **error)
{
  const char *equals = strchr (assignment, '=');
  if (equals == NULL || equals == assignment)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
                   "expected PATH=VALUE, e.g. "
                   "proposals.ibo.weeks=20");
      return FALSE;
    }
  g_autofree char *fact = g_strndup (assignment, (gsize) (equals - assignment));
  const char *value = equals + 1;
  int slot = activering_rule_set_lookup_fact (rules, fact);
  if (slot < 0)
    {
      /* the library's message, with its "did you mean" */
      g_autoptr (ActiveringFacts) scratch = activering_facts_new (rules);
      return activering_facts_unset (scratch, fact, error);
    }
  gboolean bare = value[0] != '"' && strcmp (value, "null") != 0;
  if (bare && is_string_typed (rules, slot))
    {
      GString *quoted = g_string_new (NULL);
      cli_append_json_string (quoted, value);
      *json = g_string_free (quoted, FALSE);
    }
  else
    *json = g_strdup (value);
  *path = g_steal_pointer (&fact);
  return TRUE;
}

static void
clear_change (gpointer data)
{
  Change *c = data;
  g_free (c->path);
  g_free (c->json);
}

void
what_if_changes_free (WhatIfChanges *changes)
{
  if (changes == NULL)
    return;
  g_array_free (changes->changes, TRUE);
  g_free (changes);
}

WhatIfChanges *
what_if_changes_new (ActiveringRuleSet *rules, char **assignments, GError **error)
{
  WhatIfChanges *changes = g_new0 (WhatIfChanges, 1);
  changes->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (changes->changes, clear_change);
  /* checked once here on an empty dossier, so that a bad value is a usage error before any input is read */
  g_autoptr (ActiveringFacts) scratch = activering_facts_new (rules);
  for (char **a = assignments; a != NULL && *a != NULL; a++)
    {
      Change c;
      if (!what_if_parse_assignment (rules, *a, &c.path, &c.json, error))
        {
          what_if_changes_free (changes);
          return NULL;
        }
      g_array_append_val (changes->changes, c);
      if (!activering_facts_set_json (scratch, c.path, c.json, -1, error))
        {
          what_if_changes_free (changes);
          return NULL;
        }
    }
  return changes;
}

gboolean
what_if_changes_apply (const WhatIfChanges *changes, ActiveringFacts *facts, GError **error)
{
  for (guint i = 0; changes != NULL && i < changes->changes->len; i++)
    {
      const Change *c = &g_array_index (changes->changes, Change, i);
      if (!activering_facts_set_json (facts, c->path, c->json, -1, error))
        return FALSE;
    }
  return TRUE;
}

/* ,"facts":[{"path": …, "change": "set", "new": <value>}]: the rules-diff document's list of what else differs
 * between the two sides (values are written as given, having been checked). */
static void
append_changes (const WhatIfChanges *changes, GString *out)
{
  if (changes == NULL)
    return;
  g_string_append (out, ",\"facts\":[");
  for (guint i = 0; i < changes->changes->len; i++)
    {
      const Change *c = &g_array_index (changes->changes, Change, i);
      g_string_append (out, i ? ",{\"path\":" : "{\"path\":");
      cli_append_json_string (out, c->path);
      g_string_append_printf (out, ",\"change\":\"set\",\"new\":%s}", c->json);
    }
  g_string_append_c (out, ']');
}

/* ---- the --human rendering ---- */

typedef struct
{
  const char *lang;
  const char *unchanged, *changes, *absent;
  const char *outcome[4];
  const char *truth[3];
} Words;

static const Words words[] = {
  { "nl",
    "geen verschil",
    "veranderingen",
    "afwezig",
    { "in aanmerking", "niet in aanmerking", "onbepaald", "niet van toepassing" },
    { "onwaar", "waar", "onbekend" } },
  { "fr",
    "aucune différence",
    "changements",
    "absent",
    { "éligible", "non éligible", "indéterminé", "sans objet" },
    { "faux", "vrai", "inconnu" } },
  { "en",
    "no difference",
    "changes",
    "absent",
    { "eligible", "not eligible", "undetermined", "not applicable" },
    { "false", "true", "unknown" } },
};

static const Words *
words_for (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].lang, lang) == 0)
      return &words[i];
  return &words[G_N_ELEMENTS (words) - 1];
}

/* A state's name ("eligible", "true", … or "absent") in the reader's language. */
static const char *
word_for (const Words *w, const char *name)
{
  static const char *const outcomes[] = { "eligible", "not_eligible", "undetermined", "not_applicable" };
  static const char *const truths[] = { "false", "true", "unknown" };
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (strcmp (name, outcomes[i]) == 0)
      return w->outcome[i];
  for (guint i = 0; i < G_N_ELEMENTS (truths); i++)
    if (strcmp (name, truths[i]) == 0)
      return w->truth[i];
  return w->absent;
}

/* dossier-0001: 1 measures change
 *   IBO …                 niet in aanmerking → in aanmerking
 *     ibo.weeks           onwaar → waar   <the condition's text> */
static void
append_human (const OutcomeDiff *diff, const WhatIfOptions *o, const ActiveringEvaluation *old_ev,
              const ActiveringEvaluation *new_ev, GString *out)
{
  const Words *w = words_for (o->lang);
  guint n = outcome_diff_get_n_measures (diff);
  g_string_append (out, activering_evaluation_get_id (new_ev));
  if (n == 0)
    {
      g_string_append_printf (out, ": %s\n", w->unchanged);
      return;
    }
  g_string_append_printf (out, " (%s: %u)\n", w->changes, n);
  for (guint i = 0; i < n; i++)
    {
      const OutcomeDiffMeasure *m = outcome_diff_get_measure (diff, i);
      const char *label = m->new_index >= 0
                              ? activering_rule_set_get_measure_label (o->new_rules, (guint) m->new_index, o->lang)
                              : activering_rule_set_get_measure_label (o->old_rules, (guint) m->old_index, o->lang);
      g_string_append (out, "  ");
      cli_pad (out, label != NULL ? label : m->measure, 44);
      g_string_append_printf (out, " %s → %s\n", word_for (w, m->old_outcome), word_for (w, m->new_outcome));
      for (guint c = 0; m->conditions != NULL && c < m->conditions->len; c++)
        {
          const OutcomeDiffCondition *flip = &g_array_index (m->conditions, OutcomeDiffCondition, c);
          const char *text = flip->new_index >= 0
                                 ? activering_evaluation_get_condition_text (new_ev, (guint) m->new_index,
                                                                             (guint) flip->new_index, o->lang)
                                 : activering_evaluation_get_condition_text (old_ev, (guint) m->old_index,
                                                                             (guint) flip->old_index, o->lang);
          g_string_append (out, "    ");
          cli_pad (out, flip->id, 42);
          g_string_append_printf (out, " %s → %s  %s\n", word_for (w, flip->old_state), word_for (w, flip->new_state),
                                  text != NULL ? text : "");
        }
    }
}

/* ---- the comparing batch ---- */

typedef struct
{
  const WhatIfOptions *o;
  const char *rules_diff; /* the rules-diff document of the two rule sets, shared by every dossier */
  const char *name;       /* the input's */
  /* a worker's own */
  ActiveringFacts *old_facts, *new_facts;
  ActiveringEvaluation *old_ev, *new_ev;
  OutcomeDiff *diff;
} Comparison;

static gpointer
comparison_new (gpointer shared)
{
  Comparison *c = g_memdup2 (shared, sizeof (Comparison));
  c->old_facts = activering_facts_new (c->o->old_rules);
  c->new_facts = activering_facts_new (c->o->new_rules);
  c->old_ev = activering_evaluation_new (c->o->old_rules);
  c->new_ev = activering_evaluation_new (c->o->new_rules);
  c->diff = outcome_diff_new (c->o->old_rules, c->o->new_rules, G_MAXUINT);
  return c;
}

static void
comparison_done (gpointer shared, gpointer worker)
{
  (void) shared;
  Comparison *c = worker;
  outcome_diff_free (c->diff);
  activering_evaluation_free (c->old_ev);
  activering_evaluation_free (c->new_ev);
  activering_facts_free (c->old_facts);
  activering_facts_free (c->new_facts);
  g_free (c);
}

static gboolean
compare (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error)
{
  Comparison *c = worker;
  const WhatIfOptions *o = c->o;
  if (!activering_facts_parse (c->old_facts, text, (gssize) length, error)
      || !activering_evaluation_run (c->old_ev, c->old_facts, o->as_of, ACTIVERING_EVALUATE_DEFAULT, error)
      || !activering_facts_parse (c->new_facts, text, (gssize) length, error)
      || !what_if_changes_apply (o->changes, c->new_facts, error)
      || !activering_evaluation_run (c->new_ev, c->new_facts, o->as_of, ACTIVERING_EVALUATE_DEFAULT, error))
    return FALSE;
  outcome_diff_reset (c->diff);
  outcome_diff_add (c->diff, c->old_ev, c->new_ev, TRUE);
  if (o->human)
    {
      append_human (c->diff, o, c->old_ev, c->new_ev, line->out);
      return TRUE;
    }
  g_string_append_len (line->out, c->rules_diff, (gssize) strlen (c->rules_diff) - 1); /* its closing brace */
  append_changes (o->changes, line->out);
  outcome_diff_append_impact (c->diff, c->name, line->out);
  g_string_append (line->out, "}\n");
  return TRUE;
}

int
what_if_compare (const char *path, gboolean jsonl, guint jobs, const WhatIfOptions *options)
{
  g_autofree char *rules_diff =
      activering_rule_set_diff_to_json (options->old_rules, options->new_rules, ACTIVERING_JSON_DEFAULT);
  Comparison shared = { .o = options, .rules_diff = rules_diff, .name = strcmp (path, "-") == 0 ? "<stdin>" : path };
  static const CliBatch comparing = { compare, NULL, comparison_new, comparison_done };
  return cli_run_input (path, jsonl, "dossiers compared", jobs, &comparing, &shared);
}
