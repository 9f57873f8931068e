/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-test.c: `activering test [--rules FILE] [--junit FILE] CASES...`: runs rule-case files in CI.
 *
 * TAP on standard output when it is not a terminal (or with --tap), a readable report on a terminal; JUnit XML
 * into --junit FILE for GitLab, GitHub and Jenkins. A case file that does not load is one failed test, and the
 * other files still run. Exit status: 0 when every case passes, 1 otherwise, 2 for bad usage.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cli-private.h"

typedef struct
{
  char *file, *name;
  gboolean passed, bad_file;
  char *failure; /* what went wrong, or NULL */
  double seconds;
} Result;

static void
result_free (gpointer data)
{
  Result *r = data;
  g_free (r->file);
  g_free (r->name);
  g_free (r->failure);
  g_free (r);
}

static void
append_xml_text (GString *out, const char *s)
{
  for (const char *p = s; *p; p++)
    switch (*p)
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default:
        if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
          g_string_append_c (out, ' '); /* not allowed in XML 1.0 */
        else
          g_string_append_c (out, *p);
      }
}

/* The first line of a failure: the message attribute of JUnit and the headline of the readable report. */
static char *
first_line (const char *text)
{
  const char *newline = strchr (text, '\n');
  return newline ? g_strndup (text, (gsize) (newline - text)) : g_strdup (text);
}

static gboolean
write_junit (const char *path, GPtrArray *results)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  guint failures = 0, errors = 0;
  for (guint i = 0; i < results->len; i++)
    {
      const Result *r = results->pdata[i];
      failures += !r->passed && !r->bad_file;
      errors += r->bad_file;
    }
  g_string_append_printf (out, "<testsuites name=\"activering test\" tests=\"%u\" failures=\"%u\" errors=\"%u\">\n",
                          results->len, failures, errors);
  for (guint i = 0; i < results->len;)
    {
      const Result *first = results->pdata[i];
      guint end = i, suite_failures = 0, suite_errors = 0;
      double seconds = 0;
      while (end < results->len && strcmp (((const Result *) results->pdata[end])->file, first->file) == 0)
        {
          const Result *r = results->pdata[end++];
          suite_failures += !r->passed && !r->bad_file;
          suite_errors += r->bad_file;
          seconds += r->seconds;
        }
      g_string_append (out, "  <testsuite name=\"");
      append_xml_text (out, first->file);
      g_string_append_printf (out, "\" tests=\"%u\" failures=\"%u\" errors=\"%u\" time=\"%.6f\">\n", end - i,
                              suite_failures, suite_errors, seconds);
      for (; i < end; i++)
        {
          const Result *r = results->pdata[i];
          g_string_append (out, "    <testcase classname=\"");
          append_xml_text (out, r->file);
          g_string_append (out, "\" name=\"");
          append_xml_text (out, r->name);
          g_string_append_printf (out, "\" time=\"%.6f\"", r->seconds);
          if (r->passed)
            {
              g_string_append (out, "/>\n");
              continue;
            }
          g_autofree char *headline = first_line (r->failure);
          g_string_append_printf (out, ">\n      <%s message=\"", r->bad_file ? "error" : "failure");
          append_xml_text (out, headline);
          g_string_append (out, "\">");
          append_xml_text (out, r->failure);
          g_string_append_printf (out, "</%s>\n    </testcase>\n", r->bad_file ? "error" : "failure");
        }
      g_string_append (out, "  </testsuite>\n");
    }
  g_string_append (out, "</testsuites>\n");
  g_autoptr (GError) error = NULL;
  gboolean ok = g_file_set_contents (path, out->str, (gssize) out->len, &error);
  if (!ok)
    cli_error ("cannot write %s: %s", path, error->message);
  g_string_free (out, TRUE);
  return ok;
}

static void
print_tap (GPtrArray *results)
{
  printf ("TAP version 13\n1..%u\n", results->len);
  for (guint i = 0; i < results->len; i++)
    {
      const Result *r = results->pdata[i];
      printf ("%s %u - %s: %s\n", r->passed ? "ok" : "not ok", i + 1, r->file, r->name);
      if (r->passed)
        continue;
      printf ("  ---\n  message: |\n");
      g_auto (GStrv) lines = g_strsplit (r->failure, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        if (*lines[k] != '\0')
          printf ("    %s\n", lines[k]);
      printf ("  ...\n");
    }
}

static void
print_report (GPtrArray *results, guint failed)
{
  const char *last = NULL;
  guint passed_in_file = 0, cases_in_file = 0;
  for (guint i = 0; i <= results->len; i++)
    {
      const Result *r = i < results->len ? results->pdata[i] : NULL;
      if (last != NULL && (r == NULL || strcmp (r->file, last) != 0))
        printf ("%s %s: %u of %u cases pass\n", passed_in_file == cases_in_file ? "✔" : "✘", last, passed_in_file,
                cases_in_file);
      if (r == NULL)
        break;
      if (last == NULL || strcmp (r->file, last) != 0)
        passed_in_file = cases_in_file = 0;
      last = r->file;
      cases_in_file++;
      passed_in_file += r->passed;
    }
  for (guint i = 0; i < results->len; i++)
    {
      const Result *r = results->pdata[i];
      if (!r->passed)
        printf ("\n✘ %s", r->failure);
    }
  printf ("\n%u case%s, %u failed\n", results->len, results->len == 1 ? "" : "s", failed);
}

int
cmd_test (int argc, char **argv)
{
  g_autofree char *rules_path = NULL, *junit = NULL;
  gboolean tap = FALSE, want_coverage = FALSE;
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      "Run every case against this rule set (default: the one each file names, or the embedded one)", "FILE" },
    { "junit", 0, 0, G_OPTION_ARG_FILENAME, &junit, "Also write the results as JUnit XML into FILE", "FILE" },
    { "tap", 0, 0, G_OPTION_ARG_NONE, &tap, "Write TAP even on a terminal", NULL },
    { "coverage", 0, 0, G_OPTION_ARG_NONE, &want_coverage,
      "Also list each condition's states seen by the cases, and the parameter periods none exercised", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("CASES... — run rule-case files (docs/rule-cases.md)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cli_parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      cli_error ("usage: activering test [--rules FILE] [--junit FILE] [--tap] [--coverage] CASES...");
      return EXIT_USAGE;
    }
  g_autoptr (ActiveringRuleSet) rules = NULL;
  if (rules_path != NULL && (rules = cli_load_rules (rules_path)) == NULL)
    return EXIT_INPUT_ERRORS;
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func (result_free);
  /* one coverage per rule set the files run against, by digest, in the order first met */
  g_autoptr (GHashTable) coverages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) coverage_order
      = g_ptr_array_new_with_free_func ((GDestroyNotify) activering_case_coverage_free);
  guint failed = 0;
  for (int a = 1; a < argc; a++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ActiveringCaseFile) file = activering_case_file_load (argv[a], rules, &error);
      if (file == NULL)
        {
          Result *r = g_new0 (Result, 1);
          r->file = g_strdup (argv[a]);
          r->name = g_strdup ("(the case file)");
          r->bad_file = TRUE;
          r->failure = g_strdup_printf ("%s\n", error->message);
          g_ptr_array_add (results, r);
          failed++;
          continue;
        }
      ActiveringCaseCoverage *coverage = NULL;
      if (want_coverage)
        {
          ActiveringRuleSet *file_rules = activering_case_file_get_rule_set (file);
          const char *digest = activering_rule_set_get_digest (file_rules);
          coverage = g_hash_table_lookup (coverages, digest);
          if (coverage == NULL)
            {
              coverage = activering_case_coverage_new (file_rules);
              g_ptr_array_add (coverage_order, coverage);
              g_hash_table_insert (coverages, (gpointer) digest, coverage);
            }
        }
      for (guint i = 0; i < activering_case_file_get_n_cases (file); i++)
        {
          Result *r = g_new0 (Result, 1);
          r->file = g_strdup (argv[a]);
          r->name = g_strdup (activering_case_file_get_case_name (file, i));
          for (char *c = r->name; *c; c++)
            if ((guchar) *c < 0x20)
              *c = ' '; /* one line per test in TAP */
          GString *failure = g_string_new (NULL);
          gint64 start = g_get_monotonic_time ();
          r->passed = activering_case_file_run_case (file, i, coverage, failure);
          r->seconds = (double) (g_get_monotonic_time () - start) / 1e6;
          r->failure = g_string_free (failure, r->passed);
          failed += !r->passed;
          g_ptr_array_add (results, r);
        }
    }
  gboolean as_tap = tap || !isatty (STDOUT_FILENO);
  if (as_tap)
    print_tap (results);
  else
    print_report (results, failed);
  for (guint c = 0; c < coverage_order->len; c++)
    {
      g_autofree char *text = activering_case_coverage_to_text (coverage_order->pdata[c], as_tap ? "# " : "");
      printf ("%s%s", as_tap ? "" : "\n", text);
    }
  if (junit != NULL && !write_junit (junit, results))
    return EXIT_INPUT_ERRORS;
  if (fflush (stdout) != 0)
    return EXIT_INPUT_ERRORS;
  return failed > 0 ? EXIT_INPUT_ERRORS : EXIT_DONE;
}
