/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-roles.c: `activering roles`: who does what for a dossier in an organisation, as JSON or as a RACI table for a
 * start meeting. */
#include "config.h"

#include <string.h>

#include "cli-private.h"
#include "document-index.h"

typedef struct
{
  GDate as_of;
  gboolean has_as_of, human;
  const char *lang;
  ActiveringRolesFlags flags;
  ActiveringRuleSet *rules;
  ActiveringOrganisation *organisation;
  DocumentIndex *trajectories; /* --trajectory; NULL without */
  /* a worker's own (see assigning_new) */
  ActiveringRoleAssignment *assignment;
} Assigning;

/* A worker: the options, the organisation and the trajectories, with an assignment of its own, for one thread. */
static gpointer
assigning_new (gpointer shared)
{
  Assigning *a = g_memdup2 (shared, sizeof (Assigning));
  a->assignment = activering_role_assignment_new (a->rules);
  return a;
}

static void
assigning_done (gpointer shared, gpointer worker)
{
  (void) shared;
  Assigning *a = worker;
  activering_role_assignment_free (a->assignment);
  g_free (a);
}

static gboolean
assign (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error)
{
  Assigning *a = worker;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (a->rules, text, (gssize) length, error);
  if (facts == NULL)
    return FALSE;
  g_autoptr (ActiveringTrajectory) trajectory = NULL;
  if (a->trajectories != NULL
      && (trajectory = document_index_lookup (a->trajectories, activering_facts_get_id (facts), error)) == NULL
      && *error != NULL)
    return FALSE; /* the trajectories' file cannot be read back */
  if (!activering_role_assignment_run (a->assignment, a->organisation, facts, trajectory,
                                       a->has_as_of ? &a->as_of : NULL, a->flags, error))
    return FALSE;
  if (a->human)
    {
      roles_table_append (line->out, a->rules, a->organisation, a->assignment, a->lang);
      return TRUE;
    }
  if (!activering_role_assignment_append_json (a->assignment, a->lang, line->one_line ? 0 : ACTIVERING_JSON_PRETTY,
                                               line->out, error))
    return FALSE;
  g_string_append_c (line->out, '\n');
  return TRUE;
}

static const CliBatch assigning = { assign, NULL, assigning_new, assigning_done };

static gpointer
parse_trajectory (ActiveringRuleSet *rules, const char *data, gsize length, GError **error)
{
  return activering_trajectory_new_from_data (rules, data, (gssize) length, error);
}

static const char *
trajectory_id (gconstpointer trajectory)
{
  return activering_trajectory_get_id (trajectory);
}

int
cmd_roles (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL, *organisation_path = NULL;
  g_autofree char *trajectory_path = NULL;
  g_autofree char *jobs_text = NULL;
  gboolean jsonl = FALSE, human = FALSE, all = FALSE;
  GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_FILENAME, &organisation_path,
      "The organisation (activering.organisation/1): its activation service, policies, actors and agreements",
      "FILE" },
    { "trajectory", 0, 0, G_OPTION_ARG_FILENAME, &trajectory_path,
      "The dossiers' trajectories (one document or JSON lines), matched by id, for the phase and the actors", "FILE" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Assign on this date (default: the facts' as_of, or today)",
      "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of labels and messages: nl, fr or en (default nl)",
      "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Use this rule set instead of the embedded one", "FILE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "List every task, active or not", NULL },
    { "human", 0, 0, G_OPTION_ARG_NONE, &human, "Print a RACI table for people instead of JSON", NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Input is JSON lines, one facts document per line; output likewise",
      NULL },
    { "jobs", 0, 0, G_OPTION_ARG_STRING, &jobs_text,
      "With --jsonl, assign in N threads, output in input order (default: the number of cores for a file, 1 for "
      "a pipe)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("FACTS|- — who holds the regie and who does what, for each dossier");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2 || organisation_path == NULL)
    {
      cli_error (organisation_path == NULL ? "roles needs --organisation FILE"
                                           : "roles takes one facts file (or - for standard input)");
      return EXIT_USAGE;
    }
  guint jobs;
  if (!cli_parse_jobs (jobs_text, &jobs))
    return EXIT_USAGE;
  Assigning a = { .lang = lang ? lang : "nl", .human = human,
                  .flags = all ? ACTIVERING_ROLES_ALL_TASKS : ACTIVERING_ROLES_DEFAULT };
  if (as_of != NULL)
    {
      if (!cli_parse_date (as_of, &a.as_of))
        return EXIT_USAGE;
      a.has_as_of = TRUE;
    }
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS;
  if (!cli_check_language (rules, a.lang))
    return EXIT_USAGE;
  g_autoptr (ActiveringOrganisation) organisation = cli_load_organisation (rules, organisation_path);
  if (organisation == NULL)
    return EXIT_INPUT_ERRORS;
  if (trajectory_path != NULL
      && (a.trajectories = document_index_new (rules, trajectory_path, parse_trajectory, trajectory_id,
                                               (GDestroyNotify) activering_trajectory_free))
             == NULL)
    return EXIT_INPUT_ERRORS;
  a.rules = rules;
  a.organisation = organisation;
  int status = cli_run_input (argv[1], jsonl, "dossiers assigned", jobs, &assigning, &a);
  g_clear_pointer (&a.trajectories, document_index_free);
  return status;
}
