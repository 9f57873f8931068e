/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-rules-diff.c: `activering rules diff OLD NEW [--caseload FILE]`: what changed between two rule sets and,
 * over a caseload, which dossiers change outcome and how many per measure and direction. */
#include "config.h"

#include <string.h>

#include "outcome-diff.h"

#define MAX_EXAMPLES 20

typedef struct
{
  ActiveringFacts *old_facts, *new_facts;
  ActiveringEvaluation *old_ev, *new_ev;
  const GDate *as_of;
  OutcomeDiff *diff;
} Impact;

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
  if (!old_ok || !new_ok)
    {
      outcome_diff_add_bad (I->diff, old_ok, new_ok);
      return new_ok || old_ok ? TRUE : FALSE; /* a line bad for both is a bad line; one bad for one side is counted */
    }
  outcome_diff_add (I->diff, I->old_ev, I->new_ev, FALSE);
  return TRUE;
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
      Impact I = { .as_of = as_of ? &date : NULL, .diff = outcome_diff_new (old, new, MAX_EXAMPLES) };
      I.old_facts = activering_facts_new (old);
      I.new_facts = activering_facts_new (new);
      I.old_ev = activering_evaluation_new (old);
      I.new_ev = activering_evaluation_new (new);
      /* one job: the tallies are shared (a batch without workers of its own) */
      static const CliBatch comparing = { compare_line, NULL, NULL, NULL };
      status = cli_run_lines (input, caseload, "dossiers compared", 1, &comparing, &I);
      guint64 changed = outcome_diff_get_changed (I.diff);
      /* bad lines are the input's errors (1) and say more than a change does */
      if (status == EXIT_DONE && changed > 0 && !no_fail_on_change)
        {
          cli_error ("%s: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " dossiers change outcome (exit status %d; "
                     "--no-fail-on-change makes it 0)", caseload, changed, outcome_diff_get_dossiers (I.diff),
                     EXIT_OUTCOMES_CHANGED);
          status = EXIT_OUTCOMES_CHANGED;
        }
      if (input != stdin)
        fclose (input);
      g_string_truncate (out, out->len - 1); /* the diff document's closing brace: the impact goes inside */
      outcome_diff_append_impact (I.diff, caseload, out);
      g_string_append_c (out, '}');
      outcome_diff_free (I.diff);
      activering_facts_free (I.old_facts);
      activering_facts_free (I.new_facts);
      activering_evaluation_free (I.old_ev);
      activering_evaluation_free (I.new_ev);
    }
  printf ("%s\n", out->str);
  g_string_free (out, TRUE);
  return status;
}
