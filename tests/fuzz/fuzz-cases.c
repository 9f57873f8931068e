/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-cases.c: libFuzzer target for rule-case files (activering_case_file_new_from_data) and running the cases
 * they hold, with coverage.
 *
 * Built by `make tests/fuzz/fuzz-cases` (see tests/Makefile.inc). Run:
 *
 *   cp -r tests/cases /tmp/corpus
 *   ./tests/fuzz/fuzz-cases -dict=tests/fuzz/facts.dict /tmp/corpus
 *
 * Besides the sanitizers, the target checks that a refused file gets an ACTIVERING_ERROR whose every line names
 * the file ("fuzz.json: …"), in valid UTF-8; that a loaded file's cases all run, a failing one explaining itself
 * under a heading that names the file and the case; and that the coverage documents are well-formed.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <activering/activering.h>

#define FUZZ_NAME "fuzz-cases"
#include "fuzz-checks.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ActiveringRuleSet *rules = fuzz_default_rules ();
  GError *error = NULL;
  /* no directory for relative paths: a "rules" or "facts_file" the input names is not read from the disk */
  ActiveringCaseFile *file = activering_case_file_new_from_data (rules, (const char *) data, (gssize) size, "fuzz.json",
                                                                 "/nonexistent", &error);
  if (file == NULL)
    {
      check_error (error, "fuzz.json: ");
      CHECK (g_utf8_validate (error->message, -1, NULL), "message is not UTF-8");
      g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        CHECK (g_str_has_prefix (lines[i], "fuzz.json: "), "a line does not name the file: %s", lines[i]);
      g_error_free (error);
      return 0;
    }
  CHECK (error == NULL, "success with an error set");
  ActiveringCaseCoverage *coverage = activering_case_coverage_new (rules);
  for (guint i = 0; i < activering_case_file_get_n_cases (file); i++)
    {
      const char *name = activering_case_file_get_case_name (file, i);
      CHECK (name != NULL && *name, "case %u has no name", i);
      GString *failure = g_string_new (NULL);
      if (!activering_case_file_run_case (file, i, coverage, failure))
        {
          g_autofree char *heading = g_strdup_printf ("fuzz.json: case \"%s\"", name);
          CHECK (g_str_has_prefix (failure->str, heading), "a failure without its heading: %.200s", failure->str);
          CHECK (strchr (failure->str, '\n') != NULL && failure->str[failure->len - 1] == '\n',
                 "a failure without its explanation: %.200s", failure->str);
        }
      else
        CHECK (failure->len == 0, "a passing case wrote a failure");
      g_string_free (failure, TRUE);
    }
  char *json = activering_case_coverage_to_json (coverage, ACTIVERING_JSON_PRETTY);
  check_json ("coverage document", json, strlen (json));
  g_free (json);
  char *text = activering_case_coverage_to_text (coverage, "# ");
  CHECK (g_utf8_validate (text, -1, NULL), "coverage listing is not UTF-8");
  g_free (text);
  activering_case_coverage_free (coverage);
  activering_case_file_free (file);
  return 0;
}
