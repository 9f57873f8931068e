/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-organisation.c: libFuzzer target for organisation documents (activering_organisation_new_from_data) and the role
 * assignment a parsed organisation reaches: assigning two fixed dossiers (one with a trajectory), with and without
 * every task listed, and writing the `activering.roles/1` document in each language.
 *
 * Built by `make tests/fuzz/fuzz-organisation` (see tests/Makefile.inc). Run:
 *
 *   cp -r tests/fuzz/corpus-organisation /tmp/corpus
 *   ./tests/fuzz/fuzz-organisation -dict=tests/fuzz/organisation.dict /tmp/corpus
 *
 * Besides the sanitizers, the target checks the library's documented promises and aborts when one is broken:
 * - a failed parse reports an ACTIVERING_ERROR with a known code and a message "organisation: /<json pointer>: …";
 * - a parsed organisation's actors read back with ids and roles, and a policy the rule set lacks reads as off;
 * - every assignment runs, gives a well-formed roles document, names only listed actors, has at most one
 *   responsible party per task and none for a task it reports as a gap, and the same run twice gives the same bytes.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <activering/activering.h>

#define FUZZ_NAME "fuzz-organisation"
#include "fuzz-checks.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char facts_twe[] =
    "{\"format\": \"activering.facts/1\", \"id\": \"dossier-0042\", \"as_of\": \"2026-03-02\", \"region\": \"vlaanderen\","
    " \"income\": {\"status\": \"leefloon\", \"decision_date\": \"2025-05-20\"}, \"vdab\": {\"registered\": true,"
    " \"non_cooperation_reported_on\": \"2026-02-01\"}, \"proposals\": {\"ibo\": {\"start\": \"2026-04-01\"}},"
    " \"measures\": [{\"measure\": \"activeringstraject\", \"start\": \"2026-01-01\", \"end\": null}]}";
static const char facts_blank[] = "{\"format\": \"activering.facts/1\", \"id\": \"dossier-0107\", \"as_of\": \"2026-03-02\"}";
static const char trajectory[] =
    "{\"format\": \"activering.trajectory/1\", \"id\": \"dossier-0042\", \"model\": \"outreach6\", \"events\": ["
    "{\"at\": \"2025-06-01\", \"type\": \"open\", \"phase\": \"toeleiding\", \"by\": \"toeleider\", \"actor\": \"tl-1\"},"
    "{\"at\": \"2025-07-01\", \"type\": \"enter_phase\", \"phase\": \"warme_overdracht\", \"by\": \"ocmw.maatschappelijk_werker\","
    " \"actor\": \"mw-1\"}]}";

static gboolean
is_listed_actor (const ActiveringOrganisation *organisation, const char *actor)
{
  for (guint a = 0; a < activering_organisation_get_n_actors (organisation); a++)
    if (strcmp (activering_organisation_get_actor_id (organisation, a), actor) == 0)
      return TRUE;
  return FALSE;
}

static void
check_assignment (const ActiveringOrganisation *organisation, const ActiveringRoleAssignment *ra)
{
  guint n = activering_role_assignment_get_n_assignments (ra);
  for (guint i = 0; i < n; i++)
    {
      CHECK (activering_role_assignment_get_task (ra, i) != NULL, "assignment %u has no task", i);
      CHECK (activering_role_assignment_get_n_parties (ra, i, ACTIVERING_RACI_RESPONSIBLE) <= 1,
             "task %s has several responsible parties", activering_role_assignment_get_task (ra, i));
      CHECK (activering_role_assignment_get_n_parties (ra, i, ACTIVERING_RACI_ACCOUNTABLE) == 1,
             "task %s has no accountable party", activering_role_assignment_get_task (ra, i));
      for (guint raci = 0; raci < 4; raci++)
        for (guint p = 0; p < activering_role_assignment_get_n_parties (ra, i, raci); p++)
          {
            CHECK (activering_role_assignment_get_party_role (ra, i, raci, p) != NULL, "a party without a role");
            const char *actor = activering_role_assignment_get_party_actor (ra, i, raci, p);
            CHECK (actor == NULL || is_listed_actor (organisation, actor), "actor %s is not listed", actor);
          }
    }
  for (guint g = 0; g < activering_role_assignment_get_n_gaps (ra); g++)
    {
      const char *task = activering_role_assignment_get_gap_task (ra, g);
      for (guint i = 0; i < n; i++)
        if (strcmp (activering_role_assignment_get_task (ra, i), task) == 0)
          CHECK (activering_role_assignment_get_n_parties (ra, i, ACTIVERING_RACI_RESPONSIBLE) == 0,
                 "gap %s has a responsible party", task);
      g_autofree char *message = activering_role_assignment_dup_gap_message (ra, g, "fr");
      CHECK (message != NULL && g_utf8_validate (message, -1, NULL), "bad gap message");
    }
  for (guint c = 0; c < activering_role_assignment_get_n_conflicts (ra); c++)
    {
      g_autofree char *message = activering_role_assignment_dup_conflict_message (ra, c, "en");
      CHECK (message != NULL && g_utf8_validate (message, -1, NULL), "bad conflict message");
      const char *code = activering_role_assignment_get_conflict_code (ra, c);
      CHECK (strcmp (code, "claimed_twice") == 0 || strcmp (code, "role_not_allowed") == 0, "conflict code %s", code);
    }
}

static void
assign (ActiveringRuleSet *rules, const ActiveringOrganisation *organisation, const char *facts_json,
        const ActiveringTrajectory *t)
{
  GError *error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, facts_json, -1, &error);
  CHECK (facts != NULL, "fixed facts do not parse: %s", error ? error->message : "?");
  g_autoptr (ActiveringRoleAssignment) ra = activering_role_assignment_new (rules);
  for (guint flags = 0; flags < 2; flags++)
    {
      CHECK (activering_role_assignment_run (ra, organisation, facts, t, NULL, flags, &error), "run failed: %s",
             error ? error->message : "?");
      check_assignment (organisation, ra);
      static const char *const langs[] = { "nl", "fr", "en" };
      g_autofree char *first = NULL;
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          char *json = activering_role_assignment_to_json (ra, langs[l], flags ? ACTIVERING_JSON_PRETTY : 0, &error);
          CHECK (json != NULL, "to_json failed: %s", error ? error->message : "?");
          check_json ("roles document", json, strlen (json));
          if (l == 0)
            first = json;
          else
            g_free (json);
        }
      CHECK (activering_role_assignment_run (ra, organisation, facts, t, NULL, flags, &error), "second run failed");
      g_autofree char *again = activering_role_assignment_to_json (ra, "nl", flags ? ACTIVERING_JSON_PRETTY : 0, NULL);
      CHECK (strcmp (first, again) == 0, "the same run twice gives different documents");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ActiveringRuleSet *rules = fuzz_default_rules ();
  GError *error = NULL;
  ActiveringOrganisation *organisation =
      activering_organisation_new_from_data (rules, (const char *) data, (gssize) size, &error);
  if (organisation == NULL)
    {
      check_error (error, "organisation: ");
      CHECK (g_utf8_validate (error->message, -1, NULL), "message is not UTF-8: %s", error->message);
      CHECK (strchr (error->message, '\n') == NULL, "message is not one line: %s", error->message);
      g_error_free (error);
      return 0;
    }
  CHECK (activering_organisation_get_id (organisation) != NULL, "no id");
  CHECK (activering_organisation_get_activation_service (organisation) != NULL, "no activation service");
  CHECK (!activering_organisation_has_policy (organisation, "no_such_policy"), "an unknown policy is on");
  for (guint a = 0; a < activering_organisation_get_n_actors (organisation); a++)
    CHECK (activering_organisation_get_actor_id (organisation, a) != NULL
               && activering_organisation_get_actor_role (organisation, a) != NULL,
           "actor %u does not read back", a);
  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new_from_data (rules, trajectory, -1, &error);
  CHECK (t != NULL, "fixed trajectory does not parse: %s", error ? error->message : "?");
  assign (rules, organisation, facts_twe, t);
  assign (rules, organisation, facts_blank, NULL);
  activering_organisation_free (organisation);
  return 0;
}
