/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-eligibility.c: `activering eligibility`: screen one dossier, or a stream of them, for every measure. */
#include "config.h"

#include <string.h>

#include "cli-private.h"


typedef struct
{
  GDate as_of;
  gboolean has_as_of;
  const char *lang;
  gboolean compact, human, trace;
  ActiveringRuleSet *rules;
  /* a worker's own (see screening_new) */
  ActiveringFacts *facts;
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
  s->facts = activering_facts_new (s->rules);
  s->evaluation = activering_evaluation_new (s->rules);
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
  activering_evaluation_free (s->evaluation);
  activering_facts_free (s->facts);
  g_free (s);
}

static gboolean
screen (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error)
{
  Screening *s = worker;
  /* a whole document is pretty-printed, unless only its outcomes are asked for */
  return activering_facts_parse (s->facts, text, (gssize) length, error)
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

int
cmd_eligibility (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL;
  g_autofree char *jobs_text = NULL;
  gboolean jsonl = FALSE, compact = FALSE, human = FALSE, trace = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Evaluate on this date (default: the dossier's as_of, else today)",
      "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of the explanations: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Use this rule set instead of the embedded one", "FILE" },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Input is JSON lines, one dossier per line; output likewise", NULL },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact, "Write only the outcomes (activering.outcomes/1)", NULL },
    { "human", 0, 0, G_OPTION_ARG_NONE, &human, "Print a table for people instead of JSON", NULL },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace,
      "Add what a case file keeps: the trace, valid_until and what would change the answer", NULL },
    { "jobs", 0, 0, G_OPTION_ARG_STRING, &jobs_text,
      "With --jsonl, screen in N threads, output in input order (default: the number of cores for a file, 1 for "
      "a pipe)", "N" },
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
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS;
  if (!cli_check_language (rules, s.lang))
    return EXIT_USAGE;
  const char *path = argc == 2 ? argv[1] : "-";
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return EXIT_INPUT_ERRORS;
  s.rules = rules;
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
