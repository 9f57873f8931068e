/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-trajectory.h: a client's trajectory as an event log, replayed against a phase model.
 *
 * An #ActiveringTrajectory is the append-only log of an `activering.trajectory/1` document: dated events that
 * open and close the trajectory, move it between phases and start and end measures (docs/trajectories.md).
 * An #ActiveringTrajectoryReport replays a log on a date and says where the client stands (current phase, running
 * measures, days per phase and per measure), what is wrong or risky (violations, each with the index of the event
 * at fault), and a few indicators; it serialises to `activering.trajectory-report/1` and draws as Graphviz DOT.
 *
 * Both belong to one thread at a time; the rule set behind them may be shared. A report is reusable: run it on
 * one trajectory after another and it does not allocate again once warmed up. Strings returned are owned by the
 * object they come from and stay valid until it changes (the next append or run) or is freed.
 *
 * Event, open-measure and violation indexes run from 0 to the matching `get_n_*` count. An index out of range is a
 * programmer's error: a GLib critical, and the getter returns its fallback (%NULL, 0, %ACTIVERING_EVENT_NOTE,
 * %ACTIVERING_SEVERITY_ERROR), leaving out-parameters untouched (docs/api-conventions.md, "Indexes").
 */
#ifndef ACTIVERING_TRAJECTORY_H
#define ACTIVERING_TRAJECTORY_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-facts.h>
#include <activering/activering-evaluation.h>

G_BEGIN_DECLS

/**
 * ActiveringTrajectory:
 *
 * A client's trajectory: the append-only event log of an `activering.trajectory/1` document, read against a rule
 * set (activering_trajectory_new_from_data()) or built event by event (activering_trajectory_new(),
 * activering_trajectory_append_event()). Opaque; one thread at a time; free with activering_trajectory_free().
 */
typedef struct _ActiveringTrajectory ActiveringTrajectory;
/**
 * ActiveringTrajectoryReport:
 *
 * The result of replaying an #ActiveringTrajectory on a date (activering_trajectory_report_run()): where the client
 * stands, the days spent per phase and per measure, and the violations found. Opaque and reusable; one thread at a
 * time; free with activering_trajectory_report_free().
 */
typedef struct _ActiveringTrajectoryReport ActiveringTrajectoryReport;

/**
 * ActiveringEventType:
 * @ACTIVERING_EVENT_OPEN: the trajectory starts, in a phase
 * @ACTIVERING_EVENT_REOPEN: it starts again after a close, in a phase
 * @ACTIVERING_EVENT_ENTER_PHASE: it moves to a phase (possibly of another model: a handover)
 * @ACTIVERING_EVENT_START_MEASURE: a measure starts
 * @ACTIVERING_EVENT_END_MEASURE: a measure ends, on the event's day, for a reason
 * @ACTIVERING_EVENT_NOTE: a free-text note (never copied into reports or errors)
 * @ACTIVERING_EVENT_CLOSE: the trajectory closes, for a reason
 * @ACTIVERING_EVENT_CONTACT: a contact with the client, through a `channel`, by a role (follow-up)
 * @ACTIVERING_EVENT_VDAB_REPORT: VDAB reports back to the OCMW, of a `kind` (non-cooperation, a no-show, progress)
 * @ACTIVERING_EVENT_DECISION: the OCMW decides, of a `kind` (a sanction, no sanction, a warning), on a VDAB report
 * @ACTIVERING_EVENT_HANDOVER: a warm handover inside the model, from the role `by` to the role `to`
 *
 * The kinds of event in a trajectory log.
 */
typedef enum {
  ACTIVERING_EVENT_OPEN = 0,
  ACTIVERING_EVENT_REOPEN = 1,
  ACTIVERING_EVENT_ENTER_PHASE = 2,
  ACTIVERING_EVENT_START_MEASURE = 3,
  ACTIVERING_EVENT_END_MEASURE = 4,
  ACTIVERING_EVENT_NOTE = 5,
  ACTIVERING_EVENT_CLOSE = 6,
  ACTIVERING_EVENT_CONTACT = 7,
  ACTIVERING_EVENT_VDAB_REPORT = 8,
  ACTIVERING_EVENT_DECISION = 9,
  ACTIVERING_EVENT_HANDOVER = 10,
} ActiveringEventType;

/**
 * ActiveringTrajectoryState:
 * @ACTIVERING_TRAJECTORY_NOT_STARTED: no `open` replayed (yet) on the report date
 * @ACTIVERING_TRAJECTORY_OPEN: open: opened (or reopened) and not closed since
 * @ACTIVERING_TRAJECTORY_CLOSED: closed by a `close` event (until a `reopen`)
 *
 * Where a trajectory stands on the report date (activering_trajectory_report_get_state()).
 */
typedef enum {
  ACTIVERING_TRAJECTORY_NOT_STARTED = 0,
  ACTIVERING_TRAJECTORY_OPEN = 1,
  ACTIVERING_TRAJECTORY_CLOSED = 2,
} ActiveringTrajectoryState;

/**
 * ActiveringSeverity:
 * @ACTIVERING_SEVERITY_ERROR: an error: the log or the phase model is broken at the event (out of date order, a move
 *   the model does not allow, …), or a limit the rule set makes an error is exceeded
 * @ACTIVERING_SEVERITY_WARNING: allowed, but worth a look (a move the model marks, a limit over time exceeded where
 *   the rule set makes that a warning)
 *
 * Of a violation: @ACTIVERING_SEVERITY_ERROR or @ACTIVERING_SEVERITY_WARNING (docs/trajectories.md lists the severity
 * of each violation code).
 */
typedef enum {
  ACTIVERING_SEVERITY_ERROR = 0,
  ACTIVERING_SEVERITY_WARNING = 1,
} ActiveringSeverity;

/**
 * activering_event_type_to_string:
 * @type: an event type
 *
 * The code an `activering.trajectory/1` document gives the event type in its `type` member.
 *
 * Returns: (transfer none): the event type's code, e.g. "enter_phase", a static string; "unknown" for a value outside
 *   #ActiveringEventType.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_event_type_to_string (ActiveringEventType type);

/* ---- the event log ---- */

/**
 * activering_trajectory_new:
 * @rules: the rule set whose phase models, measures and roles the log uses (a reference is kept)
 * @id: the dossier's opaque id (non-empty, at most 256 bytes of UTF-8 without control characters)
 * @model: the code of the phase model the trajectory follows, e.g. "ocmw7"
 * @error: return location for a #GError, or %NULL
 *
 * An empty log, to be filled with activering_trajectory_append_event().
 *
 * Returns: (transfer full) (nullable): the log, to free with activering_trajectory_free(); %NULL with @error set
 *   (%ACTIVERING_ERROR_UNKNOWN_REF for a model the rule set does not have, %ACTIVERING_ERROR_INVALID_VALUE for
 *   an empty, too long or invalid id).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringTrajectory *activering_trajectory_new (ActiveringRuleSet *rules, const char *id, const char *model,
                                                 GError **error);

/**
 * activering_trajectory_new_from_data:
 * @rules: the rule set whose phase models, measures and roles the log uses (a reference is kept)
 * @data: an `activering.trajectory/1` document (UTF-8 JSON); need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Parses a log. A malformed document (bad JSON, another format, a bad date, an unknown event type, a missing or
 * misplaced field, an unknown key other than `x_…`) fails with an %ACTIVERING_ERROR naming the JSON path:
 * %ACTIVERING_ERROR_SYNTAX, %ACTIVERING_ERROR_FORMAT, %ACTIVERING_ERROR_TYPE, %ACTIVERING_ERROR_UNKNOWN_KEY,
 * %ACTIVERING_ERROR_MISSING, %ACTIVERING_ERROR_INVALID_VALUE, %ACTIVERING_ERROR_DUPLICATE, %ACTIVERING_ERROR_TOO_LARGE,
 * and %ACTIVERING_ERROR_UNKNOWN_REF for a `model` the rule set does not have. Other codes the rule set does not know
 * (phases, measures, roles) are not errors here: the report shows them as violations.
 *
 * Returns: (transfer full) (nullable): the log, to free with activering_trajectory_free(); %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringTrajectory *activering_trajectory_new_from_data (ActiveringRuleSet *rules, const char *data, gssize length,
                                                           GError **error);

/**
 * activering_trajectory_parse:
 * @trajectory: the log to refill; what it held before is dropped
 * @data: (nullable): an `activering.trajectory/1` document (UTF-8 JSON); need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated (@data may be %NULL only with a @length
 *   of 0, which is an empty document)
 * @error: return location for a #GError, or %NULL
 *
 * Refills @trajectory from a document, against the rule set it was made with, reusing what it allocated for
 * earlier documents (the `_parse` of docs/api-conventions.md): a batch that refills one log per thread allocates
 * nothing per log once warmed up. The document is read exactly as by activering_trajectory_new_from_data(), with
 * the same errors. On error @trajectory is left empty: no id, no events.
 *
 * Returns: %TRUE on success; %FALSE with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_parse (ActiveringTrajectory *trajectory, const char *data, gssize length,
                                      GError **error);

/**
 * activering_trajectory_free:
 * @trajectory: (nullable) (transfer full): the log, or %NULL
 *
 * Frees @trajectory (%NULL is ignored). The rule set it holds a reference to is released.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_trajectory_free (ActiveringTrajectory *trajectory);

/**
 * activering_trajectory_get_id:
 * @trajectory: the log
 *
 * The dossier the log is about.
 *
 * Returns: (transfer none): the dossier's id, owned by @trajectory.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_get_id (const ActiveringTrajectory *trajectory);

/**
 * activering_trajectory_get_model:
 * @trajectory: the log
 *
 * The phase model the log names in its `model` member; after a handover, the current model is
 * activering_trajectory_report_get_current_model().
 *
 * Returns: (transfer none): the code of the phase model it starts in, owned by the rule set (valid as long as
 *   @trajectory).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_get_model (const ActiveringTrajectory *trajectory);

/**
 * activering_trajectory_get_n_events:
 * @trajectory: the log
 *
 * The number of events, the bound of the event getters' index.
 *
 * Returns: how many events the log holds.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_get_n_events (const ActiveringTrajectory *trajectory);

/**
 * activering_trajectory_get_event_type:
 * @trajectory: the log
 * @index: the event, 0 <= @index < activering_trajectory_get_n_events()
 *
 * What kind of event @index is.
 *
 * Returns: the type of event @index (%ACTIVERING_EVENT_NOTE for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringEventType activering_trajectory_get_event_type (const ActiveringTrajectory *trajectory, guint index);

/**
 * activering_trajectory_get_event_date:
 * @trajectory: the log
 * @index: the event, 0 <= @index < activering_trajectory_get_n_events()
 * @out: (out caller-allocates): the date to set
 *
 * Sets @out to the date of event @index (its `at`); left untouched for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_trajectory_get_event_date (const ActiveringTrajectory *trajectory, guint index, GDate *out);

/**
 * activering_trajectory_get_event_subject:
 * @trajectory: the log
 * @index: the event, 0 <= @index < activering_trajectory_get_n_events()
 *
 * What event @index is about: a phase or a measure.
 *
 * Returns: (transfer none) (nullable): the phase of an `open`, `reopen` or `enter_phase` event, the measure of a
 *   `start_measure` or `end_measure` event, or the role a `handover` hands over to (its `to`), as written, owned by
 *   @trajectory; %NULL for other events (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_get_event_subject (const ActiveringTrajectory *trajectory, guint index);

/**
 * activering_trajectory_get_event_reason:
 * @trajectory: the log
 * @index: the event, 0 <= @index < activering_trajectory_get_n_events()
 *
 * Why a measure ended or the trajectory closed (a snake_case reason code), or how a follow-up event went: the
 * `channel` of a `contact`, the `kind` of a `vdab_report` or `decision`. The text of a `note` is never returned.
 *
 * Returns: (transfer none) (nullable): the reason of an `end_measure` or `close` event, the channel or kind of a
 *   `contact`, `vdab_report` or `decision` event, owned by @trajectory; else %NULL (and for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_get_event_reason (const ActiveringTrajectory *trajectory, guint index);

/**
 * activering_trajectory_get_event_by:
 * @trajectory: the log
 * @index: the event, 0 <= @index < activering_trajectory_get_n_events()
 *
 * Who recorded event @index, as its optional `by` member says.
 *
 * Returns: (transfer none) (nullable): the role code of who recorded it, owned by @trajectory; %NULL if the event
 *   does not say (or for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_get_event_by (const ActiveringTrajectory *trajectory, guint index);

/**
 * activering_trajectory_append_event:
 * @trajectory: the log
 * @event: one event as a JSON object, e.g. `{"at": "2025-08-15", "type": "enter_phase", "phase": "screening"}`;
 *   need not be NUL-terminated
 * @length: its length in bytes, or -1 if NUL-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Appends an event to the log, if it is well-formed and would not be an error where it stands: out of date order,
 * after `close`, before `open`, an unknown phase, measure or role, a move the model does not allow, ending a
 * measure that does not run, and so on (the error-severity codes of docs/trajectories.md). Warnings do not
 * refuse an event.
 *
 * Returns: %TRUE if appended; else %FALSE with @error set (%ACTIVERING_ERROR_INVALID_VALUE and the violation's
 *   message for a refused event, or the parse error, as for activering_trajectory_new_from_data()), and the log
 *   unchanged.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_append_event (ActiveringTrajectory *trajectory, const char *event, gssize length,
                                             GError **error);

/**
 * activering_trajectory_append_json:
 * @trajectory: the log
 * @flags: #ActiveringJsonFlags
 * @out: the string the document is appended to
 *
 * Writes the log as an `activering.trajectory/1` document, `x_` members included: parsing a document and writing
 * it gives the same document (keys in the order of docs/trajectories.md).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_trajectory_append_json (const ActiveringTrajectory *trajectory, ActiveringJsonFlags flags,
                                        GString *out);

/**
 * activering_trajectory_to_json:
 * @trajectory: the log
 * @flags: #ActiveringJsonFlags
 *
 * Like activering_trajectory_append_json(), into a new string.
 *
 * Returns: (transfer full): the document, to free with g_free(). Never fails.
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_trajectory_to_json (const ActiveringTrajectory *trajectory, ActiveringJsonFlags flags);

/* ---- replay and report ---- */

/**
 * activering_trajectory_report_new:
 * @rules: the rule set of the trajectories to replay (a reference is kept)
 *
 * An empty report, to fill with activering_trajectory_report_run() before reading it (its documents fail with
 * %ACTIVERING_ERROR_USAGE until then).
 *
 * Returns: (transfer full): an empty report for trajectories of @rules; free with activering_trajectory_report_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringTrajectoryReport *activering_trajectory_report_new (ActiveringRuleSet *rules);

/**
 * activering_trajectory_report_free:
 * @report: (nullable) (transfer full): the report, or %NULL
 *
 * Frees @report (%NULL is ignored). The rule set it holds a reference to is released.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_trajectory_report_free (ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_run:
 * @report: the report to fill (its previous content is replaced)
 * @trajectory: the log, of the same rule set; it may be freed after the run
 * @facts: (nullable): the dossier's facts, of the same rule set, for the checks that need them (an obligation overdue,
 *   a measure that must end when a fact says so); without facts those checks are left out
 * @as_of: (nullable): the report date; %NULL for today. Later events are not replayed.
 * @error: return location for a #GError, or %NULL
 *
 * Replays @trajectory on @as_of. A log with errors still replays: events that are errors are reported and
 * otherwise skipped. A trajectory or facts of another rule set are a programmer's error (a critical, %FALSE).
 *
 * Returns: %TRUE; %FALSE with @error set only for an invalid date (%ACTIVERING_ERROR_USAGE: not valid, or after
 *   the year 9999).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_report_run (ActiveringTrajectoryReport *report, const ActiveringTrajectory *trajectory,
                                           const ActiveringFacts *facts, const GDate *as_of, GError **error);

/**
 * activering_trajectory_report_get_state:
 * @report: the report
 *
 * Whether the trajectory had opened, and had not closed, on the report date.
 *
 * Returns: where the trajectory stands on the report date.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringTrajectoryState activering_trajectory_report_get_state (const ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_get_current_phase:
 * @report: the report
 *
 * The phase the client is in on the report date.
 *
 * Returns: (transfer none) (nullable): the current (after a close: the last) phase's code, owned by the rule set;
 *   %NULL if not started.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_current_phase (const ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_get_current_model:
 * @report: the report
 *
 * The phase model of activering_trajectory_report_get_current_phase().
 *
 * Returns: (transfer none) (nullable): the model of the current phase (another model than the trajectory's after a
 *   handover), owned by the rule set; %NULL if not started.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_current_model (const ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_get_days_in_phase:
 * @report: the report
 * @phase: a phase code (of any of the rule set's phase models)
 *
 * How long the client has been in a phase, up to the report date.
 *
 * Returns: the calendar days spent in phase @phase (every visit added up; 0 for a phase never visited or unknown).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_report_get_days_in_phase (const ActiveringTrajectoryReport *report, const char *phase);

/**
 * activering_trajectory_report_get_days_in_measure:
 * @report: the report
 * @measure: a measure code
 *
 * How long a measure has run, up to the report date.
 *
 * Returns: the calendar days measure @measure ran (every run added up; 0 for a measure that never ran or is unknown).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_report_get_days_in_measure (const ActiveringTrajectoryReport *report,
                                                        const char *measure);

/**
 * activering_trajectory_report_get_n_open_measures:
 * @report: the report
 *
 * The number of measures running on the report date, the bound of activering_trajectory_report_get_open_measure()'s
 * index.
 *
 * Returns: how many measures run on the report date.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_report_get_n_open_measures (const ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_get_open_measure:
 * @report: the report
 * @index: the open measure, 0 <= @index < activering_trajectory_report_get_n_open_measures(); in the order the
 *   rule set declares the measures
 * @since: (out caller-allocates) (optional): set to the day the measure started, if not %NULL
 *
 * A measure running on the report date.
 *
 * Returns: (transfer none) (nullable): the code of open measure @index, owned by the rule set; %NULL for an index out
 *   of range (@since then untouched).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_open_measure (const ActiveringTrajectoryReport *report, guint index,
                                                           GDate *since);

/**
 * activering_trajectory_report_get_opened_on:
 * @report: the report
 * @date: (out caller-allocates) (optional): set to the day the trajectory was first opened, if not %NULL
 *
 * When the trajectory was first opened (the report's `indicators.opened_on`).
 *
 * Returns: %TRUE if it was opened by the report date (@date set); %FALSE if not started (@date untouched).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_report_get_opened_on (const ActiveringTrajectoryReport *report, GDate *date);

/**
 * activering_trajectory_report_get_close_reason:
 * @report: the report
 * @date: (out caller-allocates) (optional): set to the day it was closed, if not %NULL
 *
 * Why and when a closed trajectory was closed (the report's `indicators.close_reason` and `closed_on`).
 *
 * Returns: (transfer none) (nullable): the reason of the close, as the log gives it, owned by @report until its next
 *   run; %NULL if the trajectory is not closed on the report date (@date untouched).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_close_reason (const ActiveringTrajectoryReport *report, GDate *date);

/**
 * activering_trajectory_report_get_indicator_state:
 * @report: the report
 * @index: the indicator, 0 <= @index < activering_rule_set_get_n_trajectory_indicators()
 *
 * The value of trajectory indicator @index when it is a state (see "Trajectory indicators" in
 * docs/rule-language.md).
 *
 * Returns: (transfer none) (nullable): "met", "not_met", "pending", "not_applicable" or "undetermined", a static
 *   string; %NULL when the indicator is a number (see activering_trajectory_report_get_indicator_number()) or null,
 *   or for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_indicator_state (const ActiveringTrajectoryReport *report, guint index);

/**
 * activering_trajectory_report_get_indicator_number:
 * @report: the report
 * @index: the indicator, 0 <= @index < activering_rule_set_get_n_trajectory_indicators()
 * @value: (out) (optional): set to the number, if not %NULL
 *
 * The value of trajectory indicator @index when it is a number (days, a count, contacts per month).
 *
 * Returns: %TRUE if the indicator is a number (@value set); %FALSE when it is a state or null, or for an index out of
 *   range (@value untouched).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_report_get_indicator_number (const ActiveringTrajectoryReport *report, guint index,
                                                            double *value);

/**
 * activering_trajectory_report_get_n_next_steps:
 * @report: the report
 *
 * The number of next steps (the report's `next_steps`, see docs/trajectories.md), the bound of
 * activering_trajectory_report_get_next_step()'s index: the measures that fit the current phase or a later phase a
 * normal transition leads to. There are none unless the trajectory is open and was replayed with facts.
 *
 * Returns: how many next steps the report lists (0 when `next_steps` is null).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_report_get_n_next_steps (const ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_get_next_step:
 * @report: the report
 * @index: the next step, 0 <= @index < activering_trajectory_report_get_n_next_steps(); in the order the rule set
 *   declares the measures
 * @outcome: (out) (optional): set to the measure's eligibility on the facts on the report date, if not %NULL
 *
 * A measure the client could go on to.
 *
 * Returns: (transfer none) (nullable): the code of next step @index, owned by the rule set; %NULL for an index out of
 *   range (@outcome then untouched).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_next_step (const ActiveringTrajectoryReport *report, guint index,
                                                        ActiveringOutcome *outcome);

/**
 * activering_trajectory_report_get_n_violations:
 * @report: the report
 *
 * The number of violations, the bound of the violation getters' index.
 *
 * Returns: how many violations the replay found.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_report_get_n_violations (const ActiveringTrajectoryReport *report);

/**
 * activering_trajectory_report_get_violation_code:
 * @report: the report
 * @index: the violation, 0 <= @index < activering_trajectory_report_get_n_violations()
 *
 * What rule violation @index breaks (the codes of docs/trajectories.md).
 *
 * Returns: (transfer none) (nullable): the violation's code, e.g. "event_out_of_order", a static string; %NULL for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_trajectory_report_get_violation_code (const ActiveringTrajectoryReport *report, guint index);

/**
 * activering_trajectory_report_get_violation_event:
 * @report: the report
 * @index: the violation, 0 <= @index < activering_trajectory_report_get_n_violations()
 *
 * Where in the log violation @index is: for a limit over time, the event that started the measure; for an overdue
 * obligation, which no event causes, 0.
 *
 * Returns: the index of the event at fault (0 for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_trajectory_report_get_violation_event (const ActiveringTrajectoryReport *report, guint index);

/**
 * activering_trajectory_report_get_violation_severity:
 * @report: the report
 * @index: the violation, 0 <= @index < activering_trajectory_report_get_n_violations()
 *
 * How serious violation @index is.
 *
 * Returns: error or warning (%ACTIVERING_SEVERITY_ERROR for an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringSeverity activering_trajectory_report_get_violation_severity (const ActiveringTrajectoryReport *report,
                                                                        guint index);

/**
 * activering_trajectory_report_dup_violation_message:
 * @report: the report
 * @index: the violation, 0 <= @index < activering_trajectory_report_get_n_violations()
 * @lang: (nullable): a language of the rule set; %NULL for its first language
 *
 * Violation @index explained, for people.
 *
 * Returns: (transfer full) (nullable): the violation's message in @lang (%NULL: the rule set's first language), to
 *   free with g_free(); %NULL for an unknown language (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_trajectory_report_dup_violation_message (const ActiveringTrajectoryReport *report, guint index,
                                                          const char *lang);

/**
 * activering_trajectory_report_append_json:
 * @report: the report, after a run
 * @lang: (nullable): the language of the messages; %NULL for the rule set's first
 * @flags: #ActiveringJsonFlags
 * @out: the string the document is appended to (nothing on failure)
 * @error: return location for a #GError, or %NULL
 *
 * Writes the report as an `activering.trajectory-report/1` document.
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE) if nothing was run yet or @lang is not a
 *   language of the rule set.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_report_append_json (const ActiveringTrajectoryReport *report, const char *lang,
                                                   ActiveringJsonFlags flags, GString *out, GError **error);

/**
 * activering_trajectory_report_to_json:
 * @report: the report, after a run
 * @lang: (nullable): the language of the messages; %NULL for the rule set's first
 * @flags: #ActiveringJsonFlags
 * @error: return location for a #GError, or %NULL
 *
 * Like activering_trajectory_report_append_json(), into a new string.
 *
 * Returns: (transfer full) (nullable): the document, to free with g_free(); %NULL with @error set as for
 *   activering_trajectory_report_append_json().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_trajectory_report_to_json (const ActiveringTrajectoryReport *report, const char *lang,
                                            ActiveringJsonFlags flags, GError **error);

/* ---- diagrams ---- */

/**
 * activering_trajectory_report_append_dot:
 * @report: the report, after a run
 * @lang: (nullable): the language of the labels; %NULL for the rule set's first
 * @out: the string the DOT text is appended to (nothing on failure)
 * @error: return location for a #GError, or %NULL
 *
 * Draws the phase model (and, after a handover, the other one) as a Graphviz DOT digraph with the client's path on
 * it: visited phases filled, the current phase highlighted, measures on the phases where they ran, the moves
 * taken with their dates. Labels are in @lang.
 *
 * Returns: %TRUE; %FALSE with @error set as for activering_trajectory_report_append_json() (%ACTIVERING_ERROR_USAGE:
 *   nothing run yet, or a language the rule set lacks).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_trajectory_report_append_dot (const ActiveringTrajectoryReport *report, const char *lang,
                                                  GString *out, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringTrajectory, activering_trajectory_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringTrajectoryReport, activering_trajectory_report_free)

G_END_DECLS

#endif
