/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-trajectory.c: `activering trajectory`: replay event logs and report where each client stands, or draw it. */
#include "config.h"

#include <string.h>

#include "cli-private.h"


typedef struct
{
  GDate as_of;
  gboolean has_as_of, dot;
  const char *lang;
  ActiveringRuleSet *rules;
  GHashTable *facts_by_id; /* id -> ActiveringFacts, from --facts; NULL without */
  GHashTable *facts_used;  /* the ids of those a trajectory matched */
  const char *input_name;
  ActiveringTrajectoryReport *report;
  GString *out;
} Replaying;

static gboolean
replay (gpointer data, const char *text, gsize length, gboolean one_line, GError **error)
{
  Replaying *r = data;
  g_autoptr (ActiveringTrajectory) trajectory =
      activering_trajectory_new_from_data (r->rules, text, (gssize) length, error);
  if (trajectory == NULL)
    return FALSE;
  const char *id = activering_trajectory_get_id (trajectory);
  const ActiveringFacts *facts = r->facts_by_id ? g_hash_table_lookup (r->facts_by_id, id) : NULL;
  if (r->facts_by_id != NULL && facts == NULL)
    {
      /* contract C13: the checks that need facts do not run for it, and that must not pass unsaid */
      guint64 line = cli_input_line ();
      g_autoptr (GString) where = g_string_new (r->input_name);
      if (line > 0)
        g_string_append_printf (where, ": line %" G_GUINT64_FORMAT, line);
      fprintf (stderr, "activering: %s: warning: no facts document has the id \"%s\" of this trajectory: the checks "
               "that need facts did not run for it\n", where->str, id);
    }
  else if (facts != NULL)
    g_hash_table_add (r->facts_used, g_strdup (id));
  if (!activering_trajectory_report_run (r->report, trajectory, facts, r->has_as_of ? &r->as_of : NULL, error))
    return FALSE;
  if (r->dot)
    return activering_trajectory_report_append_dot (r->report, r->lang, r->out, error);
  if (!activering_trajectory_report_append_json (r->report, r->lang, one_line ? 0 : ACTIVERING_JSON_PRETTY, r->out,
                                                 error))
    return FALSE;
  g_string_append_c (r->out, '\n');
  return TRUE;
}

static gpointer
parse_facts (ActiveringRuleSet *rules, const char *data, gsize length, GError **error)
{
  return activering_facts_new_from_data (rules, data, (gssize) length, error);
}

static const char *
facts_id (gconstpointer facts)
{
  return activering_facts_get_id (facts);
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Facts documents whose id no trajectory had: counted (and the first few named) on standard error, since their
 * dossier's checks never ran. Sorted, so the message is the same from run to run. */
static void
report_unmatched_facts (const Replaying *r, const char *facts_path)
{
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;
  g_hash_table_iter_init (&iter, r->facts_by_id);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (r->facts_used, id))
      g_ptr_array_add (unmatched, id);
  if (unmatched->len == 0)
    return;
  g_ptr_array_sort (unmatched, compare_ids);
  g_autoptr (GString) ids = g_string_new (NULL);
  for (guint i = 0; i < MIN (unmatched->len, 5); i++)
    g_string_append_printf (ids, "%s\"%s\"", i ? ", " : "", (const char *) unmatched->pdata[i]);
  fprintf (stderr, "activering: %s: warning: %u facts document%s match%s no trajectory (%s%s)\n", facts_path,
           unmatched->len, unmatched->len == 1 ? "" : "s", unmatched->len == 1 ? "es" : "", ids->str,
           unmatched->len > 5 ? ", …" : "");
}

int
cmd_trajectory (int argc, char **argv)
{
  g_autofree char *as_of = NULL, *lang = NULL, *rules_path = NULL, *facts_path = NULL;
  gboolean jsonl = FALSE, dot = FALSE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Report on this date (default: today); later events are not replayed",
      "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of messages and labels: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Use this rule set instead of the embedded one", "FILE" },
    { "facts", 0, 0, G_OPTION_ARG_FILENAME, &facts_path,
      "The dossiers' facts (one document or JSON lines), matched by id, for the checks that need them", "FILE" },
    { "dot", 0, 0, G_OPTION_ARG_NONE, &dot, "Draw each trajectory on its phase model as Graphviz DOT", NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Input is JSON lines, one trajectory per line; output likewise", NULL },
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
  Replaying r = { .lang = lang ? lang : "nl", .dot = dot };
  if (as_of != NULL)
    {
      if (!cli_parse_date (as_of, &r.as_of))
        return EXIT_USAGE;
      r.has_as_of = TRUE;
    }
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS;
  if (!cli_check_language (rules, r.lang))
    return EXIT_USAGE;
  if (facts_path != NULL
      && (r.facts_by_id = cli_load_by_id (rules, facts_path, parse_facts, facts_id,
                                          (GDestroyNotify) activering_facts_free))
             == NULL)
    return EXIT_INPUT_ERRORS;
  r.rules = rules;
  r.report = activering_trajectory_report_new (rules);
  r.out = g_string_sized_new (1 << 17);
  r.input_name = strcmp (argv[1], "-") == 0 ? "<stdin>" : argv[1];
  r.facts_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = cli_run_input (argv[1], jsonl, "trajectories replayed", replay, &r, r.out);
  if (r.facts_by_id != NULL)
    report_unmatched_facts (&r, facts_path);
  g_hash_table_destroy (r.facts_used);
  g_string_free (r.out, TRUE);
  activering_trajectory_report_free (r.report);
  g_clear_pointer (&r.facts_by_id, g_hash_table_destroy);
  return status;
}
