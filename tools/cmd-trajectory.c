/* cmd-trajectory.c: `activering trajectory`: replay event logs and report where each client stands, or draw it. */
#include "config.h"

#include <string.h>

#include "cli-private.h"
#include "line-reader.h"

#define MAX_DOCUMENT (64u << 20)

typedef struct
{
  GDate as_of;
  gboolean has_as_of, dot;
  const char *lang;
  ActiveringRuleSet *rules;
  GHashTable *facts_by_id; /* id -> ActiveringFacts, from --facts; NULL without */
  ActiveringTrajectoryReport *report;
  GString *out;
} Replaying;

static gboolean
replay (Replaying *r, const char *data, gsize length, gboolean one_line, GError **error)
{
  g_autoptr (ActiveringTrajectory) trajectory = activering_trajectory_parse (r->rules, data, (gssize) length, error);
  if (trajectory == NULL)
    return FALSE;
  const ActiveringFacts *facts =
      r->facts_by_id ? g_hash_table_lookup (r->facts_by_id, activering_trajectory_get_id (trajectory)) : NULL;
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

static gboolean
replay_line (gpointer data, const char *line, gsize length, GError **error)
{
  return replay (data, line, length, TRUE, error);
}

/* ---- --facts FILE: one facts document, or JSON lines of them, matched to trajectories by id ---- */

static gboolean
add_facts (GHashTable *by_id, ActiveringRuleSet *rules, const char *data, gsize length, GError **error)
{
  ActiveringFacts *facts = activering_facts_new_from_json (rules, data, (gssize) length, error);
  if (facts == NULL)
    return FALSE;
  g_hash_table_replace (by_id, g_strdup (activering_facts_get_id (facts)), facts);
  return TRUE;
}

static GHashTable *
load_facts (ActiveringRuleSet *rules, const char *path)
{
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return NULL;
  gsize length;
  g_autofree char *data = cli_read_all (input, path, MAX_DOCUMENT, &length);
  if (input != stdin)
    fclose (input);
  if (data == NULL)
    return NULL;
  GHashTable *by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) activering_facts_free);
  g_autoptr (GError) whole = NULL;
  if (add_facts (by_id, rules, data, length, &whole))
    return by_id;
  /* Not one document: JSON lines, then. A file that is neither gets the error of reading it as one document,
   * unless it has several lines and one of them is at fault. */
  guint64 line_number = 0;
  gboolean several = FALSE;
  for (char *line = data, *next; line != NULL && *line; line = next)
    {
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      line_number++;
      several |= next != NULL && *next != '\0';
      if (*g_strstrip (line) == '\0')
        continue;
      g_autoptr (GError) error = NULL;
      if (!add_facts (by_id, rules, line, strlen (line), &error))
        {
          if (several)
            cli_error ("%s: line %" G_GUINT64_FORMAT ": %s", path, line_number, error->message);
          else
            cli_error ("%s: %s", path, whole->message);
          g_hash_table_destroy (by_id);
          return NULL;
        }
    }
  return by_id;
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
  if (facts_path != NULL && (r.facts_by_id = load_facts (rules, facts_path)) == NULL)
    return EXIT_INPUT_ERRORS;
  const char *path = argv[1];
  FILE *input = cli_open_input (path);
  if (input == NULL)
    {
      g_clear_pointer (&r.facts_by_id, g_hash_table_destroy);
      return EXIT_INPUT_ERRORS;
    }
  r.rules = rules;
  r.report = activering_trajectory_report_new (rules);
  r.out = g_string_sized_new (1 << 17);
  const char *name = strcmp (path, "-") == 0 ? "<stdin>" : path;
  int status = EXIT_DONE;
  if (jsonl)
    status = cli_run_lines (input, name, "trajectories replayed", replay_line, NULL, &r, r.out);
  else
    {
      gsize length;
      g_autofree char *data = cli_read_all (input, name, MAX_DOCUMENT, &length);
      g_autoptr (GError) error = NULL;
      if (data == NULL)
        status = EXIT_INPUT_ERRORS;
      else if (!replay (&r, data, length, FALSE, &error))
        {
          fprintf (stderr, "activering: %s: %s\n", name, error->message);
          status = EXIT_INPUT_ERRORS;
        }
      cli_flush (r.out, 0);
    }
  if (input != stdin)
    fclose (input);
  g_string_free (r.out, TRUE);
  activering_trajectory_report_free (r.report);
  g_clear_pointer (&r.facts_by_id, g_hash_table_destroy);
  if (fflush (stdout) != 0)
    {
      cli_error ("cannot write the output");
      return EXIT_INPUT_ERRORS;
    }
  return status;
}
