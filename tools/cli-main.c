/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cli-main.c: the `activering` tool's commands, dispatched from the command line (main is in activering.c, so
 * that the fuzz target for the tool's options can run them too). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-private.h"

static const char usage[] =
    "usage: activering COMMAND [OPTIONS] …\n"
    "\n"
    "  eligibility [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--jsonl] [--compact] [--human] [--jobs N]\n"
    "              [--set PATH=VALUE]... [--diff] [--compare-rules OLD] [--trace] [FILE|-]\n"
    "  trajectory  [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--facts FILE [--list-unmatched]] [--dot]\n"
    "              [--human] [--jsonl] [--jobs N] FILE|-\n"
    "  roles       [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--all] [--human] [--jsonl] [--jobs N]\n"
    "              --organisation FILE [--trajectory FILE] FACTS|-\n"
    "  report      [--as-of DATE] [--lang nl|fr|en] [--rules FILE] [--by quarter|month|year] [--facts FILE]\n"
    "              [--organisation FILE] [--list-ids] [--html FILE] --trajectories FILE|-\n"
    "  rules       [--lang nl|fr|en] [--rules FILE] list | show [MEASURE] | show-model MODEL [--dot] | schema [FORMAT]\n"
    "              lint [--lang nl|fr|en] FILE | diff OLD NEW [--caseload FILE] [--as-of DATE] [--no-fail-on-change]\n"
    "  test        [--rules FILE] [--junit FILE] [--tap] [--coverage] CASES...\n"
    "  serve       [--listen HOST:PORT] [--rules FILE] [--threads N] [--token-file FILE] [--insecure-listen] …\n"
    "  --version\n"
    "\n"
    "Run 'activering COMMAND --help' for a command's options. Exit status: 0 done, 1 errors in the input or a "
    "failed write, 2 bad usage, 3 outcomes changed (rules diff), 141 output pipe closed.\n";

#ifndef HAVE_SOUP
/* Built without libsoup-3.0 (configure says so): the command exists, and says why it cannot run. */
int
cmd_serve (int argc, char **argv)
{
  cli_error ("serve: this activering was built without libsoup-3.0 (install libsoup-3.0-dev and configure again)");
  return EXIT_USAGE;
}
#endif

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

int
cli_main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("activering");
  if (argc < 2)
    {
      fputs (usage, stderr);
      return EXIT_USAGE;
    }
  const char *command = argv[1];
  if (strcmp (command, "--version") == 0 || strcmp (command, "version") == 0)
    return print_version ();
  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0 || strcmp (command, "help") == 0)
    {
      fputs (usage, stdout);
      return EXIT_DONE;
    }
  static const struct
  {
    const char *name;
    int (*run) (int argc, char **argv);
  } commands[] = { { "eligibility", cmd_eligibility }, { "trajectory", cmd_trajectory }, { "roles", cmd_roles },
                   { "report", cmd_report },           { "rules", cmd_rules },
                   { "serve", cmd_serve },             { "test", cmd_test } };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (command, commands[i].name) == 0)
      {
        /* only a known command names the program ("activering eligibility"): GLib keeps every name it is given */
        cli_enter_command (commands[i].name);
        return commands[i].run (argc - 1, argv + 1);
      }
  cli_error ("unknown command \"%s\"", command);
  fputs (usage, stderr);
  return EXIT_USAGE;
}

