/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* outcome-diff.c: how dossiers' answers differ between two evaluations (two rule sets, or the facts before and
 * after a what-if): the `impact` member of the `activering.rules-diff/1` document, for `rules diff --caseload`
 * and `eligibility --diff` / `--compare-rules`. Measures are matched by code and conditions by id, so that the two
 * sides may come from different rule sets. */
#include "config.h"

#include <string.h>

#include "outcome-diff.h"

struct OutcomeDiff
{
  ActiveringRuleSet *old, *new;
  int *new_index; /* per measure of the old rule set: its index in the new one, or -1 */
  guint max_examples;
  guint64 dossiers, changed, bad_old, bad_new;
  GHashTable *transitions; /* "measure\told\tnew" -> count */
  GPtrArray *transition_order;
  GArray *examples; /* OutcomeDiffMeasure, at most max_examples */
  guint64 n_examples;
};

OutcomeDiff *
outcome_diff_new (ActiveringRuleSet *old_rules, ActiveringRuleSet *new_rules, guint max_examples)
{
  OutcomeDiff *d = g_new0 (OutcomeDiff, 1);
  d->old = old_rules;
  d->new = new_rules;
  d->max_examples = max_examples;
  guint n_old = activering_rule_set_get_n_measures (old_rules);
  d->new_index = g_new (int, MAX (n_old, 1));
  for (guint m = 0; m < n_old; m++)
    d->new_index[m] =
        activering_rule_set_lookup_measure (new_rules, activering_rule_set_get_measure_code (old_rules, m));
  d->transitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->transition_order = g_ptr_array_new ();
  d->examples = g_array_new (FALSE, TRUE, sizeof (OutcomeDiffMeasure));
  return d;
}

static void
clear_example (OutcomeDiffMeasure *e)
{
  g_free (e->id);
  if (e->conditions != NULL)
    g_array_free (e->conditions, TRUE);
}

void
outcome_diff_reset (OutcomeDiff *d)
{
  for (guint i = 0; i < d->examples->len; i++)
    clear_example (&g_array_index (d->examples, OutcomeDiffMeasure, i));
  g_array_set_size (d->examples, 0);
  g_hash_table_remove_all (d->transitions); /* its keys are the order's strings too */
  g_ptr_array_set_size (d->transition_order, 0);
  d->dossiers = d->changed = d->bad_old = d->bad_new = d->n_examples = 0;
}

void
outcome_diff_free (OutcomeDiff *d)
{
  if (d == NULL)
    return;
  outcome_diff_reset (d);
  g_array_free (d->examples, TRUE);
  g_ptr_array_free (d->transition_order, TRUE);
  g_hash_table_destroy (d->transitions);
  g_free (d->new_index);
  g_free (d);
}

static void
count_transition (OutcomeDiff *d, const char *measure, const char *before, const char *after)
{
  char *key = g_strdup_printf ("%s\t%s\t%s", measure, before, after);
  gsize count = GPOINTER_TO_SIZE (g_hash_table_lookup (d->transitions, key));
  if (count == 0)
    g_ptr_array_add (d->transition_order, key);
  g_hash_table_insert (d->transitions, key, GSIZE_TO_POINTER (count + 1)); /* an existing key stays, @key goes */
}

static void
clear_condition (gpointer data)
{
  g_free (((OutcomeDiffCondition *) data)->id);
}

/* The conditions of one measure whose state differs: matched by id; one side's index -1 when it has no such
 * condition. */
static GArray *
flipped_conditions (const ActiveringEvaluation *old_ev, int old_m, const ActiveringEvaluation *new_ev, int new_m)
{
  GArray *flipped = g_array_new (FALSE, FALSE, sizeof (OutcomeDiffCondition));
  g_array_set_clear_func (flipped, clear_condition);
  guint n_old = old_m >= 0 ? activering_evaluation_get_n_conditions (old_ev, (guint) old_m) : 0;
  guint n_new = new_m >= 0 ? activering_evaluation_get_n_conditions (new_ev, (guint) new_m) : 0;
  for (guint c = 0; c < n_new; c++)
    {
      const char *id = activering_evaluation_get_condition_id (new_ev, (guint) new_m, c);
      OutcomeDiffCondition flip = { .old_index = -1, .new_index = (int) c };
      for (guint o = 0; o < n_old && flip.old_index < 0; o++)
        if (strcmp (activering_evaluation_get_condition_id (old_ev, (guint) old_m, o), id) == 0)
          flip.old_index = (int) o;
      flip.new_state =
          activering_truth_to_string (activering_evaluation_get_condition_state (new_ev, (guint) new_m, c));
      flip.old_state = flip.old_index >= 0 ? activering_truth_to_string (
                           activering_evaluation_get_condition_state (old_ev, (guint) old_m, (guint) flip.old_index))
                                           : "absent";
      if (strcmp (flip.old_state, flip.new_state) != 0)
        {
          flip.id = g_strdup (id);
          g_array_append_val (flipped, flip);
        }
    }
  for (guint o = 0; o < n_old; o++)
    {
      const char *id = activering_evaluation_get_condition_id (old_ev, (guint) old_m, o);
      gboolean kept = FALSE;
      for (guint c = 0; c < n_new && !kept; c++)
        kept = strcmp (activering_evaluation_get_condition_id (new_ev, (guint) new_m, c), id) == 0;
      if (!kept)
        {
          OutcomeDiffCondition flip = { (int) o, -1,
                                        activering_truth_to_string (
                                            activering_evaluation_get_condition_state (old_ev, (guint) old_m, o)),
                                        "absent", g_strdup (id) };
          g_array_append_val (flipped, flip);
        }
    }
  return flipped;
}

/* One measure of one dossier: counted when its outcome changed, kept as an example when that or (with
 * @with_conditions) one of its conditions changed. */
static gboolean
compare_measure (OutcomeDiff *d, const ActiveringEvaluation *old_ev, int old_m, const ActiveringEvaluation *new_ev,
                 int new_m, gboolean with_conditions)
{
  const char *code = old_m >= 0 ? activering_rule_set_get_measure_code (d->old, (guint) old_m)
                                : activering_rule_set_get_measure_code (d->new, (guint) new_m);
  const char *before =
      old_m >= 0 ? activering_outcome_to_string (activering_evaluation_get_outcome (old_ev, (guint) old_m)) : "absent";
  const char *after =
      new_m >= 0 ? activering_outcome_to_string (activering_evaluation_get_outcome (new_ev, (guint) new_m)) : "absent";
  gboolean outcome_changed = strcmp (before, after) != 0;
  GArray *flipped = with_conditions ? flipped_conditions (old_ev, old_m, new_ev, new_m) : NULL;
  if (outcome_changed)
    count_transition (d, code, before, after);
  if ((outcome_changed || (flipped != NULL && flipped->len > 0)) && d->n_examples++ < d->max_examples)
    {
      OutcomeDiffMeasure e = {
        g_strdup (activering_evaluation_get_id (new_ev)), code, old_m, new_m, before, after, g_steal_pointer (&flipped)
      };
      g_array_append_val (d->examples, e);
    }
  if (flipped != NULL)
    g_array_free (flipped, TRUE);
  return outcome_changed;
}

gboolean
outcome_diff_add (OutcomeDiff *d, const ActiveringEvaluation *old_ev, const ActiveringEvaluation *new_ev,
                  gboolean with_conditions)
{
  gboolean changed = FALSE;
  d->dossiers++;
  for (guint m = 0; m < activering_rule_set_get_n_measures (d->old); m++)
    changed |= compare_measure (d, old_ev, (int) m, new_ev, d->new_index[m], with_conditions);
  for (guint m = 0; m < activering_rule_set_get_n_measures (d->new); m++)
    if (activering_rule_set_lookup_measure (d->old, activering_rule_set_get_measure_code (d->new, m)) < 0)
      changed |= compare_measure (d, old_ev, -1, new_ev, (int) m, with_conditions);
  d->changed += changed;
  return changed;
}

void
outcome_diff_add_bad (OutcomeDiff *d, gboolean old_ok, gboolean new_ok)
{
  d->dossiers++;
  d->bad_old += !old_ok;
  d->bad_new += !new_ok;
}

guint64
outcome_diff_get_dossiers (const OutcomeDiff *d)
{
  return d->dossiers;
}

guint64
outcome_diff_get_changed (const OutcomeDiff *d)
{
  return d->changed;
}

guint
outcome_diff_get_n_measures (const OutcomeDiff *d)
{
  return d->examples->len;
}

const OutcomeDiffMeasure *
outcome_diff_get_measure (const OutcomeDiff *d, guint index)
{
  return &g_array_index (d->examples, OutcomeDiffMeasure, index);
}

static void
append_example (GString *out, const OutcomeDiffMeasure *e)
{
  g_string_append (out, "{\"id\":");
  cli_append_json_string (out, e->id);
  g_string_append_printf (out, ",\"measure\":\"%s\",\"old\":\"%s\",\"new\":\"%s\"", e->measure, e->old_outcome,
                          e->new_outcome);
  if (e->conditions != NULL)
    {
      g_string_append (out, ",\"conditions\":[");
      for (guint c = 0; c < e->conditions->len; c++)
        {
          const OutcomeDiffCondition *flip = &g_array_index (e->conditions, OutcomeDiffCondition, c);
          g_string_append_printf (out, "%s{\"id\":", c ? "," : "");
          cli_append_json_string (out, flip->id);
          g_string_append_printf (out, ",\"old\":\"%s\",\"new\":\"%s\"}", flip->old_state, flip->new_state);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

/* ,"impact":{"caseload": …, "dossiers": …, "changed": …, "bad_lines": {…}, "per_measure": {"<measure>":
 * {"eligible -> not_eligible": 12}}, "examples": […]} */
void
outcome_diff_append_impact (const OutcomeDiff *d, const char *caseload, GString *out)
{
  g_string_append (out, ",\"impact\":{\"caseload\":");
  cli_append_json_string (out, caseload);
  g_string_append_printf (out,
                          ",\"dossiers\":%" G_GUINT64_FORMAT ",\"changed\":%" G_GUINT64_FORMAT
                          ",\"bad_lines\":{\"old\":%" G_GUINT64_FORMAT ",\"new\":%" G_GUINT64_FORMAT "}",
                          d->dossiers, d->changed, d->bad_old, d->bad_new);
  g_string_append (out, ",\"per_measure\":{");
  /* measures in the order their first change was met, each with its transitions */
  g_autoptr (GPtrArray) measures = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < d->transition_order->len; i++)
    {
      const char *key = g_ptr_array_index (d->transition_order, i);
      g_autofree char *measure = g_strndup (key, (gsize) (strchr (key, '\t') - key));
      gboolean known = FALSE;
      for (guint j = 0; j < measures->len && !known; j++)
        known = strcmp (g_ptr_array_index (measures, j), measure) == 0;
      if (!known)
        g_ptr_array_add (measures, g_steal_pointer (&measure));
    }
  for (guint m = 0; m < measures->len; m++)
    {
      const char *measure = g_ptr_array_index (measures, m);
      g_string_append_printf (out, "%s\"%s\":{", m ? "," : "", measure);
      guint n = 0;
      for (guint i = 0; i < d->transition_order->len; i++)
        {
          const char *key = g_ptr_array_index (d->transition_order, i);
          g_auto (GStrv) parts = g_strsplit (key, "\t", 3);
          if (strcmp (parts[0], measure) == 0)
            g_string_append_printf (out, "%s\"%s -> %s\":%" G_GSIZE_FORMAT, n++ ? "," : "", parts[1], parts[2],
                                    GPOINTER_TO_SIZE (g_hash_table_lookup (d->transitions, key)));
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "},\"examples\":[");
  for (guint i = 0; i < d->examples->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_example (out, &g_array_index (d->examples, OutcomeDiffMeasure, i));
    }
  g_string_append (out, "]}");
}
