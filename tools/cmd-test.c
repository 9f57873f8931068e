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
  char *rules_id, *rules_version, *rules_digest; /* the rule set the case ran against (NULL for a bad file) */
} Result;

static void
result_free (gpointer data)
{
  Result *r = data;
  g_free (r->file);
  g_free (r->name);
  g_free (r->failure);
  g_free (r->rules_id);
  g_free (r->rules_version);
  g_free (r->rules_digest);
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

/* The first line of a failure: the headline of the readable report. */
static char *
first_line (const char *text)
{
  const char *newline = strchr (text, '\n');
  return newline ? g_strndup (text, (gsize) (newline - text)) : g_strdup (text);
}

/* What was expected and what came out, for JUnit's failure@message, which CI tools show in their lists: the
 * failure's mismatch lines (indented by two spaces under its headline, each "… expected X, got Y"), joined; the
 * headline when there are none (a bad file). */
static char *
failure_summary (const char *failure)
{
  g_autoptr (GString) summary = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (failure, "\n", -1);
  for (guint k = 1; lines[k] != NULL; k++)
    if (g_str_has_prefix (lines[k], "  ") && lines[k][2] != ' ' && lines[k][2] != '\0')
      g_string_append_printf (summary, "%s%s", summary->len ? "; " : "", lines[k] + 2);
  if (summary->len == 0)
    return first_line (failure);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
append_xml_attribute (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_xml_text (out, value);
  g_string_append_c (out, '"');
}

/* JUnit XML valid against both the strict Ant schema (tests/JUnit.xsd: a testsuite's package, id, timestamp,
 * hostname, properties, system-out and system-err, a failure's type, no attribute on testsuites) and Jenkins'
 * xunit junit-10.xsd (times with at most three decimals). tests/junit-test.sh checks both. */
static gboolean
write_junit (const char *path, GPtrArray *results)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  const char *hostname = g_get_host_name ();
  guint suite = 0;
  for (guint i = 0; i < results->len; suite++)
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
      g_string_append (out, "  <testsuite");
      append_xml_attribute (out, "name", first->file);
      append_xml_attribute (out, "package", "activering");
      g_string_append_printf (out, " id=\"%u\"", suite);
      append_xml_attribute (out, "timestamp", timestamp);
      append_xml_attribute (out, "hostname", *hostname ? hostname : "localhost");
      g_string_append_printf (out, " tests=\"%u\" failures=\"%u\" errors=\"%u\" time=\"%.3f\">\n", end - i,
                              suite_failures, suite_errors, seconds);
      g_string_append (out, "    <properties>\n");
      if (first->rules_id != NULL)
        {
          const char *const properties[][2] = { { "rules.id", first->rules_id },
                                                 { "rules.version", first->rules_version },
                                                 { "rules.digest", first->rules_digest } };
          for (guint p = 0; p < G_N_ELEMENTS (properties); p++)
            {
              g_string_append (out, "      <property");
              append_xml_attribute (out, "name", properties[p][0]);
              append_xml_attribute (out, "value", properties[p][1]);
              g_string_append (out, "/>\n");
            }
        }
      g_string_append (out, "    </properties>\n");
      for (; i < end; i++)
        {
          const Result *r = results->pdata[i];
          g_string_append (out, "    <testcase");
          append_xml_attribute (out, "name", r->name);
          append_xml_attribute (out, "classname", r->file);
          g_string_append_printf (out, " time=\"%.3f\"", r->seconds);
          if (r->passed)
            {
              g_string_append (out, "/>\n");
              continue;
            }
          const char *element = r->bad_file ? "error" : "failure";
          g_autofree char *summary = failure_summary (r->failure);
          g_string_append_printf (out, ">\n      <%s", element);
          append_xml_attribute (out, "type", r->bad_file ? "invalid_case_file" : "mismatch");
          append_xml_attribute (out, "message", summary);
          g_string_append (out, ">");
          append_xml_text (out, r->failure);
          g_string_append_printf (out, "</%s>\n    </testcase>\n", element);
        }
      g_string_append (out, "    <system-out/>\n    <system-err/>\n  </testsuite>\n");
    }
  g_string_append (out, "</testsuites>\n");
  g_autoptr (GError) error = NULL;
  gboolean ok = g_file_set_contents (path, out->str, (gssize) out->len, &error);
  if (!ok)
    cli_error ("cannot write %s: %s", path, error->message);
  g_string_free (out, TRUE);
  return ok;
}

/* A test description as TAP 13 wants it: "#" starts a directive (a case named "… # TODO …" would become a TODO
 * test that prove does not count as failed) and "\\" escapes, so both are escaped. */
static void
append_tap_description (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '#' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
print_tap (GPtrArray *results)
{
  printf ("TAP version 13\n1..%u\n", results->len);
  g_autoptr (GString) description = g_string_new (NULL);
  for (guint i = 0; i < results->len; i++)
    {
      const Result *r = results->pdata[i];
      g_string_truncate (description, 0);
      append_tap_description (description, r->file);
      g_string_append (description, ": ");
      append_tap_description (description, r->name);
      printf ("%s %u - %s\n", r->passed ? "ok" : "not ok", i + 1, description->str);
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
      g_autoptr (ActiveringCaseFile) file = activering_case_file_new_from_file (rules, argv[a], &error);
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
          ActiveringRuleSet *file_rules = activering_case_file_get_rule_set (file);
          r->rules_id = g_strdup (activering_rule_set_get_id (file_rules));
          r->rules_version = g_strdup (activering_rule_set_get_version (file_rules));
          r->rules_digest = g_strdup (activering_rule_set_get_digest (file_rules));
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
  return failed > 0 ? EXIT_INPUT_ERRORS : EXIT_DONE;
}
