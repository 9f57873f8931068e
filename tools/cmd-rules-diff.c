/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-rules-diff.c: `activering rules diff OLD NEW [--caseload FILE]`: what changed between two rule sets and,
 * over a caseload, which dossiers change outcome and how many per measure and direction. */
#include "config.h"

#include <string.h>

#include "cli-private.h"

#define MAX_EXAMPLES 20

typedef struct
{
  ActiveringRuleSet *old, *new;
  ActiveringFacts *old_facts, *new_facts;
  ActiveringEvaluation *old_ev, *new_ev;
  int *new_index; /* per measure of the old rule set: its index in the new one, or -1 */
  const GDate *as_of;
  guint64 dossiers, changed, bad_old, bad_new;
  GHashTable *transitions; /* "measure\told\tnew" -> count */
  GPtrArray *transition_order;
  GString *examples;
  guint n_examples;
} Impact;

static void
count_transition (Impact *I, const char *measure, const char *before, const char *after)
{
  char *key = g_strdup_printf ("%s\t%s\t%s", measure, before, after);
  gsize count = GPOINTER_TO_SIZE (g_hash_table_lookup (I->transitions, key));
  if (count == 0)
    g_ptr_array_add (I->transition_order, key);
  g_hash_table_insert (I->transitions, key, GSIZE_TO_POINTER (count + 1)); /* an existing key stays, @key goes */
}

static void
add_example (Impact *I, const char *id, const char *measure, const char *before, const char *after)
{
  if (I->n_examples++ >= MAX_EXAMPLES)
    return;
  g_string_append_printf (I->examples, "%s{\"id\":", I->examples->len ? "," : "");
  cli_append_json_string (I->examples, id);
  g_string_append_printf (I->examples, ",\"measure\":\"%s\",\"old\":\"%s\",\"new\":\"%s\"}", measure, before, after);
}

/* One dossier under both rule sets: a line either cannot read counts as bad for it. */
static gboolean
compare_line (gpointer data, const CliLine *where, const char *line, gsize length, GError **error)
{
  (void) where;
  Impact *I = data;
  gboolean old_ok = activering_facts_parse (I->old_facts, line, (gssize) length, NULL)
                    && activering_evaluation_run (I->old_ev, I->old_facts, I->as_of,
                                                  ACTIVERING_EVALUATE_OUTCOMES_ONLY, NULL);
  gboolean new_ok = activering_facts_parse (I->new_facts, line, (gssize) length, error)
                    && activering_evaluation_run (I->new_ev, I->new_facts, I->as_of,
                                                  ACTIVERING_EVALUATE_OUTCOMES_ONLY, error);
  I->dossiers++;
  I->bad_old += !old_ok;
  I->bad_new += !new_ok;
  if (!old_ok || !new_ok)
    return new_ok || old_ok ? TRUE : FALSE; /* a line bad for both is a bad line; one bad for one side is counted */
  gboolean changed = FALSE;
  guint n_old = activering_rule_set_get_n_measures (I->old);
  for (guint m = 0; m < n_old; m++)
    {
      const char *code = activering_rule_set_get_measure_code (I->old, m);
      const char *before = activering_outcome_to_string (activering_evaluation_get_outcome (I->old_ev, m));
      const char *after = I->new_index[m] >= 0
                              ? activering_outcome_to_string (
                                  activering_evaluation_get_outcome (I->new_ev, (guint) I->new_index[m]))
                              : "absent";
      if (strcmp (before, after) == 0)
        continue;
      changed = TRUE;
      count_transition (I, code, before, after);
      add_example (I, activering_evaluation_get_id (I->new_ev), code, before, after);
    }
  for (guint m = 0; m < activering_rule_set_get_n_measures (I->new); m++)
    {
      const char *code = activering_rule_set_get_measure_code (I->new, m);
      if (activering_rule_set_lookup_measure (I->old, code) >= 0)
        continue;
      const char *after = activering_outcome_to_string (activering_evaluation_get_outcome (I->new_ev, m));
      changed = TRUE;
      count_transition (I, code, "absent", after);
      add_example (I, activering_evaluation_get_id (I->new_ev), code, "absent", after);
    }
  I->changed += changed;
  return TRUE;
}

/* {"dossiers": …, "changed": …, "bad_lines": {…}, "per_measure": {"<measure>": {"eligible -> not_eligible": 12}},
 * "examples": […]} */
static void
append_impact (GString *out, Impact *I, const char *caseload)
{
  g_string_append (out, ",\"impact\":{\"caseload\":");
  cli_append_json_string (out, caseload);
  g_string_append_printf (out,
                          ",\"dossiers\":%" G_GUINT64_FORMAT ",\"changed\":%" G_GUINT64_FORMAT
                          ",\"bad_lines\":{\"old\":%" G_GUINT64_FORMAT ",\"new\":%" G_GUINT64_FORMAT "}",
                          I->dossiers, I->changed, I->bad_old, I->bad_new);
  g_string_append (out, ",\"per_measure\":{");
  /* measures in the order their first change was met, each with its transitions */
  g_autoptr (GPtrArray) measures = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < I->transition_order->len; i++)
    {
      const char *key = g_ptr_array_index (I->transition_order, i);
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
      for (guint i = 0; i < I->transition_order->len; i++)
        {
          const char *key = g_ptr_array_index (I->transition_order, i);
          g_auto (GStrv) parts = g_strsplit (key, "\t", 3);
          if (strcmp (parts[0], measure) == 0)
            g_string_append_printf (out, "%s\"%s -> %s\":%" G_GSIZE_FORMAT, n++ ? "," : "", parts[1], parts[2],
                                    GPOINTER_TO_SIZE (g_hash_table_lookup (I->transitions, key)));
        }
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "},\"examples\":[%s]}", I->examples->str);
}

int
cmd_rules_diff (int argc, char **argv)
{
  g_autofree char *caseload = NULL, *as_of = NULL;
  gboolean no_fail_on_change = FALSE;
  GOptionEntry entries[] = {
    { "no-fail-on-change", 0, 0, G_OPTION_ARG_NONE, &no_fail_on_change,
      "Exit 0 when outcomes change on the caseload (default: exit 3, so that a CI job stops for a person to look)",
      NULL },
    { "caseload", 0, 0, G_OPTION_ARG_FILENAME, &caseload,
      "JSON lines of facts documents: which dossiers change outcome under the new rule set", "FILE" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Evaluate the caseload on this date (default: each dossier's)",
      "DATE" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("OLD NEW — what changed between two rule sets, and over a caseload, for whom");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 3)
    {
      cli_error ("usage: activering rules diff OLD NEW [--caseload FILE] [--as-of DATE] [--no-fail-on-change]");
      return EXIT_USAGE;
    }
  GDate date;
  if (as_of != NULL && !cli_parse_date (as_of, &date))
    return EXIT_USAGE;
  g_autoptr (ActiveringRuleSet) old = cli_load_rules (argv[1]);
  g_autoptr (ActiveringRuleSet) new = old ? cli_load_rules (argv[2]) : NULL;
  if (old == NULL || new == NULL)
    return EXIT_INPUT_ERRORS;
  g_autofree char *diff = activering_rule_set_diff_to_json (old, new, ACTIVERING_JSON_DEFAULT);
  GString *out = g_string_new (diff);
  int status = EXIT_DONE;
  if (caseload != NULL)
    {
      FILE *input = cli_open_input (caseload);
      if (input == NULL)
        {
          g_string_free (out, TRUE);
          return EXIT_INPUT_ERRORS;
        }
      Impact I = { .old = old, .new = new, .as_of = as_of ? &date : NULL };
      I.old_facts = activering_facts_new (old);
      I.new_facts = activering_facts_new (new);
      I.old_ev = activering_evaluation_new (old);
      I.new_ev = activering_evaluation_new (new);
      I.new_index = g_new (int, MAX (activering_rule_set_get_n_measures (old), 1));
      for (guint m = 0; m < activering_rule_set_get_n_measures (old); m++)
        I.new_index[m] = activering_rule_set_lookup_measure (new, activering_rule_set_get_measure_code (old, m));
      I.transitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      I.transition_order = g_ptr_array_new ();
      I.examples = g_string_new (NULL);
      /* one job: the tallies are shared (a batch without workers of its own) */
      static const CliBatch comparing = { compare_line, NULL, NULL, NULL };
      status = cli_run_lines (input, caseload, "dossiers compared", 1, &comparing, &I);
      /* bad lines are the input's errors (1) and say more than a change does */
      if (status == EXIT_DONE && I.changed > 0 && !no_fail_on_change)
        {
          cli_error ("%s: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " dossiers change outcome (exit status %d; "
                     "--no-fail-on-change makes it 0)", caseload, I.changed, I.dossiers, EXIT_OUTCOMES_CHANGED);
          status = EXIT_OUTCOMES_CHANGED;
        }
      if (input != stdin)
        fclose (input);
      g_string_truncate (out, out->len - 1); /* the diff document's closing brace: the impact goes inside */
      append_impact (out, &I, caseload);
      g_string_append_c (out, '}');
      g_ptr_array_free (I.transition_order, TRUE);
      g_hash_table_destroy (I.transitions);
      g_string_free (I.examples, TRUE);
      g_free (I.new_index);
      activering_facts_free (I.old_facts);
      activering_facts_free (I.new_facts);
      activering_evaluation_free (I.old_ev);
      activering_evaluation_free (I.new_ev);
    }
  printf ("%s\n", out->str);
  g_string_free (out, TRUE);
  return status;
}
