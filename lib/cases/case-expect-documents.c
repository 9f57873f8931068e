/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-expect-documents.c: the expectations that compare a document of their own with part of it given in the case:
 * "trajectory" (the replay's `activering.trajectory-report/1`) and "roles" (the `activering.roles/1` assignment).
 * Both run before the evaluation (CASE_STAGE_DOCUMENTS), and both match as docs/rule-cases.md says: objects hold
 * at least the keys given, arrays as many items, each holding what its expected item gives, other values equal.
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"

/* The keys of a trajectory report that an expectation may check. */
static const char *const report_keys[] = { "state",         "current_model",  "current_phase",    "corresponds_to",
                                           "open_measures", "days_per_phase", "days_per_measure", "path",
                                           "runs",          "indicators",     "violations",       "next_steps",
                                           NULL };

/* The keys of a role assignment that an expectation may check (see roles_view ()). */
static const char *const roles_keys[] = { "model", "phase",     "regie",   "assignments", "absent_tasks",
                                          "gaps",  "conflicts", "missing", NULL };

/* Appends to @out, with its path in the report, every place where @actual does not hold what @expected says. */
static void
json_expect_subset (json_object *expected, json_object *actual, GString *path, GString *out)
{
  if (json_object_is_type (expected, json_type_object) && json_object_is_type (actual, json_type_object))
    {
      json_object_object_foreach (expected, key, value)
        {
          gsize mark = path->len;
          g_string_append_printf (path, "/%s", key);
          json_object *found = NULL;
          if (!json_object_object_get_ex (actual, key, &found))
            g_string_append_printf (out, "  %s: expected %s, but the report has no such key\n", path->str,
                                    json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN));
          else
            json_expect_subset (value, found, path, out);
          g_string_truncate (path, mark);
        }
      return;
    }
  if (json_object_is_type (expected, json_type_array) && json_object_is_type (actual, json_type_array)
      && json_object_array_length (expected) == json_object_array_length (actual))
    {
      for (size_t i = 0; i < json_object_array_length (expected); i++)
        {
          gsize mark = path->len;
          g_string_append_printf (path, "/%zu", i);
          json_expect_subset (json_object_array_get_idx (expected, i), json_object_array_get_idx (actual, i), path,
                              out);
          g_string_truncate (path, mark);
        }
      return;
    }
  if (!json_object_equal (expected, actual))
    g_string_append_printf (out, "  %s: expected %s, found %s\n", path->len ? path->str : "/",
                            json_object_to_json_string_ext (expected, JSON_C_TO_STRING_PLAIN),
                            json_object_to_json_string_ext (actual, JSON_C_TO_STRING_PLAIN));
}

/* After the mismatches of a document, the whole document, so that the expectation can be corrected from it. */
static void
append_document (GString *out, const char *what, json_object *document)
{
  g_autofree char *pretty = g_strdup (json_object_to_json_string_ext (document, JSON_C_TO_STRING_PRETTY));
  g_string_append_printf (out, "  the %s:\n%s\n", what, pretty);
}

/* ---- trajectory ---- */

static void
check_document_expect (CaseLoader *L, const char *where, json_object *value, const char *what, const char *const *keys)
{
  if (!json_object_is_type (value, json_type_object))
    case_loader_error (L, "%s: expected an object: what the %s must hold", where, what);
  else
    case_check_keys (L, value, where, keys);
}

void
case_check_trajectory (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  (void) rules;
  check_document_expect (L, where, value, "trajectory report", report_keys);
}

/* Replays the case's trajectory (with its facts, if any) and compares the report with @expected. */
void
case_run_trajectory (CaseRun *run, json_object *expected)
{
  const Case *c = run->c;
  GString *out = run->out;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringTrajectory) trajectory =
      activering_trajectory_new_from_data (run->rules, c->trajectory_json, -1, &error);
  if (trajectory == NULL)
    {
      g_string_append_printf (out, "  the trajectory does not parse: %s\n", error->message);
      return;
    }
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (run->rules);
  g_autofree char *json = NULL;
  if (!activering_trajectory_report_run (report, trajectory, run->facts, c->has_as_of ? &c->as_of : NULL, &error)
      || (json = activering_trajectory_report_to_json (report, CASES_REPORT_LANG, ACTIVERING_JSON_DEFAULT, &error))
             == NULL)
    {
      g_string_append_printf (out, "  the replay fails: %s\n", error->message);
      return;
    }
  json_object *actual = json_tokener_parse (json);
  g_autoptr (GString) path = g_string_new (NULL);
  gsize before = out->len;
  json_expect_subset (expected, actual, path, out);
  if (out->len > before)
    append_document (out, "report", actual);
  json_object_put (actual);
}

/* ---- roles ---- */

void
case_check_roles (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  (void) rules;
  check_document_expect (L, where, value, "role assignment", roles_keys);
}

/* The role assignment as a case checks it: assignments by task, gaps as task codes, missing facts by fact. */
static json_object *
roles_view (json_object *document)
{
  json_object *view = json_object_new_object (), *value = NULL;
  static const char *const copied[] = { "model", "phase", "regie", "conflicts" };
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    if (json_object_object_get_ex (document, copied[i], &value))
      json_object_object_add (view, copied[i], json_object_get (value));
  json_object *by_task = json_object_new_object ();
  json_object_object_get_ex (document, "assignments", &value);
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      json_object *row = json_object_array_get_idx (value, i), *task = NULL;
      json_object_object_get_ex (row, "task", &task);
      json_object_object_add (by_task, json_object_get_string (task), json_object_get (row));
    }
  json_object_object_add (view, "assignments", by_task);
  json_object *gaps = json_object_new_array ();
  json_object_object_get_ex (document, "gaps", &value);
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      json_object *task = NULL;
      json_object_object_get_ex (json_object_array_get_idx (value, i), "task", &task);
      json_object_array_add (gaps, json_object_get (task));
    }
  json_object_object_add (view, "gaps", gaps);
  json_object *missing = json_object_new_object ();
  json_object_object_get_ex (document, "missing", &value);
  for (size_t i = 0; i < json_object_array_length (value); i++)
    {
      json_object *item = json_object_array_get_idx (value, i), *fact = NULL, *who = NULL;
      json_object_object_get_ex (item, "fact", &fact);
      json_object_object_get_ex (item, "who", &who);
      json_object_object_add (missing, json_object_get_string (fact), json_object_get (who));
    }
  json_object_object_add (view, "missing", missing);
  return view;
}

/* absent_tasks: none of these tasks is active (the assignment ran with every task listed, each marked active or
 * not). */
static void
check_absent_tasks (json_object *absent, json_object *by_task, GString *out)
{
  for (size_t i = 0; i < json_object_array_length (absent); i++)
    {
      const char *task = json_object_get_string (json_object_array_get_idx (absent, i));
      json_object *row = NULL, *active = NULL;
      if (json_object_object_get_ex (by_task, task, &row) && json_object_object_get_ex (row, "active", &active)
          && json_object_get_boolean (active))
        g_string_append_printf (out, "  /absent_tasks: %s is active\n", task);
    }
}

/* Assigns the case's roles (with its trajectory, if any) and compares them with @expected. */
void
case_run_roles (CaseRun *run, json_object *expected)
{
  const Case *c = run->c;
  GString *out = run->out;
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringOrganisation) organisation =
      activering_organisation_new_from_data (run->rules, c->organisation_json, -1, &error);
  if (organisation == NULL)
    {
      g_string_append_printf (out, "  the organisation does not parse: %s\n", error->message);
      return;
    }
  g_autoptr (ActiveringTrajectory) trajectory = NULL;
  if (c->trajectory_json != NULL
      && (trajectory = activering_trajectory_new_from_data (run->rules, c->trajectory_json, -1, &error)) == NULL)
    {
      g_string_append_printf (out, "  the trajectory does not parse: %s\n", error->message);
      return;
    }
  g_autoptr (ActiveringRoleAssignment) assignment = activering_role_assignment_new (run->rules);
  g_autofree char *json = NULL;
  if (!activering_role_assignment_run (assignment, organisation, run->facts, trajectory,
                                       c->has_as_of ? &c->as_of : NULL, ACTIVERING_ROLES_ALL_TASKS, &error)
      || (json = activering_role_assignment_to_json (assignment, CASES_REPORT_LANG, ACTIVERING_JSON_DEFAULT, &error))
             == NULL)
    {
      g_string_append_printf (out, "  the assignment fails: %s\n", error->message);
      return;
    }
  json_object *actual = json_tokener_parse (json);
  json_object *view = roles_view (actual);
  json_object *absent = NULL;
  g_autoptr (GString) path = g_string_new (NULL);
  gsize before = out->len;
  json_object_object_foreach (expected, key, value)
    {
      if (strcmp (key, "absent_tasks") == 0)
        {
          absent = value; /* checked last */
          continue;
        }
      g_string_printf (path, "/%s", key);
      json_object *found = NULL;
      if (!json_object_object_get_ex (view, key, &found))
        g_string_append_printf (out, "  %s: not in the assignment\n", path->str);
      else
        json_expect_subset (value, found, path, out);
    }
  if (absent != NULL)
    {
      json_object *by_task = NULL;
      json_object_object_get_ex (view, "assignments", &by_task);
      check_absent_tasks (absent, by_task, out);
    }
  if (out->len > before)
    append_document (out, "assignment", actual);
  json_object_put (view);
  json_object_put (actual);
}
