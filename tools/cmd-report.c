/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-report.c: `activering report`: a whole caseload on one date, `activering.caseload-report/1`, and its page
 * (docs/caseload-report.md). Streams the trajectories in one job, through one accumulator. */
#include "config.h"

#include <string.h>

#include "cli-private.h"
#include "document-index.h"

typedef struct
{
  GDate as_of;
  ActiveringRuleSet *rules;
  DocumentIndex *facts_index; /* --facts; NULL without */
  const char *input_name;
  ActiveringTrajectoryReport *report;
  ActiveringCaseload *caseload;
  ActiveringTrajectory *trajectory; /* made from the first line, refilled from the next ones */
} Reporting;

static gboolean
add_trajectory (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error)
{
  Reporting *r = worker;
  const ActiveringTrajectory *trajectory = cli_read_trajectory (&r->trajectory, r->rules, text, length, error);
  if (trajectory == NULL)
    return FALSE;
  const char *id = activering_trajectory_get_id (trajectory);
  g_autoptr (ActiveringFacts) facts = NULL;
  if (r->facts_index != NULL
      && (facts = document_index_lookup_facts (r->facts_index, id, line, r->input_name,
                                               "it counts in no measure usage, data quality or couple", error))
             == NULL
      && *error != NULL)
    return FALSE; /* the facts file cannot be read back */
  return activering_trajectory_report_run (r->report, trajectory, facts, &r->as_of, error)
         && activering_caseload_add (r->caseload, r->report, facts, error);
}

static void
count_bad_line (gpointer worker, const CliLine *line)
{
  (void) line;
  activering_caseload_add_unreadable (((Reporting *) worker)->caseload);
}

/* One job: the accumulator is one, and the report is meant to run on one core (docs/caseload-report.md). */
static const CliBatch reporting = { add_trajectory, count_bad_line, NULL, NULL };

/* Facts documents no trajectory had: dossiers without a trajectory, which may be a partner in a couple. */
static gboolean
add_facts_only (Reporting *r)
{
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) unmatched = document_index_dup_unmatched (r->facts_index, 0, &n, &error);
  for (guint i = 0; unmatched != NULL && i < unmatched->len; i++)
    {
      g_autoptr (ActiveringFacts) facts = document_index_lookup (r->facts_index, unmatched->pdata[i], &error);
      if (facts == NULL || !activering_caseload_add_facts (r->caseload, facts, &error))
        break;
    }
  if (unmatched == NULL || error != NULL)
    {
      cli_error ("%s", error != NULL ? error->message : "the facts could not be read back");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_html (const Reporting *r, const char *path, const char *lang)
{
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  if (!activering_caseload_append_html (r->caseload, lang, page, &error)
      || !g_file_set_contents (path, page->str, (gssize) page->len, &error))
    {
      cli_error ("%s: %s", path, error->message);
      return FALSE;
    }
  return TRUE;
}

int
cmd_report (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL, *facts_path = NULL, *organisation_path = NULL;
  g_autofree char *trajectories_path = NULL, *by_text = NULL, *html_path = NULL;
  gboolean list_ids = FALSE;
  GOptionEntry entries[] = {
    { "trajectories", 0, 0, G_OPTION_ARG_FILENAME, &trajectories_path,
      "The trajectories (activering.trajectory/1), JSON lines; - for standard input", "FILE" },
    { "facts", 0, 0, G_OPTION_ARG_FILENAME, &facts_path,
      "The dossiers' facts (one document or JSON lines, any order), matched by id", "FILE" },
    { "organisation", 0, 0, G_OPTION_ARG_FILENAME, &organisation_path,
      "The organisation: the data-quality table names its actors who supply each missing fact", "FILE" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Report on this date (default: today)", "DATE" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, "Cohorts by quarter (default), month or year of the first opening",
      "PERIOD" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of labels and notes: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Use this rule set instead of the embedded one", "FILE" },
    { "list-ids", 0, 0, G_OPTION_ARG_NONE, &list_ids,
      "Name the dossiers behind flagged couples, reports without a decision, contact gaps and unused measures", NULL },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html_path, "Also write the report as one self-contained HTML page", "FILE" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— sum up a caseload: cohorts, outflow, measures used, "
                                                             "follow-up, data quality");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 1 || trajectories_path == NULL)
    {
      cli_error (argc != 1 ? "report takes no file argument: give the trajectories with --trajectories FILE"
                           : "report needs --trajectories FILE (or - for standard input)");
      return EXIT_USAGE;
    }
  ActiveringCaseloadPeriod by = ACTIVERING_CASELOAD_BY_QUARTER;
  if (by_text != NULL && !activering_caseload_period_from_string (by_text, &by))
    {
      cli_error ("--by %s: expected quarter, month or year", by_text);
      return EXIT_USAGE;
    }
  Reporting r = { 0 };
  /* one date for every trajectory report and the caseload */
  if (as_of == NULL)
    g_date_set_time_t (&r.as_of, time (NULL));
  else if (!cli_parse_date (as_of, &r.as_of))
    return EXIT_USAGE;
  if (lang == NULL)
    lang = g_strdup ("nl");
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS;
  if (!cli_check_language (rules, lang))
    return EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringCaseload) caseload = activering_caseload_new (rules, &r.as_of, by, &error);
  if (caseload == NULL || !activering_caseload_set_list_ids (caseload, list_ids, &error))
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (organisation_path != NULL)
    {
      g_autoptr (ActiveringOrganisation) organisation = cli_load_organisation (rules, organisation_path);
      if (organisation == NULL)
        return EXIT_INPUT_ERRORS;
      activering_caseload_set_organisation (caseload, organisation);
    }
  if (facts_path != NULL
      && (r.facts_index = document_index_new_facts (rules, facts_path))
             == NULL)
    return EXIT_INPUT_ERRORS;
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  r.rules = rules;
  r.report = report;
  r.caseload = caseload;
  r.input_name = strcmp (trajectories_path, "-") == 0 ? "<stdin>" : trajectories_path;
  int status = cli_run_input (trajectories_path, TRUE, "trajectories read", 1, &reporting, &r);
  if (r.facts_index != NULL && !add_facts_only (&r))
    status = EXIT_INPUT_ERRORS;
  g_clear_pointer (&r.facts_index, document_index_free);
  g_clear_pointer (&r.trajectory, activering_trajectory_free);
  g_autoptr (GString) out = g_string_new (NULL);
  if (!activering_caseload_append_json (caseload, lang, ACTIVERING_JSON_PRETTY, out, &error))
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  g_string_append_c (out, '\n');
  cli_write (out->str, out->len);
  if (html_path != NULL && !write_html (&r, html_path, lang))
    status = EXIT_INPUT_ERRORS;
  return status;
}
