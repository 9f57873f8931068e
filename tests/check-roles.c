/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-roles.c: organisation documents and role assignment, through the public API (docs/roles.md).
 *
 * The data-driven cases in tests/cases/roles.json cover each task's trigger, each organisation variant, each gap
 * and each conflict; this suite covers what cases cannot: every bad-input path of the organisation parser with its
 * error code and message, the typed getters, usage errors, reuse of one assignment, the messages in each language,
 * and threads sharing one rule set.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "test-util.h"

static ActiveringRuleSet *rules;

static void
setup (void)
{
  rules = test_default_rules ();
}

static void
teardown (void)
{
  activering_rule_set_unref (rules);
  rules = NULL;
}

#define HEAD "\"format\":\"activering.organisation/1\",\"id\":\"o\""
#define ORG(rest) "{" HEAD ",\"activation_service\":\"internal_dedicated\"" rest "}"
#define ACTORS                                                                                                     \
  ",\"actors\":[{\"id\":\"mw-an\",\"role\":\"ocmw.maatschappelijk_werker\"},"                                      \
  "{\"id\":\"tb-jan\",\"role\":\"ocmw.trajectbegeleider\"},{\"id\":\"vdab-els\",\"role\":\"vdab.bemiddelaar\"}]"

#define FACTS(rest)                                                                                                \
  "{\"format\":\"activering.facts/1\",\"id\":\"d-1\",\"as_of\":\"2026-03-02\",\"region\":\"vlaanderen\""          \
  ",\"income\":{\"status\":\"leefloon\",\"decision_date\":\"2025-05-20\"},\"vdab\":{\"registered\":true}" rest "}"

/* Parsing @text fails with @code and a message holding every following string. */
#define ASSERT_PARSE_FAILS(text, code, ...)                                                                            \
  do                                                                                                                   \
    {                                                                                                                  \
      g_autoptr (GError) error_ = NULL;                                                                                \
      ActiveringOrganisation *o_ = activering_organisation_new_from_data (rules, (text), -1, &error_);                 \
      ck_assert_msg (o_ == NULL, "the organisation parsed: %s", (text));                                               \
      test_assert_error (error_, (code), __VA_ARGS__, NULL);                                                           \
    }                                                                                                                  \
  while (0)

static ActiveringOrganisation *
parse_org (const char *text)
{
  g_autoptr (GError) error = NULL;
  ActiveringOrganisation *o = activering_organisation_new_from_data (rules, text, -1, &error);
  ck_assert_msg (o != NULL, "the organisation does not parse: %s", error ? error->message : "?");
  return o;
}

static ActiveringFacts *
parse_facts (const char *text)
{
  g_autoptr (GError) error = NULL;
  ActiveringFacts *f = activering_facts_new_from_data (rules, text, -1, &error);
  ck_assert_msg (f != NULL, "the facts do not parse: %s", error ? error->message : "?");
  return f;
}

/* Runs an assignment and returns it (to free). */
static ActiveringRoleAssignment *
run (const char *organisation, const char *facts, const char *trajectory, ActiveringRolesFlags flags)
{
  g_autoptr (ActiveringOrganisation) o = parse_org (organisation);
  g_autoptr (ActiveringFacts) f = parse_facts (facts);
  g_autoptr (ActiveringTrajectory) t = NULL;
  g_autoptr (GError) error = NULL;
  if (trajectory != NULL)
    {
      t = activering_trajectory_new_from_data (rules, trajectory, -1, &error);
      ck_assert_msg (t != NULL, "the trajectory does not parse: %s", error ? error->message : "?");
    }
  ActiveringRoleAssignment *ra = activering_role_assignment_new (rules);
  ck_assert_msg (activering_role_assignment_run (ra, o, f, t, NULL, flags, &error), "run failed: %s",
                 error ? error->message : "?");
  return ra;
}

static int
find_task (const ActiveringRoleAssignment *ra, const char *task)
{
  for (guint i = 0; i < activering_role_assignment_get_n_assignments (ra); i++)
    if (strcmp (activering_role_assignment_get_task (ra, i), task) == 0)
      return (int) i;
  return -1;
}

/* ---- the tasks of the rule set ---- */

START_TEST (test_rule_set_tasks)
{
  ck_assert_uint_ge (activering_rule_set_get_n_tasks (rules), 18);
  static const char *const contract[] = { "hold_regie",          "social_investigation", "draft_gpmi",
                                          "evaluate_gpmi",       "register_vdab",        "screen_twe",
                                          "decide_twe_placement", "employ_art60",        "approve_ibo",
                                          "sign_ibo",            "indicate_arbeidsbeperking", "advise_indication",
                                          "report_non_cooperation", "decide_sanction",   "warm_handover",
                                          "aftercare",           "coordinate_network",   "apply_imw_premium" };
  for (guint i = 0; i < G_N_ELEMENTS (contract); i++)
    {
      int t = activering_rule_set_lookup_task (rules, contract[i]);
      ck_assert_msg (t >= 0, "task %s is missing", contract[i]);
      ck_assert_str_eq (activering_rule_set_get_task_code (rules, (guint) t), contract[i]);
      for (guint l = 0; l < 3; l++)
        {
          const char *lang = (const char *[]){ "nl", "fr", "en" }[l];
          const char *label = activering_rule_set_get_task_label (rules, (guint) t, lang);
          ck_assert_msg (label != NULL && *label, "task %s has no %s label", contract[i], lang);
        }
      ck_assert_ptr_nonnull (activering_rule_set_get_task_legal_basis (rules, (guint) t, NULL));
    }
  ck_assert_str_eq (activering_rule_set_get_task_label (rules, 1, "en"), "Social investigation");
  ck_assert_ptr_null (activering_rule_set_get_task_label (rules, 1, "de"));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_task_code (rules, 1000)));
  ck_assert_int_eq (activering_rule_set_lookup_task (rules, "hold_regi"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_task (rules, NULL), -1);
  ck_assert_str_eq (activering_raci_to_string (ACTIVERING_RACI_CONSULTED), "consulted");
}
END_TEST

/* ---- parsing organisations ---- */

START_TEST (test_parse_example)
{
  gsize length;
  g_autofree char *text = test_read_file ("examples/organisations/ocmw-voorbeeld.json", &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringOrganisation) o = activering_organisation_new_from_data (rules, text, (gssize) length, &error);
  ck_assert_msg (o != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (activering_organisation_get_id (o), "ocmw-voorbeeld");
  ck_assert_str_eq (activering_organisation_get_activation_service (o), "internal_dedicated");
  ck_assert_ptr_null (activering_organisation_get_external_partner (o));
  ck_assert (!activering_organisation_has_policy (o, "one_client_one_worker"));
  ck_assert (!activering_organisation_has_policy (o, "no_such_policy"));
  ck_assert_uint_eq (activering_organisation_get_n_actors (o), 3);
  ck_assert_str_eq (activering_organisation_get_actor_id (o, 1), "tb-jan");
  ck_assert_str_eq (activering_organisation_get_actor_role (o, 1), "ocmw.trajectbegeleider");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_organisation_get_actor_id (o, 3)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_organisation_get_actor_role (o, 3)));

  g_autofree char *external = test_read_file ("examples/organisations/ocmw-extern.json", &length);
  g_autoptr (ActiveringOrganisation) e =
      activering_organisation_new_from_data (rules, external, (gssize) length, &error);
  ck_assert_msg (e != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (activering_organisation_get_external_partner (e),
                    "Intergemeentelijke activeringsdienst Regio Zuid");
  ck_assert (activering_organisation_has_policy (e, "one_client_one_worker"));
  ck_assert (activering_organisation_has_policy (e, "icf_certified"));
}
END_TEST

START_TEST (test_parse_minimal_and_extras)
{
  g_autoptr (ActiveringOrganisation) o
      = parse_org ("{\"x_vendor\":{\"a\":[1,2]}," HEAD ",\"activation_service\":\"internal_combined\","
                   "\"actors\":[{\"id\":\"a\",\"role\":\"jobcoach\",\"x_note\":\"…\"}],"
                   "\"agreements\":[{\"task\":\"aftercare\",\"actor\":\"a\",\"x_by\":\"startoverleg\"}]}");
  ck_assert_str_eq (activering_organisation_get_activation_service (o), "internal_combined");
  ck_assert_uint_eq (activering_organisation_get_n_actors (o), 1);
  g_autoptr (ActiveringOrganisation) bare = parse_org (ORG (""));
  ck_assert_uint_eq (activering_organisation_get_n_actors (bare), 0);
}
END_TEST

START_TEST (test_parse_errors)
{
  ASSERT_PARSE_FAILS ("", ACTIVERING_ERROR_SYNTAX, "organisation: ", "empty document");
  ASSERT_PARSE_FAILS ("[]", ACTIVERING_ERROR_TYPE, "organisation: ", "expected an organisation object");
  ASSERT_PARSE_FAILS ("{" HEAD ",", ACTIVERING_ERROR_SYNTAX, "organisation: ");
  ASSERT_PARSE_FAILS (ORG ("") " x", ACTIVERING_ERROR_SYNTAX, "unexpected data after the document");
  ASSERT_PARSE_FAILS ("{\"id\":\"o\",\"activation_service\":\"external\"}", ACTIVERING_ERROR_FORMAT,
                      "organisation: /: missing \"format\"");
  ASSERT_PARSE_FAILS ("{\"format\":\"activering.facts/1\",\"id\":\"o\"}", ACTIVERING_ERROR_FORMAT, "/format");
  ASSERT_PARSE_FAILS ("{\"format\":\"activering.organisation/1\",\"activation_service\":\"external\"}",
                      ACTIVERING_ERROR_MISSING, "organisation: /: missing \"id\"");
  ASSERT_PARSE_FAILS ("{" HEAD "}", ACTIVERING_ERROR_MISSING, "organisation: /: missing \"activation_service\"");
  ASSERT_PARSE_FAILS ("{" HEAD ",\"id\":\"p\",\"activation_service\":\"external\"}", ACTIVERING_ERROR_DUPLICATE,
                      "organisation: /id: the key appears twice");
  ASSERT_PARSE_FAILS (ORG (",\"actor\":[]"), ACTIVERING_ERROR_UNKNOWN_KEY, "organisation: /actor: unknown key",
                      "did you mean \"actors\"?");
  ASSERT_PARSE_FAILS ("{\"format\":\"activering.organisation/1\",\"id\":\"\"}", ACTIVERING_ERROR_INVALID_VALUE,
                      "organisation: /id");
  /* the activation service */
  ASSERT_PARSE_FAILS ("{" HEAD ",\"activation_service\":\"extern\"}", ACTIVERING_ERROR_INVALID_VALUE,
                      "organisation: /activation_service: unknown activation service \"extern\"",
                      "did you mean \"external\"?", "internal_dedicated, internal_combined, external");
  ASSERT_PARSE_FAILS ("{" HEAD ",\"activation_service\":3}", ACTIVERING_ERROR_TYPE, "/activation_service: expected");
  ASSERT_PARSE_FAILS ("{" HEAD ",\"activation_service\":\"external\"}", ACTIVERING_ERROR_MISSING,
                      "organisation: /external_partner: the activation service \"external\" needs the name of the "
                      "external partner");
  ASSERT_PARSE_FAILS ("{" HEAD ",\"activation_service\":\"external\",\"external_partner\":null}",
                      ACTIVERING_ERROR_MISSING, "/external_partner: ");
  ASSERT_PARSE_FAILS ("{" HEAD ",\"activation_service\":\"external\",\"external_partner\":\"\"}",
                      ACTIVERING_ERROR_INVALID_VALUE, "/external_partner: ");
  ASSERT_PARSE_FAILS ("{" HEAD ",\"activation_service\":\"external\",\"external_partner\":7}", ACTIVERING_ERROR_TYPE,
                      "/external_partner: ");
  /* the region */
  ASSERT_PARSE_FAILS (ORG (",\"region\":\"vlaanderen2\""), ACTIVERING_ERROR_INVALID_VALUE,
                      "organisation: /region: unknown region \"vlaanderen2\"", "did you mean \"vlaanderen\"?");
  /* policies */
  ASSERT_PARSE_FAILS (ORG (",\"policies\":[]"), ACTIVERING_ERROR_TYPE, "organisation: /policies: expected an object");
  ASSERT_PARSE_FAILS (ORG (",\"policies\":{\"icf_certifed\":true}"), ACTIVERING_ERROR_UNKNOWN_KEY,
                      "organisation: /policies/icf_certifed: unknown key", "did you mean \"icf_certified\"?");
  ASSERT_PARSE_FAILS (ORG (",\"policies\":{\"icf_certified\":1}"), ACTIVERING_ERROR_TYPE,
                      "organisation: /policies/icf_certified: expected true or false, found a number");
  ASSERT_PARSE_FAILS (ORG (",\"policies\":{\"icf_certified\":true,\"icf_certified\":false}"),
                      ACTIVERING_ERROR_DUPLICATE, "/policies/icf_certified: the key appears twice");
  ASSERT_PARSE_FAILS (ORG (",\"policies\":{\"icf_certified\":tru}"), ACTIVERING_ERROR_SYNTAX,
                      "/policies/icf_certified");
  /* actors */
  ASSERT_PARSE_FAILS (ORG (",\"actors\":{}"), ACTIVERING_ERROR_TYPE, "organisation: /actors: expected an array");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[\"mw-an\"]"), ACTIVERING_ERROR_TYPE,
                      "organisation: /actors/0: expected an actor object");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"a\",\"role\":\"ocmw.maatschappelijk_werker\"},"
                           "{\"id\":\"a\",\"role\":\"jobcoach\"}]"),
                      ACTIVERING_ERROR_DUPLICATE, "organisation: /actors/1/id: actor \"a\" is listed twice",
                      "first at /actors/0");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"a\",\"role\":\"ocmw.trajectbegeleidr\"}]"),
                      ACTIVERING_ERROR_INVALID_VALUE, "organisation: /actors/0/role: unknown role",
                      "did you mean \"ocmw.trajectbegeleider\"?");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"a\"}]"), ACTIVERING_ERROR_MISSING,
                      "organisation: /actors/0: missing \"role\"");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"role\":\"jobcoach\"}]"), ACTIVERING_ERROR_MISSING,
                      "organisation: /actors/0: missing \"id\"");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"a\",\"rol\":\"jobcoach\"}]"), ACTIVERING_ERROR_UNKNOWN_KEY,
                      "organisation: /actors/0/rol: unknown key", "did you mean \"role\"?");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"a\",\"id\":\"b\",\"role\":\"jobcoach\"}]"),
                      ACTIVERING_ERROR_DUPLICATE, "/actors/0/id: the key appears twice");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"a\\u0001\",\"role\":\"jobcoach\"}]"),
                      ACTIVERING_ERROR_INVALID_VALUE, "organisation: /actors/0/id");
  ASSERT_PARSE_FAILS (ORG (",\"actors\":[{\"id\":\"\xff\",\"role\":\"jobcoach\"}]"), ACTIVERING_ERROR_INVALID_VALUE,
                      "organisation: /actors/0/id");
  /* agreements */
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":[{\"task\":\"hold_regi\",\"actor\":\"mw-an\"}]"),
                      ACTIVERING_ERROR_INVALID_VALUE, "organisation: /agreements/0/task: unknown task \"hold_regi\"",
                      "did you mean \"hold_regie\"?");
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":[{\"task\":\"hold_regie\",\"actor\":\"mw-bo\"}]"),
                      ACTIVERING_ERROR_UNKNOWN_REF, "organisation: /agreements/0/actor: no actor \"mw-bo\" in \"actors\"");
  ASSERT_PARSE_FAILS (ORG (",\"agreements\":[{\"task\":\"hold_regie\",\"actor\":\"mw-an\"}]"),
                      ACTIVERING_ERROR_UNKNOWN_REF, "/agreements/0/actor: no actor \"mw-an\"");
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":[{\"task\":\"hold_regie\"}]"), ACTIVERING_ERROR_MISSING,
                      "organisation: /agreements/0: missing \"actor\"");
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":[{\"actor\":\"mw-an\"}]"), ACTIVERING_ERROR_MISSING,
                      "organisation: /agreements/0: missing \"task\"");
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":[{\"task\":\"hold_regie\",\"actor\":\"mw-an\",\"dosier\":\"d\"}]"),
                      ACTIVERING_ERROR_UNKNOWN_KEY, "/agreements/0/dosier: unknown key", "did you mean \"dossier\"?");
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":[{\"task\":\"hold_regie\",\"actor\":\"mw-an\",\"dossier\":\"\"}]"),
                      ACTIVERING_ERROR_INVALID_VALUE, "/agreements/0/dossier");
  ASSERT_PARSE_FAILS (ORG (ACTORS ",\"agreements\":{}"), ACTIVERING_ERROR_TYPE,
                      "organisation: /agreements: expected an array");
}
END_TEST

START_TEST (test_parse_limits)
{
  /* Too many actors: named, not a crash or an endless allocation. */
  GString *big = g_string_new ("{" HEAD ",\"activation_service\":\"internal_dedicated\",\"actors\":[");
  for (guint i = 0; i <= 10000; i++)
    g_string_append_printf (big, "%s{\"id\":\"a%u\",\"role\":\"jobcoach\"}", i ? "," : "", i);
  g_string_append (big, "]}");
  ASSERT_PARSE_FAILS (big->str, ACTIVERING_ERROR_TOO_LARGE, "organisation: /actors/10000: more than 10000 items");
  g_string_free (big, TRUE);
  /* Deep nesting inside an x_ member. */
  GString *deep = g_string_new ("{" HEAD ",\"activation_service\":\"internal_dedicated\",\"x_deep\":");
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}");
  ASSERT_PARSE_FAILS (deep->str, ACTIVERING_ERROR_TOO_LARGE, "organisation: /x_deep");
  g_string_free (deep, TRUE);
}
END_TEST

START_TEST (test_parse_without_tasks)
{
  /* A rule set without tasks cannot assign roles: its organisations are refused with the reason. */
  gsize length;
  g_autofree char *text = test_read_file ("data/rules/be-vlaanderen.json", &length);
  json_object *root = json_tokener_parse (text);
  json_object_object_del (root, "tasks");
  json_object_object_del (root, "organisation");
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) bare
      = activering_rule_set_new_from_data (json_object_to_json_string (root), -1, "bare.json", &error);
  json_object_put (root);
  ck_assert_msg (bare != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (activering_rule_set_get_n_tasks (bare), 0);
  ActiveringOrganisation *o = activering_organisation_new_from_data (bare, ORG (""), -1, &error);
  ck_assert_ptr_null (o);
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "the rule set defines no tasks", NULL);
}
END_TEST

/* ---- assigning ---- */

START_TEST (test_assignment_getters)
{
  g_autoptr (ActiveringRoleAssignment) ra = run (ORG (ACTORS), FACTS (""), NULL, ACTIVERING_ROLES_DEFAULT);
  ck_assert_str_eq (activering_role_assignment_get_id (ra), "d-1");
  GDate as_of;
  activering_role_assignment_get_as_of (ra, &as_of);
  ck_assert_int_eq (g_date_get_year (&as_of), 2026);
  ck_assert_int_eq (g_date_get_day (&as_of), 2);
  ck_assert_ptr_null (activering_role_assignment_get_phase (ra));
  ck_assert_ptr_null (activering_role_assignment_get_model (ra));
  const char *role = NULL, *actor = NULL;
  ck_assert (activering_role_assignment_get_regie (ra, &role, &actor));
  ck_assert_str_eq (role, "ocmw.maatschappelijk_werker");
  ck_assert_str_eq (actor, "mw-an");
  ck_assert (activering_role_assignment_get_regie (ra, NULL, NULL));

  int i = find_task (ra, "hold_regie");
  ck_assert_int_ge (i, 0);
  ck_assert (activering_role_assignment_is_task_active (ra, (guint) i));
  ck_assert_uint_eq (activering_role_assignment_get_n_parties (ra, (guint) i, ACTIVERING_RACI_RESPONSIBLE), 1);
  ck_assert_str_eq (activering_role_assignment_get_party_role (ra, (guint) i, ACTIVERING_RACI_ACCOUNTABLE, 0), "ocmw");
  ck_assert_ptr_null (activering_role_assignment_get_party_actor (ra, (guint) i, ACTIVERING_RACI_ACCOUNTABLE, 0));
  ck_assert_str_eq (activering_role_assignment_get_party_role (ra, (guint) i, ACTIVERING_RACI_CONSULTED, 0), "person");
  ck_assert_str_eq (activering_role_assignment_get_party_actor (ra, (guint) i, ACTIVERING_RACI_INFORMED, 0),
                    "vdab-els");
  TEST_EXPECT_CRITICAL (
      ck_assert_ptr_null (activering_role_assignment_get_party_role (ra, (guint) i, ACTIVERING_RACI_INFORMED, 1)));
  TEST_EXPECT_CRITICAL (
      ck_assert_ptr_null (activering_role_assignment_get_party_role (ra, 1000, ACTIVERING_RACI_INFORMED, 0)));
  TEST_EXPECT_CRITICAL (
      ck_assert_uint_eq (activering_role_assignment_get_n_parties (ra, 1000, ACTIVERING_RACI_RESPONSIBLE), 0));
  ck_assert_uint_eq (activering_role_assignment_get_n_parties (ra, (guint) i, (ActiveringRaci) 9), 0);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_get_task (ra, 1000)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_role_assignment_is_task_active (ra, 1000)));
  /* inactive tasks are not listed by default */
  ck_assert_int_eq (find_task (ra, "warm_handover"), -1);
  ck_assert_uint_eq (activering_role_assignment_get_n_gaps (ra), 0);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_get_gap_task (ra, 0)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_dup_gap_message (ra, 0, "nl")));
  ck_assert_uint_eq (activering_role_assignment_get_n_conflicts (ra), 0);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_get_conflict_code (ra, 0)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_get_conflict_task (ra, 0)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_dup_conflict_message (ra, 0, "nl")));
  /* the missing facts, and who supplies them here */
  ck_assert_uint_gt (activering_role_assignment_get_n_missing (ra), 0);
  gboolean found = FALSE;
  for (guint m = 0; m < activering_role_assignment_get_n_missing (ra); m++)
    {
      const char *who = NULL, *by = NULL;
      const char *fact = activering_role_assignment_get_missing (ra, m, &who, &by);
      if (strcmp (fact, "work_capacity") == 0)
        {
          found = TRUE;
          ck_assert_str_eq (who, "ocmw.trajectbegeleider");
          ck_assert_str_eq (by, "tb-jan");
        }
    }
  ck_assert (found);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_role_assignment_get_missing (ra, 1000, NULL, NULL)));
}
END_TEST

START_TEST (test_all_tasks)
{
  g_autoptr (ActiveringRoleAssignment) ra = run (ORG (ACTORS), FACTS (""), NULL, ACTIVERING_ROLES_ALL_TASKS);
  ck_assert_uint_eq (activering_role_assignment_get_n_assignments (ra), activering_rule_set_get_n_tasks (rules));
  int i = find_task (ra, "warm_handover");
  ck_assert_int_ge (i, 0);
  ck_assert (!activering_role_assignment_is_task_active (ra, (guint) i));
  /* a task that is not active is no gap, even with nobody to take it */
  ck_assert_uint_eq (activering_role_assignment_get_n_parties (ra, (guint) i, ACTIVERING_RACI_RESPONSIBLE), 0);
  ck_assert_uint_eq (activering_role_assignment_get_n_gaps (ra), 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = activering_role_assignment_to_json (ra, "en", ACTIVERING_JSON_DEFAULT, &error);
  json_object *doc = json_tokener_parse (json);
  json_object *assignments = json_object_object_get (doc, "assignments");
  ck_assert_uint_eq (json_object_array_length (assignments), activering_rule_set_get_n_tasks (rules));
  json_object *row = json_object_array_get_idx (assignments, (size_t) i);
  ck_assert (!json_object_get_boolean (json_object_object_get (row, "active")));
  ck_assert (json_object_is_type (json_object_object_get (row, "responsible"), json_type_null));
  json_object_put (doc);
}
END_TEST

START_TEST (test_gap_and_conflict_messages)
{
  g_autoptr (ActiveringRoleAssignment) ra
      = run (ORG (",\"actors\":[{\"id\":\"mw-an\",\"role\":\"ocmw.maatschappelijk_werker\"},"
                  "{\"id\":\"tb-jan\",\"role\":\"ocmw.trajectbegeleider\"},{\"id\":\"vdab-els\",\"role\":\"vdab.bemiddelaar\"}],"
                  "\"agreements\":[{\"task\":\"hold_regie\",\"actor\":\"mw-an\"},{\"task\":\"hold_regie\",\"actor\":\"tb-jan\"},"
                  "{\"task\":\"decide_sanction\",\"actor\":\"vdab-els\"}]"),
             FACTS (",\"measures\":[{\"measure\":\"activeringstraject\",\"start\":\"2026-01-05\",\"end\":null}]"), NULL,
             ACTIVERING_ROLES_DEFAULT);
  ck_assert_uint_eq (activering_role_assignment_get_n_gaps (ra), 1);
  ck_assert_str_eq (activering_role_assignment_get_gap_task (ra, 0), "coordinate_network");
  g_autofree char *nl = activering_role_assignment_dup_gap_message (ra, 0, "nl");
  g_autofree char *fr = activering_role_assignment_dup_gap_message (ra, 0, "fr");
  g_autofree char *en = activering_role_assignment_dup_gap_message (ra, 0, NULL);
  ck_assert_str_eq (nl, "Niemand in de organisatie kan de taak 'Het netwerk van dienstverleners coördineren "
                        "(werk-zorg)' opnemen: die vraagt Netwerkcoördinator.");
  ck_assert_str_eq (fr, "Personne dans l'organisation ne peut assumer la tâche « Coordonner le réseau de prestataires "
                        "(travail-soins) » : elle demande Coordinateur de réseau.");
  ck_assert_str_eq (en, nl); /* NULL: the rule set's first language */
  ck_assert_ptr_null (activering_role_assignment_dup_gap_message (ra, 0, "de"));

  /* Conflicts: one per clash, whether the task is active or not. */
  ck_assert_uint_eq (activering_role_assignment_get_n_conflicts (ra), 2);
  ck_assert_str_eq (activering_role_assignment_get_conflict_task (ra, 0), "hold_regie");
  ck_assert_str_eq (activering_role_assignment_get_conflict_code (ra, 0), "claimed_twice");
  g_autofree char *twice = activering_role_assignment_dup_conflict_message (ra, 0, "en");
  ck_assert_str_eq (twice, "The task 'Coordinate the file (regie): the fixed contact person who keeps the overview of the "
                           "guidance' has a single holder, but agreements give it to mw-an, tb-jan.");
  ck_assert_str_eq (activering_role_assignment_get_conflict_task (ra, 1), "decide_sanction");
  ck_assert_str_eq (activering_role_assignment_get_conflict_code (ra, 1), "role_not_allowed");
  g_autofree char *not_allowed = activering_role_assignment_dup_conflict_message (ra, 1, "en");
  ck_assert_str_eq (not_allowed, "An agreement gives the task 'Decide on a sanction' to vdab-els (VDAB employment "
                                 "counsellor (bemiddelaar)), but that role may not hold it; only OCMW (the public "
                                 "social welfare centre: the institution, its council and its special committee for "
                                 "social services) may.");
}
END_TEST

START_TEST (test_usage_errors)
{
  g_autoptr (ActiveringOrganisation) o = parse_org (ORG (ACTORS));
  g_autoptr (ActiveringFacts) f = parse_facts (FACTS (""));
  g_autoptr (ActiveringRoleAssignment) ra = activering_role_assignment_new (rules);
  g_autoptr (GError) error = NULL;
  /* nothing run yet */
  ck_assert_ptr_null (activering_role_assignment_to_json (ra, "nl", 0, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "roles: nothing has been assigned yet", NULL);
  g_clear_error (&error);
  /* a trajectory of another dossier */
  g_autoptr (ActiveringTrajectory) other = activering_trajectory_new (rules, "d-2", "ocmw7", &error);
  ck_assert_ptr_nonnull (other);
  ck_assert (!activering_role_assignment_run (ra, o, f, other, NULL, 0, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "roles: the trajectory is of another dossier than the facts", NULL);
  g_clear_error (&error);
  /* another rule set */
  g_autoptr (ActiveringRuleSet) second = test_default_rules ();
  g_autoptr (ActiveringFacts) foreign = activering_facts_new_from_data (second, FACTS (""), -1, &error);
  ck_assert (!activering_role_assignment_run (ra, o, foreign, NULL, NULL, 0, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "must use the assignment's rule set", NULL);
  g_clear_error (&error);
  /* a bad date */
  GDate bad;
  g_date_clear (&bad, 1);
  ck_assert (!activering_role_assignment_run (ra, o, f, NULL, &bad, 0, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "not a valid date", NULL);
  g_clear_error (&error);
  /* a language the rule set lacks */
  ck_assert (activering_role_assignment_run (ra, o, f, NULL, NULL, 0, &error));
  ck_assert_ptr_null (activering_role_assignment_to_json (ra, "de", 0, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "roles: the rule set has no texts in", NULL);
}
END_TEST

START_TEST (test_reuse_and_as_of)
{
  /* One assignment run on two dossiers answers each as a fresh one would; an explicit date wins over the facts'. */
  g_autoptr (ActiveringOrganisation) o = parse_org (ORG (ACTORS));
  g_autoptr (ActiveringFacts) a = parse_facts (FACTS (",\"proposals\":{\"ibo\":{\"start\":\"2026-04-01\"}}"));
  g_autoptr (ActiveringFacts) b = parse_facts (FACTS (""));
  g_autoptr (ActiveringRoleAssignment) reused = activering_role_assignment_new (rules);
  g_autoptr (ActiveringRoleAssignment) fresh = activering_role_assignment_new (rules);
  g_autoptr (GError) error = NULL;
  ck_assert (activering_role_assignment_run (reused, o, a, NULL, NULL, 0, &error));
  ck_assert_int_ge (find_task (reused, "approve_ibo"), 0);
  ck_assert (activering_role_assignment_run (reused, o, b, NULL, NULL, 0, &error));
  ck_assert (activering_role_assignment_run (fresh, o, b, NULL, NULL, 0, &error));
  g_autofree char *x = activering_role_assignment_to_json (reused, "fr", ACTIVERING_JSON_PRETTY, &error);
  g_autofree char *y = activering_role_assignment_to_json (fresh, "fr", ACTIVERING_JSON_PRETTY, &error);
  ck_assert_str_eq (x, y);
  ck_assert_int_eq (find_task (reused, "approve_ibo"), -1);
  GDate when;
  g_date_set_dmy (&when, 1, 1, 2027);
  ck_assert (activering_role_assignment_run (reused, o, b, NULL, &when, 0, &error));
  g_autofree char *z = activering_role_assignment_to_json (reused, "en", 0, &error);
  ck_assert_ptr_nonnull (strstr (z, "\"as_of\":\"2027-01-01\""));
  ck_assert_ptr_nonnull (strstr (z, "\"format\":\"activering.roles/1\""));
  ck_assert_ptr_nonnull (strstr (z, "\"organisation\":\"o\""));
  ck_assert_ptr_nonnull (strstr (z, "\"ruleset\":{\"id\":\"be-vlaanderen\""));
}
END_TEST

START_TEST (test_trajectory_phase_and_closed)
{
  /* An open trajectory gives the phase; a closed one gives none, and phase tasks go quiet. */
  const char *open = "{\"format\":\"activering.trajectory/1\",\"id\":\"d-1\",\"model\":\"ocmw7\",\"events\":["
                     "{\"at\":\"2025-06-01\",\"type\":\"open\",\"phase\":\"nazorg\"}]}";
  const char *closed = "{\"format\":\"activering.trajectory/1\",\"id\":\"d-1\",\"model\":\"ocmw7\",\"events\":["
                       "{\"at\":\"2025-06-01\",\"type\":\"open\",\"phase\":\"nazorg\"},"
                       "{\"at\":\"2025-12-01\",\"type\":\"close\",\"reason\":\"duurzaam_werk\"}]}";
  g_autoptr (ActiveringRoleAssignment) a = run (ORG (ACTORS), FACTS (""), open, 0);
  ck_assert_str_eq (activering_role_assignment_get_phase (a), "nazorg");
  ck_assert_str_eq (activering_role_assignment_get_model (a), "ocmw7");
  ck_assert_int_ge (find_task (a, "aftercare"), 0);
  g_autoptr (ActiveringRoleAssignment) b = run (ORG (ACTORS), FACTS (""), closed, 0);
  ck_assert_ptr_null (activering_role_assignment_get_phase (b));
  ck_assert_int_eq (find_task (b, "aftercare"), -1);
}
END_TEST

/* ---- threads ---- */

#define N_THREADS 4

typedef struct
{
  const ActiveringOrganisation *organisation;
  const char *expected;
} Work;

static gpointer
assign_many (gpointer data)
{
  const Work *work = data;
  ActiveringRoleAssignment *ra = activering_role_assignment_new (rules);
  ActiveringFacts *facts = activering_facts_new_from_data (rules, FACTS (""), -1, NULL);
  gboolean same = TRUE;
  for (guint i = 0; i < 200 && same; i++)
    {
      char *json = NULL;
      if (activering_role_assignment_run (ra, work->organisation, facts, NULL, NULL, 0, NULL))
        json = activering_role_assignment_to_json (ra, "nl", 0, NULL);
      same = json != NULL && strcmp (json, work->expected) == 0;
      g_free (json);
    }
  activering_facts_free (facts);
  activering_role_assignment_free (ra);
  return GINT_TO_POINTER (same);
}

START_TEST (test_threads_share_rule_set)
{
  /* The rule set and the organisation are only read: many assignments may run on them at once. */
  g_autoptr (ActiveringOrganisation) o = parse_org (ORG (ACTORS));
  g_autoptr (ActiveringRoleAssignment) one = run (ORG (ACTORS), FACTS (""), NULL, 0);
  g_autofree char *expected = activering_role_assignment_to_json (one, "nl", 0, NULL);
  Work work = { o, expected };
  GThread *threads[N_THREADS];
  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("assign", assign_many, &work);
  for (guint t = 0; t < N_THREADS; t++)
    ck_assert_msg (GPOINTER_TO_INT (g_thread_join (threads[t])), "thread %u answered differently", t);
}
END_TEST

static Suite *
roles_suite (void)
{
  Suite *s = suite_create ("roles");
  TCase *tc = tcase_create ("organisation");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_rule_set_tasks);
  tcase_add_test (tc, test_parse_example);
  tcase_add_test (tc, test_parse_minimal_and_extras);
  tcase_add_test (tc, test_parse_errors);
  tcase_add_test (tc, test_parse_limits);
  tcase_add_test (tc, test_parse_without_tasks);
  suite_add_tcase (s, tc);

  tc = tcase_create ("assignment");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_assignment_getters);
  tcase_add_test (tc, test_all_tasks);
  tcase_add_test (tc, test_gap_and_conflict_messages);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_reuse_and_as_of);
  tcase_add_test (tc, test_trajectory_phase_and_closed);
  suite_add_tcase (s, tc);

  tc = tcase_create ("threads");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_threads_share_rule_set);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return test_run_suite (roles_suite ());
}
