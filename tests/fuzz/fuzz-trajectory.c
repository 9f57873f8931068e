/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-trajectory.c: libFuzzer target for trajectory logs (activering_trajectory_new_from_data) and everything a parsed
 * log reaches: writing it back, replaying it into a report, the report document and its DOT diagram, and building
 * the same log event by event with activering_trajectory_append_event.
 *
 * Built by `make tests/fuzz/fuzz-trajectory` (see tests/Makefile.inc) with clang -fsanitize=fuzzer,address,undefined
 * over the library's own sources. Run:
 *
 *   cp -r tests/fuzz/corpus-trajectory /tmp/corpus
 *   ./tests/fuzz/fuzz-trajectory -dict=tests/fuzz/trajectory.dict /tmp/corpus
 *
 * An input with a line break whose first line is a facts document (activering.facts/1) gives the replay those
 * facts, and the rest of the input is the log; otherwise the whole input is the log.
 *
 * Besides the sanitizers, the target checks the library's documented promises and aborts when one is broken:
 * - a failed parse reports an ACTIVERING_ERROR with a known code and a message "trajectory: /<json pointer>: …",
 *   one line of valid UTF-8;
 * - a parsed log writes a well-formed UTF-8 JSON document, which parses again and writes the same bytes;
 * - a replay on two dates gives well-formed report documents, violations at events of the log, a DOT digraph, and
 *   a report reused on the first date again gives the same document;
 * - the replayed report added to a caseload (activering_caseload_add) twice, with its facts if they are the same
 *   dossier's, counts two dossiers, and the caseload report is well-formed JSON and its page valid UTF-8 HTML; a
 *   report run on another date is refused with ACTIVERING_ERROR_USAGE;
 * - the log rebuilt event by event never crashes the library; an event refused leaves the log as it was, an event
 *   taken reads back as it was written, and a log built that way has no error of the kinds append refuses.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <activering/activering.h>

#define FUZZ_NAME "fuzz-trajectory"
#include "fuzz-checks.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A GError of the library (see check_error), whose message is one line of valid UTF-8. */
static void
check_error_line (const GError *error, const char *prefix)
{
  check_error (error, prefix);
  CHECK (g_utf8_validate (error->message, -1, NULL), "message is not UTF-8: %s", error->message);
  CHECK (strchr (error->message, '\n') == NULL && strchr (error->message, '\r') == NULL,
         "message is not one line: %s", error->message);
}

static char *
dup_json (const ActiveringTrajectory *t)
{
  char *json = activering_trajectory_to_json (t, ACTIVERING_JSON_DEFAULT);
  CHECK (json != NULL, "to_json returned NULL");
  return json;
}

/* Reads the report back through the getters, as a program using the library would. */
static void
read_back (const ActiveringTrajectoryReport *report, guint n_events)
{
  ActiveringTrajectoryState state = activering_trajectory_report_get_state (report);
  const char *phase = activering_trajectory_report_get_current_phase (report);
  const char *model = activering_trajectory_report_get_current_model (report);
  CHECK ((phase == NULL) == (state == ACTIVERING_TRAJECTORY_NOT_STARTED) && (model == NULL) == (phase == NULL),
         "state %d with current phase %s in model %s", state, phase ? phase : "(none)", model ? model : "(none)");
  if (phase != NULL)
    (void) activering_trajectory_report_get_days_in_phase (report, phase);
  guint n_open = activering_trajectory_report_get_n_open_measures (report);
  for (guint i = 0; i < n_open; i++)
    {
      GDate since;
      g_date_clear (&since, 1);
      const char *measure = activering_trajectory_report_get_open_measure (report, i, &since);
      CHECK (measure != NULL && g_date_valid (&since), "open measure %u of %u without a code or a valid date", i,
             n_open);
      CHECK (activering_trajectory_report_get_days_in_measure (report, measure) > 0 || state != ACTIVERING_TRAJECTORY_OPEN,
             "open measure %s ran 0 days", measure);
    }
  guint n = activering_trajectory_report_get_n_violations (report);
  for (guint i = 0; i < n; i++)
    {
      const char *code = activering_trajectory_report_get_violation_code (report, i);
      guint event = activering_trajectory_report_get_violation_event (report, i);
      CHECK (code != NULL, "violation %u without a code", i);
      CHECK (event < n_events, "violation %u (%s) at event %u of a log of %u events", i, code, event, n_events);
      (void) activering_trajectory_report_get_violation_severity (report, i);
      static const char *const langs[] = { NULL, "nl", "fr", "en" };
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          char *message = activering_trajectory_report_dup_violation_message (report, i, langs[l]);
          CHECK (message != NULL && *message != '\0', "violation %u (%s): no message in %s", i, code,
                 langs[l] ? langs[l] : "the first language");
          CHECK (g_utf8_validate (message, -1, NULL), "violation %u (%s): message is not UTF-8", i, code);
          g_free (message);
        }
    }
}

/* Replays @t on @as_of and checks the report; returns its compact document. */
static char *
replay (ActiveringTrajectoryReport *report, const ActiveringTrajectory *t, const ActiveringFacts *facts,
        const GDate *as_of)
{
  GError *error = NULL;
  CHECK (activering_trajectory_report_run (report, t, facts, as_of, &error), "report_run failed: %s",
         error ? error->message : "?");
  guint n_events = activering_trajectory_get_n_events (t);
  read_back (report, n_events);

  char *json = activering_trajectory_report_to_json (report, "nl", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (json != NULL, "report to_json failed: %s", error ? error->message : "?");
  check_json ("the report document", json, strlen (json));
  char *pretty = activering_trajectory_report_to_json (report, "fr", ACTIVERING_JSON_PRETTY, &error);
  CHECK (pretty != NULL, "pretty report to_json failed: %s", error ? error->message : "?");
  check_json ("the pretty report document", pretty, strlen (pretty));
  g_free (pretty);
  CHECK (activering_trajectory_report_to_json (report, "xx", ACTIVERING_JSON_DEFAULT, &error) == NULL,
         "a report in an unknown language");
  check_error_line (error, "trajectory report: ");
  g_clear_error (&error);

  GString *dot = g_string_new (NULL);
  CHECK (activering_trajectory_report_append_dot (report, "en", dot, &error), "append_dot failed: %s",
         error ? error->message : "?");
  CHECK (g_str_has_prefix (dot->str, "digraph") && g_str_has_suffix (dot->str, "}\n"),
         "the DOT output is not a digraph: %.200s", dot->str);
  CHECK (g_utf8_validate_len (dot->str, dot->len, NULL), "the DOT output is not UTF-8");
  g_string_free (dot, TRUE);
  return json;
}

/* The report, run on @as_of, summed up in a caseload: twice, and the facts once more as a dossier of their own. */
static void
accumulate (ActiveringRuleSet *rules, ActiveringTrajectoryReport *report, const ActiveringTrajectory *t,
            const ActiveringFacts *facts, const GDate *as_of, ActiveringCaseloadPeriod by)
{
  GError *error = NULL;
  ActiveringCaseload *caseload = activering_caseload_new (rules, as_of, by, &error);
  CHECK (caseload != NULL, "caseload_new failed: %s", error ? error->message : "?");
  CHECK (activering_caseload_set_list_ids (caseload, by == ACTIVERING_CASELOAD_BY_MONTH, &error), "set_list_ids failed");
  CHECK (activering_trajectory_report_run (report, t, facts, as_of, &error), "report_run failed");
  gboolean same = facts != NULL && strcmp (activering_facts_get_id (facts), activering_trajectory_get_id (t)) == 0;
  for (int i = 0; i < 2; i++)
    CHECK (activering_caseload_add (caseload, report, same ? facts : NULL, &error), "caseload_add failed: %s",
           error ? error->message : "?");
  if (facts != NULL)
    {
      CHECK (activering_caseload_add (caseload, report, facts, &error) == same, "facts of %s dossier %s",
             same ? "the same" : "another", same ? "refused" : "taken");
      if (!same)
        {
          check_error_line (error, "caseload report: ");
          CHECK (error->code == ACTIVERING_ERROR_INVALID_VALUE, "facts of another dossier: error %d", error->code);
          g_clear_error (&error);
        }
      CHECK (activering_caseload_add_facts (caseload, facts, &error), "add_facts failed");
    }
  guint64 expected = 2 + (facts != NULL) + same;
  CHECK (activering_caseload_get_n_dossiers (caseload) == expected, "%" G_GUINT64_FORMAT " dossiers, expected %"
         G_GUINT64_FORMAT, activering_caseload_get_n_dossiers (caseload), expected);
  char *json = activering_caseload_to_json (caseload, "en", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (json != NULL, "caseload to_json failed: %s", error ? error->message : "?");
  check_json ("the caseload report", json, strlen (json));
  g_free (json);
  GString *page = g_string_new (NULL);
  CHECK (activering_caseload_append_html (caseload, "fr", page, &error), "append_html failed");
  CHECK (g_str_has_prefix (page->str, "<!DOCTYPE html>") && g_str_has_suffix (page->str, "</html>\n")
             && g_utf8_validate_len (page->str, page->len, NULL), "the page is not a UTF-8 HTML document");
  g_string_free (page, TRUE);
  /* a report run on another date does not belong to this caseload */
  GDate other = *as_of;
  g_date_add_days (&other, 1);
  CHECK (activering_trajectory_report_run (report, t, NULL, &other, &error), "report_run failed");
  CHECK (!activering_caseload_add (caseload, report, NULL, &error), "a report of another date taken");
  check_error_line (error, "caseload report: ");
  CHECK (error->code == ACTIVERING_ERROR_USAGE, "a report of another date: error %d", error->code);
  g_clear_error (&error);
  activering_caseload_free (caseload);
}

/* The date of the log's last event, if it has any. */
static gboolean
last_event_date (const ActiveringTrajectory *t, GDate *out)
{
  guint n = activering_trajectory_get_n_events (t);
  if (n == 0)
    return FALSE;
  activering_trajectory_get_event_date (t, n - 1, out);
  CHECK (g_date_valid (out), "event %u has no valid date", n - 1);
  return TRUE;
}

/* Builds the log of @t again event by event, from its own document read with json-c. */
static void
rebuild (ActiveringRuleSet *rules, const ActiveringTrajectory *t, const char *json)
{
  json_object *root = json_tokener_parse (json);
  CHECK (root != NULL, "json-c cannot read the written log");
  json_object *id = NULL, *model = NULL, *events = NULL;
  CHECK (json_object_object_get_ex (root, "id", &id) && json_object_object_get_ex (root, "model", &model)
             && json_object_object_get_ex (root, "events", &events) && json_object_is_type (events, json_type_array),
         "the written log has no id, model or events");
  GError *error = NULL;
  ActiveringTrajectory *built = activering_trajectory_new (rules, json_object_get_string (id),
                                                           json_object_get_string (model), &error);
  CHECK (built != NULL, "trajectory_new refuses the id and model of a parsed log: %s", error ? error->message : "?");
  CHECK (strcmp (activering_trajectory_get_id (built), activering_trajectory_get_id (t)) == 0
             && strcmp (activering_trajectory_get_model (built), activering_trajectory_get_model (t)) == 0,
         "trajectory_new does not keep the id or model");

  size_t n = json_object_array_length (events);
  CHECK (n == activering_trajectory_get_n_events (t), "the written log has %zu events, the log %u", n,
         activering_trajectory_get_n_events (t));
  guint refused = 0;
  for (size_t i = 0; i < n; i++)
    {
      const char *event = json_object_to_json_string_ext (json_object_array_get_idx (events, i),
                                                          JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
      guint before = activering_trajectory_get_n_events (built);
      if (activering_trajectory_append_event (built, event, -1, &error))
        {
          CHECK (error == NULL, "an event taken with an error set");
          CHECK (activering_trajectory_get_n_events (built) == before + 1, "an event taken: %u events, then %u",
                 before, activering_trajectory_get_n_events (built));
          /* It reads back as it was written. */
          GDate a, b;
          g_date_clear (&a, 1);
          g_date_clear (&b, 1);
          activering_trajectory_get_event_date (t, (guint) i, &a);
          activering_trajectory_get_event_date (built, before, &b);
          CHECK (activering_trajectory_get_event_type (t, (guint) i) == activering_trajectory_get_event_type (built, before)
                     && g_date_compare (&a, &b) == 0
                     && g_strcmp0 (activering_trajectory_get_event_subject (t, (guint) i),
                                   activering_trajectory_get_event_subject (built, before)) == 0
                     && g_strcmp0 (activering_trajectory_get_event_reason (t, (guint) i),
                                   activering_trajectory_get_event_reason (built, before)) == 0
                     && g_strcmp0 (activering_trajectory_get_event_by (t, (guint) i),
                                   activering_trajectory_get_event_by (built, before)) == 0,
                 "event %zu does not read back as it was written: %s", i, event);
          continue;
        }
      refused++;
      check_error_line (error, "trajectory: /events/");
      g_clear_error (&error);
      CHECK (activering_trajectory_get_n_events (built) == before, "a refused event changed the log: %u events, then %u",
             before, activering_trajectory_get_n_events (built));
      /* Without a GError the library refuses the same, and builds no message. */
      CHECK (!activering_trajectory_append_event (built, event, -1, NULL), "refused with a GError, taken without");
      CHECK (activering_trajectory_get_n_events (built) == before, "a refused event changed the log");
    }

  /* A log built by appending holds no error that append refuses (limits over time and checks on facts aside):
   * replayed on the day of its last event, where every event it holds is replayed. */
  GDate last;
  g_date_clear (&last, 1);
  if (last_event_date (built, &last))
    {
      ActiveringTrajectoryReport *report = activering_trajectory_report_new (rules);
      CHECK (activering_trajectory_report_run (report, built, NULL, &last, &error), "run failed");
      for (guint v = 0; v < activering_trajectory_report_get_n_violations (report); v++)
        {
          const char *code = activering_trajectory_report_get_violation_code (report, v);
          if (activering_trajectory_report_get_violation_severity (report, v) != ACTIVERING_SEVERITY_ERROR
              || strcmp (code, "limit_exceeded") == 0 || strcmp (code, "obligation_overdue") == 0
              || strcmp (code, "follow_up_gap") == 0 || strcmp (code, "follow_up_missing") == 0)
            continue;
          char *message = activering_trajectory_report_dup_violation_message (report, v, "en");
          CHECK (FALSE, "a log built with append_event has an error at event %u: %s: %s",
                 activering_trajectory_report_get_violation_event (report, v), code, message);
        }
      activering_trajectory_report_free (report);
    }
  (void) refused;
  activering_trajectory_free (built);
  json_object_put (root);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ActiveringRuleSet *rules = fuzz_default_rules ();
  const char *input = size > 0 ? (const char *) data : "";
  GError *error = NULL;

  /* A first line that is a facts document goes to the replay; the log is then the rest. */
  ActiveringFacts *facts = NULL;
  const char *json = input;
  size_t length = size;
  const char *newline = memchr (input, '\n', size);
  if (newline != NULL && (facts = activering_facts_new_from_data (rules, input, newline - input, NULL)) != NULL)
    {
      json = newline + 1;
      length = size - (size_t) (newline + 1 - input);
    }

  /* Length -1 (NUL-terminated) reads the same document as the explicit length, when there is no NUL inside. */
  if (memchr (json, '\0', length) == NULL)
    {
      char *terminated = g_strndup (json, length);
      ActiveringTrajectory *t = activering_trajectory_new_from_data (rules, terminated, -1, NULL);
      ActiveringTrajectory *t_len = activering_trajectory_new_from_data (rules, json, (gssize) length, NULL);
      CHECK ((t == NULL) == (t_len == NULL), "length -1 %s, explicit length %s", t ? "parses" : "fails",
             t_len ? "parses" : "fails");
      activering_trajectory_free (t);
      activering_trajectory_free (t_len);
      g_free (terminated);
    }

  ActiveringTrajectory *t = activering_trajectory_new_from_data (rules, json, (gssize) length, &error);
  if (t == NULL)
    {
      check_error_line (error, "trajectory: /");
      /* The same bytes fail the same way a second time. */
      GError *again = NULL;
      CHECK (activering_trajectory_new_from_data (rules, json, (gssize) length, &again) == NULL,
             "second parse succeeded");
      CHECK (again != NULL && again->code == error->code && strcmp (again->message, error->message) == 0,
             "second parse gave another error: %s / %s", error->message, again ? again->message : "(none)");
      g_error_free (again);
      g_error_free (error);
      activering_facts_free (facts);
      return 0;
    }
  CHECK (error == NULL, "success with an error set");
  CHECK (activering_trajectory_get_id (t) != NULL && *activering_trajectory_get_id (t) != '\0', "no id");
  CHECK (activering_trajectory_get_model (t) != NULL, "no model");

  /* Written back: JSON, and written again the same after a second parse. */
  char *written = dup_json (t);
  check_json ("the written log", written, strlen (written));
  ActiveringTrajectory *again = activering_trajectory_new_from_data (rules, written, -1, &error);
  CHECK (again != NULL, "the written log does not parse: %s\n  %.300s", error ? error->message : "?", written);
  char *rewritten = dup_json (again);
  CHECK (strcmp (written, rewritten) == 0, "the log does not survive a round trip:\n  %s\n  %s", written, rewritten);
  CHECK (activering_trajectory_get_n_events (again) == activering_trajectory_get_n_events (t), "events lost");
  char *pretty = activering_trajectory_to_json (t, ACTIVERING_JSON_PRETTY);
  check_json ("the pretty written log", pretty, strlen (pretty));
  g_free (pretty);
  for (guint i = 0; i < activering_trajectory_get_n_events (t); i++)
    (void) activering_event_type_to_string (activering_trajectory_get_event_type (t, i));
  g_free (rewritten);
  activering_trajectory_free (again);

  /* Replayed on a fixed day, and on the day of the last event (where every event is replayed); the same report
   * run on the first day again gives the same document. */
  GDate fixed, second;
  g_date_clear (&fixed, 1);
  g_date_set_dmy (&fixed, 22, G_DATE_NOVEMBER, 2026);
  g_date_clear (&second, 1);
  if (!last_event_date (t, &second))
    g_date_set_dmy (&second, 29, G_DATE_FEBRUARY, 2020);
  ActiveringTrajectoryReport *report = activering_trajectory_report_new (rules);
  char *first = replay (report, t, facts, &fixed);
  char *other = replay (report, t, facts, &second);
  char *reused = replay (report, t, facts, &fixed);
  CHECK (strcmp (first, reused) == 0, "a reused report gives another document:\n  %s\n  %s", first, reused);
  g_free (reused);
  g_free (other);
  g_free (first);
  if (facts != NULL)
    g_free (replay (report, t, NULL, &fixed));
  accumulate (rules, report, t, facts, &fixed, ACTIVERING_CASELOAD_BY_QUARTER);
  accumulate (rules, report, t, facts, &second, ACTIVERING_CASELOAD_BY_MONTH);
  activering_trajectory_report_free (report);

  rebuild (rules, t, written);

  g_free (written);
  activering_trajectory_free (t);
  activering_facts_free (facts);
  return 0;
}
