/* trajectory-private.h: an event log, and the report of replaying it. */
#pragma once

#include "activering/activering.h"
#include "eval/evaluation-private.h"
#include "json/json-reader-private.h"
#include "rules/rule-set-private.h"

#define TRAJECTORY_DOCUMENT "trajectory"
#define TRAJECTORY_FORMAT "activering.trajectory/1"
#define TRAJECTORY_MAX_ID 256
#define TRAJECTORY_MAX_EVENTS 100000

/* A code the rule set did not know when the event was read. */
#define UNKNOWN_REF (-1)

typedef struct
{
  gint32 at;
  guint8 type;            /* ActiveringEventType */
  gint16 model;           /* phase events: the model the phase was found in, or UNKNOWN_REF */
  gint32 subject;         /* the phase (in model), the measure or a handover's `to` role, or UNKNOWN_REF */
  gint32 role;            /* the `by` role, UNKNOWN_REF, or -2 without `by` */
  const char *code;       /* phase or measure as written, a handover's `to`; NULL for other events */
  const char *model_code; /* `model` as written, or NULL */
  const char *reason;     /* end_measure and close: the reason; note: the text; contact: the channel;
                           * vdab_report and decision: the kind */
  const char *by, *actor;
  guint extras_first, n_extras; /* the event's `x_` members: pairs in the trajectory's extras */
} Event;

#define EVENT_NO_ROLE (-2)

struct _ActiveringTrajectory
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  const char *id;
  guint model;
  GPtrArray *own_extras; /* the document's `x_` members: key, compact JSON value, key, value, … */
  GPtrArray *extras;     /* the events' `x_` members, likewise (all strings in @strings) */
  GArray *events;        /* Event */
  GStringChunk *strings;
  ActiveringTrajectoryReport *scratch; /* for checking appended events; made when first needed */
};

/* ---- parsing (trajectory-parse.c) ---- */

ActiveringTrajectory *trajectory_alloc (ActiveringRuleSet *rules);
/* The same, with room for what a document of @size bytes holds. */
ActiveringTrajectory *trajectory_alloc_sized (ActiveringRuleSet *rules, gsize size);
/* Reads the event object at the reader's cursor into @event (strings copied into @t's chunk). */
gboolean trajectory_read_event (ActiveringTrajectory *t, JsonReader *R, Event *event);
/* Looks the event's codes up in the rule set (the phase in the trajectory's model or one joined to it). */
void trajectory_resolve_event (const ActiveringTrajectory *t, Event *event);

/* ---- replay (replay.c) ---- */

typedef struct
{
  guint16 model, phase;
  gint32 from, until; /* until: the last day, or G_MAXINT32 while current */
  guint event;
} Visit;

typedef struct
{
  guint measure;
  gint32 start, end; /* end: the last day, or G_MAXINT32 while running */
  guint event;
  const char *reason; /* owned by the report */
} MeasureRun;

typedef struct
{
  guint event;
  guint order; /* in the order found, for a stable sort by event */
  guint8 code; /* ViolationCode */
  gboolean is_error;
  gint16 check; /* index into rules->checks, or -1 */
  gint16 model; /* for {model}, {phase}, {from_phase}: -1 if none */
  gint16 phase, from_phase, from_model;
  gint32 measure; /* -1 if none */
  gint32 date, other_date, since, due, max, over_since;
  const char *code_text;  /* {code}: as written, owned by the report */
  const char *model_text; /* {model} when the model is unknown: as written */
} Violation;

typedef enum
{
  INDICATOR_MET,
  INDICATOR_NOT_MET,
  INDICATOR_PENDING,
  INDICATOR_NOT_APPLICABLE,
  INDICATOR_UNDETERMINED,
  INDICATOR_VALUE, /* a number: the report's indicator_values */
  INDICATOR_NULL   /* no value (e.g. days since the last contact when there was none) */
} IndicatorState;

/* A period the trajectory was open: from an open or reopen to a close (inclusive) or STILL. */
typedef struct
{
  gint32 from, until;
  guint event;
} OpenSpan;

/* The rule set's codes in a compact report, written once (report-compact.c). */
typedef struct _ReportPieces ReportPieces;

struct _ActiveringTrajectoryReport
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  gboolean has_run;
  GString *id;
  guint model;
  gint32 as_of;
  ActiveringTrajectoryState state;
  gint current_model, current_phase;             /* -1 if not started */
  gint32 opened_on, closed_on, first_measure_on; /* G_MININT32 if none */
  GString *close_reason;
  GArray *visits, *runs, *violations; /* Visit, MeasureRun, Violation */
  guint *phase_base;                  /* per model: the first of its phases in days_per_phase */
  guint *days_per_phase;
  guint *days_per_measure;
  gint *running; /* per measure: index into runs, or -1 */
  IndicatorState *indicators;
  double *indicator_values;         /* for INDICATOR_VALUE; for a `not_reopened` indicator with a close that
                                     * counts (any state but not_applicable), the day of that close */
  GArray *accepted;                 /* guint: the events replayed without a state error, in order */
  GArray *spans;                    /* OpenSpan */
  gboolean has_next_steps;          /* open, with facts: next_outcomes holds the outcome of every measure */
  ActiveringOutcome *next_outcomes;
  GStringChunk *strings;            /* reasons and unknown codes, cleared per run */
  ActiveringEvaluation *evaluation; /* for the checks on facts; made when first needed */
  ReportPieces *pieces;             /* made on the first replay */
};

/* Replays the events [0, n_events) of @t into @report on @as_of; @facts may be NULL. */
void trajectory_replay (ActiveringTrajectoryReport *report, const ActiveringTrajectory *t, guint n_events,
                        const ActiveringFacts *facts, gint32 as_of);

/* ---- messages and output (report.c) ---- */

/* The language index for @lang, or -1 with @error set; also refuses a report that has not run. */
int trajectory_report_language (const ActiveringTrajectoryReport *report, const char *lang, GError **error);

/* Appends the message of violation @v in language @language. */
void violation_append_message (const ActiveringTrajectoryReport *report, const Violation *v, int language,
                               GString *out);

/* The label of phase @phase of @model in @language. */
const char *phase_label (const ActiveringRuleSet *rules, guint model, guint phase, int language);

/* ---- the compact document's bulk (report-compact.c) ---- */

ReportPieces *report_pieces_new (const ActiveringTrajectoryReport *report);
void report_pieces_free (ReportPieces *pieces);
/* The value of "open_measures" and the members after it up to "runs" included, compact (after a replay). */
void report_compact_append_middle (const ActiveringTrajectoryReport *report, GString *out);
gboolean trajectory_report_visited (const ActiveringTrajectoryReport *report, guint model, guint phase);
