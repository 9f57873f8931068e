/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* test-util.c: helpers shared by the Check suites. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "test-util.h"

char *
test_path (const char *relative)
{
  const char *top = g_getenv ("top_srcdir");
  return g_build_filename (top && *top ? top : TEST_SRCDIR, relative, NULL);
}

char *
test_read_file (const char *relative, gsize *length)
{
  g_autofree char *path = test_path (relative);
  char *contents = NULL;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (path, &contents, length, &error))
    ck_abort_msg ("cannot read %s: %s", path, error->message);
  return contents;
}

ActiveringRuleSet *
test_default_rules (void)
{
  g_autoptr (GError) error = NULL;
  ActiveringRuleSet *rules = activering_rule_set_new_default (&error);
  ck_assert_msg (rules != NULL, "the default rule set does not load: %s", error ? error->message : "?");
  return rules;
}

void
test_assert_error (const GError *error, int code, ...)
{
  ck_assert_msg (error != NULL, "expected an error with code %s, got none", activering_error_code_to_string (code));
  ck_assert_msg (error->domain == ACTIVERING_ERROR, "error outside ACTIVERING_ERROR: %s", error->message);
  ck_assert_msg (error->code == code, "expected code %s, got %s: %s", activering_error_code_to_string (code),
                 activering_error_code_to_string (error->code), error->message);
  va_list args;
  va_start (args, code);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    ck_assert_msg (strstr (error->message, part) != NULL, "message \"%s\" lacks \"%s\"", error->message, part);
  va_end (args);
}

int
test_run_suite (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  srunner_run_all (runner, CK_NORMAL);
  int failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static unsigned expected_criticals;
static guint critical_handler;
static GLogLevelFlags fatal_before;

static void
count_critical (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  (void) domain;
  (void) level;
  (void) message;
  (void) data;
  expected_criticals++;
}

void
test_expect_critical_begin (void)
{
  expected_criticals = 0;
  fatal_before = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  critical_handler = g_log_set_handler ("activering", G_LOG_LEVEL_CRITICAL, count_critical, NULL);
}

void
test_expect_critical_end (const char *statement, const char *file, int line)
{
  g_log_remove_handler ("activering", critical_handler);
  g_log_set_always_fatal (fatal_before);
  ck_assert_msg (expected_criticals > 0, "%s:%d: no critical from %s", file, line, statement);
}
