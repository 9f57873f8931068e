/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* caseload-private.h: the caseload accumulator, its survival histograms, couples and the summary both writers
 * read (docs/caseload-report.md). */
#pragma once

#include "activering/activering.h"
#include "json/json-writer-private.h"
#include "rules/rule-set-private.h"

#define CASELOAD_DOCUMENT "caseload report"
#define CASELOAD_FORMAT "activering.caseload-report/1"
/* Counts from 1 to this minus one are written "<5". */
#define CASELOAD_SMALL_CELL 5
/* The survival curves are written at day 0 and every this many days. */
#define CASELOAD_CURVE_STEP 30

/* ---- survival estimates (survival.c) ---- */

/* Durations of 0 to SURVIVAL_MAX_DAY days are counted per day; longer ones in one overflow bucket after them. */
#define SURVIVAL_MAX_DAY 3652

/* Events and censorings per day: what Kaplan–Meier needs for day-resolution data, in memory that does not grow. */
typedef struct
{
  guint64 n;
  guint32 events[SURVIVAL_MAX_DAY + 2];
  guint32 censored[SURVIVAL_MAX_DAY + 2];
} Survival;

typedef struct
{
  guint day;
  guint64 at_risk;
  double survival;
} CurvePoint;

#define QUARTILE_NOT_REACHED (-1)

typedef struct
{
  guint64 n, events, censored;
  gint quartiles[3]; /* q1, median, q3 in days, or QUARTILE_NOT_REACHED */
  GArray *curve;     /* CurvePoint, while at least CASELOAD_SMALL_CELL are at risk */
} Estimate;

/* A duration of @days (negative ones count as 0), ending in an event or censored. */
void survival_add (Survival *survival, gint64 days, gboolean event);
/* The Kaplan–Meier estimate of @survival (NULL: nothing added) into @out; free it with estimate_clear(). */
void survival_estimate (const Survival *survival, Estimate *out);
void estimate_clear (Estimate *estimate);

/* ---- couples (couples.c) ---- */

enum
{
  DOSSIER_OPEN = 1 << 0,          /* a trajectory open on the report date */
  DOSSIER_STATUS_KNOWN = 1 << 1,  /* its facts give the income status */
  DOSSIER_ON_BENEFIT = 1 << 2,    /* … and it is leefloon or equivalent */
  DOSSIER_FLAGS = 7
};

/* Dossiers by a 64-bit hash of their id (its low three bits hold the flags above), in an open-addressing table
 * at most half full, and the (open dossier, partner) pairs to look up at the end. */
typedef struct
{
  guint64 *slots;
  gsize capacity, used;
  GArray *pairs; /* guint64[2]: the open dossier's hash, its partner's */
} Couples;

guint64 couples_hash (const char *id);
void couples_init (Couples *couples);
void couples_clear (Couples *couples);
void couples_mark (Couples *couples, guint64 hash, guint flags);
void couples_add_pair (Couples *couples, guint64 hash, guint64 partner);
/* The flags of the dossier with @hash, or -1 if it was never marked. */
int couples_lookup (const Couples *couples, guint64 hash);

/* ---- the settings: what the report reads from the rule set, and its texts (settings.c) ---- */

typedef enum
{
  TEXT_TITLE,
  TEXT_AS_OF,
  TEXT_BY_QUARTER,
  TEXT_BY_MONTH,
  TEXT_BY_YEAR,
  TEXT_NOTE_CENSORED,
  TEXT_NOTE_NULL_QUARTILE,
  TEXT_NOTE_SMALL_CELLS,
  TEXT_SECTION_DOSSIERS,
  TEXT_SECTION_COHORTS,
  TEXT_SECTION_OUTFLOW,
  TEXT_SECTION_PHASES,
  TEXT_SECTION_MEASURES,
  TEXT_SECTION_CONTACT_GAP,
  TEXT_SECTION_FOLLOW_UP,
  TEXT_SECTION_DATA_QUALITY,
  TEXT_AXIS_DAYS_SINCE_OPENING,
  TEXT_AXIS_SHARE_LASTING_OUTFLOW,
  TEXT_AXIS_DAYS,
  TEXT_AXIS_PHASE,
  TEXT_AXIS_MEASURE,
  TEXT_AXIS_DOSSIERS,
  TEXT_AXIS_DAYS_SINCE_LAST_CONTACT,
  TEXT_LEGEND_ELIGIBLE,
  TEXT_LEGEND_RAN,
  TEXT_LEGEND_ELIGIBLE_NEVER_RAN,
  TEXT_LEGEND_QUARTILES,
  TEXT_LEGEND_MEDIAN,
  TEXT_LEGEND_NOT_REACHED,
  TEXT_COL_PERIOD,
  TEXT_COL_TRAJECTORIES,
  TEXT_COL_OPEN,
  TEXT_COL_CLOSED,
  TEXT_COL_MEDIAN_FIRST_MEASURE,
  TEXT_COL_LASTING_OUTFLOW_RATE,
  TEXT_COL_REENTRY_RATE,
  TEXT_COL_TIMELY_WORK_RATE,
  TEXT_COL_FACT,
  TEXT_COL_DOSSIERS,
  TEXT_COL_DECISIONS,
  TEXT_COL_SUPPLIED_BY,
  TEXT_COL_ACTORS,
  TEXT_COL_PHASE,
  TEXT_COL_AT_RISK,
  TEXT_COL_Q1,
  TEXT_COL_MEDIAN,
  TEXT_COL_Q3,
  TEXT_ROW_TOTAL,
  TEXT_ROW_TRAJECTORIES,
  TEXT_ROW_FACTS_ONLY,
  TEXT_ROW_WITH_FACTS,
  TEXT_ROW_NOT_STARTED,
  TEXT_ROW_OPEN,
  TEXT_ROW_CLOSED,
  TEXT_ROW_BAD_LINES,
  TEXT_ROW_NO_CONTACT,
  TEXT_ROW_CONTACT_WARNED,
  TEXT_ROW_REPORTS_WITHOUT_DECISION,
  TEXT_ROW_OPEN_WITH_PARTNER,
  TEXT_ROW_COUPLES_FLAGGED,
  TEXT_ROW_PARTNER_UNKNOWN,
  TEXT_NONE,
  TEXT_OTHER_FACTS,
  TEXT_NO_CONTACT_BIN,
  N_CASELOAD_TEXTS
} CaseloadText;

#define CASELOAD_MAX_BINS 16

typedef struct
{
  /* into rules->indicators, rules->checks and rules->facts; -1 where the rule set lacks the code */
  int lasting_outflow, reentries, timely_work, days_since_last_contact;
  int contact_gap_check, no_decision_check;
  int partner_fact, benefit_fact;
  guint32 benefit_values[8]; /* symbol ids */
  guint n_benefit_values;
  guint bins[CASELOAD_MAX_BINS]; /* lower ends, ascending, the first 0 */
  guint n_bins;
  char **languages; /* the texts' languages */
  char ***texts;    /* [language][CaseloadText] */
} CaseloadSettings;

/* Reads the embedded data/report/caseload-report.json against @rules; NULL with @error for a broken file. */
CaseloadSettings *caseload_settings_new (const ActiveringRuleSet *rules, GError **error);
void caseload_settings_free (CaseloadSettings *settings);
/* The index of @lang among the texts' languages, or -1. */
int caseload_settings_language (const CaseloadSettings *settings, const char *lang);

/* ---- the accumulator (caseload.c) ---- */

typedef struct
{
  gint32 key; /* the period: see caseload_period_of() */
  guint64 trajectories, open, closed;
  guint64 *phase_now;  /* per phase (the trajectory report's phase_base numbering), the open ones */
  Survival *first_measure, *lasting_outflow;
  Survival **in_phase; /* per phase, made when first needed */
  guint64 lasting_met, lasting_pending, lasting_not_met;
  guint64 ever_closed, reentered;
  guint64 timely_met, timely_not_met, timely_pending;
} Cohort;

struct _ActiveringCaseload
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  CaseloadSettings *settings;
  gint32 as_of;
  ActiveringCaseloadPeriod by;
  gboolean list_ids, has_added;
  GHashTable *actors; /* role code → GPtrArray of actor ids, with an organisation; else NULL */
  guint *phase_base;  /* per model: its first phase in the numbering of all phases */
  guint n_phases;

  guint64 total, trajectories, facts_only, with_facts, not_started, open, closed, bad_lines;
  GHashTable *cohorts; /* key → Cohort */
  Cohort all;

  guint64 measure_population;
  guint64 *eligible, *undetermined, *ran, *eligible_never_ran; /* per measure */
  guint8 *ran_scratch;

  guint64 gap_population, no_contact, gap_warned;
  guint64 gap_bins[CASELOAD_MAX_BINS];
  guint64 no_decision_trajectories, no_decision_reports;
  guint64 open_with_partner;
  Couples couples;

  guint64 *fact_dossiers, *fact_decisions; /* per fact slot */
  guint32 *fact_stamp;                     /* per fact slot: the dossier that last counted it */
  guint32 stamp;

  /* --list-ids */
  GStringChunk *id_strings;
  GPtrArray *ids_no_decision, *ids_gap_warned, *ids_pairs; /* pairs: open id, partner id, … */
  GPtrArray **ids_never_ran;                                /* per measure */
};

/* The period @day falls in, as a sortable key, and its first and last day and name. */
gint32 caseload_period_of (ActiveringCaseloadPeriod by, gint32 day);
void caseload_period_describe (ActiveringCaseloadPeriod by, gint32 key, gint32 *from, gint32 *until, char name[16]);
const char *caseload_period_to_string (ActiveringCaseloadPeriod by);

/* ---- the summary: every figure of the report, computed once for both writers (summary.c) ---- */

typedef struct
{
  guint phase; /* in the numbering of all phases */
  guint model, model_phase;
  Estimate estimate;
} PhaseEstimate;

typedef struct
{
  const Cohort *cohort;
  char name[16]; /* "2025-Q3", or "all" */
  gint32 from, until;
  Estimate first_measure, lasting_outflow;
  GArray *phases; /* PhaseEstimate, of the phases with visits */
} CohortSummary;

typedef struct
{
  guint fact;
  guint64 dossiers, decisions;
} FactRow;

typedef struct
{
  const ActiveringCaseload *caseload;
  GPtrArray *cohorts; /* CohortSummary, by period, then "all" */
  GArray *facts;      /* FactRow, sorted, those in CASELOAD_SMALL_CELL dossiers or more */
  guint64 facts_other;
  guint64 couples_flagged, partner_unknown;
  GPtrArray *flagged_ids; /* with --list-ids: open id, partner id, … sorted by pair */
} CaseloadSummary;

CaseloadSummary *caseload_summary_new (const ActiveringCaseload *caseload);
void caseload_summary_free (CaseloadSummary *summary);

/* The language of a document: its index in the rule set (into Text) and in the settings' texts; FALSE with
 * @error (USAGE) if either lacks it. */
gboolean caseload_languages (const ActiveringCaseload *caseload, const char *lang, int *rules_language,
                             int *text_language, GError **error);

/* The small-cell rule, in one place. */
static inline gboolean
caseload_is_small (guint64 n)
{
  return n > 0 && n < CASELOAD_SMALL_CELL;
}

typedef enum
{
  RATE_NULL,  /* no denominator */
  RATE_SMALL, /* derived from a small cell: "<5" */
  RATE_VALUE
} RateState;

RateState caseload_rate (guint64 numerator, guint64 denominator, double *rate);

/* ---- writers (caseload-json.c, caseload-html.c) ---- */

/* A count under the small-cell rule. */
void caseload_write_count (JsonWriter *w, guint64 n);
