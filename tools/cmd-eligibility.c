/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-eligibility.c: `activering eligibility`: screen one dossier, or a stream of them, for every measure. */
#include "config.h"

#include <string.h>

#include "cli-private.h"
#include "rule-history.h"
#include "what-if.h"


typedef struct
{
  GDate as_of;
  gboolean has_as_of;
  const char *lang;
  gboolean compact, human, trace;
  ActiveringRuleSet *rules;         /* the newest of the history: the table's measures, the languages, --set */
  ActiveringRuleSetCollection *history;
  const WhatIfChanges *changes; /* --set (nullable) */
  /* a worker's own (see screening_new) */
  RuleHistoryWorker *files; /* a facts object and an evaluation per file of the history */
  ActiveringFacts *facts;   /* the current dossier's, and its evaluation */
  ActiveringEvaluation *evaluation;
  HumanTable *table;
} Screening;

/* Evaluates the parsed facts and writes the answer in the form asked for. */
static gboolean
screen_parsed (Screening *s, gboolean one_line, GString *out, GError **error)
{
  ActiveringEvaluateFlags flags = s->compact ? ACTIVERING_EVALUATE_OUTCOMES_ONLY
                                  : s->trace ? ACTIVERING_EVALUATE_TRACE
                                             : ACTIVERING_EVALUATE_DEFAULT;
  if (!activering_evaluation_run (s->evaluation, s->facts, s->has_as_of ? &s->as_of : NULL, flags, error))
    return FALSE;
  if (s->human)
    {
      human_table_add (s->table, s->evaluation, out);
      if (s->trace)
        human_table_add_trace (s->table, s->evaluation, out);
      return TRUE;
    }
  if (s->compact)
    activering_evaluation_append_outcomes_json (s->evaluation, out);
  else if (!activering_evaluation_append_json (s->evaluation, s->lang, one_line ? 0 : ACTIVERING_JSON_PRETTY, out,
                                               error))
    return FALSE;
  g_string_append_c (out, '\n');
  return TRUE;
}

/* A worker: the options, with facts, an evaluation and table tallies of its own, for one thread. */
static gpointer
screening_new (gpointer shared)
{
  Screening *s = g_memdup2 (shared, sizeof (Screening));
  s->files = rule_history_worker_new (s->history);
  s->table = s->human ? human_table_new (s->rules, s->lang) : NULL;
  return s;
}

static void
screening_done (gpointer shared, gpointer worker)
{
  Screening *total = shared, *s = worker;
  if (s->table != NULL)
    human_table_merge (total->table, s->table);
  human_table_free (s->table);
  rule_history_worker_free (s->files);
  g_free (s);
}

static gboolean
screen (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error)
{
  Screening *s = worker;
  /* a whole document is pretty-printed, unless only its outcomes are asked for */
  return rule_history_worker_parse (s->files, text, length, s->has_as_of ? &s->as_of : NULL, &s->facts,
                                    &s->evaluation, error)
         && what_if_changes_apply (s->changes, s->facts, error)
         && screen_parsed (s, line->one_line || s->compact, line->out, error);
}

static void
screen_bad_line (gpointer worker, const CliLine *line)
{
  Screening *s = worker;
  if (s->human)
    human_table_add_error (s->table, line->number, line->out);
}

static const CliBatch screening = { screen, screen_bad_line, screening_new, screening_done };

/* --diff and --compare-rules: the old side is the dossier as given, under OLD (or the same rule set). */
static int
compare_answers (const char *path, gboolean jsonl, guint jobs, const char *old_path, const Screening *s)
{
  if (s->compact)
    {
      cli_error ("--compact does not go with --diff or --compare-rules");
      return EXIT_USAGE;
    }
  if (s->changes == NULL && old_path == NULL)
    {
      cli_error ("--diff compares with --set PATH=VALUE changes; give at least one");
      return EXIT_USAGE;
    }
  g_autoptr (ActiveringRuleSet) old = old_path != NULL ? cli_load_rules (old_path) : activering_rule_set_ref (s->rules);
  if (old == NULL)
    return EXIT_INPUT_ERRORS;
  WhatIfOptions options = { old, s->rules, s->changes, s->has_as_of ? &s->as_of : NULL, s->lang, s->human };
  return what_if_compare (path, jsonl, jobs, &options);
}

int
cmd_eligibility (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL;
  g_autofree char *jobs_text = NULL, *compare_rules_path = NULL;
  g_auto (GStrv) sets = NULL;
  gboolean jsonl = FALSE, compact = FALSE, human = FALSE, diff = FALSE, trace = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Evaluate on this date (default: the dossier's as_of, else today)",
      "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of the explanations: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      "Use this rule set instead of the embedded one (a directory: a history, each dossier answered by the file in "
      "force on its date)", "FILE|DIR" },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Input is JSON lines, one dossier per line; output likewise", NULL },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact, "Write only the outcomes (activering.outcomes/1)", NULL },
    { "human", 0, 0, G_OPTION_ARG_NONE, &human, "Print a table for people instead of JSON", NULL },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace,
      "Add what a case file keeps: the trace, valid_until and what would change the answer", NULL },
    { "jobs", 0, 0, G_OPTION_ARG_STRING, &jobs_text,
      "With --jsonl, screen in N threads, output in input order (default: the number of cores for a file, 1 for "
      "a pipe)", "N" },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      "What if: evaluate with this fact changed (repeatable; VALUE as in a facts document, quotes optional for "
      "dates, codes and ids, null for blank)", "PATH=VALUE" },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &diff,
      "With --set: write how each dossier's answer changes (activering.rules-diff/1), not the answer", NULL },
    { "compare-rules", 0, 0, G_OPTION_ARG_FILENAME, &compare_rules_path,
      "Write how each dossier's answer under --rules differs from its answer under this rule set", "OLD" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE|-] — screen dossiers for every measure");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 2)
    {
      cli_error ("eligibility takes one input file (or - for standard input)");
      return EXIT_USAGE;
    }
  guint jobs;
  if (!cli_parse_jobs (jobs_text, &jobs))
    return EXIT_USAGE;
  if (trace && compact)
    {
      cli_error ("--trace and --compact cannot be combined: the outcomes document has no room for a trace");
      return EXIT_USAGE;
    }
  Screening s = { .lang = lang ? lang : "nl", .compact = compact && !human, .human = human, .trace = trace };
  if (as_of != NULL)
    {
      if (!cli_parse_date (as_of, &s.as_of))
        return EXIT_USAGE;
      s.has_as_of = TRUE;
    }
  g_autoptr (ActiveringRuleSetCollection) history = cli_load_history (rules_path);
  if (history == NULL)
    return EXIT_INPUT_ERRORS;
  guint n_files = activering_rule_set_collection_get_n_rule_sets (history);
  ActiveringRuleSet *rules = activering_rule_set_collection_get_rule_set (history, n_files - 1);
  if (n_files > 1 && (diff || compare_rules_path != NULL))
    {
      cli_error ("--diff and --compare-rules compare one rule file with another: give --rules a file, not a directory");
      return EXIT_USAGE;
    }
  if (human && !cli_same_measures (history))
    return EXIT_USAGE;
  if (!cli_check_language (rules, s.lang))
    return EXIT_USAGE;
  s.rules = rules;
  s.history = history;
  g_autoptr (WhatIfChanges) changes = NULL;
  g_autoptr (GError) set_error = NULL;
  if (sets != NULL && (changes = what_if_changes_new (rules, sets, &set_error)) == NULL)
    {
      cli_error ("--set: %s", set_error->message);
      return EXIT_USAGE;
    }
  s.changes = changes;
  const char *path = argc == 2 ? argv[1] : "-";
  if (diff || compare_rules_path != NULL)
    return compare_answers (path, jsonl, jobs, compare_rules_path, &s);
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return EXIT_INPUT_ERRORS;
  s.table = human ? human_table_new (rules, s.lang) : NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  if (human)
    human_table_append_header (s.table, out);
  cli_flush (out, 0);
  const char *name = strcmp (path, "-") == 0 ? "<stdin>" : path;
  int status = jsonl ? cli_run_lines (input, name, "dossiers screened", cli_jobs_for (jobs, input), &screening, &s)
                     : cli_run_document (input, name, &screening, &s);
  if (human && (jsonl || status == EXIT_DONE)) /* a single dossier that is not one has no totals */
    human_table_append_totals (s.table, out);
  cli_flush (out, 0);
  if (input != stdin)
    fclose (input);
  human_table_free (s.table);
  return status; /* main settles what a failed write makes of it */
}
