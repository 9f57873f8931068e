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
  gboolean compact, human;
  ActiveringRuleSet *rules;
  ActiveringFacts *facts;
  ActiveringEvaluation *evaluation;
  HumanTable *table;
  GString *out;
} Screening;

/* Evaluates the parsed facts and writes the answer in the form asked for. */
static gboolean
screen_parsed (Screening *s, gboolean one_line, GError **error)
{
  ActiveringEvaluateFlags flags = s->compact ? ACTIVERING_EVALUATE_OUTCOMES_ONLY : ACTIVERING_EVALUATE_DEFAULT;
  if (!activering_evaluation_run (s->evaluation, s->facts, s->has_as_of ? &s->as_of : NULL, flags, error))
    return FALSE;
  if (s->human)
    {
      human_table_add (s->table, s->evaluation);
      return TRUE;
    }
  if (s->compact)
    activering_evaluation_append_outcomes_json (s->evaluation, s->out);
  else if (!activering_evaluation_append_json (s->evaluation, s->lang, one_line ? 0 : ACTIVERING_JSON_PRETTY, s->out,
                                               error))
    return FALSE;
  g_string_append_c (s->out, '\n');
  return TRUE;
}

static int
screen_document (Screening *s, FILE *input, const char *name)
{
  gsize length;
  g_autofree char *data = cli_read_all (input, name, CLI_MAX_DOCUMENT, &length);
  if (data == NULL)
    return EXIT_INPUT_ERRORS;
  g_autoptr (GError) error = NULL;
  if (!activering_facts_parse (s->facts, data, (gssize) length, &error) || !screen_parsed (s, s->compact, &error))
    {
      fprintf (stderr, "activering: %s: %s\n", name, error->message);
      return EXIT_INPUT_ERRORS;
    }
  if (s->human)
    human_table_finish (s->table);
  cli_flush (s->out, 0);
  return EXIT_DONE;
}

static gboolean
screen_line (gpointer data, const char *line, gsize length, GError **error)
{
  Screening *s = data;
  return activering_facts_parse (s->facts, line, (gssize) length, error) && screen_parsed (s, TRUE, error);
}

static void
screen_bad_line (gpointer data, guint64 line_number)
{
  Screening *s = data;
  if (s->human)
    human_table_add_error (s->table, line_number);
}

static int
screen_lines (Screening *s, FILE *input, const char *name)
{
  int status = cli_run_lines (input, name, "dossiers screened", screen_line, screen_bad_line, s, s->out);
  if (s->human)
    human_table_finish (s->table);
  cli_flush (s->out, 0);
  return status;
}

int
cmd_eligibility (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL;
  gboolean jsonl = FALSE, compact = FALSE, human = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Evaluate on this date (default: the dossier's as_of, else today)",
      "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of the explanations: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Use this rule set instead of the embedded one", "FILE" },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Input is JSON lines, one dossier per line; output likewise", NULL },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact, "Write only the outcomes (activering.outcomes/1)", NULL },
    { "human", 0, 0, G_OPTION_ARG_NONE, &human, "Print a table for people instead of JSON", NULL },
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
  Screening s = { .lang = lang ? lang : "nl", .compact = compact && !human, .human = human };
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
  s.facts = activering_facts_new (rules);
  s.evaluation = activering_evaluation_new (rules);
  s.out = g_string_sized_new (1 << 17);
  s.table = human ? human_table_new (rules, s.lang, stdout) : NULL;
  const char *name = strcmp (path, "-") == 0 ? "<stdin>" : path;
  int status = jsonl ? screen_lines (&s, input, name) : screen_document (&s, input, name);
  if (input != stdin)
    fclose (input);
  g_string_free (s.out, TRUE);
  human_table_free (s.table);
  activering_evaluation_free (s.evaluation);
  activering_facts_free (s.facts);
  return status; /* main settles what a failed write makes of it */
}
