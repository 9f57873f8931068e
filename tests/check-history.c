/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-history.c: a rule set's history (ActiveringRuleSetCollection) and the `in_force` member of the rule
 * language: loading a directory, the file in force on a day, and every way a history or an in_force is refused. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-util.h"

static char *source; /* the default rule file's text */
static char *dir;    /* a fresh directory per test */

static void
setup (void)
{
  source = test_read_file ("data/rules/be-vlaanderen.json", NULL);
  dir = g_dir_make_tmp ("check-history-XXXXXX", NULL);
  ck_assert (dir != NULL);
}

static void
teardown (void)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  for (const char *name; d != NULL && (name = g_dir_read_name (d)) != NULL;)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
  g_free (source);
}

/* The default rule file with another version and id, and @in_force (JSON, or NULL for none) as its first member. */
static char *
variant (const char *id, const char *version, const char *in_force)
{
  g_autoptr (GString) text = g_string_new (source);
  const char *at = strstr (text->str, "\"version\": \"");
  ck_assert (at != NULL);
  gsize start = (gsize) (at - text->str) + strlen ("\"version\": \""), end = start;
  while (text->str[end] != '"')
    end++;
  g_string_erase (text, (gssize) start, (gssize) (end - start));
  g_string_insert (text, (gssize) start, version);
  at = strstr (text->str, "\"id\": \"be-vlaanderen\"");
  ck_assert (at != NULL);
  g_string_erase (text, at - text->str, (gssize) strlen ("\"id\": \"be-vlaanderen\""));
  g_autofree char *member = g_strdup_printf ("\"id\": \"%s\"", id);
  g_string_insert (text, at - text->str, member);
  if (in_force != NULL)
    {
      g_autofree char *first = g_strdup_printf ("\"in_force\": %s,", in_force);
      g_string_insert (text, 1, first);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_file (const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ck_assert (g_file_set_contents (path, text, -1, NULL));
}

static void
write_variant (const char *name, const char *id, const char *version, const char *in_force)
{
  g_autofree char *text = variant (id, version, in_force);
  write_file (name, text);
}

static ActiveringRuleSetCollection *
load_failing (void)
{
  return activering_rule_set_collection_new_from_directory (dir, NULL);
}

START_TEST (test_two_files)
{
  write_variant ("b.json", "be-vlaanderen", "2027.1.0", "{\"from\": \"2027-01-01\", \"until\": null}");
  write_variant ("a.json", "be-vlaanderen", "2026.12.0", "{\"from\": \"2025-01-01\", \"until\": \"2026-12-31\"}");
  write_file ("notes.txt", "not a rule file");
  GError *error = NULL;
  g_autoptr (ActiveringRuleSetCollection) history = activering_rule_set_collection_new_from_directory (dir, &error);
  ck_assert_ptr_null (error);
  ck_assert_uint_eq (activering_rule_set_collection_get_n_rule_sets (history), 2);
  ck_assert_str_eq (activering_rule_set_collection_get_id (history), "be-vlaanderen");
  ck_assert_str_eq (activering_rule_set_collection_get_file (history, 0), "a.json");
  ck_assert_str_eq (activering_rule_set_collection_get_file (history, 1), "b.json");
  ck_assert_str_eq (activering_rule_set_get_version (activering_rule_set_collection_get_rule_set (history, 1)),
                    "2027.1.0");
  ck_assert_int_eq (activering_rule_set_collection_lookup_version (history, "2026.12.0"), 0);
  ck_assert_int_eq (activering_rule_set_collection_lookup_version (history, "2020.1.0"), -1);
  GDate from, until, day;
  g_date_clear (&until, 1);
  ck_assert (activering_rule_set_collection_get_in_force (history, 0, &from, &until));
  ck_assert_int_eq (g_date_get_year (&from), 2025);
  ck_assert_int_eq (g_date_get_day (&until), 31);
  g_date_clear (&until, 1);
  ck_assert (activering_rule_set_collection_get_in_force (history, 1, &from, &until));
  ck_assert (!g_date_valid (&until)); /* no end: left untouched */
  g_date_set_dmy (&day, 31, 12, 2026);
  ck_assert_int_eq (activering_rule_set_collection_lookup_date (history, &day), 0);
  g_date_set_dmy (&day, 1, 1, 2027);
  ck_assert_int_eq (activering_rule_set_collection_lookup_date (history, &day), 1);
  g_date_set_dmy (&day, 31, 12, 2024);
  ck_assert_int_eq (activering_rule_set_collection_lookup_date (history, &day), -1);

  /* select: the given date first, then the document's as_of */
  const char *facts =
      "{\"format\":\"activering.facts/1\",\"id\":\"d\",\"x_note\":{\"as_of\":1},\"as_of\":\"2027-02-01\"}";
  ck_assert_ptr_eq (activering_rule_set_collection_select (history, facts, -1, NULL, &error),
                    activering_rule_set_collection_get_rule_set (history, 1));
  g_date_set_dmy (&day, 1, 6, 2026);
  ck_assert_ptr_eq (activering_rule_set_collection_select (history, facts, -1, &day, &error),
                    activering_rule_set_collection_get_rule_set (history, 0));
  ck_assert_ptr_null (error);
  g_date_set_dmy (&day, 1, 3, 2019);
  ck_assert_ptr_null (activering_rule_set_collection_select (history, facts, -1, &day, &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE,
                     "facts: /as_of: no file of rule set be-vlaanderen is in force on 2019-03-01 (its history starts "
                     "on 2025-01-01)",
                     NULL);
  g_clear_error (&error);

  /* the result names the file that answered: its version, digest and in_force */
  ActiveringRuleSet *rules = activering_rule_set_collection_select (history, facts, -1, NULL, NULL);
  g_autoptr (ActiveringFacts) parsed = activering_facts_new_from_data (rules, facts, -1, NULL);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ck_assert (activering_evaluation_run (ev, parsed, NULL, ACTIVERING_EVALUATE_DEFAULT, NULL));
  g_autofree char *json = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, NULL);
  ck_assert_msg (strstr (json, "\"version\":\"2027.1.0\"") != NULL, "%.300s", json);
  ck_assert (strstr (json, "\"in_force\":{\"from\":\"2027-01-01\",\"until\":null}") != NULL);
}
END_TEST

/* A history of one costs nothing: it does not read the document (a bad one is the parser's to report). */
START_TEST (test_history_of_one)
{
  GError *error = NULL;
  g_autoptr (ActiveringRuleSetCollection) history = activering_rule_set_collection_new_default (&error);
  ck_assert_ptr_null (error);
  ck_assert_uint_eq (activering_rule_set_collection_get_n_rule_sets (history), 1);
  ck_assert_ptr_null (activering_rule_set_collection_get_file (history, 0));
  ck_assert (!activering_rule_set_collection_get_in_force (history, 0, NULL, NULL));
  ck_assert_ptr_nonnull (activering_rule_set_collection_select (history, "not json", -1, NULL, &error));
  ck_assert_ptr_null (error);
  GDate day;
  g_date_set_dmy (&day, 1, 1, 1900);
  ck_assert_int_eq (activering_rule_set_collection_lookup_date (history, &day), 0);
  /* one file in a directory, with or without in_force */
  write_variant ("only.json", "be-vlaanderen", "1.0", NULL);
  g_autoptr (ActiveringRuleSetCollection) one = activering_rule_set_collection_new_from_directory (dir, &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (activering_rule_set_collection_get_file (one, 0), "only.json");
  g_autoptr (ActiveringRuleSetCollection) copy = activering_rule_set_collection_ref (one);
  activering_rule_set_collection_unref (g_steal_pointer (&copy));
  TEST_EXPECT_CRITICAL (activering_rule_set_collection_get_rule_set (one, 1));
  TEST_EXPECT_CRITICAL (activering_rule_set_collection_get_file (one, 7));
}
END_TEST

START_TEST (test_overlap)
{
  write_variant ("a.json", "be-vlaanderen", "1", "{\"from\": \"2025-01-01\", \"until\": \"2027-01-31\"}");
  write_variant ("b.json", "be-vlaanderen", "2", "{\"from\": \"2027-01-01\", \"until\": null}");
  GError *error = NULL;
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_OVERLAP, dir,
                     "/in_force: a.json and b.json overlap: a.json is in force "
                     "until 2027-01-31, b.json from 2027-01-01",
                     NULL);
  g_clear_error (&error);
  write_variant ("a.json", "be-vlaanderen", "1", "{\"from\": \"2025-01-01\", \"until\": null}");
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_OVERLAP,
                     "a.json and b.json overlap: b.json is in force from 2027-01-01, "
                     "and a.json has no end",
                     NULL);
  g_clear_error (&error);
}
END_TEST

START_TEST (test_gap)
{
  write_variant ("a.json", "be-vlaanderen", "1", "{\"from\": \"2025-01-01\", \"until\": \"2026-11-30\"}");
  write_variant ("b.json", "be-vlaanderen", "2", "{\"from\": \"2027-01-01\", \"until\": null}");
  GError *error = NULL;
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE,
                     "/in_force: a gap between a.json and b.json: no file is "
                     "in force from 2026-12-01 to 2026-12-31",
                     NULL);
  g_clear_error (&error);
}
END_TEST

START_TEST (test_history_errors)
{
  GError *error = NULL;
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_MISSING, "no rule file (*.json) in the directory", NULL);
  g_clear_error (&error);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere", NULL);
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (nowhere, &error));
  test_assert_error (error, ACTIVERING_ERROR_IO, "cannot read the rule-set directory", NULL);
  g_clear_error (&error);

  write_variant ("a.json", "be-vlaanderen", "1", "{\"from\": \"2025-01-01\", \"until\": \"2026-12-31\"}");
  write_variant ("b.json", "be-brussel", "2", "{\"from\": \"2027-01-01\", \"until\": null}");
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE,
                     "/id: a.json is rule set \"be-vlaanderen\" and b.json is "
                     "\"be-brussel\": a history holds one rule set",
                     NULL);
  g_clear_error (&error);
  write_variant ("b.json", "be-vlaanderen", "1", "{\"from\": \"2027-01-01\", \"until\": null}");
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_DUPLICATE, "/version: a.json and b.json are both version 1", NULL);
  g_clear_error (&error);
  write_variant ("b.json", "be-vlaanderen", "2", NULL);
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_MISSING,
                     "b.json has no \"in_force\": each file of a history of several "
                     "says when it is in force",
                     NULL);
  g_clear_error (&error);
  /* a file that does not load: its own error, naming it */
  write_file ("b.json", "{");
  ck_assert_ptr_null (activering_rule_set_collection_new_from_directory (dir, &error));
  ck_assert_int_eq (error->code, ACTIVERING_ERROR_SYNTAX);
  ck_assert_msg (strstr (error->message, "b.json") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert_ptr_null (load_failing ()); /* without a GError too */
}
END_TEST

/* in_force in one rule file: each way it can be wrong, with the loader's path. */
START_TEST (test_in_force_errors)
{
  static const struct
  {
    const char *in_force;
    int code;
    const char *message;
  } cases[] = {
    { "{\"from\": \"2027-01-01\", \"until\": \"2026-12-31\"}", ACTIVERING_ERROR_INVALID_VALUE,
      "/in_force/until: \"until\" is before \"from\"" },
    { "{\"from\": \"2027-02-30\", \"until\": null}", ACTIVERING_ERROR_INVALID_VALUE,
      "/in_force/from: expected a valid date \"YYYY-MM-DD\", found \"2027-02-30\"" },
    { "{\"from\": \"2027-01-01\"}", ACTIVERING_ERROR_MISSING,
      "/in_force: missing \"until\" (its last day in force, or null)" },
    { "{\"until\": null}", ACTIVERING_ERROR_MISSING, "/in_force: missing \"from\"" },
    { "{\"from\": \"2027-01-01\", \"until\": null, \"to\": null}", ACTIVERING_ERROR_UNKNOWN_KEY, "/in_force" },
    { "\"2027-01-01\"", ACTIVERING_ERROR_TYPE, "/in_force: expected an object, found a string" },
    { "null", ACTIVERING_ERROR_TYPE, "/in_force" },
    { "{\"from\": 20270101, \"until\": null}", ACTIVERING_ERROR_INVALID_VALUE,
      "/in_force/from: expected a valid date" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = variant ("be-vlaanderen", "1", cases[i].in_force);
      GError *error = NULL;
      ActiveringRuleSet *rules = activering_rule_set_new_from_data (text, -1, "rules", &error);
      ck_assert_msg (rules == NULL, "in_force %s loads", cases[i].in_force);
      test_assert_error (error, cases[i].code, "rules: ", cases[i].message, NULL);
      g_clear_error (&error);
    }
}
END_TEST

static Suite *
history_suite (void)
{
  Suite *s = suite_create ("history");
  TCase *tc = tcase_create ("collection");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_two_files);
  tcase_add_test (tc, test_history_of_one);
  tcase_add_test (tc, test_overlap);
  tcase_add_test (tc, test_gap);
  tcase_add_test (tc, test_history_errors);
  tcase_add_test (tc, test_in_force_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (history_suite ());
}
