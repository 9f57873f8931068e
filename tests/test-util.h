/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* test-util.h: helpers shared by the Check suites. */
#pragma once

#include <check.h>
#include <activering/activering.h>

/* An absolute path under the source tree (works from any build directory, so 'make distcheck' passes). */
char *test_path (const char *relative);

/* The contents of a file under the source tree; fails the test if it cannot be read. */
char *test_read_file (const char *relative, gsize *length);

/* The embedded default rule set; fails the test if it does not load. */
ActiveringRuleSet *test_default_rules (void);

/* Asserts that @error is set, in ACTIVERING_ERROR with @code, and that its message contains each of the
 * NULL-terminated substrings. */
void test_assert_error (const GError *error, int code, ...) G_GNUC_NULL_TERMINATED;

/* Runs @suite and returns the process exit status. */
int test_run_suite (Suite *suite);

/* Runs @statement, which must end in a GLib critical from the library and nothing worse: an index out of range, or
 * another programmer's error (docs/api-conventions.md, "Indexes"). The suites make criticals fatal; this lets
 * exactly the expected ones through. */
#define TEST_EXPECT_CRITICAL(statement)                                                                               \
  do                                                                                                                  \
    {                                                                                                                 \
      test_expect_critical_begin ();                                                                                  \
      statement;                                                                                                      \
      test_expect_critical_end (#statement, __FILE__, __LINE__);                                                      \
    }                                                                                                                 \
  while (0)
void test_expect_critical_begin (void);
void test_expect_critical_end (const char *statement, const char *file, int line);
