/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-rules.c: `activering rules list | show [MEASURE] | show-model MODEL [--dot] | schema [FORMAT]`: what a rule set
 * holds, and the JSON Schemas of the documents it reads and writes. */
#include "config.h"

#include <string.h>

#include "rule-history.h"

/* `rules list --codes=KIND`: one code per line, for shell completion (completion/activering). Hidden from --help:
 * it is for programs, and `rules list` is the listing for people. */
static int
rules_list_codes (ActiveringRuleSet *rules, const char *kind)
{
  if (strcmp (kind, "measures") == 0)
    for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
      printf ("%s\n", activering_rule_set_get_measure_code (rules, m));
  else if (strcmp (kind, "facts") == 0)
    for (guint f = 0; f < activering_rule_set_get_n_facts (rules); f++)
      printf ("%s\n", activering_rule_set_get_fact_path (rules, f));
  else if (strcmp (kind, "models") == 0)
    for (guint m = 0; m < activering_rule_set_get_n_phase_models (rules); m++)
      printf ("%s\n", activering_rule_set_get_phase_model_code (rules, m));
  else
    {
      cli_error ("--codes: \"%s\" is not measures, models or facts", kind);
      return EXIT_USAGE;
    }
  return EXIT_DONE;
}

/* The history of --rules: each file with its version, the days it is in force and its digest, and which one is
 * in force today (the one listed below it). Nothing for a rule set without in_force (in force on every day). */
static gboolean
rules_list_history (const char *path, ActiveringRuleSet *today, const char *lang)
{
  static const struct
  {
    const char *lang, *history, *in_force_today, *open;
  } words[] = {
    { "nl", "Geschiedenis", "van kracht vandaag", "…" },
    { "fr", "Historique", "en vigueur aujourd'hui", "…" },
    { "en", "History", "in force today", "…" },
  };
  guint w = G_N_ELEMENTS (words) - 1;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].lang, lang) == 0)
      w = i;
  g_autoptr (ActiveringRuleSetCollection) history = cli_load_history (path);
  if (history == NULL)
    return FALSE;
  guint n = activering_rule_set_collection_get_n_rule_sets (history);
  if (!activering_rule_set_collection_get_in_force (history, 0, NULL, NULL))
    return TRUE;
  printf ("%s %s\n", activering_rule_set_collection_get_id (history), words[w].history);
  g_autoptr (GString) line = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      ActiveringRuleSet *rules = activering_rule_set_collection_get_rule_set (history, i);
      GDate from, until;
      g_date_clear (&until, 1);
      activering_rule_set_collection_get_in_force (history, i, &from, &until);
      char first[16], last[16] = "";
      g_date_strftime (first, sizeof first, "%Y-%m-%d", &from);
      if (g_date_valid (&until))
        g_date_strftime (last, sizeof last, "%Y-%m-%d", &until);
      const char *file = activering_rule_set_collection_get_file (history, i);
      g_string_assign (line, "  ");
      cli_pad (line, activering_rule_set_get_version (rules), 12);
      g_string_append_printf (line, "  %s – %-10s  ", first, last[0] ? last : words[w].open);
      cli_pad (line, file != NULL ? file : "", 28);
      g_string_append_printf (line, "  %s", activering_rule_set_get_digest (rules));
      if (strcmp (activering_rule_set_get_digest (rules), activering_rule_set_get_digest (today)) == 0)
        g_string_append_printf (line, "  (%s)", words[w].in_force_today);
      printf ("%s\n", line->str);
    }
  printf ("\n");
  return TRUE;
}

static int
rules_list (ActiveringRuleSet *rules, const char *lang)
{
  printf ("%s %s  %s\n%s\n\n", activering_rule_set_get_id (rules), activering_rule_set_get_version (rules),
          activering_rule_set_get_digest (rules), activering_rule_set_get_title (rules, lang));
  g_autoptr (GString) line = g_string_new (NULL);
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    {
      const char *decided_by = activering_rule_set_get_measure_decided_by (rules, m);
      g_string_assign (line, "  ");
      cli_pad (line, activering_rule_set_get_measure_code (rules, m), 22);
      g_string_append (line, "  ");
      cli_pad (line, activering_rule_set_get_measure_label (rules, m, lang), 50);
      g_string_append (line, "  ");
      g_string_append (line, activering_rule_set_get_role_label (rules, decided_by, lang));
      printf ("%s\n", line->str);
    }
  if (activering_rule_set_get_n_phase_models (rules) > 0)
    printf ("\n");
  for (guint m = 0; m < activering_rule_set_get_n_phase_models (rules); m++)
    {
      g_string_assign (line, "  ");
      cli_pad (line, activering_rule_set_get_phase_model_code (rules, m), 22);
      g_string_append (line, "  ");
      cli_pad (line, activering_rule_set_get_phase_model_label (rules, m, lang), 50);
      g_string_append_printf (line, "  %u phases", activering_rule_set_get_n_phases (rules, m));
      printf ("%s\n", line->str);
    }
  if (activering_rule_set_get_n_tasks (rules) > 0)
    printf ("\n");
  for (guint t = 0; t < activering_rule_set_get_n_tasks (rules); t++)
    {
      g_string_assign (line, "  ");
      cli_pad (line, activering_rule_set_get_task_code (rules, t), 26);
      g_string_append (line, "  ");
      g_string_append (line, activering_rule_set_get_task_label (rules, t, lang));
      printf ("%s\n", line->str);
    }
  return EXIT_DONE;
}

static int
show_model (ActiveringRuleSet *rules, const char *code, const char *lang, gboolean dot)
{
  int index = activering_rule_set_lookup_phase_model (rules, code);
  if (index < 0)
    {
      cli_error ("the rule set has no phase model \"%s\" (see: activering rules list)", code);
      return EXIT_USAGE;
    }
  if (!dot)
    {
      g_autofree char *json = activering_rule_set_dup_phase_model_json (rules, (guint) index);
      printf ("%s\n", json);
      return EXIT_DONE;
    }
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  if (!activering_rule_set_append_phase_model_dot (rules, (guint) index, lang, out, &error))
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  fputs (out->str, stdout);
  return EXIT_DONE;
}

/* `rules schema FORMAT`: the JSON Schema of a document format; without FORMAT, the formats, one per line. */
static int
rules_schema (ActiveringRuleSet *rules, const char *format, const char *lang)
{
  if (format == NULL)
    {
      for (const char *const *f = activering_schema_list_formats (); *f != NULL; f++)
        printf ("%s\n", *f);
      return EXIT_DONE;
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = activering_rule_set_dup_schema (rules, format, lang, &error);
  if (schema == NULL)
    {
      cli_error ("%s", error->message);
      return EXIT_USAGE;
    }
  fputs (schema, stdout);
  return EXIT_DONE;
}

void
rules_summary_append (GString *out, ActiveringRuleSet *rules, const char *lang)
{
  g_string_append (out, "{\n  \"format\": \"activering.ruleset-summary/1\",\n  \"id\": ");
  cli_append_json_string (out, activering_rule_set_get_id (rules));
  g_string_append (out, ",\n  \"version\": ");
  cli_append_json_string (out, activering_rule_set_get_version (rules));
  g_string_append (out, ",\n  \"digest\": ");
  cli_append_json_string (out, activering_rule_set_get_digest (rules));
  g_string_append (out, ",\n  \"title\": ");
  cli_append_json_string (out, activering_rule_set_get_title (rules, lang));
  g_string_append (out, ",\n  \"measures\": [");
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    {
      g_string_append (out, m ? ",\n    {\"code\": " : "\n    {\"code\": ");
      cli_append_json_string (out, activering_rule_set_get_measure_code (rules, m));
      g_string_append (out, ", \"label\": ");
      cli_append_json_string (out, activering_rule_set_get_measure_label (rules, m, lang));
      g_string_append (out, ", \"decided_by\": ");
      cli_append_json_string (out, activering_rule_set_get_measure_decided_by (rules, m));
      g_string_append (out, "}");
    }
  g_string_append (out, "\n  ],\n  \"facts\": [");
  for (guint f = 0; f < activering_rule_set_get_n_facts (rules); f++)
    {
      g_string_append (out, f ? ",\n    {\"path\": " : "\n    {\"path\": ");
      cli_append_json_string (out, activering_rule_set_get_fact_path (rules, f));
      g_string_append (out, ", \"label\": ");
      cli_append_json_string (out, activering_rule_set_get_fact_label (rules, f, lang));
      g_string_append (out, ", \"supplied_by\": ");
      cli_append_json_string (out, activering_rule_set_get_fact_supplied_by (rules, f));
      g_string_append (out, "}");
    }
  g_string_append (out, "\n  ]\n}\n");
}

int
cmd_rules (int argc, char **argv)
{
  if (argc >= 2 && (strcmp (argv[1], "diff") == 0 || strcmp (argv[1], "lint") == 0))
    {
      cli_enter_command (argv[1]);
      return strcmp (argv[1], "diff") == 0 ? cmd_rules_diff (argc - 1, argv + 1) : cmd_rules_lint (argc - 1, argv + 1);
    }
  g_autofree char *lang = NULL, *rules_path = NULL, *codes = NULL;
  gboolean dot = FALSE;
  GOptionEntry entries[] = {
    { "codes", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &codes, "list: only the codes of KIND, one per line",
      "measures|models" },
    { "dot", 0, 0, G_OPTION_ARG_NONE, &dot, "show-model: draw the model as Graphviz DOT", NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of the labels: nl, fr or en (default nl)", "LANG" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      "Use this rule set instead of the embedded one (a directory: its history, and the file in force today)",
      "FILE|DIR" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("list | show [MEASURE] | show-model MODEL [--dot] | schema [FORMAT] | lint FILE | diff OLD NEW — "
                            "what a rule set holds");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  const char *action = argc >= 2 ? argv[1] : "";
  /* `rules --lang fr lint FILE`: the options this help lists, before the action. */
  if (strcmp (action, "lint") == 0 && argc == 3 && rules_path == NULL && !dot)
    return rules_lint_file (argv[2], lang);
  gboolean list = strcmp (action, "list") == 0, show = strcmp (action, "show") == 0;
  gboolean show_model_action = strcmp (action, "show-model") == 0, schema = strcmp (action, "schema") == 0;
  if ((list && argc > 2) || (show && argc > 3) || (show_model_action && argc != 3) || (schema && argc > 3)
      || !(list || show || show_model_action || schema) || (dot && !show_model_action) || (codes && !list))
    {
      cli_error ("usage: activering rules list | show [MEASURE] | show-model MODEL [--dot] | schema [FORMAT]");
      return EXIT_USAGE;
    }
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS;
  const char *language = lang ? lang : "nl";
  if (!cli_check_language (rules, language))
    return EXIT_USAGE;
  if (list && codes == NULL && !rules_list_history (rules_path, rules, language))
    return EXIT_INPUT_ERRORS;
  if (list)
    return codes ? rules_list_codes (rules, codes) : rules_list (rules, language);
  if (show_model_action)
    return show_model (rules, argv[2], language, dot);
  if (schema)
    return rules_schema (rules, argc == 3 ? argv[2] : NULL, language);
  if (argc == 2)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      rules_summary_append (out, rules, language);
      fputs (out->str, stdout);
      return EXIT_DONE;
    }
  int index = activering_rule_set_lookup_measure (rules, argv[2]);
  if (index < 0)
    {
      cli_error ("the rule set has no measure \"%s\" (see: activering rules list)", argv[2]);
      return EXIT_USAGE;
    }
  g_autofree char *json = activering_rule_set_dup_measure_json (rules, (guint) index);
  printf ("%s\n", json);
  return EXIT_DONE;
}
