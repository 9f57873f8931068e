/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* baseline.h: "the speed of light" for bench-eval.
 *
 * The four measures of the default rule set (data/rules/be-vlaanderen.json: twe_ocmw, art60, ibo,
 * individueel_maatwerk), written out by hand in C over a plain struct of already-parsed facts, with the same
 * three-valued (Kleene) logic: a fact that is absent (unknown) or null (blank) makes the conditions that read it
 * unknown. Parameter values are constants here (those in force since the measures exist); this code is the
 * comparison point of the benchmark, not the product, and must be kept in step with the rule set by hand.
 *
 * The struct is filled from one `activering.facts/1` line by a small hand-written scanner that only knows the
 * keys the four measures read (everything else is skipped); it is meant for the generator's regular output and
 * checks little.
 */
#pragma once

#include <glib.h>

/* Outcomes, numbered like ActiveringOutcome. */
enum {
  BASELINE_ELIGIBLE = 0,
  BASELINE_NOT_ELIGIBLE = 1,
  BASELINE_UNDETERMINED = 2,
  BASELINE_NOT_APPLICABLE = 3,
};

/* The measures, in the order of the rule set. */
enum {
  BASELINE_TWE_OCMW,
  BASELINE_ART60,
  BASELINE_IBO,
  BASELINE_INDIVIDUEEL_MAATWERK,
  BASELINE_N_MEASURES
};

/* Fields: one bit each in BaselineFacts.known (set when the key is present and not null); booleans keep their
 * value in the same bit of BaselineFacts.bools. */
enum {
  BF_REGION,
  BF_DOMICILE_REGION,
  BF_LEGAL_RESIDENCE,              /* bool */
  BF_INCOME_STATUS,
  BF_FULL_UNEMPLOYMENT,            /* bool: social_security.full_unemployment_entitlement */
  BF_VDAB_REGISTERED,              /* bool */
  BF_VDAB_CATEGORY,
  BF_WORK_CAPACITY,
  BF_LACKS_WORK_EXPERIENCE,        /* bool */
  BF_LACKS_GENERIC_COMPETENCES,    /* bool */
  BF_READY_FOR_REGULAR_MARKET,     /* bool */
  BF_REGULAR_MARKET_WITHIN_MONTHS,
  BF_SOCIAL_ECONOMY_HIGHEST,       /* bool */
  BF_TECHNICAL_TRAINING_FIRST,     /* bool */
  BF_ARBEIDSBEPERKING,             /* bool */
  BF_INDICATION_DECIDED_BY,
  BF_INDICATION_DECIDED_ON,
  BF_INDICATION_VALID_UNTIL,
  BF_INDICATION_ADVICE,
  BF_MEASURES,                     /* the runs list */
  BF_IBO_WEEKS,
  BF_IBO_HOURS_FRACTION,
  BF_IBO_SEAT_REGION,
  BF_IBO_EMPLOYED_BEFORE,          /* bool */
  BF_IMW_EMPLOYER_KIND,
  BF_IMW_IN_DIFFICULTY,            /* bool */
  BF_IMW_START,
  BF_N_FIELDS
};

/* Enum codes (only those the conditions compare with need to be told apart; anything else is "other"). */
enum { BR_VLAANDEREN, BR_BRUSSEL, BR_WALLONIE, BR_OSTBELGIEN };
enum { BI_LEEFLOON, BI_EQUIVALENT_LEEFLOON, BI_OTHER };
enum { BC_NWWZ, BC_OTHER };
enum { BD_VDAB, BD_OCMW };
enum { BA_INDIVIDUEEL_MAATWERK, BA_COLLECTIEF_MAATWERK, BA_OTHER };
enum { BK_PRIVATE, BK_SCHOOL, BK_LOCAL_AUTHORITY, BK_OTHER_PUBLIC };
enum { BM_TWE_OCMW, BM_ART60, BM_OTHER };

#define BASELINE_MAX_RUNS 8
#define BASELINE_RUNNING G_MAXINT32

typedef struct {
  guint8 measure;   /* BM_* */
  gint32 start, end; /* days since 1970-01-01; end is BASELINE_RUNNING while the run goes on */
} BaselineRun;

typedef struct {
  guint32 known;    /* 1 << BF_* */
  guint32 bools;    /* 1 << BF_* for booleans that are true */
  gint32 as_of;     /* days since 1970-01-01 */
  guint8 region, domicile_region, income_status, vdab_category;
  guint8 indication_decided_by, indication_advice, ibo_seat_region, imw_employer_kind;
  guint8 n_runs;
  gint64 regular_market_within_months, ibo_weeks;
  double work_capacity, ibo_hours_fraction;
  gint32 indication_decided_on, indication_valid_until, imw_start;
  BaselineRun runs[BASELINE_MAX_RUNS];
} BaselineFacts;

/* Fills @facts from one facts document (@length bytes). FALSE if the scanner cannot read it. */
gboolean baseline_facts_fill (BaselineFacts *facts, const char *json, gsize length);

/* Evaluates the four measures on facts->as_of; @outcomes receives BASELINE_* per measure. */
void baseline_evaluate (const BaselineFacts *facts, guint8 outcomes[BASELINE_N_MEASURES]);

