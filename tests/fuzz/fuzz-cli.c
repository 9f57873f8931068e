/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-cli.c: libFuzzer target for the tool's command lines: every command and option, in any order and number,
 * with good and bad values, run through the same dispatcher as `activering` (cli_main).
 *
 * Built by `make tests/fuzz/fuzz-cli` (see tests/Makefile.inc), with the tool's sources. Run:
 *
 *   ./tests/fuzz/fuzz-cli -dict=tests/fuzz/cli.dict tests/fuzz/corpus-cli
 *
 * The input is a command line, one argument per line. A line is passed as it is, with three exceptions that keep
 * the run inside the fuzzer: an argument that names a file is mapped into a private directory holding copies of
 * the example documents (so nothing outside it is read); the one file the tool writes (--junit) is always the
 * same file there, so no example is overwritten; and the help options are dropped (GLib's option parser ends the
 * process after printing help). What the tool writes to its streams goes to /dev/null.
 *
 * Besides the sanitizers, the target checks the tool's promise that a command ends with one of the documented
 * exit statuses, and the same command line twice gives the same status.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-private.h"

#define FUZZ_NAME "fuzz-cli"
#define MAX_ARGS 24
#define MAX_ARG_LEN 256

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static char *files;   /* the private directory */
static FILE *report;  /* standard error, for this target's own findings */

/* The example documents the command lines may name, copied once into the private directory. */
static const char *const examples[] = {
  "examples/facts/facts-twe-eligible.json", "examples/facts/facts-unknowns.json",
  "examples/facts/facts-0042-roles.json",   "examples/caseload.jsonl",
  "examples/organisations/ocmw-voorbeeld.json", "examples/trajectories/dossier-0042.json",
  "data/rules/be-vlaanderen.json",          "tests/cases/ibo.json",
};

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  files = g_dir_make_tmp ("fuzz-cli-XXXXXX", NULL);
  if (files == NULL)
    abort ();
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *from = g_build_filename (TOP_SRCDIR, examples[i], NULL);
      g_autofree char *text = NULL;
      gsize length = 0;
      if (!g_file_get_contents (from, &text, &length, NULL))
        abort ();
      g_autofree char *base = g_path_get_basename (examples[i]);
      g_autofree char *to = g_build_filename (files, base, NULL);
      if (!g_file_set_contents (to, text, (gssize) length, NULL))
        abort ();
    }
  /* The tool writes its answers and its complaints; the fuzzer only wants to know that it survives them. The
   * sanitizers and libFuzzer write to the file descriptors, not through these streams. */
  report = fdopen (dup (STDERR_FILENO), "w");
  stdout = fopen ("/dev/null", "w");
  stderr = fopen ("/dev/null", "w");
  if (report == NULL || stdout == NULL || stderr == NULL || freopen ("/dev/null", "r", stdin) == NULL)
    abort ();
  return 0;
}

static gboolean
is_help (const char *arg)
{
  return g_str_has_prefix (arg, "--help") || strcmp (arg, "-h") == 0 || strcmp (arg, "-?") == 0
         || (arg[0] == '-' && arg[1] != '-' && strchr (arg, 'h') != NULL) /* -xh: short options run together */
         || (arg[0] == '-' && arg[1] != '-' && strchr (arg, '?') != NULL);
}

/* A file argument: a bare word, or an option's "=value", stays inside the private directory. */
static char *
confined (const char *arg)
{
  const char *eq = arg[0] == '-' ? strchr (arg, '=') : NULL;
  const char *value = eq ? eq + 1 : arg;
  if (arg[0] == '-' && eq == NULL)
    return g_strdup (arg);
  if (strcmp (value, "-") == 0 || *value == '\0')
    return g_strdup (arg);
  g_autofree char *base = g_path_get_basename (value);
  if (strcmp (base, "..") == 0 || strcmp (base, ".") == 0 || strcmp (base, "/") == 0)
    {
      g_free (base);
      base = g_strdup ("none");
    }
  g_autofree char *path = g_build_filename (files, base, NULL);
  return eq ? g_strdup_printf ("%.*s=%s", (int) (eq - arg), arg, path) : g_steal_pointer (&path);
}

/* Options whose values are not files: their "=value" is fuzzed as it is. */
static gboolean
takes_a_word (const char *arg)
{
  static const char *const words[] = { "--as-of=", "--lang=", "--codes=", NULL };
  for (const char *const *w = words; *w; w++)
    if (g_str_has_prefix (arg, *w))
      return TRUE;
  return FALSE;
}

static int
run (char **args, int n)
{
  g_autofree char **argv = g_new0 (char *, n + 2);
  argv[0] = (char *) "activering";
  if (n > 0)
    memcpy (argv + 1, args, sizeof (char *) * n);
  int status = cli_main (n + 1, argv);
  fflush (stdout);
  clearerr (stdout);
  return status;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > MAX_ARGS * MAX_ARG_LEN)
    return 0;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto (GStrv) lines = g_strsplit (text, "\n", MAX_ARGS + 1);
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *junit = g_build_filename (files, "out.xml", NULL);
  gboolean after_junit = FALSE;
  for (guint i = 0; lines[i] != NULL && i < MAX_ARGS; i++)
    {
      const char *arg = lines[i];
      if (is_help (arg) || strlen (arg) > MAX_ARG_LEN)
        continue;
      if (after_junit || g_str_has_prefix (arg, "--junit="))
        g_ptr_array_add (args, after_junit ? g_strdup (junit) : g_strconcat ("--junit=", junit, NULL));
      else
        /* A word that is not an option could be the previous option's value: every word is confined. */
        g_ptr_array_add (args, takes_a_word (arg) ? g_strdup (arg) : confined (arg));
      after_junit = strcmp (arg, "--junit") == 0;
    }
  /* `serve` runs until a signal stops it: fuzz-serve.c fuzzes its requests */
  if (args->len > 0 && strcmp (args->pdata[0], "serve") == 0)
    return 0;
  int first = run ((char **) args->pdata, (int) args->len);
  int second = run ((char **) args->pdata, (int) args->len);
  if (first != EXIT_DONE && first != EXIT_INPUT_ERRORS && first != EXIT_USAGE && first != EXIT_OUTCOMES_CHANGED)
    {
      fprintf (report, "%s: exit status %d is not one the tool documents\n", FUZZ_NAME, first);
      abort ();
    }
  if (first != second)
    {
      fprintf (report, "%s: the same command line gave %d, then %d\n", FUZZ_NAME, first, second);
      abort ();
    }
  return 0;
}
