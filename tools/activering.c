/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering.c: the `activering` command-line tool: screening, trajectories, roles, rule sets. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-private.h"

static const char usage[] =
    "usage: activering COMMAND [OPTIONS] …\n"
    "\n"
    "  eligibility [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--jsonl] [--compact] [--human] [FILE|-]\n"
    "  trajectory  [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--facts FILE] [--dot] [--jsonl] FILE|-\n"
    "  roles       [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--all] [--human] [--jsonl] --organisation FILE\n"
    "              [--trajectory FILE] FACTS|-\n"
    "  rules       [--lang nl|fr|en] [--rules FILE] list | show [MEASURE] | show-model MODEL [--dot]\n"
    "              lint [--lang nl|fr|en] FILE | diff OLD NEW [--caseload FILE] [--as-of DATE] [--no-fail-on-change]\n"
    "  test        [--rules FILE] [--junit FILE] [--tap] [--coverage] CASES...\n"
    "  --version\n"
    "\n"
    "Run 'activering COMMAND --help' for a command's options. Exit status: 0 done, 1 errors in the input or a "
    "failed write, 2 bad usage, 3 outcomes changed (rules diff), 141 output pipe closed.\n";

static int
print_version (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  printf ("activering %s\n", activering_get_version ());
  if (rules != NULL)
    printf ("default rule set: %s %s (%s)\n", activering_rule_set_get_id (rules),
            activering_rule_set_get_version (rules), activering_rule_set_get_digest (rules));
  return EXIT_DONE;
}

static int
run_command (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("activering");
  if (argc < 2)
    {
      fputs (usage, stderr);
      return EXIT_USAGE;
    }
  const char *command = argv[1];
  cli_enter_command (command);
  if (strcmp (command, "--version") == 0 || strcmp (command, "version") == 0)
    return print_version ();
  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0 || strcmp (command, "help") == 0)
    {
      fputs (usage, stdout);
      return EXIT_DONE;
    }
  if (strcmp (command, "eligibility") == 0)
    return cmd_eligibility (argc - 1, argv + 1);
  if (strcmp (command, "trajectory") == 0)
    return cmd_trajectory (argc - 1, argv + 1);
  if (strcmp (command, "roles") == 0)
    return cmd_roles (argc - 1, argv + 1);
  if (strcmp (command, "rules") == 0)
    return cmd_rules (argc - 1, argv + 1);
  if (strcmp (command, "test") == 0)
    return cmd_test (argc - 1, argv + 1);
  cli_error ("unknown command \"%s\"", command);
  fputs (usage, stderr);
  return EXIT_USAGE;
}

int
main (int argc, char **argv)
{
  /* every command's output is checked once it is done: a full disk is never a success */
  cli_output_init ();
  return cli_finish_output (run_command (argc, argv));
}
