/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-error.c: the ACTIVERING_ERROR domain and what its errors carry besides the message (public API only). */
#include "config.h"

#include "test-util.h"

START_TEST (test_domain_string)
{
  /* Bindings and D-Bus error maps name the domain by this string, so it is part of the API. */
  ck_assert_str_eq (g_quark_to_string (ACTIVERING_ERROR), "activering-error-quark");
  ck_assert_uint_eq (ACTIVERING_ERROR, g_quark_try_string ("activering-error-quark"));
}
END_TEST

/* Parses @json as facts against the default rule set, which must fail; returns the error. */
static GError *
facts_error (const char *json)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  GError *error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, json, -1, &error);
  ck_assert_msg (facts == NULL, "facts parsed: %s", json);
  ck_assert (error != NULL);
  return error;
}

START_TEST (test_path_travels_with_the_error)
{
  g_autoptr (GError) error = facts_error ("{\"format\":\"activering.facts/1\",\"id\":\"t-1\",\"regio\":\"x\"}");
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, NULL);
  ck_assert_str_eq (activering_error_get_path (error), "/regio");
  ck_assert_str_eq (activering_error_get_document (error), "facts");
  /* The message is what it was before the path travelled with the error. */
  ck_assert_str_eq (error->message, "facts: /regio: unknown key \"regio\" (did you mean \"region\"?)");
}
END_TEST

START_TEST (test_nested_path)
{
  g_autoptr (GError) error =
      facts_error ("{\"format\":\"activering.facts/1\",\"id\":\"t-1\",\"vdab\":{\"registered_since\":\"2025-13-01\"}}");
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "facts: /vdab/registered_since: ", NULL);
  ck_assert_str_eq (activering_error_get_path (error), "/vdab/registered_since");
}
END_TEST

START_TEST (test_root_path)
{
  g_autoptr (GError) error = facts_error ("{");
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "facts: /: ", NULL);
  ck_assert_str_eq (activering_error_get_path (error), "/");
}
END_TEST

START_TEST (test_document_named_by_the_caller)
{
  GError *error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data ("{", -1, "mine.json", &error);
  ck_assert (rules == NULL);
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "mine.json: /: ", NULL);
  ck_assert_str_eq (activering_error_get_document (error), "mine.json");
  ck_assert_str_eq (activering_error_get_path (error), "/");
  g_clear_error (&error);
}
END_TEST

START_TEST (test_copy_keeps_path)
{
  g_autoptr (GError) error = facts_error ("{\"format\":\"activering.facts/1\",\"id\":\"t-1\",\"regio\":\"x\"}");
  g_autoptr (GError) copy = g_error_copy (error);
  g_clear_error (&error); /* the copy owns its own strings */
  ck_assert_str_eq (activering_error_get_path (copy), "/regio");
  ck_assert_str_eq (activering_error_get_document (copy), "facts");
}
END_TEST

START_TEST (test_prefixed_keeps_path)
{
  GError *error = facts_error ("{\"format\":\"activering.facts/1\",\"id\":\"t-1\",\"regio\":\"x\"}");
  g_prefix_error (&error, "line 3: ");
  ck_assert_str_eq (activering_error_get_path (error), "/regio");
  g_clear_error (&error);
}
END_TEST

START_TEST (test_no_path)
{
  GError *error = NULL;
  g_autofree char *missing = test_path ("tests/no-such-rules.json");
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_file (missing, &error);
  ck_assert (rules == NULL);
  test_assert_error (error, ACTIVERING_ERROR_IO, NULL);
  ck_assert_ptr_null (activering_error_get_path (error));
  ck_assert_ptr_null (activering_error_get_document (error));
  g_clear_error (&error);

  /* Not ours: no path, and no reading of memory that is not there. */
  g_autoptr (GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "elsewhere");
  ck_assert_ptr_null (activering_error_get_path (other));
  ck_assert_ptr_null (activering_error_get_document (other));
  ck_assert_ptr_null (activering_error_get_path (NULL));
  ck_assert_ptr_null (activering_error_get_document (NULL));
}
END_TEST

static Suite *
error_suite (void)
{
  Suite *s = suite_create ("error");
  TCase *tc = tcase_create ("domain");
  tcase_add_test (tc, test_domain_string);
  suite_add_tcase (s, tc);

  tc = tcase_create ("path");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_path_travels_with_the_error);
  tcase_add_test (tc, test_nested_path);
  tcase_add_test (tc, test_root_path);
  tcase_add_test (tc, test_document_named_by_the_caller);
  tcase_add_test (tc, test_copy_keeps_path);
  tcase_add_test (tc, test_prefixed_keeps_path);
  tcase_add_test (tc, test_no_path);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (error_suite ());
}
