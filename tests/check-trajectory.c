/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-trajectory.c: event logs, their replay and reports, through the public API (docs/trajectories.md).
 *
 * Every test runs on the default rule set (data/rules/be-vlaanderen.json, phase models ocmw7 and outreach6) and
 * on explicit report dates, never today. Expected day counts are worked out by hand in the comments, counting
 * inclusively: a phase entered on a day starts that day, the previous one ended the day before; an end_measure
 * day is the run's last day; a phase or run still going on counts up to and including the report date.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "test-util.h"

static ActiveringRuleSet *rules;
static GPtrArray *pool; /* documents built for the current test, freed after it */

static void
setup (void)
{
  rules = test_default_rules ();
  pool = g_ptr_array_new_with_free_func (g_free);
}

static void
teardown (void)
{
  g_ptr_array_free (pool, TRUE);
  pool = NULL;
  activering_rule_set_unref (rules);
  rules = NULL;
}

/* ---- building documents ---------------------------------------------------------------------------------- */

#define FORMAT_MEMBER "\"format\":\"activering.trajectory/1\""
/* A trajectory document of @model holding @events (the members of the events array), as a string literal. */
#define DOC(model, events) "{" FORMAT_MEMBER ",\"id\":\"t-1\",\"model\":\"" model "\",\"events\":[" events "]}"
/* One event, as a string literal. */
#define EV(at, type, rest) "{\"at\":\"" at "\",\"type\":\"" type "\"" rest "}"
#define OPEN(at, phase) EV (at, "open", ",\"phase\":\"" phase "\"")
#define REOPEN(at, phase) EV (at, "reopen", ",\"phase\":\"" phase "\"")
#define ENTER(at, phase) EV (at, "enter_phase", ",\"phase\":\"" phase "\"")
#define HANDOVER(at, phase, model) EV (at, "enter_phase", ",\"phase\":\"" phase "\",\"model\":\"" model "\"")
#define START(at, measure) EV (at, "start_measure", ",\"measure\":\"" measure "\"")
#define END(at, measure, reason) EV (at, "end_measure", ",\"measure\":\"" measure "\",\"reason\":\"" reason "\"")
#define NOTE(at, text) EV (at, "note", ",\"text\":\"" text "\"")
#define CLOSE(at, reason) EV (at, "close", ",\"reason\":\"" reason "\"")

/* A trajectory document of @model holding the @n events; to free with g_free(). No assertions: threads use it. */
static char *
build_doc (const char *model, const char *const *events, guint n)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "{" FORMAT_MEMBER ",\"id\":\"t-1\",\"model\":\"%s\",\"events\":[", model);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", events[i]);
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

/* The same from a NULL-terminated array; owned by the test. */
static const char *
doc_of_array (const char *model, const char *const *events)
{
  guint n = 0;
  while (events[n] != NULL)
    n++;
  char *doc = build_doc (model, events, n);
  g_ptr_array_add (pool, doc);
  return doc;
}

/* The same from a NULL-terminated list of events; owned by the test. */
static const char *
doc_of_list (const char *model, ...)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new ();
  va_list args;
  va_start (args, model);
  for (const char *event = va_arg (args, const char *); event != NULL; event = va_arg (args, const char *))
    g_ptr_array_add (events, (gpointer) event);
  va_end (args);
  g_ptr_array_add (events, NULL);
  return doc_of_array (model, (const char *const *) events->pdata);
}

/* A document of @model holding the events given as arguments. */
#define DOCS(model, ...) doc_of_list ((model), __VA_ARGS__, NULL)

/* One event dated @at (known at run time only), as EV() writes it; owned by the test. */
static const char *
dated (const char *at, const char *type, const char *rest)
{
  char *event = g_strdup_printf ("{\"at\":\"%s\",\"type\":\"%s\"%s}", at, type, rest);
  g_ptr_array_add (pool, event);
  return event;
}

/* Scenario A (ocmw7): two visits to screening and to werkervaring_opleiding, two runs of art60, a TWE running. */
#define SCENARIO_A_EVENTS                                                                                              \
  OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-02-01", "screening"), START ("2025-02-10", "twe_ocmw"),         \
      ENTER ("2025-03-01", "werkervaring_opleiding"), START ("2025-03-03", "art60"),                                   \
      END ("2025-03-31", "art60", "stopped"), ENTER ("2025-04-01", "screening"),                                       \
      ENTER ("2025-04-15", "werkervaring_opleiding"), START ("2025-04-15", "art60")
#define SCENARIO_A DOCS ("ocmw7", SCENARIO_A_EVENTS)
/* The same, closed with both measures running, then reopened. */
#define SCENARIO_A_CLOSED_EVENTS SCENARIO_A_EVENTS, CLOSE ("2025-05-15", "verhuisd"), REOPEN ("2025-07-01", "screening")
#define SCENARIO_A_CLOSED DOCS ("ocmw7", SCENARIO_A_CLOSED_EVENTS)

/* An outreach6 trajectory handed over from warme_overdracht into ocmw7 werkervaring_opleiding by @handover. */
#define HANDOVER_EVENTS(handover)                                                                                      \
  OPEN ("2025-01-06", "toeleiding"), ENTER ("2025-02-03", "contactlegging"),                                           \
      ENTER ("2025-03-03", "contextvoorwaarden"), ENTER ("2025-04-07", "orientering"),                                 \
      ENTER ("2025-05-05", "warme_overdracht"), handover, START ("2025-06-02", "art60"),                               \
      ENTER ("2025-07-01", "professionele_activering")
#define HANDOVER_EXPLICIT HANDOVER ("2025-06-02", "werkervaring_opleiding", "ocmw7")
#define HANDOVER_DOC DOCS ("outreach6", HANDOVER_EVENTS (HANDOVER_EXPLICIT))

/* art60 running in werkervaring_opleiding from 2025-02-10. */
#define ART60_EVENTS                                                                                                   \
  OPEN ("2025-01-06", "screening"), ENTER ("2025-02-03", "werkervaring_opleiding"), START ("2025-02-10", "art60")
#define ART60_DOC DOCS ("ocmw7", ART60_EVENTS)

/* ---- helpers --------------------------------------------------------------------------------------------- */

static void
date_of (const char *text, GDate *out)
{
  unsigned y, m, d;
  ck_assert_msg (sscanf (text, "%u-%u-%u", &y, &m, &d) == 3, "bad test date %s", text);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  ck_assert (g_date_valid (out));
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* @date plus @months months plus @days days, as "YYYY-MM-DD" (day of month at most 28: no clamping). */
static char *
date_plus (const char *date, guint months, int days)
{
  GDate d;
  date_of (date, &d);
  ck_assert (g_date_get_day (&d) <= 28);
  g_date_add_months (&d, months);
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return date_text (&d);
}

/* The value of integer parameter @name in data/rules/be-vlaanderen.json (the embedded default rule set), checked
 * to have a single period so that it applies on every date of these tests. */
static gint64
param_value (const char *name)
{
  g_autofree char *text = test_read_file ("data/rules/be-vlaanderen.json", NULL);
  json_object *root = json_tokener_parse (text);
  ck_assert (root != NULL);
  json_object *params, *param, *values, *value;
  ck_assert (json_object_object_get_ex (root, "parameters", &params));
  ck_assert_msg (json_object_object_get_ex (params, name, &param), "no parameter %s", name);
  ck_assert (json_object_object_get_ex (param, "values", &values));
  ck_assert_msg (json_object_array_length (values) == 1, "%s has several periods", name);
  ck_assert (json_object_object_get_ex (json_object_array_get_idx (values, 0), "value", &value));
  gint64 result = json_object_get_int64 (value);
  json_object_put (root);
  return result;
}

static ActiveringTrajectory *
parse_ok (const char *json)
{
  g_autoptr (GError) error = NULL;
  ActiveringTrajectory *t = activering_trajectory_new_from_data (rules, json, -1, &error);
  ck_assert_msg (t != NULL, "rejected: %s\n  document: %.600s", error ? error->message : "?", json);
  ck_assert (error == NULL);
  return t;
}

/* Parses @json, which must fail; the message names the document and a JSON path. */
static GError *
parse_error (const char *json, gssize length)
{
  GError *error = NULL;
  ActiveringTrajectory *t = activering_trajectory_new_from_data (rules, json, length, &error);
  ck_assert_msg (t == NULL, "accepted: %.300s", json ? json : "(null)");
  ck_assert_msg (error != NULL, "failed without an error");
  ck_assert_msg (g_str_has_prefix (error->message, "trajectory: /"),
                 "message does not start with \"trajectory: /\": %s", error->message);
  /* Without a GError it fails the same way. */
  ck_assert_ptr_null (activering_trajectory_new_from_data (rules, json, length, NULL));
  return error;
}

#define EXPECT_ERROR(json, code, ...)                                                                                  \
  do                                                                                                                   \
    {                                                                                                                  \
      g_autoptr (GError) e_ = parse_error ((json), -1);                                                                \
      test_assert_error (e_, (code), __VA_ARGS__, NULL);                                                               \
    }                                                                                                                  \
  while (0)

static void
run_on (ActiveringTrajectoryReport *report, const ActiveringTrajectory *t, const ActiveringFacts *facts,
        const char *as_of)
{
  GDate date;
  date_of (as_of, &date);
  g_autoptr (GError) error = NULL;
  ck_assert_msg (activering_trajectory_report_run (report, t, facts, &date, &error), "run failed: %s",
                 error ? error->message : "?");
}

/* Parses @json and replays it on @as_of with @facts (may be NULL) in a fresh report. The log is freed before the
 * report is read: the report must not depend on it. */
static ActiveringTrajectoryReport *
replay_facts (const char *json, const ActiveringFacts *facts, const char *as_of)
{
  ActiveringTrajectory *t = parse_ok (json);
  ActiveringTrajectoryReport *report = activering_trajectory_report_new (rules);
  run_on (report, t, facts, as_of);
  activering_trajectory_free (t);
  return report;
}

static ActiveringTrajectoryReport *
replay (const char *json, const char *as_of)
{
  return replay_facts (json, NULL, as_of);
}

static ActiveringFacts *
facts_of (const char *members)
{
  g_autofree char *json =
      g_strdup_printf ("{\"format\":\"activering.facts/1\",\"id\":\"t-1\"%s%s}", *members ? "," : "", members);
  g_autoptr (GError) error = NULL;
  ActiveringFacts *facts = activering_facts_new_from_data (rules, json, -1, &error);
  ck_assert_msg (facts != NULL, "test facts do not parse: %s\n%s", error ? error->message : "?", json);
  return facts;
}

/* The violations as "event:code:severity" separated by spaces, for comparing with ck_assert_str_eq. */
static char *
violations_text (const ActiveringTrajectoryReport *report)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < activering_trajectory_report_get_n_violations (report); i++)
    g_string_append_printf (s, "%s%u:%s:%s", i ? " " : "", activering_trajectory_report_get_violation_event (report, i),
                            activering_trajectory_report_get_violation_code (report, i),
                            activering_trajectory_report_get_violation_severity (report, i) == ACTIVERING_SEVERITY_ERROR
                                ? "error"
                                : "warning");
  return g_string_free (s, FALSE);
}

#define assert_violations(report, expected)                                                                            \
  do                                                                                                                   \
    {                                                                                                                  \
      g_autofree char *got_ = violations_text (report);                                                                \
      ck_assert_str_eq (got_, (expected));                                                                             \
    }                                                                                                                  \
  while (0)

#define assert_phase_days(report, phase, expected)                                                                     \
  ck_assert_msg (activering_trajectory_report_get_days_in_phase ((report), (phase)) == (expected),                     \
                 "days in %s: expected %u, got %u", (phase), (guint) (expected),                                       \
                 activering_trajectory_report_get_days_in_phase ((report), (phase)))

#define assert_measure_days(report, measure, expected)                                                                 \
  ck_assert_msg (activering_trajectory_report_get_days_in_measure ((report), (measure)) == (expected),                 \
                 "days of %s: expected %u, got %u", (measure), (guint) (expected),                                     \
                 activering_trajectory_report_get_days_in_measure ((report), (measure)))

static char *
report_text (const ActiveringTrajectoryReport *report, const char *lang)
{
  g_autoptr (GError) error = NULL;
  char *text = activering_trajectory_report_to_json (report, lang, ACTIVERING_JSON_DEFAULT, &error);
  ck_assert_msg (text != NULL, "no report JSON: %s", error ? error->message : "?");
  return text;
}

/* The report as a json-c object, to free with json_object_put(). */
static json_object *
report_json (const ActiveringTrajectoryReport *report, const char *lang)
{
  g_autofree char *text = report_text (report, lang);
  json_object *root = json_tokener_parse (text);
  ck_assert_msg (root != NULL, "the report is not JSON: %s", text);
  return root;
}

static json_object *
member (json_object *o, const char *key)
{
  json_object *value = NULL;
  ck_assert_msg (json_object_object_get_ex (o, key, &value), "no \"%s\" in %s", key, json_object_to_json_string (o));
  return value;
}

static const char *
string_member (json_object *o, const char *key)
{
  json_object *value = member (o, key);
  ck_assert_msg (json_object_is_type (value, json_type_string), "\"%s\" is not a string in %s", key,
                 json_object_to_json_string (o));
  return json_object_get_string (value);
}

static gint64
int_member (json_object *o, const char *key)
{
  json_object *value = member (o, key);
  ck_assert_msg (json_object_is_type (value, json_type_int), "\"%s\" is not an integer in %s", key,
                 json_object_to_json_string (o));
  return json_object_get_int64 (value);
}

static void
assert_null_member (json_object *o, const char *key)
{
  ck_assert_msg (member (o, key) == NULL, "\"%s\" is not null in %s", key, json_object_to_json_string (o));
}

/* The state of indicator twe_ocmw.timely_work in the report's JSON. */
static char *
timely_work (const ActiveringTrajectoryReport *report)
{
  json_object *root = report_json (report, "en");
  char *state = g_strdup (string_member (member (root, "indicators"), "twe_ocmw.timely_work"));
  json_object_put (root);
  return state;
}

#define assert_timely_work(report, expected)                                                                           \
  do                                                                                                                   \
    {                                                                                                                  \
      g_autofree char *got_ = timely_work (report);                                                                    \
      ck_assert_str_eq (got_, (expected));                                                                             \
    }                                                                                                                  \
  while (0)

/* ---- parsing: valid documents ---------------------------------------------------------------------------- */

START_TEST (test_parse_example)
{
  g_autofree char *json = test_read_file ("examples/trajectories/dossier-0042.json", NULL);
  g_autoptr (ActiveringTrajectory) t = parse_ok (json);
  ck_assert_str_eq (activering_trajectory_get_id (t), "dossier-0042");
  ck_assert_str_eq (activering_trajectory_get_model (t), "ocmw7");
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 6);
  static const ActiveringEventType types[] = { ACTIVERING_EVENT_OPEN,          ACTIVERING_EVENT_ENTER_PHASE,
                                               ACTIVERING_EVENT_START_MEASURE, ACTIVERING_EVENT_END_MEASURE,
                                               ACTIVERING_EVENT_ENTER_PHASE,   ACTIVERING_EVENT_CLOSE };
  static const char *const subjects[] = { "randvoorwaarden", "screening", "art60", "art60", "nazorg", NULL };
  static const char *const dates[] = { "2025-06-01", "2025-08-15", "2025-10-01",
                                       "2026-10-01", "2026-10-02", "2027-04-01" };
  for (guint i = 0; i < 6; i++)
    {
      ck_assert_int_eq (activering_trajectory_get_event_type (t, i), types[i]);
      const char *subject = activering_trajectory_get_event_subject (t, i);
      if (subjects[i] == NULL)
        ck_assert_ptr_null (subject);
      else
        ck_assert_str_eq (subject, subjects[i]);
      GDate date;
      g_date_clear (&date, 1);
      activering_trajectory_get_event_date (t, i, &date);
      g_autofree char *text = date_text (&date);
      ck_assert_str_eq (text, dates[i]);
    }
  ck_assert_ptr_null (activering_trajectory_get_event_reason (t, 0));
  ck_assert_str_eq (activering_trajectory_get_event_reason (t, 3), "completed");
  ck_assert_str_eq (activering_trajectory_get_event_reason (t, 5), "duurzaam_werk");
  ck_assert_str_eq (activering_trajectory_get_event_by (t, 0), "ocmw.maatschappelijk_werker");
  ck_assert_ptr_null (activering_trajectory_get_event_by (t, 3));
  /* Out of range: a critical and NULL, not a crash. */
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_get_event_subject (t, 6)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_get_event_reason (t, 6)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_get_event_by (t, 99)));
}
END_TEST

START_TEST (test_event_type_names)
{
  static const char *const names[] = {
    "open", "reopen", "enter_phase", "start_measure", "end_measure", "note", "close",
    "contact", "vdab_report", "decision", "handover"
  };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ck_assert_str_eq (activering_event_type_to_string ((ActiveringEventType) i), names[i]);
}
END_TEST

START_TEST (test_parse_every_event_kind)
{
  g_autoptr (ActiveringTrajectory) t =
      parse_ok (DOCS ("ocmw7", OPEN ("2025-01-01", "randvoorwaarden"), NOTE ("2025-01-02", "eerste gesprek"),
                      CLOSE ("2025-01-03", "verhuisd"), REOPEN ("2025-02-01", "screening"),
                      HANDOVER ("2025-02-02", "werkervaring_opleiding", "ocmw7")));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 5);
  ck_assert_int_eq (activering_trajectory_get_event_type (t, 1), ACTIVERING_EVENT_NOTE);
  /* A note's text is not its reason, and it has no subject. */
  ck_assert_ptr_null (activering_trajectory_get_event_reason (t, 1));
  ck_assert_ptr_null (activering_trajectory_get_event_subject (t, 1));
  ck_assert_str_eq (activering_trajectory_get_event_reason (t, 2), "verhuisd");
  ck_assert_ptr_null (activering_trajectory_get_event_subject (t, 2));
  ck_assert_int_eq (activering_trajectory_get_event_type (t, 3), ACTIVERING_EVENT_REOPEN);
  ck_assert_str_eq (activering_trajectory_get_event_subject (t, 3), "screening");
  ck_assert_str_eq (activering_trajectory_get_event_subject (t, 4), "werkervaring_opleiding");
}
END_TEST

START_TEST (test_parse_unknown_codes_are_not_errors)
{
  /* The log records what happened: codes the rule set does not know are violations in the report, not parse
   * errors. */
  g_autoptr (ActiveringTrajectory) t = parse_ok (
      DOCS ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"nergens\",\"by\":\"ocmw.directeur\"}",
            START ("2025-01-02", "glow"), HANDOVER ("2025-01-03", "screening", "ocmw9")));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 3);
  ck_assert_str_eq (activering_trajectory_get_event_subject (t, 0), "nergens");
  ck_assert_str_eq (activering_trajectory_get_event_by (t, 0), "ocmw.directeur");
  ck_assert_str_eq (activering_trajectory_get_event_subject (t, 1), "glow");
}
END_TEST

START_TEST (test_parse_explicit_length)
{
  static const char doc[] = DOC ("ocmw7", OPEN ("2025-01-01", "screening")) "GARBAGE";
  gsize length = strlen (doc) - strlen ("GARBAGE");
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new_from_data (rules, doc, (gssize) length, &error);
  ck_assert_msg (t != NULL, "%s", error ? error->message : "?");
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 1);
  g_autoptr (GError) short_error = parse_error (doc, (gssize) length - 1);
  test_assert_error (short_error, ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "malformed JSON", NULL);
}
END_TEST

/* ---- parsing: bad input ---------------------------------------------------------------------------------- */

START_TEST (test_parse_empty_document)
{
  EXPECT_ERROR ("", ACTIVERING_ERROR_SYNTAX, "trajectory: /: empty document");
  EXPECT_ERROR (" \n\t ", ACTIVERING_ERROR_SYNTAX, "trajectory: /: empty document");
  g_autoptr (GError) error = parse_error (NULL, 0);
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "trajectory: /: empty document", NULL);
}
END_TEST

START_TEST (test_parse_bad_json)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"", ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "malformed JSON", "'}'");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":}", ACTIVERING_ERROR_SYNTAX, "trajectory: /id:", "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",id:\"a\"}", ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "malformed JSON",
                "a key in quotes");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",}", ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER
                ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[" OPEN ("2025-01-01", "screening") ",]}",
                ACTIVERING_ERROR_SYNTAX, "trajectory: /events/1:", "malformed JSON");
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":\"2025-01-01\" \"type\":\"open\"}"), ACTIVERING_ERROR_SYNTAX,
                "trajectory: /events/0:", "malformed JSON", "','");
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"screening\",\"x_a\":[1,]}"),
                ACTIVERING_ERROR_SYNTAX, "trajectory: /events/0/x_a/1:", "malformed JSON");
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"scr\\qeening\"}"),
                ACTIVERING_ERROR_SYNTAX, "trajectory: /events/0/phase:", "malformed JSON");
}
END_TEST

START_TEST (test_parse_not_an_object)
{
  EXPECT_ERROR ("[]", ACTIVERING_ERROR_TYPE, "trajectory: /:", "expected a trajectory object, found an array");
  EXPECT_ERROR ("42", ACTIVERING_ERROR_TYPE, "trajectory: /:", "expected a trajectory object, found a number");
  EXPECT_ERROR ("\"x\"", ACTIVERING_ERROR_TYPE, "trajectory: /:", "found a string");
  EXPECT_ERROR ("null", ACTIVERING_ERROR_TYPE, "trajectory: /:", "found null");
  EXPECT_ERROR ("x", ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "malformed JSON");
}
END_TEST

START_TEST (test_parse_format)
{
  EXPECT_ERROR ("{\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}", ACTIVERING_ERROR_FORMAT,
                "trajectory: /:", "missing \"format\"", "\"activering.trajectory/1\"");
  EXPECT_ERROR ("{\"format\":\"activering.facts/1\",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}",
                ACTIVERING_ERROR_FORMAT, "trajectory: /format:", "\"activering.facts/1\" is not a trajectory document",
                "expected \"activering.trajectory/1\"");
  EXPECT_ERROR ("{\"format\":\"activering.trajectory-report/1\",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}",
                ACTIVERING_ERROR_FORMAT, "trajectory: /format:", "is not a trajectory document");
  EXPECT_ERROR ("{\"format\":\"activering.trajectory/2\",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}",
                ACTIVERING_ERROR_FORMAT, "trajectory: /format:", "\"activering.trajectory/2\"",
                "major version this library does not read", "it reads \"activering.trajectory/1\"");
  EXPECT_ERROR ("{\"format\":\"activering.trajectory/10\",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}",
                ACTIVERING_ERROR_FORMAT, "trajectory: /format:", "major version");
  EXPECT_ERROR ("{\"format\":1,\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}", ACTIVERING_ERROR_TYPE,
                "trajectory: /format:", "expected the string \"activering.trajectory/1\", found a number");
}
END_TEST

START_TEST (test_parse_missing_members)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"model\":\"ocmw7\",\"events\":[]}", ACTIVERING_ERROR_MISSING,
                "trajectory: /:", "missing \"id\"");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"events\":[]}", ACTIVERING_ERROR_MISSING,
                "trajectory: /:", "missing \"model\"");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\"}", ACTIVERING_ERROR_MISSING,
                "trajectory: /:", "missing \"events\"");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\",\"model\":\"ocmw7\",\"events\":[]}", ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /id:", "the dossier id is empty");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":7,\"model\":\"ocmw7\",\"events\":[]}", ACTIVERING_ERROR_TYPE,
                "trajectory: /id:", "found a number");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":7,\"events\":[]}", ACTIVERING_ERROR_TYPE,
                "trajectory: /model:", "expected a phase model code, found a number");
  /* An empty log is a valid log. */
  g_autoptr (ActiveringTrajectory) t = parse_ok (DOC ("ocmw7", ""));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 0);
}
END_TEST

START_TEST (test_parse_unknown_model)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw8\",\"events\":[]}", ACTIVERING_ERROR_UNKNOWN_REF,
                "trajectory: /model:", "unknown phase model \"ocmw8\"", "ocmw7, outreach6");
  /* The model may come after the events. */
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"events\":[],\"model\":\"OCMW7\"}", ACTIVERING_ERROR_UNKNOWN_REF,
                "trajectory: /model:", "\"OCMW7\"");
}
END_TEST

START_TEST (test_parse_unknown_key)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"evnets\":[]}", ACTIVERING_ERROR_UNKNOWN_KEY,
                "trajectory: /evnets:", "unknown key \"evnets\"", "did you mean \"events\"?");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"modl\":\"ocmw7\",\"events\":[]}", ACTIVERING_ERROR_UNKNOWN_KEY,
                "trajectory: /modl:", "did you mean \"model\"?");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[],\"client\":{}}",
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /client:", "unknown key \"client\"");
  /* In an event, with a JSON pointer escape. */
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      "{\"at\":\"2025-01-02\",\"type\":\"enter_phase\",\"phse\":\"screening\"}"),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/phse:", "did you mean \"phase\"?");
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"screening\",\"a/b\":1}"),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/0/a~1b:", "unknown key \"a/b\"");
  /* x_ keys are fine, with any value. */
  g_autoptr (ActiveringTrajectory) t =
      parse_ok ("{" FORMAT_MEMBER ",\"x_a\":{\"b\":[1,{\"c\":null}]},\"id\":\"a\",\"model\":\"ocmw7\",\"events\":["
                "{\"x_\":true,\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"screening\"}]}");
}
END_TEST

START_TEST (test_parse_events_shape)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":{}}", ACTIVERING_ERROR_TYPE,
                "trajectory: /events:", "expected an array of events, found an object");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":null}", ACTIVERING_ERROR_TYPE,
                "trajectory: /events:", "expected an array of events, found null");
  EXPECT_ERROR (DOC ("ocmw7", OPEN ("2025-01-01", "screening") ",\"enter_phase\""), ACTIVERING_ERROR_TYPE,
                "trajectory: /events/1:", "expected an event object, found a string");
  EXPECT_ERROR (DOC ("ocmw7", "[]"), ACTIVERING_ERROR_TYPE,
                "trajectory: /events/0:", "expected an event object, found an array");
}
END_TEST

START_TEST (test_parse_event_missing_at_or_type)
{
  EXPECT_ERROR (DOC ("ocmw7", "{\"type\":\"open\",\"phase\":\"screening\"}"), ACTIVERING_ERROR_MISSING,
                "trajectory: /events/0:", "missing \"at\"");
  EXPECT_ERROR (DOC ("ocmw7", OPEN ("2025-01-01", "screening") ",{\"at\":\"2025-01-02\",\"phase\":\"screening\"}"),
                ACTIVERING_ERROR_MISSING, "trajectory: /events/1:", "missing \"type\"", "enter_phase");
  EXPECT_ERROR (DOC ("ocmw7", "{}"), ACTIVERING_ERROR_MISSING, "trajectory: /events/0:", "missing \"type\"");
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":20250101,\"type\":\"open\",\"phase\":\"screening\"}"), ACTIVERING_ERROR_TYPE,
                "trajectory: /events/0/at:", "expected a date \"YYYY-MM-DD\", found a number");
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":3}"), ACTIVERING_ERROR_TYPE,
                "trajectory: /events/0/type:", "found a number");
}
END_TEST

START_TEST (test_parse_bad_date)
{
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), ENTER ("2025-02-01", "werkervaring_opleiding"),
                      ENTER ("2025-13-01", "screening")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/2/at:", "\"2025-13-01\" is not a valid date",
                "expected \"YYYY-MM-DD\"");
  EXPECT_ERROR (DOC ("ocmw7", OPEN ("2025-02-29", "screening")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/at:", "\"2025-02-29\" is not a valid date");
  EXPECT_ERROR (DOC ("ocmw7", OPEN ("2025-1-01", "screening")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/at:", "not a valid date");
  EXPECT_ERROR (DOC ("ocmw7", OPEN ("", "screening")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/at:", "not a valid date");
}
END_TEST

START_TEST (test_parse_unknown_event_type)
{
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "randvoorwaarden"),
                      EV ("2025-02-01", "enter_phse", ",\"phase\":\"screening\"")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/type:", "unknown event type \"enter_phse\"",
                "did you mean \"enter_phase\"?",
                "one of: open, reopen, enter_phase, start_measure, end_measure, note, close, contact, vdab_report, "
                "decision, handover");
  /* Nothing close: no suggestion. */
  g_autoptr (GError) error = parse_error (DOC ("ocmw7", EV ("2025-01-01", "transfer", "")), -1);
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE,
                     "trajectory: /events/0/type:", "unknown event type \"transfer\"", NULL);
  ck_assert_ptr_null (strstr (error->message, "did you mean"));
}
END_TEST

START_TEST (test_parse_missing_field_per_type)
{
  static const struct
  {
    const char *event, *field, *type;
  } cases[] = {
    { EV ("2025-02-01", "enter_phase", ""), "phase", "enter_phase" },
    { EV ("2025-02-01", "reopen", ""), "phase", "reopen" },
    { EV ("2025-02-01", "start_measure", ""), "measure", "start_measure" },
    { EV ("2025-02-01", "end_measure", ",\"measure\":\"art60\""), "reason", "end_measure" },
    { EV ("2025-02-01", "end_measure", ",\"reason\":\"completed\""), "measure", "end_measure" },
    { EV ("2025-02-01", "note", ""), "text", "note" },
    { EV ("2025-02-01", "close", ""), "reason", "close" },
    { EV ("2025-02-01", "contact", ",\"by\":\"ocmw.maatschappelijk_werker\""), "channel", "contact" },
    { EV ("2025-02-01", "contact", ",\"channel\":\"phone\""), "by", "contact" },
    { EV ("2025-02-01", "vdab_report", ",\"by\":\"vdab.bemiddelaar\""), "kind", "vdab_report" },
    { EV ("2025-02-01", "decision", ",\"by\":\"ocmw\""), "kind", "decision" },
    { EV ("2025-02-01", "decision", ",\"kind\":\"warning\""), "by", "decision" },
    { EV ("2025-02-01", "handover", ",\"by\":\"ocmw.maatschappelijk_werker\""), "to", "handover" },
    { EV ("2025-02-01", "handover", ",\"to\":\"ocmw.trajectbegeleider\""), "by", "handover" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (
          "{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[" OPEN ("2025-01-01", "screening") ",%s]}",
          cases[i].event);
      g_autofree char *missing =
          g_strdup_printf ("missing \"%s\" (\"%s\" events have one)", cases[i].field, cases[i].type);
      g_autoptr (GError) error = parse_error (doc, -1);
      test_assert_error (error, ACTIVERING_ERROR_MISSING, "trajectory: /events/1:", missing, NULL);
    }
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "open", "")), ACTIVERING_ERROR_MISSING,
                "trajectory: /events/0:", "missing \"phase\"");
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "open", ",\"phase\":\"\"")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/phase:", "expected a code");
}
END_TEST

START_TEST (test_parse_misplaced_field)
{
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), START ("2025-01-02", "twe_ocmw"),
                      EV ("2025-01-03", "start_measure", ",\"measure\":\"art60\",\"reason\":\"completed\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY,
                "trajectory: /events/2/reason:", "\"start_measure\" events have no \"reason\"");
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "open", ",\"phase\":\"screening\",\"measure\":\"art60\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/0/measure:", "\"open\" events have no \"measure\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "close", ",\"reason\":\"verhuisd\",\"phase\":\"screening\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/phase:", "\"close\" events have no \"phase\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "note", ",\"text\":\"x\",\"model\":\"ocmw7\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/model:", "\"note\" events have no \"model\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "start_measure", ",\"measure\":\"art60\",\"model\":\"ocmw7\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/model:");
}
END_TEST

START_TEST (test_parse_duplicate_key)
{
  EXPECT_ERROR (
      DOC ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":\"open\",\"at\":\"2025-01-02\",\"phase\":\"screening\"}"),
      ACTIVERING_ERROR_DUPLICATE, "trajectory: /events/0/at:", "the key appears twice");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "enter_phase", ",\"phase\":\"screening\",\"phase\":\"nazorg\"")),
                ACTIVERING_ERROR_DUPLICATE, "trajectory: /events/1/phase:", "the key appears twice");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"id\":\"b\",\"model\":\"ocmw7\",\"events\":[]}",
                ACTIVERING_ERROR_DUPLICATE, "trajectory: /id:", "the key appears twice");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[],\"events\":[]}",
                ACTIVERING_ERROR_DUPLICATE, "trajectory: /events:", "the key appears twice");
  EXPECT_ERROR ("{" FORMAT_MEMBER "," FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[]}",
                ACTIVERING_ERROR_DUPLICATE, "trajectory: /format:", "the key appears twice");
  /* x_ members too: writing them back twice would make a document that is not valid everywhere */
  EXPECT_ERROR (DOC ("ocmw7", "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"screening\",\"x_a\":1,\"x_a\":2}"),
                ACTIVERING_ERROR_DUPLICATE, "trajectory: /events/0/x_a:", "the key appears twice");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"x_v\":1,\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[],\"x_v\":2}",
                ACTIVERING_ERROR_DUPLICATE, "trajectory: /x_v:", "the key appears twice");
}
END_TEST

/* activering_trajectory_parse refills one log: what a document held is gone with the next, an error leaves it
 * empty, and the keys of one document's x_ members are not held against the next one's. */
START_TEST (test_parse_refill)
{
  g_autoptr (ActiveringTrajectory) t = parse_ok (
      "{" FORMAT_MEMBER ",\"x_v\":{\"k\":1},\"id\":\"a\",\"model\":\"ocmw7\",\"events\":["
      "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"screening\",\"x_a\":1}]}");
  GError *error = NULL;
  const char *second = "{" FORMAT_MEMBER ",\"x_v\":{\"k\":2},\"id\":\"b\",\"model\":\"ocmw7\",\"events\":["
                       "{\"at\":\"2025-02-01\",\"type\":\"open\",\"phase\":\"screening\",\"x_a\":2},"
                       "{\"at\":\"2025-02-02\",\"type\":\"note\",\"text\":\"n\",\"x_a\":3}]}";
  ck_assert (activering_trajectory_parse (t, second, -1, &error));
  g_assert_no_error (error);
  ck_assert_str_eq (activering_trajectory_get_id (t), "b");
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 2);
  g_autofree char *written = activering_trajectory_to_json (t, 0);
  ck_assert_msg (strstr (written, "\"x_v\":{\"k\":2}") != NULL && strstr (written, "\"x_a\":3") != NULL, "%s", written);

  /* a duplicate x_ key in a nested object, after enough keys to make the key set grow */
  GString *many = g_string_new ("{" FORMAT_MEMBER ",\"id\":\"c\",\"model\":\"ocmw7\",\"events\":[],\"x_m\":{");
  for (int i = 0; i < 200; i++)
    g_string_append_printf (many, "\"k%d\":%d,", i, i);
  g_string_append (many, "\"k7\":0}}");
  ck_assert (!activering_trajectory_parse (t, many->str, -1, &error));
  test_assert_error (error, ACTIVERING_ERROR_DUPLICATE, "trajectory: /x_m/k7:", "the key appears twice", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_trajectory_get_id (t));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 0);

  /* the same keys in sibling objects are no duplicates */
  g_string_assign (many, "{" FORMAT_MEMBER ",\"id\":\"d\",\"model\":\"ocmw7\",\"events\":[],\"x_m\":[");
  for (int i = 0; i < 100; i++)
    g_string_append_printf (many, "%s{\"k\":%d,\"l\":{\"k\":1}}", i ? "," : "", i);
  g_string_append (many, "]}");
  ck_assert (activering_trajectory_parse (t, many->str, -1, &error));
  g_assert_no_error (error);
  ck_assert_str_eq (activering_trajectory_get_id (t), "d");
  g_string_free (many, TRUE);
}
END_TEST

#define CONTACT(at, channel, by) EV (at, "contact", ",\"channel\":\"" channel "\",\"by\":\"" by "\"")
#define VDAB_REPORT(at, kind) EV (at, "vdab_report", ",\"kind\":\"" kind "\",\"by\":\"vdab.bemiddelaar\"")
#define DECISION(at, kind) EV (at, "decision", ",\"kind\":\"" kind "\",\"by\":\"ocmw\"")
#define WARM_HANDOVER(at, by, to) EV (at, "handover", ",\"by\":\"" by "\",\"to\":\"" to "\"")

START_TEST (test_parse_follow_up_events)
{
  g_autoptr (ActiveringTrajectory) t = parse_ok (
      DOCS ("ocmw7", OPEN ("2025-01-01", "randvoorwaarden"),
            CONTACT ("2025-01-02", "home_visit", "ocmw.maatschappelijk_werker"),
            VDAB_REPORT ("2025-02-01", "non_cooperation"), DECISION ("2025-02-10", "warning"),
            WARM_HANDOVER ("2025-03-01", "ocmw.maatschappelijk_werker", "ocmw.trajectbegeleider"),
            EV ("2025-03-02", "vdab_report", ",\"kind\":\"progress\"")));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 6);
  ck_assert_int_eq (activering_trajectory_get_event_type (t, 1), ACTIVERING_EVENT_CONTACT);
  ck_assert_str_eq (activering_trajectory_get_event_reason (t, 1), "home_visit");
  ck_assert_ptr_null (activering_trajectory_get_event_subject (t, 1));
  ck_assert_str_eq (activering_trajectory_get_event_by (t, 1), "ocmw.maatschappelijk_werker");
  ck_assert_int_eq (activering_trajectory_get_event_type (t, 2), ACTIVERING_EVENT_VDAB_REPORT);
  ck_assert_str_eq (activering_trajectory_get_event_reason (t, 2), "non_cooperation");
  ck_assert_int_eq (activering_trajectory_get_event_type (t, 3), ACTIVERING_EVENT_DECISION);
  ck_assert_str_eq (activering_trajectory_get_event_reason (t, 3), "warning");
  ck_assert_int_eq (activering_trajectory_get_event_type (t, 4), ACTIVERING_EVENT_HANDOVER);
  ck_assert_str_eq (activering_trajectory_get_event_subject (t, 4), "ocmw.trajectbegeleider");
  ck_assert_ptr_null (activering_trajectory_get_event_reason (t, 4));
  ck_assert_ptr_null (activering_trajectory_get_event_by (t, 5));
  /* Written back as read (type-specific members first, then by). */
  g_autofree char *written = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  ck_assert_ptr_nonnull (strstr (written, "{\"at\":\"2025-01-02\",\"type\":\"contact\",\"channel\":\"home_visit\","
                                          "\"by\":\"ocmw.maatschappelijk_werker\"}"));
  ck_assert_ptr_nonnull (strstr (written, "{\"at\":\"2025-03-01\",\"type\":\"handover\","
                                          "\"to\":\"ocmw.trajectbegeleider\",\"by\":\"ocmw.maatschappelijk_werker\"}"));
  g_autoptr (ActiveringTrajectory) again = parse_ok (written);
  g_autofree char *rewritten = activering_trajectory_to_json (again, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (rewritten, written);
  /* Nothing is wrong with them while the trajectory is open, but for the month without contact in the rule set. */
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  run_on (report, t, NULL, "2025-03-31");
  assert_violations (report, "1:follow_up_gap:warning");
}
END_TEST

START_TEST (test_parse_follow_up_bad_values)
{
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CONTACT ("2025-01-02", "email", "ocmw")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/channel:",
                "unknown channel \"email\" of a \"contact\" event",
                "(expected one of: in_person, phone, video, home_visit, written)");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CONTACT ("2025-01-02", "phon", "ocmw")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/channel:", "did you mean \"phone\"?");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CONTACT ("2025-01-02", "In person", "ocmw")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/channel:",
                "\"In person\" is not a code (lowercase snake_case)");
  /* A kind is one of its event type's: a decision's kind is not a report's. */
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), VDAB_REPORT ("2025-01-02", "sanction")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/kind:",
                "unknown kind \"sanction\" of a \"vdab_report\" event",
                "(expected one of: non_cooperation, no_show, progress)");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), DECISION ("2025-01-02", "progress")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/kind:",
                "unknown kind \"progress\" of a \"decision\" event",
                "(expected one of: sanction, no_sanction, warning)");
  /* The kind may come before the type: still checked against it. */
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      "{\"kind\":\"no_show\",\"by\":\"ocmw\",\"at\":\"2025-01-02\",\"type\":\"decision\"}"),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/kind:", "unknown kind \"no_show\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "handover", ",\"by\":\"ocmw\",\"to\":\"\"")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/to:", "expected a code");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "contact", ",\"channel\":7,\"by\":\"ocmw\"")),
                ACTIVERING_ERROR_TYPE, "trajectory: /events/1/channel:");
  /* Members of other event types are refused. */
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "contact", ",\"channel\":\"phone\",\"by\":\"ocmw\",\"kind\":\"progress\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/kind:", "\"contact\" events have no \"kind\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "close", ",\"reason\":\"verhuisd\",\"channel\":\"phone\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/channel:", "\"close\" events have no \"channel\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "decision", ",\"kind\":\"warning\",\"by\":\"ocmw\",\"to\":\"person\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/to:", "\"decision\" events have no \"to\"");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                      EV ("2025-01-02", "handover", ",\"by\":\"ocmw\",\"to\":\"person\",\"phase\":\"nazorg\"")),
                ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/phase:", "\"handover\" events have no \"phase\"");
}
END_TEST

START_TEST (test_follow_up_replay)
{
  /* Follow-up events need an open trajectory; a handover to an unknown role is reported like an unknown by. */
  g_autoptr (ActiveringTrajectory) t = parse_ok (
      DOCS ("ocmw7", CONTACT ("2025-01-01", "phone", "ocmw.maatschappelijk_werker"), OPEN ("2025-01-02", "screening"),
            WARM_HANDOVER ("2025-01-03", "ocmw.maatschappelijk_werker", "ocmw.trajectbeleider"),
            CONTACT ("2025-01-04", "phone", "ocmw.maatschappelijk_werkr"), CLOSE ("2025-01-05", "verhuisd"),
            DECISION ("2025-01-06", "no_sanction")));
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  run_on (report, t, NULL, "2025-03-31");
  assert_violations (report, "0:not_open:error 2:unknown_role:error 3:unknown_role:error 5:event_after_close:error");
  /* The API refuses them the same way. */
  g_autoptr (ActiveringTrajectory) built = parse_ok (DOCS ("ocmw7", OPEN ("2025-01-02", "screening")));
  g_autoptr (GError) error = NULL;
  ck_assert (!activering_trajectory_append_event (
      built, WARM_HANDOVER ("2025-01-03", "ocmw.maatschappelijk_werker", "nobody"), -1, &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1:", "unknown_role", "nobody", NULL);
  ck_assert (activering_trajectory_append_event (built, VDAB_REPORT ("2025-01-03", "no_show"), -1, NULL));
  ck_assert_uint_eq (activering_trajectory_get_n_events (built), 2);
}
END_TEST

START_TEST (test_parse_reason_not_snake_case)
{
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CLOSE ("2025-01-02", "Duurzaam werk")),
                ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/1/reason:", "\"Duurzaam werk\" is not a reason code", "lowercase snake_case");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), START ("2025-01-02", "twe_ocmw"),
                      END ("2025-01-03", "twe_ocmw", "stopped-early")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/2/reason:", "\"stopped-early\"",
                "not a reason code");
  EXPECT_ERROR (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CLOSE ("2025-01-02", "")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/1/reason:", "not a reason code");
}
END_TEST

START_TEST (test_parse_trailing_data)
{
  EXPECT_ERROR (DOC ("ocmw7", "") " x", ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "malformed JSON",
                "unexpected data after the document");
  EXPECT_ERROR (DOC ("ocmw7", "") "{}", ACTIVERING_ERROR_SYNTAX, "trajectory: /:", "after the document");
  /* Trailing whitespace is fine. */
  g_autoptr (ActiveringTrajectory) t = parse_ok (DOC ("ocmw7", "") " \n\t");
}
END_TEST

/* Text the library keeps and writes back (notes, x_ members, codes, actor ids) must be valid UTF-8 without NULs. */
START_TEST (test_parse_bad_text)
{
  EXPECT_ERROR (DOC ("ocmw7", NOTE ("2025-01-01", "\xff")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/text:", "the text is not valid UTF-8 or contains a NUL");
  EXPECT_ERROR (DOC ("ocmw7", NOTE ("2025-01-01", "a\\u0000b")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/text:", "contains a NUL");
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "note", ",\"text\":\"x\",\"x_a\\u0000\":1")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/0/",
                "the key is not valid UTF-8 or contains a NUL");
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "note", ",\"text\":\"x\",\"x_a\":[\"\xff\"]")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/0/x_a/0:", "is not valid UTF-8");
  EXPECT_ERROR (DOC ("ocmw7", OPEN ("2025-01-01", "")), ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/phase:", "expected a code, found an empty or invalid string");
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "note", ",\"text\":\"x\",\"actor\":\"\"")),
                ACTIVERING_ERROR_INVALID_VALUE, "trajectory: /events/0/actor:", "the actor id is empty");
  EXPECT_ERROR (DOC ("ocmw7", EV ("2025-01-01", "note", ",\"text\":\"x\",\"actor\":\"a\\tb\"")),
                ACTIVERING_ERROR_INVALID_VALUE,
                "trajectory: /events/0/actor:", "the actor id contains a control character");
  /* A NUL in the model code matches no model (and the lookup reads nothing past the codes it knows). */
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\\u0000\",\"events\":[]}",
                ACTIVERING_ERROR_UNKNOWN_REF, "trajectory: /model:", "unknown phase model");
}
END_TEST

START_TEST (test_parse_too_many_events)
{
  g_autoptr (GString) doc = g_string_new ("{" FORMAT_MEMBER ",\"id\":\"a\",\"model\":\"ocmw7\",\"events\":[");
  for (guint i = 0; i <= 100000; i++)
    g_string_append (doc, i ? "," NOTE ("2025-01-01", "n") : NOTE ("2025-01-01", "n"));
  g_string_append (doc, "]}");
  EXPECT_ERROR (doc->str, ACTIVERING_ERROR_TOO_LARGE, "trajectory: /events/100000:", "more than 100000 events");
}
END_TEST

START_TEST (test_parse_note_text_not_in_errors)
{
  /* A note's text is free text: an error elsewhere in the event does not quote it. */
  g_autoptr (GError) error =
      parse_error (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"),
                         EV ("2025-01-02", "note", ",\"text\":\"GEHEIM-4711\",\"measure\":\"art60\"")),
                   -1);
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/1/measure:", NULL);
  ck_assert_ptr_null (strstr (error->message, "GEHEIM"));
}
END_TEST

/* ---- writing back ---------------------------------------------------------------------------------------- */

/* Canonical key order, x_ members on the document and on events, with whitespace everywhere it is allowed. */
static const char canonical_spaced[] =
    "{ \"format\" : \"activering.trajectory/1\" ,\n \"id\": \"dossier-rt\", \"model\": \"ocmw7\",\n"
    "  \"events\": [\n"
    "    {\"at\": \"2025-06-01\", \"type\": \"open\", \"phase\": \"randvoorwaarden\",\n"
    "     \"by\": \"ocmw.maatschappelijk_werker\", \"actor\": \"mw-an\",\n"
    "     \"x_source\": { \"system\" : \"mlp\" , \"ids\" : [ 1 , 2 ,\n 3 ] , \"nested\": {\"a\" : [ { } , [ ] ]} }},\n"
    "    {\"at\": \"2025-08-15\", \"type\": \"enter_phase\", \"phase\": \"screening\", \"by\": "
    "\"ocmw.trajectbegeleider\"},\n"
    "    {\"at\": \"2025-09-01\", \"type\": \"note\", \"text\": \"Gesprek met cli\xc3\xabnt: \\\"ok\\\"\",\n"
    "     \"x_tags\": [ \"a  b\" , null , true , -1.5e3 , \"{ [ , ] }\" ] },\n"
    "    {\"at\": \"2025-10-01\", \"type\": \"start_measure\", \"measure\": \"twe_ocmw\"},\n"
    "    {\"at\": \"2025-10-01\", \"type\": \"enter_phase\", \"phase\": \"werkervaring_opleiding\", \"model\": "
    "\"ocmw7\"},\n"
    "    {\"at\": \"2025-10-06\", \"type\": \"start_measure\", \"measure\": \"art60\", \"actor\": \"tb-jan\"},\n"
    "    {\"at\": \"2026-09-30\", \"type\": \"end_measure\", \"measure\": \"art60\", \"reason\": \"completed\","
    " \"x_n\": 0},\n"
    "    {\"at\": \"2027-04-01\", \"type\": \"close\", \"reason\": \"duurzaam_werk\", \"by\": "
    "\"ocmw.trajectbegeleider\"},\n"
    "    {\"at\": \"2027-05-01\", \"type\": \"reopen\", \"phase\": \"screening\", \"x_q\": \"say \\\"hi\\\" "
    "\\u00e9\"}\n"
    "  ],\n"
    "  \"x_version\": 3, \"x_meta\": {\"k\": [ {} , [ ] ], \"s\": \"x  y\"}\n"
    "}\n";

static const char canonical_compact[] =
    "{\"format\":\"activering.trajectory/1\",\"id\":\"dossier-rt\",\"model\":\"ocmw7\",\"events\":["
    "{\"at\":\"2025-06-01\",\"type\":\"open\",\"phase\":\"randvoorwaarden\",\"by\":\"ocmw.maatschappelijk_werker\","
    "\"actor\":\"mw-an\",\"x_source\":{\"system\":\"mlp\",\"ids\":[1,2,3],\"nested\":{\"a\":[{},[]]}}},"
    "{\"at\":\"2025-08-15\",\"type\":\"enter_phase\",\"phase\":\"screening\",\"by\":\"ocmw.trajectbegeleider\"},"
    "{\"at\":\"2025-09-01\",\"type\":\"note\",\"text\":\"Gesprek met cli\xc3\xabnt: \\\"ok\\\"\","
    "\"x_tags\":[\"a  b\",null,true,-1.5e3,\"{ [ , ] }\"]},"
    "{\"at\":\"2025-10-01\",\"type\":\"start_measure\",\"measure\":\"twe_ocmw\"},"
    "{\"at\":\"2025-10-01\",\"type\":\"enter_phase\",\"phase\":\"werkervaring_opleiding\",\"model\":\"ocmw7\"},"
    "{\"at\":\"2025-10-06\",\"type\":\"start_measure\",\"measure\":\"art60\",\"actor\":\"tb-jan\"},"
    "{\"at\":\"2026-09-30\",\"type\":\"end_measure\",\"measure\":\"art60\",\"reason\":\"completed\",\"x_n\":0},"
    "{\"at\":\"2027-04-01\",\"type\":\"close\",\"reason\":\"duurzaam_werk\",\"by\":\"ocmw.trajectbegeleider\"},"
    "{\"at\":\"2027-05-01\",\"type\":\"reopen\",\"phase\":\"screening\",\"x_q\":\"say \\\"hi\\\" \\u00e9\"}"
    "],\"x_version\":3,\"x_meta\":{\"k\":[{},[]],\"s\":\"x  y\"}}";

START_TEST (test_round_trip_canonical)
{
  g_autoptr (ActiveringTrajectory) t = parse_ok (canonical_spaced);
  g_autofree char *written = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (written, canonical_compact);
  /* The compact form reads back to itself. */
  g_autoptr (ActiveringTrajectory) again = parse_ok (canonical_compact);
  g_autofree char *rewritten = activering_trajectory_to_json (again, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (rewritten, canonical_compact);
  /* append_json appends the same text. */
  g_autoptr (GString) out = g_string_new ("prefix:");
  activering_trajectory_append_json (t, ACTIVERING_JSON_DEFAULT, out);
  ck_assert_str_eq (out->str + strlen ("prefix:"), canonical_compact);
  /* Pretty output is the same document, ending in a newline. */
  g_autofree char *pretty = activering_trajectory_to_json (t, ACTIVERING_JSON_PRETTY);
  ck_assert (g_str_has_suffix (pretty, "}\n"));
  ck_assert_ptr_nonnull (strstr (pretty, "\n  \"events\": ["));
  json_object *a = json_tokener_parse (pretty), *b = json_tokener_parse (canonical_compact);
  ck_assert (a != NULL && b != NULL);
  ck_assert (json_object_equal (a, b));
  json_object_put (a);
  json_object_put (b);
  g_autoptr (ActiveringTrajectory) from_pretty = parse_ok (pretty);
  g_autofree char *from_pretty_text = activering_trajectory_to_json (from_pretty, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (from_pretty_text, canonical_compact);
}
END_TEST

/* Pretty-printed, keys in another order than the canonical one, escapes the writer spells differently. */
static const char other_order[] =
    "{\n"
    "  \"x_first\": [1, 2],\n"
    "  \"events\": [\n"
    "    {\"phase\": \"toeleiding\", \"x_e\": {\"z\": 1, \"a\": 2}, \"by\": \"toeleider\", \"type\": \"open\",\n"
    "     \"at\": \"2025-01-06\"},\n"
    "    {\"actor\": \"sw-\\u00e9\", \"type\": \"note\", \"text\": \"regel 1\\nregel 2\\t\\u00e9\\/\", "
    "\"at\": \"2025-01-07\"},\n"
    "    {\"model\": \"outreach6\", \"phase\": \"contactlegging\", \"type\": \"enter_phase\", \"at\": "
    "\"2025-02-03\"},\n"
    "    {\"reason\": \"completed\", \"measure\": \"art60\", \"type\": \"end_measure\", \"at\": \"2025-02-04\"},\n"
    "    {\"by\": \"toeleider\", \"reason\": \"geen_contact\", \"at\": \"2025-03-01\", \"type\": \"close\"}\n"
    "  ],\n"
    "  \"model\": \"outreach6\",\n"
    "  \"id\": \"dossier-\\u00e9\",\n"
    "  \"format\": \"activering.trajectory/1\",\n"
    "  \"x_last\": \"end\"\n"
    "}\n";

START_TEST (test_round_trip_other_order)
{
  g_autoptr (ActiveringTrajectory) t = parse_ok (other_order);
  /* The model came after the events, and they were still resolved against it: no unknown phase. */
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  run_on (report, t, NULL, "2025-12-31");
  assert_violations (report, "3:measure_not_running:error");
  ck_assert_int_eq (activering_trajectory_report_get_state (report), ACTIVERING_TRAJECTORY_CLOSED);
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (report), "contactlegging");

  g_autofree char *first = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  g_autoptr (ActiveringTrajectory) t2 = parse_ok (first);
  g_autofree char *second = activering_trajectory_to_json (t2, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (second, first);
  /* Written in the canonical order: format, id, model, events, then the x_ members in their order. */
  ck_assert (g_str_has_prefix (first, "{\"format\":\"activering.trajectory/1\",\"id\":\"dossier-\xc3\xa9\","
                                      "\"model\":\"outreach6\",\"events\":[{\"at\":\"2025-01-06\",\"type\":\"open\","
                                      "\"phase\":\"toeleiding\",\"by\":\"toeleider\",\"x_e\":{\"z\":1,\"a\":2}},"));
  ck_assert (g_str_has_suffix (first, "],\"x_first\":[1,2],\"x_last\":\"end\"}"));
  ck_assert_ptr_nonnull (strstr (first, "{\"at\":\"2025-02-03\",\"type\":\"enter_phase\",\"phase\":\"contactlegging\","
                                        "\"model\":\"outreach6\"}"));
  ck_assert_ptr_nonnull (strstr (first, "{\"at\":\"2025-03-01\",\"type\":\"close\",\"reason\":\"geen_contact\","
                                        "\"by\":\"toeleider\"}"));
  /* The same content as the input. */
  json_object *a = json_tokener_parse (other_order), *b = json_tokener_parse (first);
  ck_assert (a != NULL && b != NULL);
  ck_assert (json_object_equal (a, b));
  json_object_put (a);
  json_object_put (b);
}
END_TEST

/* ---- building through the API ---------------------------------------------------------------------------- */

START_TEST (test_new)
{
  g_autoptr (GError) error = NULL;
  ck_assert_ptr_null (activering_trajectory_new (rules, "d-1", "ocmw8", &error));
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_REF, "trajectory:", "\"ocmw8\"", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_trajectory_new (rules, "", "ocmw7", &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "trajectory:", "dossier id", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_trajectory_new (rules, "a\nb", "ocmw7", &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "control character", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (activering_trajectory_new (rules, "", "ocmw7", NULL));

  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new (rules, "d-1", "outreach6", &error);
  ck_assert_msg (t != NULL, "%s", error ? error->message : "?");
  ck_assert_str_eq (activering_trajectory_get_id (t), "d-1");
  ck_assert_str_eq (activering_trajectory_get_model (t), "outreach6");
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 0);
  g_autofree char *json = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (json, "{" FORMAT_MEMBER ",\"id\":\"d-1\",\"model\":\"outreach6\",\"events\":[]}");
}
END_TEST

static void
append_ok (ActiveringTrajectory *t, const char *event)
{
  g_autoptr (GError) error = NULL;
  guint n = activering_trajectory_get_n_events (t);
  ck_assert_msg (activering_trajectory_append_event (t, event, -1, &error), "refused %s: %s", event,
                 error ? error->message : "?");
  ck_assert (error == NULL);
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), n + 1);
}

/* Appends @event, which must be refused; the log must be left as it was. Returns the error. */
static GError *
append_refused (ActiveringTrajectory *t, const char *event)
{
  guint n = activering_trajectory_get_n_events (t);
  g_autofree char *before = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  GError *error = NULL;
  ck_assert_msg (!activering_trajectory_append_event (t, event, -1, &error), "accepted: %s", event);
  ck_assert_msg (error != NULL, "refused without an error: %s", event);
  /* The error names the event it refused, by its JSON path (the index it would have had). */
  g_autofree char *path = g_strdup_printf ("/events/%u", n);
  if (error->domain == ACTIVERING_ERROR && g_str_has_prefix (error->message, "trajectory: /events/"))
    {
      ck_assert_msg (g_str_has_prefix (activering_error_get_path (error), path), "%s", activering_error_get_path (error));
      ck_assert_str_eq (activering_error_get_document (error), "trajectory");
    }
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), n);
  g_autofree char *after = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (after, before);
  /* Without a GError too. */
  ck_assert (!activering_trajectory_append_event (t, event, -1, NULL));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), n);
  return error;
}

#define EXPECT_REFUSED(t, event, code, ...)                                                                            \
  do                                                                                                                   \
    {                                                                                                                  \
      g_autoptr (GError) e_ = append_refused ((t), (event));                                                           \
      test_assert_error (e_, (code), __VA_ARGS__, NULL);                                                               \
    }                                                                                                                  \
  while (0)

START_TEST (test_append_valid_sequence)
{
  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new (rules, "t-1", "ocmw7", NULL);
  static const char *const events[] = {
    "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"randvoorwaarden\",\"by\":\"ocmw.maatschappelijk_werker\","
    "\"x_k\":[1, 2]}",
    ENTER ("2025-02-01", "screening"),
    START ("2025-02-10", "twe_ocmw"),
    ENTER ("2025-03-01", "werkervaring_opleiding"),
    START ("2025-03-03", "art60"),
    NOTE ("2025-03-03", "zelfde dag"),
    END ("2025-03-31", "art60", "stopped"),
    CLOSE ("2025-05-15", "verhuisd"),
    REOPEN ("2025-07-01", "screening"),
  };
  GString *doc = g_string_new ("{" FORMAT_MEMBER ",\"id\":\"t-1\",\"model\":\"ocmw7\",\"events\":[");
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      append_ok (t, events[i]);
      g_string_append_printf (doc, "%s%s", i ? "," : "", events[i]);
    }
  g_string_append (doc, "]}");
  /* The log built event by event writes like the document parsed at once. */
  g_autoptr (ActiveringTrajectory) parsed = parse_ok (doc->str);
  g_autofree char *built_json = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  g_autofree char *parsed_json = activering_trajectory_to_json (parsed, ACTIVERING_JSON_DEFAULT);
  ck_assert_str_eq (built_json, parsed_json);
  ck_assert_ptr_nonnull (strstr (built_json, "\"x_k\":[1,2]"));
  g_string_free (doc, TRUE);
  /* Explicit length, not NUL-terminated. */
  static const char tail[] = ENTER ("2025-07-02", "werkervaring_opleiding") "GARBAGE";
  g_autoptr (GError) error = NULL;
  ck_assert_msg (activering_trajectory_append_event (t, tail, (gssize) (strlen (tail) - strlen ("GARBAGE")), &error),
                 "%s", error ? error->message : "?");
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), G_N_ELEMENTS (events) + 1);
}
END_TEST

START_TEST (test_append_refusals)
{
  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new (rules, "t-1", "ocmw7", NULL);
  /* Before open. */
  EXPECT_REFUSED (t, ENTER ("2025-01-01", "screening"), ACTIVERING_ERROR_INVALID_VALUE,
                  "trajectory: /events/0: not_open:", "2025-01-01");
  EXPECT_REFUSED (t, START ("2025-01-01", "twe_ocmw"), ACTIVERING_ERROR_INVALID_VALUE, "/events/0: not_open:");
  EXPECT_REFUSED (t, OPEN ("2025-01-01", "nergens"), ACTIVERING_ERROR_INVALID_VALUE,
                  "/events/0: unknown_phase:", "nergens");
  EXPECT_REFUSED (t, "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"screening\",\"by\":\"ocmw.directeur\"}",
                  ACTIVERING_ERROR_INVALID_VALUE, "/events/0: unknown_role:", "ocmw.directeur");
  append_ok (t, OPEN ("2025-06-01", "randvoorwaarden"));
  append_ok (t, ENTER ("2025-08-15", "screening"));
  /* Dated before the last event (the last two would be fine moves where they are dated). */
  EXPECT_REFUSED (t, ENTER ("2025-07-01", "screening"), ACTIVERING_ERROR_INVALID_VALUE,
                  "trajectory: /events/2: event_out_of_order:", "2025-07-01", "2025-08-15");
  EXPECT_REFUSED (t, NOTE ("2025-08-14", "te vroeg"), ACTIVERING_ERROR_INVALID_VALUE, "/events/2: event_out_of_order:");
  EXPECT_REFUSED (t, OPEN ("2025-09-01", "screening"), ACTIVERING_ERROR_INVALID_VALUE, "/events/2: already_open:");
  EXPECT_REFUSED (t, ENTER ("2025-09-01", "screenig"), ACTIVERING_ERROR_INVALID_VALUE,
                  "/events/2: unknown_phase:", "screenig");
  EXPECT_REFUSED (t, START ("2025-09-01", "glow"), ACTIVERING_ERROR_INVALID_VALUE,
                  "/events/2: unknown_measure:", "glow");
  EXPECT_REFUSED (t, END ("2025-09-01", "twe_ocmw", "completed"), ACTIVERING_ERROR_INVALID_VALUE,
                  "/events/2: measure_not_running:", "Tijdelijke werkervaring via het OCMW");
  append_ok (t, START ("2025-09-01", "twe_ocmw"));
  EXPECT_REFUSED (t, START ("2025-09-02", "twe_ocmw"), ACTIVERING_ERROR_INVALID_VALUE,
                  "/events/3: overlapping_measure:", "2025-09-01");
  /* ocmw7 has no handover point into outreach6. */
  EXPECT_REFUSED (t, HANDOVER ("2025-09-02", "orientering", "outreach6"), ACTIVERING_ERROR_INVALID_VALUE,
                  "/events/3: handover_not_allowed:");
  append_ok (t, CLOSE ("2025-12-31", "verhuisd"));
  EXPECT_REFUSED (t, ENTER ("2026-01-05", "werkervaring_opleiding"), ACTIVERING_ERROR_INVALID_VALUE,
                  "trajectory: /events/4: event_after_close:", "2025-12-31");
  EXPECT_REFUSED (t, CLOSE ("2026-01-05", "verhuisd"), ACTIVERING_ERROR_INVALID_VALUE, "/events/4: event_after_close");
  /* After a refusal the log goes on as before. */
  append_ok (t, REOPEN ("2026-01-05", "screening"));
  ck_assert_uint_eq (activering_trajectory_get_n_events (t), 5);

  /* outreach6: toeleiding -> warme_overdracht is not listed. */
  g_autoptr (ActiveringTrajectory) o = activering_trajectory_new (rules, "t-2", "outreach6", NULL);
  append_ok (o, OPEN ("2025-01-06", "toeleiding"));
  EXPECT_REFUSED (o, ENTER ("2025-02-03", "warme_overdracht"), ACTIVERING_ERROR_INVALID_VALUE,
                  "trajectory: /events/1: transition_not_allowed:", "Toeleiding van de doelgroep", "Warme overdracht");
  append_ok (o, ENTER ("2025-02-03", "contactlegging"));
}
END_TEST

START_TEST (test_append_malformed)
{
  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new (rules, "t-1", "ocmw7", NULL);
  append_ok (t, OPEN ("2025-06-01", "randvoorwaarden"));
  append_ok (t, ENTER ("2025-08-15", "screening"));
  EXPECT_REFUSED (t, EV ("2025-09-01", "enter_phase", ""), ACTIVERING_ERROR_MISSING,
                  "trajectory: /events/2:", "missing \"phase\"");
  EXPECT_REFUSED (t, ENTER ("2025-13-01", "screening"), ACTIVERING_ERROR_INVALID_VALUE,
                  "trajectory: /events/2/at:", "not a valid date");
  EXPECT_REFUSED (t, EV ("2025-09-01", "enter_phse", ",\"phase\":\"screening\""), ACTIVERING_ERROR_INVALID_VALUE,
                  "trajectory: /events/2/type:", "did you mean \"enter_phase\"?");
  EXPECT_REFUSED (t, EV ("2025-09-01", "start_measure", ",\"measure\":\"twe_ocmw\",\"reason\":\"x\""),
                  ACTIVERING_ERROR_UNKNOWN_KEY, "trajectory: /events/2/reason:");
  EXPECT_REFUSED (t, "[]", ACTIVERING_ERROR_TYPE, "trajectory: /events/2:", "expected an event object");
  EXPECT_REFUSED (t, "", ACTIVERING_ERROR_SYNTAX, "trajectory: /events/2:");
  EXPECT_REFUSED (t, START ("2025-09-01", "twe_ocmw") " {}", ACTIVERING_ERROR_SYNTAX,
                  "trajectory: /events/2:", "unexpected data after the event");
  /* A refused event with x_ members leaves nothing behind. */
  EXPECT_REFUSED (t, "{\"at\":\"2025-09-01\",\"type\":\"enter_phase\",\"phase\":\"nergens\",\"x_lost\":1}",
                  ACTIVERING_ERROR_INVALID_VALUE, "unknown_phase");
  append_ok (t, "{\"at\":\"2025-09-01\",\"type\":\"note\",\"text\":\"ok\",\"x_kept\":2}");
  g_autofree char *json = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  ck_assert_ptr_null (strstr (json, "x_lost"));
  ck_assert_ptr_nonnull (strstr (json, "{\"at\":\"2025-09-01\",\"type\":\"note\",\"text\":\"ok\",\"x_kept\":2}"));
}
END_TEST

START_TEST (test_append_warnings_accepted)
{
  g_autoptr (ActiveringTrajectory) t = activering_trajectory_new (rules, "t-1", "ocmw7", NULL);
  append_ok (t, OPEN ("2025-01-01", "werkervaring_opleiding"));    /* unusual_entry_phase */
  append_ok (t, ENTER ("2025-01-02", "werkervaring_opleiding"));   /* same_phase */
  append_ok (t, ENTER ("2025-01-03", "randvoorwaarden"));          /* going back: normal */
  append_ok (t, ENTER ("2025-01-04", "professionele_activering")); /* unusual_transition */
  append_ok (t, START ("2025-01-05", "twe_ocmw"));                 /* measure_outside_phase */
  append_ok (t, CLOSE ("2025-01-06", "verhuisd"));                 /* measure_running_at_close */
  append_ok (t, REOPEN ("2025-01-06", "nazorg"));                  /* reopening anywhere is fine */
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  run_on (report, t, NULL, "2025-01-31");
  assert_violations (report, "0:unusual_entry_phase:warning 1:same_phase:warning 3:unusual_transition:warning "
                             "4:measure_outside_phase:warning 5:measure_running_at_close:warning");
}
END_TEST

START_TEST (test_append_to_parsed_log_with_errors)
{
  /* Errors already in a parsed log do not refuse a later, sound event. */
  g_autoptr (ActiveringTrajectory) t = parse_ok (DOCS (
      "ocmw7", OPEN ("2025-01-01", "screening"), ENTER ("2025-01-05", "nergens"), START ("2025-01-03", "twe_ocmw")));
  append_ok (t, ENTER ("2025-02-01", "werkervaring_opleiding"));
  /* But a new event is still checked against the latest date in the log. */
  EXPECT_REFUSED (t, NOTE ("2025-01-31", "x"), ACTIVERING_ERROR_INVALID_VALUE, "/events/4: event_out_of_order");
}
END_TEST

/* ---- replay: where the client stands --------------------------------------------------------------------- */

START_TEST (test_replay_days)
{
  g_autoptr (ActiveringTrajectoryReport) report = replay (SCENARIO_A, "2025-04-30");
  assert_violations (report, "");
  ck_assert_int_eq (activering_trajectory_report_get_state (report), ACTIVERING_TRAJECTORY_OPEN);
  ck_assert_str_eq (activering_trajectory_report_get_current_model (report), "ocmw7");
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (report), "werkervaring_opleiding");
  /* randvoorwaarden 01-01..01-31: 31.  screening 02-01..02-28 (28) + 04-01..04-14 (14): 42.
   * werkervaring_opleiding 03-01..03-31 (31) + 04-15..04-30 (16): 47.  31 + 42 + 47 = 120 = 01-01..04-30. */
  assert_phase_days (report, "randvoorwaarden", 31);
  assert_phase_days (report, "screening", 42);
  assert_phase_days (report, "werkervaring_opleiding", 47);
  assert_phase_days (report, "nazorg", 0);
  assert_phase_days (report, "no_such_phase", 0);
  /* twe_ocmw 02-10..04-30: 19 + 31 + 30 = 80.  art60 03-03..03-31 (29) + 04-15..04-30 (16): 45. */
  assert_measure_days (report, "twe_ocmw", 80);
  assert_measure_days (report, "art60", 45);
  assert_measure_days (report, "ibo", 0);
  assert_measure_days (report, "no_such_measure", 0);
  /* Open measures in the order the rule set declares them. */
  ck_assert_uint_eq (activering_trajectory_report_get_n_open_measures (report), 2);
  GDate since;
  g_date_clear (&since, 1);
  ck_assert_str_eq (activering_trajectory_report_get_open_measure (report, 0, &since), "twe_ocmw");
  g_autofree char *since0 = date_text (&since);
  ck_assert_str_eq (since0, "2025-02-10");
  ck_assert_str_eq (activering_trajectory_report_get_open_measure (report, 1, &since), "art60");
  g_autofree char *since1 = date_text (&since);
  ck_assert_str_eq (since1, "2025-04-15");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_report_get_open_measure (report, 2, &since)));
  ck_assert_str_eq (activering_trajectory_report_get_open_measure (report, 0, NULL), "twe_ocmw");

  json_object *root = report_json (report, "en");
  json_object *days = member (root, "days_per_phase");
  ck_assert_int_eq (json_object_object_length (days), 3);
  ck_assert_int_eq (int_member (days, "randvoorwaarden"), 31);
  ck_assert_int_eq (int_member (days, "screening"), 42);
  ck_assert_int_eq (int_member (days, "werkervaring_opleiding"), 47);
  json_object *measure_days = member (root, "days_per_measure");
  ck_assert_int_eq (json_object_object_length (measure_days), 2);
  ck_assert_int_eq (int_member (measure_days, "twe_ocmw"), 80);
  ck_assert_int_eq (int_member (measure_days, "art60"), 45);
  json_object *path = member (root, "path");
  ck_assert_uint_eq (json_object_array_length (path), 5);
  json_object *visit = json_object_array_get_idx (path, 2);
  ck_assert_str_eq (string_member (visit, "model"), "ocmw7");
  ck_assert_str_eq (string_member (visit, "phase"), "werkervaring_opleiding");
  ck_assert_str_eq (string_member (visit, "from"), "2025-03-01");
  ck_assert_str_eq (string_member (visit, "until"), "2025-03-31");
  ck_assert_int_eq (int_member (visit, "days"), 31);
  ck_assert_int_eq (int_member (visit, "event"), 3);
  visit = json_object_array_get_idx (path, 4);
  assert_null_member (visit, "until");
  ck_assert_int_eq (int_member (visit, "days"), 16);
  ck_assert_int_eq (int_member (visit, "event"), 7);
  json_object *runs = member (root, "runs");
  ck_assert_uint_eq (json_object_array_length (runs), 3);
  json_object *run = json_object_array_get_idx (runs, 1);
  ck_assert_str_eq (string_member (run, "measure"), "art60");
  ck_assert_str_eq (string_member (run, "start"), "2025-03-03");
  ck_assert_str_eq (string_member (run, "end"), "2025-03-31");
  ck_assert_int_eq (int_member (run, "days"), 29);
  ck_assert_str_eq (string_member (run, "reason"), "stopped");
  ck_assert_int_eq (int_member (run, "event"), 4);
  run = json_object_array_get_idx (runs, 2);
  assert_null_member (run, "end");
  assert_null_member (run, "reason");
  ck_assert_int_eq (int_member (run, "days"), 16);
  json_object *open = member (root, "open_measures");
  ck_assert_uint_eq (json_object_array_length (open), 2);
  ck_assert_str_eq (string_member (json_object_array_get_idx (open, 1), "measure"), "art60");
  ck_assert_str_eq (string_member (json_object_array_get_idx (open, 1), "since"), "2025-04-15");
  json_object *indicators = member (root, "indicators");
  ck_assert_str_eq (string_member (indicators, "opened_on"), "2025-01-01");
  /* 01-01 to the first measure on 02-10: 31 + 9 = 40 days. */
  ck_assert_int_eq (int_member (indicators, "days_to_first_measure"), 40);
  assert_null_member (indicators, "closed_on");
  assert_null_member (indicators, "close_reason");
  ck_assert_uint_eq (json_object_array_length (member (root, "violations")), 0);
  json_object_put (root);
}
END_TEST

START_TEST (test_replay_not_started)
{
  g_autoptr (ActiveringTrajectoryReport) report = replay (SCENARIO_A, "2024-12-31");
  ck_assert_int_eq (activering_trajectory_report_get_state (report), ACTIVERING_TRAJECTORY_NOT_STARTED);
  ck_assert_ptr_null (activering_trajectory_report_get_current_phase (report));
  ck_assert_ptr_null (activering_trajectory_report_get_current_model (report));
  ck_assert_uint_eq (activering_trajectory_report_get_n_open_measures (report), 0);
  ck_assert_uint_eq (activering_trajectory_report_get_n_violations (report), 0);
  assert_phase_days (report, "randvoorwaarden", 0);
  json_object *root = report_json (report, NULL);
  ck_assert_str_eq (string_member (root, "state"), "not_started");
  ck_assert_str_eq (string_member (root, "lang"), "nl");
  assert_null_member (root, "current_phase");
  assert_null_member (root, "current_model");
  ck_assert_int_eq (json_object_object_length (member (root, "corresponds_to")), 0);
  ck_assert_uint_eq (json_object_array_length (member (root, "path")), 0);
  ck_assert_uint_eq (json_object_array_length (member (root, "runs")), 0);
  assert_null_member (member (root, "indicators"), "opened_on");
  assert_null_member (member (root, "indicators"), "days_to_first_measure");
  ck_assert_str_eq (string_member (member (root, "indicators"), "twe_ocmw.timely_work"), "not_applicable");
  json_object_put (root);
}
END_TEST

START_TEST (test_replay_events_after_as_of)
{
  /* On 2025-02-15 only the first three events happened. */
  g_autoptr (ActiveringTrajectoryReport) report = replay (SCENARIO_A, "2025-02-15");
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (report), "screening");
  assert_phase_days (report, "screening", 15);
  assert_phase_days (report, "werkervaring_opleiding", 0);
  assert_measure_days (report, "twe_ocmw", 6);
  assert_measure_days (report, "art60", 0);
  ck_assert_uint_eq (activering_trajectory_report_get_n_open_measures (report), 1);
  /* A later event that would be an error is not replayed either. */
  g_autoptr (ActiveringTrajectoryReport) early =
      replay (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), ENTER ("2025-03-01", "nergens")), "2025-02-28");
  assert_violations (early, "");
  g_autoptr (ActiveringTrajectoryReport) late =
      replay (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), ENTER ("2025-03-01", "nergens")), "2025-03-01");
  assert_violations (late, "1:unknown_phase:error");
}
END_TEST

START_TEST (test_replay_example_document)
{
  g_autofree char *json = test_read_file ("examples/trajectories/dossier-0042.json", NULL);
  g_autoptr (ActiveringTrajectoryReport) report = replay (json, "2026-11-22");
  ck_assert_int_eq (activering_trajectory_report_get_state (report), ACTIVERING_TRAJECTORY_OPEN);
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (report), "nazorg");
  /* randvoorwaarden 06-01..08-14: 30 + 31 + 14 = 75; screening 2025-08-15..2026-10-01: 413;
   * nazorg 10-02..11-22: 30 + 22 = 52; art60 2025-10-01..2026-10-01: 366. */
  assert_phase_days (report, "randvoorwaarden", 75);
  assert_phase_days (report, "screening", 413);
  assert_phase_days (report, "nazorg", 52);
  assert_measure_days (report, "art60", 366);
  /* art60 does not fit screening; screening -> nazorg skips phases. */
  assert_violations (report, "2:measure_outside_phase:warning 4:unusual_transition:warning");
  json_object *root = report_json (report, "en");
  ck_assert_str_eq (string_member (root, "format"), "activering.trajectory-report/1");
  ck_assert_str_eq (string_member (root, "id"), "dossier-0042");
  ck_assert_str_eq (string_member (root, "model"), "ocmw7");
  ck_assert_str_eq (string_member (root, "as_of"), "2026-11-22");
  ck_assert_str_eq (string_member (root, "lang"), "en");
  ck_assert_str_eq (string_member (member (root, "ruleset"), "id"), "be-vlaanderen");
  ck_assert_str_eq (string_member (member (root, "ruleset"), "version"), activering_rule_set_get_version (rules));
  ck_assert_str_eq (string_member (root, "state"), "open");
  ck_assert_str_eq (string_member (root, "current_model"), "ocmw7");
  ck_assert_str_eq (string_member (root, "current_phase"), "nazorg");
  json_object *corresponds = member (member (root, "corresponds_to"), "outreach6");
  ck_assert_uint_eq (json_object_array_length (corresponds), 1);
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (corresponds, 0)), "opvolging");
  ck_assert_uint_eq (json_object_array_length (member (root, "open_measures")), 0);
  /* 06-01 to 10-01: 30 + 31 + 31 + 30 = 122 days. */
  ck_assert_int_eq (int_member (member (root, "indicators"), "days_to_first_measure"), 122);
  json_object *v = json_object_array_get_idx (member (root, "violations"), 1);
  ck_assert_int_eq (int_member (v, "event"), 4);
  ck_assert_str_eq (string_member (v, "code"), "unusual_transition");
  ck_assert_str_eq (string_member (v, "severity"), "warning");
  ck_assert_str_eq (string_member (v, "message"), "The move from Trajectory guidance and screening to Aftercare is "
                                                  "unusual, for example because it skips a phase; check that this is "
                                                  "intended.");
  ck_assert (!json_object_object_get_ex (v, "check", NULL));
  ck_assert (!json_object_object_get_ex (v, "legal_basis", NULL));
  json_object_put (root);

  /* After the close on 2027-04-01: closed, in the last phase; nazorg 2026-10-02..2027-04-01 = 30 + 30 + 31 + 31 +
   * 28 + 31 + 1 = 182. */
  g_autoptr (ActiveringTrajectoryReport) closed = replay (json, "2027-06-01");
  ck_assert_int_eq (activering_trajectory_report_get_state (closed), ACTIVERING_TRAJECTORY_CLOSED);
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (closed), "nazorg");
  assert_phase_days (closed, "nazorg", 182);
  root = report_json (closed, "en");
  ck_assert_str_eq (string_member (root, "state"), "closed");
  ck_assert_str_eq (string_member (member (root, "indicators"), "closed_on"), "2027-04-01");
  ck_assert_str_eq (string_member (member (root, "indicators"), "close_reason"), "duurzaam_werk");
  json_object *path = member (root, "path");
  ck_assert_str_eq (string_member (json_object_array_get_idx (path, 2), "until"), "2027-04-01");
  json_object_put (root);
}
END_TEST

START_TEST (test_replay_going_back_and_skipping)
{
  /* Back from werkervaring_opleiding to screening, and screening -> werkervaring_opleiding skipping the optional
   * sociale_activering: both normal moves. */
  g_autoptr (ActiveringTrajectoryReport) report =
      replay (DOCS ("ocmw7", OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-01-11", "screening"),
                    ENTER ("2025-01-21", "werkervaring_opleiding"), ENTER ("2025-02-01", "screening"),
                    ENTER ("2025-02-05", "sociale_activering"), ENTER ("2025-02-10", "randvoorwaarden")),
              "2025-02-14");
  assert_violations (report, "");
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (report), "randvoorwaarden");
  /* randvoorwaarden 01-01..01-10 (10) + 02-10..02-14 (5); screening 01-11..01-20 (10) + 02-01..02-04 (4);
   * werkervaring_opleiding 01-21..01-31 (11); sociale_activering 02-05..02-09 (5). */
  assert_phase_days (report, "randvoorwaarden", 15);
  assert_phase_days (report, "screening", 14);
  assert_phase_days (report, "werkervaring_opleiding", 11);
  assert_phase_days (report, "sociale_activering", 5);
  /* A phase left the day it was entered counts 0 days but is in the path and in days_per_phase. */
  g_autoptr (ActiveringTrajectoryReport) same_day =
      replay (DOCS ("ocmw7", OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-01-05", "screening"),
                    ENTER ("2025-01-05", "werkervaring_opleiding")),
              "2025-01-10");
  assert_violations (same_day, "");
  assert_phase_days (same_day, "screening", 0);
  assert_phase_days (same_day, "werkervaring_opleiding", 6);
  json_object *root = report_json (same_day, "en");
  ck_assert_int_eq (int_member (member (root, "days_per_phase"), "screening"), 0);
  ck_assert_uint_eq (json_object_array_length (member (root, "path")), 3);
  json_object_put (root);
}
END_TEST

START_TEST (test_replay_close_and_reopen)
{
  g_autoptr (ActiveringTrajectoryReport) closed = replay (SCENARIO_A_CLOSED, "2025-06-30");
  ck_assert_int_eq (activering_trajectory_report_get_state (closed), ACTIVERING_TRAJECTORY_CLOSED);
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (closed), "werkervaring_opleiding");
  /* Both measures still ran at the close: warnings, in the order of the rule set, and their runs end there. */
  assert_violations (closed, "9:measure_running_at_close:warning 9:measure_running_at_close:warning");
  ck_assert_uint_eq (activering_trajectory_report_get_n_open_measures (closed), 0);
  /* werkervaring_opleiding 03-01..03-31 (31) + 04-15..05-15 (16 + 15): 62.  twe_ocmw 02-10..05-15: 19 + 31 + 30 +
   * 15 = 95.  art60 29 + 31 = 60.  The days after the close do not count. */
  assert_phase_days (closed, "werkervaring_opleiding", 62);
  assert_measure_days (closed, "twe_ocmw", 95);
  assert_measure_days (closed, "art60", 60);
  g_autofree char *message = activering_trajectory_report_dup_violation_message (closed, 0, "en");
  ck_assert_str_eq (message, "Temporary work experience through the OCMW (TWE-OCMW): still running (since 2025-02-10) when the "
                             "trajectory was closed, so the measure ends with the trajectory.");
  json_object *root = report_json (closed, "en");
  json_object *indicators = member (root, "indicators");
  ck_assert_str_eq (string_member (indicators, "closed_on"), "2025-05-15");
  ck_assert_str_eq (string_member (indicators, "close_reason"), "verhuisd");
  json_object *run = json_object_array_get_idx (member (root, "runs"), 2);
  ck_assert_str_eq (string_member (run, "end"), "2025-05-15");
  assert_null_member (run, "reason");
  json_object_put (root);

  g_autoptr (ActiveringTrajectoryReport) reopened = replay (SCENARIO_A_CLOSED, "2025-07-10");
  ck_assert_int_eq (activering_trajectory_report_get_state (reopened), ACTIVERING_TRAJECTORY_OPEN);
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (reopened), "screening");
  /* screening 42 + 07-01..07-10 (10). */
  assert_phase_days (reopened, "screening", 52);
  assert_phase_days (reopened, "werkervaring_opleiding", 62);
  assert_violations (reopened, "9:measure_running_at_close:warning 9:measure_running_at_close:warning");
  root = report_json (reopened, "en");
  indicators = member (root, "indicators");
  ck_assert_str_eq (string_member (indicators, "opened_on"), "2025-01-01");
  assert_null_member (indicators, "closed_on");
  assert_null_member (indicators, "close_reason");
  json_object_put (root);
}
END_TEST

static void
check_handover_report (const ActiveringTrajectoryReport *report)
{
  assert_violations (report, "");
  ck_assert_str_eq (activering_trajectory_report_get_current_model (report), "ocmw7");
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (report), "werkervaring_opleiding");
  /* toeleiding 01-06..02-02: 26 + 2 = 28; contactlegging 02-03..03-02: 26 + 2 = 28; contextvoorwaarden
   * 03-03..04-06: 29 + 6 = 35; orientering 04-07..05-04: 24 + 4 = 28; warme_overdracht 05-05..06-01: 27 + 1 = 28;
   * werkervaring_opleiding 06-02..06-30: 29; art60 06-02..06-30: 29. */
  assert_phase_days (report, "toeleiding", 28);
  assert_phase_days (report, "contactlegging", 28);
  assert_phase_days (report, "contextvoorwaarden", 35);
  assert_phase_days (report, "orientering", 28);
  assert_phase_days (report, "warme_overdracht", 28);
  assert_phase_days (report, "werkervaring_opleiding", 29);
  assert_measure_days (report, "art60", 29);
  json_object *root = report_json (report, "en");
  ck_assert_str_eq (string_member (root, "model"), "outreach6");
  ck_assert_str_eq (string_member (root, "current_model"), "ocmw7");
  json_object *days = member (root, "days_per_phase");
  ck_assert_int_eq (json_object_object_length (days), 6);
  ck_assert_int_eq (int_member (days, "warme_overdracht"), 28);
  ck_assert_int_eq (int_member (days, "werkervaring_opleiding"), 29);
  json_object *visit = json_object_array_get_idx (member (root, "path"), 5);
  ck_assert_str_eq (string_member (visit, "model"), "ocmw7");
  ck_assert_str_eq (string_member (visit, "phase"), "werkervaring_opleiding");
  ck_assert_int_eq (int_member (visit, "event"), 5);
  ck_assert_str_eq (string_member (json_object_array_get_idx (member (root, "path"), 4), "model"), "outreach6");
  json_object *corresponds = member (member (root, "corresponds_to"), "outreach6");
  ck_assert_uint_eq (json_object_array_length (corresponds), 1);
  ck_assert_str_eq (json_object_get_string (json_object_array_get_idx (corresponds, 0)), "warme_overdracht");
  json_object_put (root);
}

START_TEST (test_replay_handover)
{
  g_autoptr (ActiveringTrajectoryReport) report = replay (HANDOVER_DOC, "2025-06-30");
  check_handover_report (report);
  /* Naming the phase alone finds it in the model the correspondence joins: the same report. */
  g_autoptr (ActiveringTrajectoryReport) implicit =
      replay (DOCS ("outreach6", HANDOVER_EVENTS (ENTER ("2025-06-02", "werkervaring_opleiding"))), "2025-06-30");
  check_handover_report (implicit);
  g_autofree char *a = report_text (report, "en");
  g_autofree char *b = report_text (implicit, "en");
  ck_assert_str_eq (a, b);
  /* The trajectory goes on in ocmw7: professionele_activering is a normal move there. */
  g_autoptr (ActiveringTrajectoryReport) later = replay (HANDOVER_DOC, "2025-07-31");
  assert_violations (later, "");
  ck_assert_str_eq (activering_trajectory_report_get_current_model (later), "ocmw7");
  ck_assert_str_eq (activering_trajectory_report_get_current_phase (later), "professionele_activering");
  assert_phase_days (later, "werkervaring_opleiding", 29);
  assert_phase_days (later, "professionele_activering", 31);
  assert_phase_days (later, "toeleiding", 28);
  assert_measure_days (later, "art60", 60);
}
END_TEST

/* ---- replay: violations ---------------------------------------------------------------------------------- */

static const struct
{
  const char *model;
  const char *events[8];
  const char *expected;
  const char *current_phase; /* NULL: not started */
} violation_cases[] = {
  /* event_out_of_order: skipped, so the next move is not same_phase. */
  { "ocmw7",
    { OPEN ("2025-01-10", "randvoorwaarden"), ENTER ("2025-01-05", "screening"), ENTER ("2025-02-01", "screening") },
    "1:event_out_of_order:error",
    "screening" },
  { "ocmw7",
    { START ("2025-01-05", "twe_ocmw"), OPEN ("2025-01-10", "randvoorwaarden") },
    "0:not_open:error",
    "randvoorwaarden" },
  { "ocmw7",
    { NOTE ("2025-01-05", "voor de start"), REOPEN ("2025-01-06", "screening") },
    "0:not_open:error 1:not_open:error",
    NULL },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), OPEN ("2025-01-05", "screening"), REOPEN ("2025-01-06", "screening") },
    "1:already_open:error 2:already_open:error",
    "randvoorwaarden" },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), CLOSE ("2025-01-31", "verhuisd"), ENTER ("2025-02-01", "screening"),
      NOTE ("2025-02-02", "na de afsluiting"), OPEN ("2025-02-03", "screening") },
    "2:event_after_close:error 3:event_after_close:error 4:event_after_close:error",
    "randvoorwaarden" },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-01-02", "screenig"),
      HANDOVER ("2025-01-03", "screening", "ocmw9"), HANDOVER ("2025-01-04", "screenig", "ocmw7") },
    "1:unknown_phase:error 2:unknown_phase:error 3:unknown_phase:error",
    "randvoorwaarden" },
  { "ocmw7",
    { OPEN ("2025-01-01", "nergens"), ENTER ("2025-01-02", "screening") },
    "0:unknown_phase:error 1:not_open:error",
    NULL },
  { "ocmw7",
    { OPEN ("2025-01-01", "screening"), START ("2025-01-02", "glow"), END ("2025-01-03", "glow", "completed") },
    "1:unknown_measure:error 2:unknown_measure:error",
    "screening" },
  /* An unknown role is reported, and the event still counts. */
  { "ocmw7",
    { "{\"at\":\"2025-01-01\",\"type\":\"open\",\"phase\":\"randvoorwaarden\",\"by\":\"ocmw.directeur\"}",
      "{\"at\":\"2025-01-02\",\"type\":\"enter_phase\",\"phase\":\"screening\",\"by\":\"vdab\"}" },
    "0:unknown_role:error",
    "screening" },
  { "ocmw7",
    { OPEN ("2025-01-01", "screening"), END ("2025-01-02", "art60", "completed"), START ("2025-01-03", "twe_ocmw"),
      END ("2025-01-04", "twe_ocmw", "completed"), END ("2025-01-05", "twe_ocmw", "completed") },
    "1:measure_not_running:error 4:measure_not_running:error",
    "screening" },
  { "ocmw7",
    { OPEN ("2025-01-01", "screening"), START ("2025-01-02", "twe_ocmw"), START ("2025-01-03", "twe_ocmw") },
    "2:overlapping_measure:error",
    "screening" },
  /* A move that is not allowed happened all the same. */
  { "outreach6",
    { OPEN ("2025-01-06", "toeleiding"), ENTER ("2025-02-03", "warme_overdracht") },
    "1:transition_not_allowed:error",
    "warme_overdracht" },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-02-03", "nazorg") },
    "1:transition_not_allowed:error",
    "nazorg" },
  /* orientering is no handover point; nor is any phase of ocmw7 a handover point into outreach6. */
  { "outreach6",
    { OPEN ("2025-01-06", "contactlegging"), ENTER ("2025-02-03", "contextvoorwaarden"),
      ENTER ("2025-03-03", "orientering"), HANDOVER ("2025-04-07", "werkervaring_opleiding", "ocmw7") },
    "3:handover_not_allowed:error",
    "werkervaring_opleiding" },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-02-03", "opvolging") },
    "1:handover_not_allowed:error",
    "opvolging" },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-02-03", "werkervaring_opleiding") },
    "1:unusual_transition:warning",
    "werkervaring_opleiding" },
  { "outreach6",
    { OPEN ("2025-01-06", "toeleiding"), ENTER ("2025-02-03", "contextvoorwaarden") },
    "1:unusual_transition:warning",
    "contextvoorwaarden" },
  /* Only open is checked for an entry phase, not reopen. */
  { "ocmw7",
    { OPEN ("2025-01-01", "werkervaring_opleiding"), CLOSE ("2025-01-02", "verhuisd"),
      REOPEN ("2025-01-03", "nazorg") },
    "0:unusual_entry_phase:warning",
    "nazorg" },
  { "ocmw7",
    { OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-01-02", "randvoorwaarden") },
    "1:same_phase:warning",
    "randvoorwaarden" },
  { "ocmw7",
    { OPEN ("2025-01-01", "screening"), START ("2025-01-02", "ibo"), END ("2025-01-03", "ibo", "stopped"),
      START ("2025-01-03", "twe_ocmw") },
    "1:measure_outside_phase:warning",
    "screening" },
  { "ocmw7",
    { OPEN ("2025-01-01", "screening"), START ("2025-01-02", "twe_ocmw"), CLOSE ("2025-01-03", "verhuisd") },
    "2:measure_running_at_close:warning",
    "screening" },
};

START_TEST (test_violation_table)
{
  for (guint i = 0; i < G_N_ELEMENTS (violation_cases); i++)
    {
      g_autoptr (ActiveringTrajectoryReport) report =
          replay (doc_of_array (violation_cases[i].model, violation_cases[i].events), "2025-12-31");
      g_autofree char *got = violations_text (report);
      ck_assert_msg (strcmp (got, violation_cases[i].expected) == 0, "case %u: expected \"%s\", got \"%s\"", i,
                     violation_cases[i].expected, got);
      const char *phase = activering_trajectory_report_get_current_phase (report);
      if (violation_cases[i].current_phase == NULL)
        {
          ck_assert_msg (phase == NULL, "case %u: in %s", i, phase);
          ck_assert_int_eq (activering_trajectory_report_get_state (report), ACTIVERING_TRAJECTORY_NOT_STARTED);
        }
      else
        ck_assert_msg (phase != NULL && strcmp (phase, violation_cases[i].current_phase) == 0,
                       "case %u: expected in %s, got %s", i, violation_cases[i].current_phase, phase ? phase : "-");
      /* The JSON says the same, and each message is in the report. */
      json_object *root = report_json (report, "fr");
      json_object *violations = member (root, "violations");
      ck_assert_uint_eq (json_object_array_length (violations), activering_trajectory_report_get_n_violations (report));
      for (guint v = 0; v < json_object_array_length (violations); v++)
        {
          json_object *item = json_object_array_get_idx (violations, v);
          ck_assert_int_eq (int_member (item, "event"), activering_trajectory_report_get_violation_event (report, v));
          ck_assert_str_eq (string_member (item, "code"), activering_trajectory_report_get_violation_code (report, v));
          g_autofree char *message = activering_trajectory_report_dup_violation_message (report, v, "fr");
          ck_assert_str_eq (string_member (item, "message"), message);
          ck_assert_msg (strchr (message, '{') == NULL, "placeholder left in \"%s\"", message);
        }
      json_object_put (root);
    }
}
END_TEST

START_TEST (test_violation_getters_out_of_range)
{
  g_autoptr (ActiveringTrajectoryReport) report = replay (
      DOCS ("ocmw7", OPEN ("2025-01-01", "randvoorwaarden"), ENTER ("2025-01-02", "randvoorwaarden")), "2025-12-31");
  ck_assert_uint_eq (activering_trajectory_report_get_n_violations (report), 1);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_report_get_violation_code (report, 1)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_report_dup_violation_message (report, 1, "en")));
  ck_assert_ptr_null (activering_trajectory_report_dup_violation_message (report, 0, "de"));
  /* NULL: the rule set's first language (nl). */
  g_autofree char *first = activering_trajectory_report_dup_violation_message (report, 0, NULL);
  g_autofree char *nl = activering_trajectory_report_dup_violation_message (report, 0, "nl");
  ck_assert_str_eq (first, nl);
  ck_assert_str_eq (nl, "Het traject zit al in de fase Randvoorwaarden.");
}
END_TEST

START_TEST (test_violation_messages)
{
  /* outreach6: toeleiding -> warme_overdracht is not allowed; no outreach6 phase fits a measure. */
  g_autoptr (ActiveringTrajectoryReport) report =
      replay (DOCS ("outreach6", OPEN ("2025-01-06", "toeleiding"), ENTER ("2025-02-03", "warme_overdracht"),
                    START ("2025-02-10", "ibo")),
              "2025-03-01");
  assert_violations (report, "1:transition_not_allowed:error 2:measure_outside_phase:warning");
  static const struct
  {
    const char *lang;
    const char *parts[2][3];
  } expected[] = {
    { "nl",
      { { "Toeleiding van de doelgroep", "Warme overdracht", NULL },
        { "Individuele beroepsopleiding (IBO)", "Warme overdracht", NULL } } },
    { "fr",
      { { "Aller vers le public cible", "Passage de relais accompagné", NULL },
        { "Formation professionnelle individuelle en entreprise (IBO)", "Passage de relais accompagné", NULL } } },
    { "en",
      { { "Reaching the target group", "Warm handover", NULL },
        { "Individual vocational training in a company (IBO)", "Warm handover", NULL } } },
  };
  for (guint l = 0; l < G_N_ELEMENTS (expected); l++)
    for (guint v = 0; v < 2; v++)
      {
        g_autofree char *message = activering_trajectory_report_dup_violation_message (report, v, expected[l].lang);
        ck_assert_ptr_nonnull (message);
        for (guint p = 0; expected[l].parts[v][p] != NULL; p++)
          ck_assert_msg (strstr (message, expected[l].parts[v][p]) != NULL, "%s: \"%s\" lacks \"%s\"", expected[l].lang,
                         message, expected[l].parts[v][p]);
        /* Labels, not codes. */
        ck_assert_msg (strchr (message, '_') == NULL && strstr (message, "toeleiding") == NULL
                           && strstr (message, "ibo") == NULL,
                       "%s: a code in \"%s\"", expected[l].lang, message);
      }
  g_autofree char *en = activering_trajectory_report_dup_violation_message (report, 0, "en");
  ck_assert_str_eq (en, "The move from Reaching the target group to Warm handover is not provided for in this phase "
                        "model.");

  /* Dates, unknown codes as written and model labels. */
  g_autoptr (ActiveringTrajectoryReport) other =
      replay (DOCS ("ocmw7", OPEN ("2025-01-10", "randvoorwaarden"), ENTER ("2025-01-05", "screening"),
                    ENTER ("2025-01-11", "screenig"), HANDOVER ("2025-01-12", "screening", "ocmw9"),
                    CLOSE ("2025-01-31", "verhuisd"), ENTER ("2025-02-01", "screening")),
              "2025-12-31");
  assert_violations (other, "1:event_out_of_order:error 2:unknown_phase:error 3:unknown_phase:error "
                            "5:event_after_close:error");
  static const char *const messages[] = {
    "The event of 2025-01-05 is dated before the previous event (2025-01-10).",
    "'screenig' is not a known phase of the phase model 7-phase OCMW activation model.",
    "'screening' is not a known phase of the phase model ocmw9.",
    "The event of 2025-02-01 comes after the trajectory was closed on 2025-01-31; reopen the trajectory first.",
  };
  for (guint v = 0; v < G_N_ELEMENTS (messages); v++)
    {
      g_autofree char *message = activering_trajectory_report_dup_violation_message (other, v, "en");
      ck_assert_str_eq (message, messages[v]);
    }
  g_autofree char *nl = activering_trajectory_report_dup_violation_message (other, 1, "nl");
  ck_assert_str_eq (nl, "'screenig' is geen gekende fase van het fasemodel OCMW-activeringsmodel in 7 fasen.");
}
END_TEST

START_TEST (test_note_text_not_in_report)
{
  g_autoptr (ActiveringTrajectoryReport) report =
      replay (DOCS ("ocmw7", NOTE ("2025-01-01", "GEHEIM-4711"), OPEN ("2025-01-02", "screening"),
                    NOTE ("2025-01-03", "GEHEIM-4712")),
              "2025-12-31");
  assert_violations (report, "0:not_open:error");
  static const char *const langs[] = { "nl", "fr", "en" };
  for (guint l = 0; l < 3; l++)
    {
      g_autofree char *json = report_text (report, langs[l]);
      ck_assert_ptr_null (strstr (json, "GEHEIM"));
      GString *dot = g_string_new (NULL);
      ck_assert (activering_trajectory_report_append_dot (report, langs[l], dot, NULL));
      ck_assert_ptr_null (strstr (dot->str, "GEHEIM"));
      g_string_free (dot, TRUE);
    }
}
END_TEST

/* ---- replay: checks and indicators ----------------------------------------------------------------------- */

/* An IBO in professionele_activering from 2025-03-03 ending on @end (NULL: still running). */
static const char *
ibo_doc (const char *end)
{
  const char *events[] = {
    OPEN ("2025-01-06", "screening"),
    ENTER ("2025-02-03", "werkervaring_opleiding"),
    ENTER ("2025-03-03", "professionele_activering"),
    START ("2025-03-03", "ibo"),
    end ? dated (end, "end_measure", ",\"measure\":\"ibo\",\"reason\":\"completed\"") : NULL,
    NULL,
  };
  return doc_of_array ("ocmw7", events);
}

START_TEST (test_ibo_max_duration)
{
  gint64 weeks = param_value ("ibo.max_weeks");
  ck_assert_int_gt (weeks, 0);
  /* The last allowed day: start + weeks * 7 days - 1 (26 weeks: 2025-03-03 + 182 - 1 = 2025-08-31). */
  g_autofree char *last_ok = date_plus ("2025-03-03", 0, (int) weeks * 7 - 1);
  g_autofree char *first_over = date_plus ("2025-03-03", 0, (int) weeks * 7);
  if (weeks == 26)
    ck_assert_str_eq (last_ok, "2025-08-31");

  const char *exact = ibo_doc (last_ok);
  g_autoptr (ActiveringTrajectoryReport) fine = replay (exact, "2025-12-31");
  assert_violations (fine, "");
  assert_measure_days (fine, "ibo", (guint) weeks * 7);
  /* Running, on its last allowed day. */
  const char *running = ibo_doc (NULL);
  g_autoptr (ActiveringTrajectoryReport) running_fine = replay (running, last_ok);
  assert_violations (running_fine, "");

  const char *longer = ibo_doc (first_over);
  g_autoptr (ActiveringTrajectoryReport) over = replay (longer, "2025-12-31");
  assert_violations (over, "3:limit_exceeded:error");
  assert_measure_days (over, "ibo", (guint) weeks * 7 + 1);
  g_autoptr (ActiveringTrajectoryReport) running_over = replay (running, first_over);
  assert_violations (running_over, "3:limit_exceeded:error");

  json_object *root = report_json (over, "en");
  json_object *v = json_object_array_get_idx (member (root, "violations"), 0);
  ck_assert_int_eq (int_member (v, "event"), 3);
  ck_assert_str_eq (string_member (v, "code"), "limit_exceeded");
  ck_assert_str_eq (string_member (v, "severity"), "error");
  ck_assert_str_eq (string_member (v, "check"), "ibo.max_duration");
  /* In the report's language (contract C10). */
  ck_assert (g_str_has_prefix (string_member (v, "legal_basis"), "Order of the Flemish Government of 5 June 2009"));
  g_autofree char *message =
      g_strdup_printf ("The IBO that started on 2025-03-03 runs longer than the maximum of %d weeks (since %s).",
                       (int) weeks, first_over);
  ck_assert_str_eq (string_member (v, "message"), message);
  json_object_put (root);
  g_autofree char *nl = activering_trajectory_report_dup_violation_message (over, 0, "nl");
  ck_assert (g_str_has_prefix (nl, "De IBO die op 2025-03-03 begon"));
}
END_TEST

/* A TWE-OCMW from 2024-01-15 ending on @twe_end, with art60 runs [@art_start, @art_end] (art_end NULL: running;
 * art_start NULL: none). */
static const char *
twe_doc (const char *twe_end, const char *art_start, const char *art_end)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new ();
  g_ptr_array_add (events, OPEN ("2024-01-08", "screening"));
  g_ptr_array_add (events, START ("2024-01-15", "twe_ocmw"));
  g_ptr_array_add (events, ENTER ("2024-03-01", "werkervaring_opleiding"));
  const char *end_art = art_end ? dated (art_end, "end_measure", ",\"measure\":\"art60\",\"reason\":\"x\"") : NULL;
  gboolean art_ends_first = end_art != NULL && strcmp (art_end, twe_end) < 0;
  if (art_start != NULL)
    g_ptr_array_add (events, (gpointer) dated (art_start, "start_measure", ",\"measure\":\"art60\""));
  if (art_ends_first)
    g_ptr_array_add (events, (gpointer) end_art);
  g_ptr_array_add (events, (gpointer) dated (twe_end, "end_measure", ",\"measure\":\"twe_ocmw\",\"reason\":\"x\""));
  if (end_art != NULL && !art_ends_first)
    g_ptr_array_add (events, (gpointer) end_art);
  g_ptr_array_add (events, NULL);
  return doc_of_array ("ocmw7", (const char *const *) events->pdata);
}

START_TEST (test_twe_max_duration)
{
  gint64 months = param_value ("twe.max_trajectory_months");
  ck_assert_int_gt (months, 0);
  /* 24 months from 2024-01-15: the last allowed day is 2026-01-14. */
  g_autofree char *last_ok = date_plus ("2024-01-15", (guint) months, -1);
  g_autofree char *first_over = date_plus ("2024-01-15", (guint) months, 0);
  g_autofree char *later = date_plus ("2024-01-15", (guint) months + 5, 0);
  g_autofree char *art_until = date_plus ("2024-01-15", (guint) months + 2, 0);
  g_autofree char *art_until_next = date_plus ("2024-01-15", (guint) months + 2, 1);
  if (months == 24)
    ck_assert_str_eq (last_ok, "2026-01-14");

  static const char *as_of = "2030-01-01";
  /* Exactly at the limit, art60 long over. */
  const char *exact = twe_doc (last_ok, "2024-03-11", "2025-03-10");
  g_autoptr (ActiveringTrajectoryReport) r1 = replay (exact, as_of);
  assert_violations (r1, "");
  /* One day more. */
  const char *one_more = twe_doc (first_over, "2024-03-11", "2025-03-10");
  g_autoptr (ActiveringTrajectoryReport) r2 = replay (one_more, as_of);
  assert_violations (r2, "1:limit_exceeded:error");
  g_autofree char *m2 = activering_trajectory_report_dup_violation_message (r2, 0, "en");
  g_autofree char *since = g_strdup_printf ("(since %s)", first_over);
  ck_assert_msg (strstr (m2, since) != NULL, "\"%s\" lacks \"%s\"", m2, since);
  ck_assert (strstr (m2, "started on 2024-01-15") != NULL);
  /* Longer, but art60 runs on every day past the limit (until the TWE ends): fine. */
  const char *covered = twe_doc (later, "2024-03-11", later);
  g_autoptr (ActiveringTrajectoryReport) r3 = replay (covered, as_of);
  assert_violations (r3, "");
  /* Still running on the report date, covered by a running art60. */
  const char *running = twe_doc (later, "2024-03-11", NULL);
  g_autoptr (ActiveringTrajectoryReport) r4 = replay (running, as_of);
  assert_violations (r4, "");
  /* art60 ends before the TWE: past the limit, the first day without art60 is reported. */
  const char *uncovered = twe_doc (later, "2024-03-11", art_until);
  g_autoptr (ActiveringTrajectoryReport) r5 = replay (uncovered, as_of);
  assert_violations (r5, "1:limit_exceeded:error");
  g_autofree char *m5 = activering_trajectory_report_dup_violation_message (r5, 0, "en");
  g_autofree char *since5 = g_strdup_printf ("(since %s)", art_until_next);
  ck_assert_msg (strstr (m5, since5) != NULL, "\"%s\" lacks \"%s\"", m5, since5);
  json_object *root = report_json (r5, "en");
  ck_assert_str_eq (string_member (json_object_array_get_idx (member (root, "violations"), 0), "check"),
                    "twe_ocmw.max_duration");
  json_object_put (root);
  /* Without any art60. */
  const char *alone = twe_doc (later, NULL, NULL);
  g_autoptr (ActiveringTrajectoryReport) r6 = replay (alone, as_of);
  assert_violations (r6, "1:limit_exceeded:error");
}
END_TEST

START_TEST (test_art60_unemployment_entitlement)
{
  g_autoptr (ActiveringFacts) entitled = facts_of ("\"social_security\":{\"full_unemployment_entitlement\":true}");
  g_autoptr (ActiveringFacts) not_entitled = facts_of ("\"social_security\":{\"full_unemployment_entitlement\":false}");
  g_autoptr (ActiveringFacts) unknown = facts_of ("");

  g_autoptr (ActiveringTrajectoryReport) with = replay_facts (ART60_DOC, entitled, "2025-06-30");
  assert_violations (with, "2:limit_exceeded:error");
  json_object *root = report_json (with, "en");
  json_object *v = json_object_array_get_idx (member (root, "violations"), 0);
  ck_assert_str_eq (string_member (v, "check"), "art60.unemployment_entitlement");
  ck_assert_int_eq (int_member (v, "event"), 2);
  ck_assert (strstr (string_member (v, "message"), "started on 2025-02-10") != NULL);
  ck_assert (strstr (string_member (v, "legal_basis"), "Article 60, § 7, of the Organic Act of 8 July 1976") != NULL);
  json_object_put (root);

  g_autoptr (ActiveringTrajectoryReport) without = replay_facts (ART60_DOC, NULL, "2025-06-30");
  assert_violations (without, "");
  g_autoptr (ActiveringTrajectoryReport) r_false = replay_facts (ART60_DOC, not_entitled, "2025-06-30");
  assert_violations (r_false, "");
  g_autoptr (ActiveringTrajectoryReport) r_unknown = replay_facts (ART60_DOC, unknown, "2025-06-30");
  assert_violations (r_unknown, "");
  /* Not running on the report date: nothing to report. */
  g_autoptr (ActiveringTrajectoryReport) ended =
      replay_facts (DOCS ("ocmw7", OPEN ("2025-01-06", "screening"), ENTER ("2025-02-03", "werkervaring_opleiding"),
                          START ("2025-02-10", "art60"), END ("2025-05-31", "art60", "completed")),
                    entitled, "2025-06-30");
  assert_violations (ended, "");
  g_autoptr (ActiveringTrajectoryReport) before = replay_facts (ART60_DOC, entitled, "2025-02-09");
  assert_violations (before, "");
}
END_TEST

START_TEST (test_gpmi_deadline)
{
  /* Decided 2025-01-15, due 3 months later: 2025-04-15; no GPMI signed. */
  g_autoptr (ActiveringFacts) facts = facts_of (
      "\"income\":{\"status\":\"leefloon\",\"decision_date\":\"2025-01-15\"},\"gpmi\":{\"exemption\":\"none\"}");
  g_autoptr (ActiveringFacts) signed_facts =
      facts_of ("\"income\":{\"status\":\"leefloon\",\"decision_date\":\"2025-01-15\"},"
                "\"gpmi\":{\"exemption\":\"none\",\"signed_on\":\"2025-04-01\"}");
  const char *doc = DOCS ("ocmw7", OPEN ("2025-01-20", "randvoorwaarden"), ENTER ("2025-02-01", "screening"));

  g_autoptr (ActiveringTrajectoryReport) due = replay_facts (doc, facts, "2025-04-15");
  assert_violations (due, "");
  g_autoptr (ActiveringTrajectoryReport) overdue = replay_facts (doc, facts, "2025-04-16");
  assert_violations (overdue, "0:obligation_overdue:error");
  g_autofree char *message = activering_trajectory_report_dup_violation_message (overdue, 0, "en");
  ck_assert_str_eq (message, "No individualised social integration project (GPMI) has been concluded yet in the current leefloon file, "
                           "although it was due by 2025-04-15.");
  json_object *root = report_json (overdue, "nl");
  json_object *v = json_object_array_get_idx (member (root, "violations"), 0);
  ck_assert_str_eq (string_member (v, "check"), "gpmi.deadline");
  ck_assert_str_eq (string_member (v, "code"), "obligation_overdue");
  ck_assert_str_eq (string_member (v, "message"),
                    "Er is in het huidige leefloondossier nog geen GPMI gesloten, terwijl dat uiterlijk op 2025-04-15 moest gebeuren.");
  json_object_put (root);
  g_autoptr (ActiveringTrajectoryReport) met = replay_facts (doc, signed_facts, "2025-04-16");
  assert_violations (met, "");
  g_autoptr (ActiveringTrajectoryReport) no_facts = replay_facts (doc, NULL, "2025-04-16");
  assert_violations (no_facts, "");
  /* Reported at the first event, before that event's own violations. */
  g_autoptr (ActiveringTrajectoryReport) both =
      replay_facts (DOC ("ocmw7", OPEN ("2025-01-20", "werkervaring_opleiding")), facts, "2025-05-01");
  assert_violations (both, "0:unusual_entry_phase:warning 0:obligation_overdue:error");
}
END_TEST

/* A TWE from 2025-03-10 (screening), art60 starting on @art_start (NULL: none), closed on @close (NULL: open). */
static const char *
timely_doc (const char *art_start, const char *close)
{
  const char *art = art_start ? dated (art_start, "start_measure", ",\"measure\":\"art60\"") : NULL;
  const char *closing = close ? dated (close, "close", ",\"reason\":\"verhuisd\"") : NULL;
  const char *events[] = {
    OPEN ("2025-03-03", "screening"),
    START ("2025-03-10", "twe_ocmw"),
    ENTER ("2025-04-01", "werkervaring_opleiding"),
    art ? art : closing,
    art ? closing : NULL,
    NULL,
  };
  return doc_of_array ("ocmw7", events);
}

START_TEST (test_timely_work_indicator)
{
  gint64 months = param_value ("twe.timely_work_months");
  ck_assert_int_gt (months, 0);
  /* 2 months from 2025-03-10: the window's last day is 2025-05-09. */
  g_autofree char *last = date_plus ("2025-03-10", (guint) months, -1);
  g_autofree char *after = date_plus ("2025-03-10", (guint) months, 0);
  if (months == 2)
    ck_assert_str_eq (last, "2025-05-09");

  const char *in_time = timely_doc (last, NULL);
  g_autoptr (ActiveringTrajectoryReport) met = replay (in_time, "2025-12-31");
  assert_timely_work (met, "met");
  const char *too_late = timely_doc (after, NULL);
  g_autoptr (ActiveringTrajectoryReport) not_met = replay (too_late, "2025-12-31");
  assert_timely_work (not_met, "not_met");
  /* No art60 yet: pending while the window is open, not met once it closed. */
  const char *none = timely_doc (NULL, NULL);
  g_autoptr (ActiveringTrajectoryReport) pending = replay (none, last);
  assert_timely_work (pending, "pending");
  g_autoptr (ActiveringTrajectoryReport) closed_window = replay (none, after);
  assert_timely_work (closed_window, "not_met");
  /* The art60 planned after the report date is not known yet. */
  g_autoptr (ActiveringTrajectoryReport) pending_too = replay (in_time, "2025-05-01");
  assert_timely_work (pending_too, "pending");
  /* A trajectory closed inside the window without art60: not met. */
  const char *closed = timely_doc (NULL, "2025-04-15");
  g_autoptr (ActiveringTrajectoryReport) closed_early = replay (closed, "2025-04-20");
  assert_timely_work (closed_early, "not_met");
  /* Without a TWE. */
  g_autoptr (ActiveringTrajectoryReport) not_applicable = replay (ART60_DOC, "2025-12-31");
  assert_timely_work (not_applicable, "not_applicable");
  g_autoptr (ActiveringTrajectoryReport) before_twe = replay (in_time, "2025-03-09");
  assert_timely_work (before_twe, "not_applicable");
}
END_TEST

/* The getters of the indicators, the opening, the close and the next steps say what the JSON report says. */
static void
assert_getters_match_json (ActiveringTrajectoryReport *report)
{
  g_autofree char *text = activering_trajectory_report_to_json (report, "en", 0, NULL);
  json_object *root = json_tokener_parse (text), *indicators, *steps, *value;
  ck_assert (json_object_object_get_ex (root, "indicators", &indicators));
  guint n = activering_rule_set_get_n_trajectory_indicators (rules);
  ck_assert_uint_gt (n, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *id = activering_rule_set_get_trajectory_indicator_id (rules, i);
      ck_assert_msg (json_object_object_get_ex (indicators, id, &value), "no indicator %s", id);
      double number;
      const char *state = activering_trajectory_report_get_indicator_state (report, i);
      gboolean is_number = activering_trajectory_report_get_indicator_number (report, i, &number);
      /* the unit says which of the two getters answers */
      const char *unit = activering_rule_set_get_trajectory_indicator_unit (rules, i);
      ck_assert_msg (strcmp (unit, "state") == 0 ? !is_number : state == NULL, "%s: %s", id, unit);
      if (is_number && strcmp (unit, "per_month") != 0)
        ck_assert_msg (number == floor (number), "%s: %s but %g", id, unit, number);
      if (value == NULL)
        ck_assert (state == NULL && !is_number);
      else if (json_object_is_type (value, json_type_string))
        ck_assert_msg (state && !is_number && strcmp (state, json_object_get_string (value)) == 0, "%s", id);
      else
        ck_assert_msg (state == NULL && is_number && number == json_object_get_double (value), "%s", id);
    }
  GDate date;
  ck_assert (json_object_object_get_ex (indicators, "opened_on", &value));
  if (activering_trajectory_report_get_opened_on (report, &date))
    {
      g_autofree char *day = date_text (&date);
      ck_assert_str_eq (day, json_object_get_string (value));
    }
  else
    ck_assert_ptr_null (value);
  ck_assert (json_object_object_get_ex (indicators, "close_reason", &value));
  const char *reason = activering_trajectory_report_get_close_reason (report, &date);
  ck_assert_str_eq (reason ? reason : "(null)", value ? json_object_get_string (value) : "(null)");
  ck_assert (json_object_object_get_ex (root, "next_steps", &steps));
  guint n_steps = activering_trajectory_report_get_n_next_steps (report);
  ck_assert_uint_eq (n_steps, steps ? json_object_array_length (steps) : 0);
  for (guint i = 0; i < n_steps; i++)
    {
      json_object *step = json_object_array_get_idx (steps, i), *measure, *outcome;
      ck_assert (json_object_object_get_ex (step, "measure", &measure));
      ck_assert (json_object_object_get_ex (step, "outcome", &outcome));
      ActiveringOutcome got = ACTIVERING_OUTCOME_NOT_APPLICABLE;
      ck_assert_str_eq (activering_trajectory_report_get_next_step (report, i, &got), json_object_get_string (measure));
      ck_assert_str_eq (activering_outcome_to_string (got), json_object_get_string (outcome));
    }
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_report_get_next_step (report, n_steps, NULL)));
  json_object_put (root);
}

START_TEST (test_indicator_and_next_step_getters)
{
  /* The rule set's indicators: ids and labels in every language. */
  guint n = activering_rule_set_get_n_trajectory_indicators (rules);
  ck_assert_str_eq (activering_rule_set_get_trajectory_indicator_id (rules, 0), "twe_ocmw.timely_work");
  for (guint i = 0; i < n; i++)
    {
      ck_assert_ptr_nonnull (activering_rule_set_get_trajectory_indicator_label (rules, i, "fr"));
      ck_assert_ptr_null (activering_rule_set_get_trajectory_indicator_label (rules, i, "de"));
    }
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_trajectory_indicator_id (rules, n)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_trajectory_indicator_unit (rules, n)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_trajectory_indicator_label (rules, n, "nl")));

  /* Open in screening, a contact 20 days before the report date, with facts: numbers, states, nulls, next steps. */
  g_autoptr (ActiveringFacts) facts = facts_of ("\"income\":{\"status\":\"leefloon\"}");
  g_autoptr (ActiveringTrajectoryReport) open = replay_facts (
      DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CONTACT ("2025-01-11", "phone", "ocmw.trajectbegeleider")),
      facts, "2025-01-31");
  int since_contact = -1;
  for (guint i = 0; i < n; i++)
    if (strcmp (activering_rule_set_get_trajectory_indicator_id (rules, i), "follow_up.days_since_last_contact") == 0)
      since_contact = (int) i;
  ck_assert_int_ge (since_contact, 0);
  double days = 0;
  ck_assert (activering_trajectory_report_get_indicator_number (open, (guint) since_contact, &days));
  ck_assert_double_eq (days, 20);
  ck_assert_ptr_null (activering_trajectory_report_get_indicator_state (open, (guint) since_contact));
  ck_assert_str_eq (activering_trajectory_report_get_indicator_state (open, 0), "not_applicable");
  ck_assert_uint_gt (activering_trajectory_report_get_n_next_steps (open), 0);
  ck_assert_ptr_null (activering_trajectory_report_get_close_reason (open, NULL));
  assert_getters_match_json (open);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_trajectory_report_get_indicator_state (open, n)));
  TEST_EXPECT_CRITICAL (ck_assert (!activering_trajectory_report_get_indicator_number (open, n, NULL)));

  /* Without facts there are no next steps; closed, the reason and the day; not started, no opening. */
  g_autoptr (ActiveringTrajectoryReport) no_facts =
      replay (DOCS ("ocmw7", OPEN ("2025-01-01", "screening")), "2025-01-31");
  ck_assert_uint_eq (activering_trajectory_report_get_n_next_steps (no_facts), 0);
  assert_getters_match_json (no_facts);
  g_autoptr (ActiveringTrajectoryReport) closed =
      replay_facts (DOCS ("ocmw7", OPEN ("2025-01-01", "screening"), CLOSE ("2025-03-01", "duurzaam_werk")), facts,
                    "2025-04-01");
  GDate on;
  ck_assert_str_eq (activering_trajectory_report_get_close_reason (closed, &on), "duurzaam_werk");
  g_autofree char *closed_on = date_text (&on);
  ck_assert_str_eq (closed_on, "2025-03-01");
  ck_assert_uint_eq (activering_trajectory_report_get_n_next_steps (closed), 0);
  assert_getters_match_json (closed);
  g_autoptr (ActiveringTrajectoryReport) not_started = replay (DOCS ("ocmw7", NULL), "2025-01-31");
  ck_assert (!activering_trajectory_report_get_opened_on (not_started, NULL));
  assert_getters_match_json (not_started);
}
END_TEST

/* ---- reports: usage and reuse ---------------------------------------------------------------------------- */

START_TEST (test_report_usage_errors)
{
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  g_autoptr (GError) error = NULL;
  ck_assert_ptr_null (activering_trajectory_report_to_json (report, "en", ACTIVERING_JSON_DEFAULT, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "nothing has been replayed yet", NULL);
  g_clear_error (&error);
  GString *out = g_string_new ("x");
  ck_assert (!activering_trajectory_report_append_dot (report, "en", out, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "nothing has been replayed yet", NULL);
  g_clear_error (&error);
  ck_assert_str_eq (out->str, "x");
  g_autoptr (ActiveringTrajectory) t = parse_ok (SCENARIO_A);
  GDate invalid;
  g_date_clear (&invalid, 1);
  ck_assert (!activering_trajectory_report_run (report, t, NULL, &invalid, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "as-of date", NULL);
  g_clear_error (&error);
  run_on (report, t, NULL, "2025-04-30");
  ck_assert_ptr_null (activering_trajectory_report_to_json (report, "de", ACTIVERING_JSON_DEFAULT, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "\"de\"", "nl, fr, en", NULL);
  g_clear_error (&error);
  ck_assert (!activering_trajectory_report_append_dot (report, "de", out, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "\"de\"", NULL);
  ck_assert_str_eq (out->str, "x");
  g_string_free (out, TRUE);
  /* Pretty output is the same document. */
  g_autofree char *compact = report_text (report, "fr");
  g_autofree char *pretty = activering_trajectory_report_to_json (report, "fr", ACTIVERING_JSON_PRETTY, NULL);
  ck_assert (g_str_has_suffix (pretty, "}\n"));
  json_object *a = json_tokener_parse (compact), *b = json_tokener_parse (pretty);
  ck_assert (json_object_equal (a, b));
  json_object_put (a);
  json_object_put (b);
}
END_TEST

typedef struct
{
  const char *model;
  const char *events[16];
  const char *facts; /* facts members, or NULL for none */
  const char *as_of;
} Scenario;

static const Scenario scenarios[] = {
  { "ocmw7", { SCENARIO_A_EVENTS }, NULL, "2025-04-30" },
  { "ocmw7", { SCENARIO_A_CLOSED_EVENTS }, NULL, "2025-07-10" },
  { "outreach6", { HANDOVER_EVENTS (HANDOVER_EXPLICIT) }, NULL, "2025-07-31" },
  { "ocmw7",
    { OPEN ("2025-01-10", "randvoorwaarden"), ENTER ("2025-01-05", "screening"), ENTER ("2025-01-11", "screenig"),
      START ("2025-01-12", "ibo"), START ("2025-01-13", "ibo"), CLOSE ("2025-01-31", "verhuisd"),
      ENTER ("2025-02-01", "screening") },
    NULL,
    "2025-12-31" },
  { "ocmw7",
    { ART60_EVENTS },
    "\"social_security\":{\"full_unemployment_entitlement\":true},"
    "\"income\":{\"status\":\"leefloon\",\"decision_date\":\"2025-01-15\"},\"gpmi\":{\"exemption\":\"none\"}",
    "2025-06-30" },
  { "ocmw7", { NULL }, NULL, "2025-06-30" },
  { "outreach6", { OPEN ("2025-01-06", "toeleiding"), ENTER ("2025-02-03", "warme_overdracht") }, NULL, "2025-03-01" },
};

/* The report of @s in @lang, replayed in @report; NULL if anything fails. No assertions: threads use it too. */
static char *
scenario_json (const Scenario *s, ActiveringTrajectoryReport *report, const char *lang)
{
  guint n = 0;
  while (n < G_N_ELEMENTS (s->events) && s->events[n] != NULL)
    n++;
  g_autofree char *doc = build_doc (s->model, s->events, n);
  ActiveringTrajectory *t = activering_trajectory_new_from_data (rules, doc, -1, NULL);
  ActiveringFacts *facts = NULL;
  if (s->facts != NULL)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\":\"activering.facts/1\",\"id\":\"t-1\",%s}", s->facts);
      facts = activering_facts_new_from_data (rules, json, -1, NULL);
    }
  unsigned y, m, d;
  GDate as_of;
  g_date_clear (&as_of, 1);
  if (sscanf (s->as_of, "%u-%u-%u", &y, &m, &d) == 3)
    g_date_set_dmy (&as_of, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  char *json = NULL;
  if (t != NULL && (s->facts == NULL || facts != NULL)
      && activering_trajectory_report_run (report, t, facts, &as_of, NULL))
    json = activering_trajectory_report_to_json (report, lang, ACTIVERING_JSON_DEFAULT, NULL);
  activering_facts_free (facts);
  activering_trajectory_free (t);
  return json;
}

static const char *const languages[] = { "nl", "fr", "en" };

/* A report read before its first run says nothing runs, rather than reading runs it does not have. */
START_TEST (test_report_before_run)
{
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  ck_assert_uint_eq (activering_trajectory_report_get_n_open_measures (report), 0);
  ck_assert_uint_eq (activering_trajectory_report_get_n_violations (report), 0);
}
END_TEST

START_TEST (test_report_reuse)
{
  g_autoptr (ActiveringTrajectoryReport) reused = activering_trajectory_report_new (rules);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  /* Forwards, then backwards: small logs after big ones and the other way round. */
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < G_N_ELEMENTS (scenarios); k++)
      {
        guint i = round == 0 ? k : (guint) G_N_ELEMENTS (scenarios) - 1 - k;
        for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
          {
            g_autoptr (ActiveringTrajectoryReport) fresh = activering_trajectory_report_new (rules);
            g_autofree char *expected = scenario_json (&scenarios[i], fresh, languages[l]);
            g_autofree char *got = scenario_json (&scenarios[i], reused, languages[l]);
            ck_assert_msg (expected != NULL && got != NULL, "scenario %u does not run", i);
            ck_assert_msg (strcmp (got, expected) == 0, "scenario %u (%s), reused:\n%s\nfresh:\n%s", i, languages[l],
                           got, expected);
            if (round == 0 && l == 2)
              g_ptr_array_add (seen, g_strdup (got));
          }
      }
  /* The scenarios are really different reports. */
  for (guint i = 0; i < seen->len; i++)
    for (guint j = i + 1; j < seen->len; j++)
      ck_assert_str_ne (seen->pdata[i], seen->pdata[j]);
  /* The scenario with facts has two check violations. */
  ck_assert_ptr_nonnull (strstr (seen->pdata[4], "\"check\":\"art60.unemployment_entitlement\""));
  ck_assert_ptr_nonnull (strstr (seen->pdata[4], "\"check\":\"gpmi.deadline\""));
}
END_TEST

/* ---- diagrams -------------------------------------------------------------------------------------------- */

static void
assert_balanced_braces (const char *dot)
{
  int depth = 0;
  gboolean quoted = FALSE;
  for (const char *p = dot; *p; p++)
    {
      if (*p == '\\' && quoted && p[1] != '\0')
        p++;
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '{')
        depth++;
      else if (!quoted && *p == '}')
        ck_assert_msg (--depth >= 0, "unbalanced braces in:\n%s", dot);
    }
  ck_assert_msg (depth == 0 && !quoted, "unbalanced braces or quotes in:\n%s", dot);
}

static char *
report_dot (const ActiveringTrajectoryReport *report, const char *lang)
{
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);
  ck_assert_msg (activering_trajectory_report_append_dot (report, lang, out, &error), "%s",
                 error ? error->message : "?");
  ck_assert (g_str_has_prefix (out->str, "digraph "));
  ck_assert (g_str_has_suffix (out->str, "}\n"));
  assert_balanced_braces (out->str);
  return g_string_free (out, FALSE);
}

START_TEST (test_dot_report)
{
  g_autoptr (ActiveringTrajectoryReport) report = replay (HANDOVER_DOC, "2025-06-30");
  g_autofree char *nl = report_dot (report, "nl");
  static const char *const in_nl[] = { "digraph \"t-1\"",
                                       "cluster_outreach6",
                                       "cluster_ocmw7",
                                       "Warme overdracht",
                                       "Werkervaring en opleiding",
                                       "Tewerkstelling art. 60, § 7",
                                       "Outreachmethode in 6 fasen",
                                       "5: 2025-06-02" };
  for (guint i = 0; i < G_N_ELEMENTS (in_nl); i++)
    ck_assert_msg (strstr (nl, in_nl[i]) != NULL, "no \"%s\" in:\n%s", in_nl[i], nl);
  ck_assert_ptr_null (strstr (nl, "Warm handover"));
  g_autofree char *en = report_dot (report, "en");
  static const char *const in_en[] = { "Warm handover", "Work experience and training",
                                       "Employment under article 60, § 7", "6-phase outreach method" };
  for (guint i = 0; i < G_N_ELEMENTS (in_en); i++)
    ck_assert_msg (strstr (en, in_en[i]) != NULL, "no \"%s\" in:\n%s", in_en[i], en);
  ck_assert_ptr_null (strstr (en, "Warme overdracht"));
  g_autofree char *fr = report_dot (report, "fr");
  ck_assert_ptr_nonnull (strstr (fr, "Passage de relais accompagné"));
  g_autofree char *first = report_dot (report, NULL);
  ck_assert_str_eq (first, nl);
  /* Appended after what is there. */
  GString *out = g_string_new ("// before\n");
  ck_assert (activering_trajectory_report_append_dot (report, "en", out, NULL));
  ck_assert_str_eq (out->str + strlen ("// before\n"), en);
  g_string_free (out, TRUE);
  /* A trajectory that stayed in its model draws that model only. */
  g_autoptr (ActiveringTrajectoryReport) plain = replay (SCENARIO_A, "2025-04-30");
  g_autofree char *plain_dot = report_dot (plain, "en");
  ck_assert_ptr_nonnull (strstr (plain_dot, "cluster_ocmw7"));
  ck_assert_ptr_null (strstr (plain_dot, "cluster_outreach6"));
  ck_assert_ptr_nonnull (strstr (plain_dot, "Preconditions"));
  /* Not started: the model, no path. */
  g_autoptr (ActiveringTrajectoryReport) empty = replay (SCENARIO_A, "2024-01-01");
  g_autofree char *empty_dot = report_dot (empty, "en");
  ck_assert_ptr_nonnull (strstr (empty_dot, "Preconditions"));
}
END_TEST

START_TEST (test_dot_phase_model)
{
  guint n_models = activering_rule_set_get_n_phase_models (rules);
  ck_assert_uint_eq (n_models, 2);
  for (guint m = 0; m < n_models; m++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        g_autoptr (GError) error = NULL;
        GString *out = g_string_new (NULL);
        ck_assert_msg (activering_rule_set_append_phase_model_dot (rules, m, languages[l], out, &error), "%s",
                       error ? error->message : "?");
        g_autofree char *head = g_strdup_printf ("digraph \"%s\"", activering_rule_set_get_phase_model_code (rules, m));
        ck_assert (g_str_has_prefix (out->str, head));
        ck_assert (g_str_has_suffix (out->str, "}\n"));
        assert_balanced_braces (out->str);
        ck_assert_ptr_nonnull (strstr (out->str, activering_rule_set_get_phase_model_label (rules, m, languages[l])));
        for (guint p = 0; p < activering_rule_set_get_n_phases (rules, m); p++)
          {
            const char *label = activering_rule_set_get_phase_label (rules, m, p, languages[l]);
            ck_assert_msg (strstr (out->str, label) != NULL, "no \"%s\" in:\n%s", label, out->str);
          }
        g_string_free (out, TRUE);
      }
  int ocmw7 = activering_rule_set_lookup_phase_model (rules, "ocmw7");
  ck_assert_int_ge (ocmw7, 0);
  GString *en = g_string_new (NULL);
  ck_assert (activering_rule_set_append_phase_model_dot (rules, (guint) ocmw7, "en", en, NULL));
  /* Measures that fit, entry phases, the optional phase, moves worth a warning. */
  ck_assert_ptr_nonnull (strstr (en->str, "Employment under article 60, § 7"));
  ck_assert_ptr_nonnull (strstr (en->str, "peripheries=2"));
  ck_assert_ptr_nonnull (strstr (en->str, "rounded,filled,dashed"));
  ck_assert_ptr_nonnull (strstr (en->str, "style=dashed"));
  ck_assert_ptr_null (strstr (en->str, "Randvoorwaarden"));
  GString *first = g_string_new (NULL);
  ck_assert (activering_rule_set_append_phase_model_dot (rules, (guint) ocmw7, NULL, first, NULL));
  ck_assert_ptr_nonnull (strstr (first->str, "Randvoorwaarden"));
  g_string_free (first, TRUE);
  g_string_free (en, TRUE);
}
END_TEST

START_TEST (test_dot_usage_errors)
{
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new ("x");
  guint n_models = activering_rule_set_get_n_phase_models (rules);
  /* a model index out of range is a programmer's error: a critical and FALSE, no GError (docs/api-conventions.md) */
  TEST_EXPECT_CRITICAL (ck_assert (!activering_rule_set_append_phase_model_dot (rules, n_models, "en", out, &error)));
  ck_assert_ptr_null (error);
  TEST_EXPECT_CRITICAL (ck_assert (!activering_rule_set_append_phase_model_dot (rules, G_MAXUINT, "en", out, &error)));
  ck_assert_ptr_null (error);
  ck_assert (!activering_rule_set_append_phase_model_dot (rules, 0, "de", out, &error));
  test_assert_error (error, ACTIVERING_ERROR_USAGE, "\"de\"", NULL);
  g_clear_error (&error);
  ck_assert (!activering_rule_set_append_phase_model_dot (rules, 0, "", out, NULL));
  ck_assert_str_eq (out->str, "x");
  g_string_free (out, TRUE);
}
END_TEST

/* ---- threads --------------------------------------------------------------------------------------------- */

#define N_THREADS 4
#define N_ROUNDS 25

typedef struct
{
  GPtrArray *expected; /* per scenario and language */
  gint mismatches;
  gint runs;
} ThreadWork;

static gpointer
replay_scenarios (gpointer data)
{
  ThreadWork *work = data;
  ActiveringTrajectoryReport *report = activering_trajectory_report_new (rules);
  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          char *json = scenario_json (&scenarios[i], report, languages[l]);
          if (json == NULL || strcmp (json, work->expected->pdata[i * G_N_ELEMENTS (languages) + l]) != 0)
            g_atomic_int_inc (&work->mismatches);
          g_atomic_int_inc (&work->runs);
          g_free (json);
        }
  activering_trajectory_report_free (report);
  return NULL;
}

START_TEST (test_threads_share_rule_set)
{
  ThreadWork work = { .expected = g_ptr_array_new_with_free_func (g_free) };
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        g_autoptr (ActiveringTrajectoryReport) fresh = activering_trajectory_report_new (rules);
        char *json = scenario_json (&scenarios[i], fresh, languages[l]);
        ck_assert_msg (json != NULL, "scenario %u does not run", i);
        g_ptr_array_add (work.expected, json);
      }
  GThread *threads[N_THREADS];
  for (int t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("replay", replay_scenarios, &work);
  for (int t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);
  ck_assert_int_eq (work.runs, N_THREADS * N_ROUNDS * (int) (G_N_ELEMENTS (scenarios) * G_N_ELEMENTS (languages)));
  ck_assert_msg (work.mismatches == 0, "%d reports differ from the single-threaded run", work.mismatches);
  g_ptr_array_free (work.expected, TRUE);
}
END_TEST

/* ---- suite ----------------------------------------------------------------------------------------------- */

static Suite *
trajectory_suite (void)
{
  Suite *s = suite_create ("trajectory");
  TCase *tc = tcase_create ("parse");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_parse_example);
  tcase_add_test (tc, test_indicator_and_next_step_getters);
  tcase_add_test (tc, test_event_type_names);
  tcase_add_test (tc, test_parse_every_event_kind);
  tcase_add_test (tc, test_parse_unknown_codes_are_not_errors);
  tcase_add_test (tc, test_parse_explicit_length);
  tcase_add_test (tc, test_parse_empty_document);
  tcase_add_test (tc, test_parse_bad_json);
  tcase_add_test (tc, test_parse_not_an_object);
  tcase_add_test (tc, test_parse_format);
  tcase_add_test (tc, test_parse_missing_members);
  tcase_add_test (tc, test_parse_unknown_model);
  tcase_add_test (tc, test_parse_unknown_key);
  tcase_add_test (tc, test_parse_events_shape);
  tcase_add_test (tc, test_parse_event_missing_at_or_type);
  tcase_add_test (tc, test_parse_bad_date);
  tcase_add_test (tc, test_parse_unknown_event_type);
  tcase_add_test (tc, test_parse_missing_field_per_type);
  tcase_add_test (tc, test_parse_misplaced_field);
  tcase_add_test (tc, test_parse_duplicate_key);
  tcase_add_test (tc, test_parse_refill);
  tcase_add_test (tc, test_parse_reason_not_snake_case);
  tcase_add_test (tc, test_parse_follow_up_events);
  tcase_add_test (tc, test_parse_follow_up_bad_values);
  tcase_add_test (tc, test_follow_up_replay);
  tcase_add_test (tc, test_parse_trailing_data);
  tcase_add_test (tc, test_parse_bad_text);
  tcase_add_test (tc, test_parse_too_many_events);
  tcase_add_test (tc, test_parse_note_text_not_in_errors);
  suite_add_tcase (s, tc);

  tc = tcase_create ("write");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_round_trip_canonical);
  tcase_add_test (tc, test_round_trip_other_order);
  suite_add_tcase (s, tc);

  tc = tcase_create ("build");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_append_valid_sequence);
  tcase_add_test (tc, test_append_refusals);
  tcase_add_test (tc, test_append_malformed);
  tcase_add_test (tc, test_append_warnings_accepted);
  tcase_add_test (tc, test_append_to_parsed_log_with_errors);
  suite_add_tcase (s, tc);

  tc = tcase_create ("replay");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_replay_days);
  tcase_add_test (tc, test_replay_not_started);
  tcase_add_test (tc, test_replay_events_after_as_of);
  tcase_add_test (tc, test_replay_example_document);
  tcase_add_test (tc, test_replay_going_back_and_skipping);
  tcase_add_test (tc, test_replay_close_and_reopen);
  tcase_add_test (tc, test_replay_handover);
  tcase_add_test (tc, test_violation_table);
  tcase_add_test (tc, test_violation_getters_out_of_range);
  tcase_add_test (tc, test_violation_messages);
  tcase_add_test (tc, test_note_text_not_in_report);
  suite_add_tcase (s, tc);

  tc = tcase_create ("checks");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_ibo_max_duration);
  tcase_add_test (tc, test_twe_max_duration);
  tcase_add_test (tc, test_art60_unemployment_entitlement);
  tcase_add_test (tc, test_gpmi_deadline);
  tcase_add_test (tc, test_timely_work_indicator);
  suite_add_tcase (s, tc);

  tc = tcase_create ("report");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_report_usage_errors);
  tcase_add_test (tc, test_report_before_run);
  tcase_add_test (tc, test_report_reuse);
  tcase_add_test (tc, test_dot_report);
  tcase_add_test (tc, test_dot_phase_model);
  tcase_add_test (tc, test_dot_usage_errors);
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
  /* A failed precondition inside the library fails the test. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return test_run_suite (trajectory_suite ());
}
