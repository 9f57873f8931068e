/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering.c: the `activering` command-line tool: screening, trajectories, roles, rule sets. */
#include "config.h"

#include "cli-private.h"

int
main (int argc, char **argv)
{
  /* every command's output is checked once it is done: a full disk is never a success */
  cli_output_init ();
  return cli_finish_output (cli_main (argc, argv));
}
