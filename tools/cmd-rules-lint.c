/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-rules-lint.c: `activering rules lint FILE`: what loading a rule file allows but its author would want to know
 * (activering_rule_set_lint_to_json); errors exit non-zero, so that a CI job fails on them. */
#include "config.h"

#include "cli-private.h"

int
rules_lint_file (const char *path, const char *lang)
{
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (path);
  if (rules == NULL)
    return EXIT_INPUT_ERRORS; /* what loading forbids is an error of its own, with its path */
  if (lang != NULL && !cli_check_language (rules, lang))
    return EXIT_USAGE;
  guint errors = 0;
  g_autofree char *report = activering_rule_set_lint_to_json (rules, ACTIVERING_JSON_PRETTY, &errors);
  fputs (report, stdout);
  if (errors > 0)
    cli_error ("%s: %u error%s in the lint findings", path, errors, errors == 1 ? "" : "s");
  return errors > 0 ? EXIT_INPUT_ERRORS : EXIT_DONE;
}

int
cmd_rules_lint (int argc, char **argv)
{
  g_autofree char *lang = NULL;
  /* `rules --help` lists --lang for every action. The findings have no labels, so here it checks that the rule
   * set has texts in LANG: a rule file meant for French-speaking OCMWs must not lack French. */
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Fail unless the rule set has texts in LANG (nl, fr, en)", "LANG" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE — what loading allows but a rule author would "
                                                             "want to know");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    {
      cli_error ("usage: activering rules lint [--lang LANG] FILE");
      return EXIT_USAGE;
    }
  return rules_lint_file (argv[1], lang);
}
