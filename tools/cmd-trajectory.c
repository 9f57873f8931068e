/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-trajectory.c: `activering trajectory`: replay event logs and report where each client stands, or draw it. */
#include "config.h"

#include <string.h>
#include <time.h>

#include "cli-private.h"
#include "document-index.h"


typedef struct
{
  GDate as_of;
  gboolean has_as_of, dot, human;
  const char *lang;
  ActiveringRuleSet *rules;
  DocumentIndex *facts_index; /* --facts; NULL without */
  const char *input_name;
  /* a worker's own (see replaying_new) */
  ActiveringTrajectoryReport *report;
  ActiveringTrajectory *trajectory; /* made from the first line, refilled from the next ones */
} Replaying;

/* A worker: the options and the facts' index, with a report of its own, for one thread. */
static gpointer
replaying_new (gpointer shared)
{
  Replaying *r = g_memdup2 (shared, sizeof (Replaying));
  r->report = activering_trajectory_report_new (r->rules);
  return r;
}

static void
replaying_done (gpointer shared, gpointer worker)
{
  (void) shared;
  Replaying *r = worker;
  activering_trajectory_report_free (r->report);
  g_clear_pointer (&r->trajectory, activering_trajectory_free);
  g_free (r);
}

static gboolean
replay (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error)
{
  Replaying *r = worker;
  ActiveringTrajectory *trajectory = cli_read_trajectory (&r->trajectory, r->rules, text, length, error);
  if (trajectory == NULL)
    return FALSE;
  const char *id = activering_trajectory_get_id (trajectory);
  g_autoptr (ActiveringFacts) facts = NULL;
  if (r->facts_index != NULL
      && (facts = document_index_lookup_facts (r->facts_index, id, line, r->input_name,
                                               "the checks that need facts did not run for it", error))
             == NULL
      && *error != NULL)
    return FALSE; /* the facts file cannot be read back */
  if (!activering_trajectory_report_run (r->report, trajectory, facts, r->has_as_of ? &r->as_of : NULL, error))
    return FALSE;
  if (r->dot)
    return activering_trajectory_report_append_dot (r->report, r->lang, line->out, error);
  if (r->human)
    {
      trajectory_table_append (line->out, r->rules, r->report, trajectory, facts != NULL, &r->as_of, r->lang);
      return TRUE;
    }
  if (!activering_trajectory_report_append_json (r->report, r->lang, line->one_line ? 0 : ACTIVERING_JSON_PRETTY,
                                                 line->out, error))
    return FALSE;
  g_string_append_c (line->out, '\n');
  return TRUE;
}

static const CliBatch replaying = { replay, NULL, replaying_new, replaying_done };

/* Facts documents whose id no trajectory had: counted (and the first few named) on standard error, since their
 * dossier's checks never ran; with --list-unmatched, every id in a last document on standard output. Sorted, so
 * that they are the same from run to run and for any --jobs. */
static int
report_unmatched_facts (const Replaying *r, const char *facts_path, gboolean list, int status)
{
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) unmatched = document_index_dup_unmatched (r->facts_index, list ? 0 : 5, &n, &error);
  if (unmatched == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_INPUT_ERRORS;
    }
  if (n > 0)
    {
      g_autoptr (GString) ids = g_string_new (NULL);
      for (guint i = 0; i < MIN (unmatched->len, 5); i++)
        g_string_append_printf (ids, "%s\"%s\"", i ? ", " : "", (const char *) unmatched->pdata[i]);
      fprintf (stderr, "activering: %s: warning: %" G_GUINT64_FORMAT " facts document%s match%s no trajectory (%s%s)\n",
               facts_path, n, n == 1 ? "" : "s", n == 1 ? "es" : "", ids->str, n > 5 ? ", …" : "");
    }
  if (list)
    {
      g_autoptr (GString) out = g_string_new ("{\"format\":\"activering.unmatched-facts/1\",\"facts\":");
      cli_append_json_string (out, facts_path);
      g_string_append_printf (out, ",\"count\":%" G_GUINT64_FORMAT ",\"ids\":[", n);
      for (guint i = 0; i < unmatched->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          cli_append_json_string (out, unmatched->pdata[i]);
        }
      g_string_append (out, "]}\n");
      cli_write (out->str, out->len);
    }
  return status;
}

int
cmd_trajectory (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL, *facts_path = NULL;
  g_autofree char *jobs_text = NULL;
  gboolean jsonl = FALSE, dot = FALSE, human = FALSE, list_unmatched = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Report on this date (default: today); later events are not replayed",
      "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of messages and labels: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Use this rule set instead of the embedded one", "FILE" },
    { "facts", 0, 0, G_OPTION_ARG_FILENAME, &facts_path,
      "The dossiers' facts (one document or JSON lines), matched by id, for the checks that need them", "FILE" },
    { "list-unmatched", 0, 0, G_OPTION_ARG_NONE, &list_unmatched,
      "With --facts, end with a document listing the id of every facts document no trajectory matched", NULL },
    { "dot", 0, 0, G_OPTION_ARG_NONE, &dot, "Draw each trajectory on its phase model as Graphviz DOT", NULL },
    { "human", 0, 0, G_OPTION_ARG_NONE, &human,
      "Print a report for people instead of JSON: phase, days per phase, measures, indicators, violations, next steps",
      NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Input is JSON lines, one trajectory per line; output likewise", NULL },
    { "jobs", 0, 0, G_OPTION_ARG_STRING, &jobs_text,
      "With --jsonl, replay in N threads, output in input order (default: the number of cores for a file, 1 for "
      "a pipe)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("FILE|- — replay trajectories and report where each client stands");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    {
      cli_error ("trajectory takes one input file (or - for standard input)");
      return EXIT_USAGE;
    }
  if (list_unmatched && (facts_path == NULL || dot || human))
    {
      cli_error (facts_path == NULL ? "--list-unmatched lists facts documents: it needs --facts FILE"
                                    : "--list-unmatched writes JSON: it does not go with --dot or --human");
      return EXIT_USAGE;
    }
  if (dot && human)
    {
      cli_error ("--dot and --human are two outputs: give one");
      return EXIT_USAGE;
    }
  guint jobs;
  if (!cli_parse_jobs (jobs_text, &jobs))
    return EXIT_USAGE;
  Replaying r = { .lang = lang ? lang : "nl", .dot = dot, .human = human };
  if (as_of != NULL)
    {
      if (!cli_parse_date (as_of, &r.as_of))
        return EXIT_USAGE;
      r.has_as_of = TRUE;
    }
  else
    g_date_set_time_t (&r.as_of, time (NULL)); /* for the heading of --human; the replay takes today itself */
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS;
  if (!cli_check_language (rules, r.lang))
    return EXIT_USAGE;
  if (facts_path != NULL
      && (r.facts_index = document_index_new_facts (rules, facts_path))
             == NULL)
    return EXIT_INPUT_ERRORS;
  r.rules = rules;
  r.input_name = strcmp (argv[1], "-") == 0 ? "<stdin>" : argv[1];
  int status = cli_run_input (argv[1], jsonl, "trajectories replayed", jobs, &replaying, &r);
  if (r.facts_index != NULL)
    status = report_unmatched_facts (&r, facts_path, list_unmatched, status);
  g_clear_pointer (&r.facts_index, document_index_free);
  return status;
}
