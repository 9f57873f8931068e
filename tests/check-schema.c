/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-schema.c: the JSON Schemas of the documents (activering_rule_set_dup_schema(), docs/schemas.md), through the
 * public API. tests/python-test.sh validates documents against them with a real validator. */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "test-util.h"

static const char *const expected_formats[] = {
  "activering.facts/1",      "activering.result/1",       "activering.outcomes/1",
  "activering.trajectory/1", "activering.trajectory-report/1", "activering.organisation/1",
  "activering.roles/1",      "activering.error/1",
};

/* The schema of @format in @lang, parsed; fails the test unless it is a JSON object. */
static json_object *
schema_of (ActiveringRuleSet *rules, const char *format, const char *lang)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = activering_rule_set_dup_schema (rules, format, lang, &error);
  ck_assert_msg (text != NULL, "%s: %s", format, error ? error->message : "");
  json_object *schema = json_tokener_parse (text);
  ck_assert_msg (json_object_is_type (schema, json_type_object), "%s: not a JSON object", format);
  return schema;
}

/* The member at @pointer (a JSON pointer of plain keys) of @root, or NULL. */
static json_object *
at (json_object *root, const char *pointer)
{
  g_auto (GStrv) keys = g_strsplit (pointer + 1, "/", -1);
  json_object *node = root;
  for (guint i = 0; keys[i] != NULL && node != NULL; i++)
    if (!json_object_object_get_ex (node, keys[i], &node))
      return NULL;
  return node;
}

static const char *
string_at (json_object *root, const char *pointer)
{
  json_object *node = at (root, pointer);
  ck_assert_msg (node != NULL, "no %s", pointer);
  return json_object_get_string (node);
}

START_TEST (test_list_formats)
{
  const char *const *formats = activering_schema_list_formats ();
  ck_assert_ptr_nonnull (formats);
  guint n = 0;
  while (formats[n] != NULL)
    n++;
  ck_assert_uint_eq (n, G_N_ELEMENTS (expected_formats));
  for (guint i = 0; i < n; i++)
    ck_assert_str_eq (formats[i], expected_formats[i]);
}
END_TEST

START_TEST (test_every_format_and_language)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  static const char *const languages[] = { "nl", "fr", "en" };
  for (guint f = 0; f < G_N_ELEMENTS (expected_formats); f++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        json_object *schema = schema_of (rules, expected_formats[f], languages[l]);
        ck_assert_str_eq (string_at (schema, "/$schema"), "https://json-schema.org/draft/2020-12/schema");
        ck_assert_str_eq (string_at (schema, "/properties/format/const"), expected_formats[f]);
        /* every placeholder of the template is filled in */
        const char *text = json_object_to_json_string (schema);
        ck_assert_msg (strstr (text, "$generate") == NULL && strstr (text, "$text") == NULL, "%s", expected_formats[f]);
        json_object_put (schema);
      }
}
END_TEST

START_TEST (test_facts_follow_the_rule_set)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  json_object *schema = schema_of (rules, "activering.facts/1", "en");
  /* every declared fact, nested as the parser reads it, and by its dotted path at the root */
  for (guint f = 0; f < activering_rule_set_get_n_facts (rules); f++)
    {
      const char *path = activering_rule_set_get_fact_path (rules, f);
      g_autofree char *type = g_strdup_printf ("#/$defs/fact.%s", activering_rule_set_get_fact_type (rules, f));
      g_auto (GStrv) keys = g_strsplit (path, ".", -1);
      g_autofree char *nested = g_strjoinv ("/properties/", keys);
      g_autofree char *pointer = g_strconcat ("/properties/", nested, NULL);
      g_autofree char *ref = g_strconcat (pointer, "/$ref", NULL);
      g_autofree char *description = g_strconcat (pointer, "/description", NULL);
      ck_assert_str_eq (string_at (schema, ref), type);
      ck_assert_str_eq (string_at (schema, description), activering_rule_set_get_fact_label (rules, f, "en"));
      if (strchr (path, '.') != NULL)
        {
          g_autofree char *target = g_strconcat ("#", pointer, NULL);
          json_object *alias_ref = NULL;
          json_object *properties = at (schema, "/properties");
          ck_assert (json_object_object_get_ex (properties, path, &alias_ref));
          ck_assert_str_eq (json_object_get_string (json_object_object_get (alias_ref, "$ref")), target);
        }
    }
  /* ranges, enums (with null: a blank fact), the x_ rule, no other key */
  ck_assert_int_eq (json_object_get_int (at (schema, "/properties/work_capacity/minimum")), 0);
  ck_assert_int_eq (json_object_get_int (at (schema, "/properties/work_capacity/maximum")), 1);
  json_object *values = at (schema, "/properties/income/properties/status/enum");
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (values, 0)), "leefloon");
  ck_assert (json_object_array_get_idx (values, json_object_array_length (values) - 1) == NULL);
  ck_assert (at (schema, "/properties/income/patternProperties/^x_") != NULL);
  ck_assert (!json_object_get_boolean (at (schema, "/properties/income/additionalProperties")));
  ck_assert (!json_object_get_boolean (at (schema, "/additionalProperties")));
  json_object *required = at (schema, "/required");
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (required, 0)), "format");
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (required, 1)), "id");
  json_object_put (schema);
}
END_TEST

START_TEST (test_descriptions_in_the_language)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  json_object *nl = schema_of (rules, "activering.facts/1", NULL); /* NULL: the rule set's first language */
  json_object *fr = schema_of (rules, "activering.facts/1", "fr");
  ck_assert_str_eq (string_at (nl, "/title"), "Feiten van een dossier");
  ck_assert_str_eq (string_at (fr, "/title"), "Faits d'un dossier");
  ck_assert_str_eq (string_at (fr, "/properties/vdab/properties/registered/description"),
                    activering_rule_set_get_fact_label (rules, (guint) activering_rule_set_lookup_fact (rules, "vdab.registered"), "fr"));
  json_object_put (nl);
  json_object_put (fr);
}
END_TEST

START_TEST (test_codes_of_the_rule_set)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  json_object *outcomes = schema_of (rules, "activering.outcomes/1", "en");
  json_object *required = at (outcomes, "/properties/outcomes/required");
  ck_assert_uint_eq (json_object_array_length (required), activering_rule_set_get_n_measures (rules));
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (required, m)),
                      activering_rule_set_get_measure_code (rules, m));
  json_object_put (outcomes);
  json_object *trajectory = schema_of (rules, "activering.trajectory/1", "en");
  json_object *models = at (trajectory, "/properties/model/enum");
  ck_assert_uint_eq (json_object_array_length (models), activering_rule_set_get_n_phase_models (rules));
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (models, 0)),
                    activering_rule_set_get_phase_model_code (rules, 0));
  json_object_put (trajectory);
  json_object *error = schema_of (rules, "activering.error/1", "en");
  json_object *codes = at (error, "/properties/code/enum");
  ck_assert_uint_eq (json_object_array_length (codes), ACTIVERING_ERROR_USAGE + 1);
  for (int code = 0; code <= ACTIVERING_ERROR_USAGE; code++)
    ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (codes, (gsize) code)),
                      activering_error_code_to_string (code));
  json_object_put (error);
}
END_TEST

START_TEST (test_another_rule_set)
{
  /* the schema is made from the rule set loaded, not from the one compiled in */
  gsize length;
  g_autofree char *text = test_read_file ("data/rules/be-vlaanderen.json", &length);
  g_autoptr (GString) changed = g_string_new (text);
  ck_assert_uint_eq (g_string_replace (changed, "\"en\": \"Legally resident in Belgium\"",
                                       "\"en\": \"Lawfully resident in Belgium\"", 1), 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (changed->str, -1, "changed.json", &error);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "");
  json_object *schema = schema_of (rules, "activering.facts/1", "en");
  ck_assert_str_eq (string_at (schema, "/properties/person/properties/legal_residence/description"),
                    "Lawfully resident in Belgium");
  ck_assert (strstr (string_at (schema, "/$comment"), activering_rule_set_get_digest (rules)) != NULL);
  json_object_put (schema);
}
END_TEST

START_TEST (test_unknown_format)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GError) error = NULL;
  ck_assert_ptr_null (activering_rule_set_dup_schema (rules, "activering.facts/2", "nl", &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, NULL);
  ck_assert_str_eq (error->message,
                    "schema: no schema for the format \"activering.facts/2\" (known: activering.facts/1, "
                    "activering.result/1, activering.outcomes/1, activering.trajectory/1, "
                    "activering.trajectory-report/1, activering.organisation/1, activering.roles/1, "
                    "activering.error/1)");
  g_clear_error (&error);
  ck_assert_ptr_null (activering_rule_set_dup_schema (rules, NULL, "nl", &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "no schema for the format \"(null)\"", NULL);
}
END_TEST

START_TEST (test_unknown_language)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autoptr (GError) error = NULL;
  ck_assert_ptr_null (activering_rule_set_dup_schema (rules, "activering.result/1", "de", &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, NULL);
  ck_assert_str_eq (error->message, "schema: the rule set has no texts in \"de\" (it has: nl, fr, en)");
}
END_TEST

static Suite *
schema_suite (void)
{
  Suite *s = suite_create ("schema");
  TCase *tc = tcase_create ("schema");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_list_formats);
  tcase_add_test (tc, test_every_format_and_language);
  tcase_add_test (tc, test_facts_follow_the_rule_set);
  tcase_add_test (tc, test_descriptions_in_the_language);
  tcase_add_test (tc, test_codes_of_the_rule_set);
  tcase_add_test (tc, test_another_rule_set);
  tcase_add_test (tc, test_unknown_format);
  tcase_add_test (tc, test_unknown_language);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (schema_suite ());
}
