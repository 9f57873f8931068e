/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* baseline.c: the first four measures of the default rule set, by hand (see baseline.h). */
#include "config.h"

#include <string.h>
#include <time.h>

#include "baseline.h"
#include "util/dates-private.h"

/* ---- dates: the library's own calendar arithmetic (compiled in), so both sides count days alike ---- */

static gint32
add_years (gint32 date, int years)
{
  gboolean ok;
  return activering_add_months (date, 12 * (gint64) years, &ok);
}

/* Dates the rule set names (days since 1970-01-01). */
#define D_2017_01_01 17167 /* twe_ocmw valid_from; art60's twe_framework */
#define D_2018_12_31 17896 /* the end of the old art. 60 regime for contracts started before 2017 */
#define D_2018_09_01 17775 /* ibo encoded_from: the 2018 reform */
#define D_2023_07_01 19539 /* individueel_maatwerk valid_from */

/* Parameters in force since the measures exist. */
#define TWE_MIN_WORK_CAPACITY 0.5
#define TWE_LEARNING_HORIZON_MONTHS 24
#define IBO_MIN_WEEKS 4
#define IBO_MAX_WEEKS 26
#define IBO_MIN_HOURS_FRACTION 0.5
#define IMW_INDICATION_MAX_YEARS 5

/* ---- three-valued logic: bit 0 "may be true", bit 1 "may be false" ---- */

#define KT 1u
#define KF 2u
#define KU 3u

static inline guint
k_and (guint a, guint b)
{
  return ((a & b) & 1u) | ((a | b) & 2u);
}

static inline guint
k_or (guint a, guint b)
{
  return ((a | b) & 1u) | ((a & b) & 2u);
}

static inline guint
k_of (guint known, gboolean value)
{
  return known ? (value ? KT : KF) : KU;
}

#define KNOWN(f, bit) (((f)->known >> (bit)) & 1u)
#define BOOL_IS(f, bit, want) k_of (KNOWN (f, bit), (((f)->bools >> (bit)) & 1u) == (want))

static const guint8 outcome_of_truth[4] = { BASELINE_UNDETERMINED, BASELINE_ELIGIBLE, BASELINE_NOT_ELIGIBLE,
                                            BASELINE_UNDETERMINED };

/* The outcome of a measure that exists on the date: unknown region → undetermined (rule-language.md,
 * "exists"), a region outside the list → not applicable, else Kleene and of the conditions.
 * Note: the library differs when the region is unknown AND a condition is false: it takes the Kleene and of
 * the exists node and the conditions, so it answers not_eligible there. The generated caseloads always carry
 * a region, so the comparison in bench-eval never meets that case. */
#define EXISTS_IN(f, in_list)                                                                               \
  do                                                                                                        \
    {                                                                                                       \
      if (!KNOWN (f, BF_REGION))                                                                            \
        return BASELINE_UNDETERMINED;                                                                       \
      if (!(in_list))                                                                                       \
        return BASELINE_NOT_APPLICABLE;                                                                     \
    }                                                                                                       \
  while (0)

static inline guint
social_assistance (const BaselineFacts *f)
{
  return k_of (KNOWN (f, BF_INCOME_STATUS), f->income_status <= BI_EQUIVALENT_LEEFLOON);
}

/* twe_running: a twe_ocmw run going on on the evaluation date. */
static inline guint
twe_running (const BaselineFacts *f)
{
  if (!KNOWN (f, BF_MEASURES))
    return KU;
  for (guint i = 0; i < f->n_runs; i++)
    {
      const BaselineRun *r = &f->runs[i];
      if (r->measure == BM_TWE_OCMW && r->start <= f->as_of && r->end >= f->as_of)
        return KT;
    }
  return KF;
}

/* art60_old_regime: an art. 60 run started before 2017 is still going on, up to the end of 2018. */
static inline guint
art60_old_regime (const BaselineFacts *f)
{
  if (f->as_of > D_2018_12_31)
    return KF;
  if (!KNOWN (f, BF_MEASURES))
    return KU;
  gint32 latest = G_MININT32;
  for (guint i = 0; i < f->n_runs; i++)
    {
      const BaselineRun *r = &f->runs[i];
      if (r->measure == BM_ART60 && r->start <= f->as_of && r->end >= f->as_of && r->start > latest)
        latest = r->start;
    }
  return latest != G_MININT32 && latest < D_2017_01_01 ? KT : KF;
}

static guint8
twe_ocmw (const BaselineFacts *f)
{
  if (f->as_of < D_2017_01_01)
    return BASELINE_NOT_APPLICABLE;
  EXISTS_IN (f, f->region == BR_VLAANDEREN);
  guint t = social_assistance (f);
  t = k_and (t, BOOL_IS (f, BF_VDAB_REGISTERED, TRUE));
  t = k_and (t, BOOL_IS (f, BF_LACKS_WORK_EXPERIENCE, TRUE));
  t = k_and (t, BOOL_IS (f, BF_LACKS_GENERIC_COMPETENCES, TRUE));
  t = k_and (t, BOOL_IS (f, BF_READY_FOR_REGULAR_MARKET, FALSE));
  t = k_and (t, k_of (KNOWN (f, BF_REGULAR_MARKET_WITHIN_MONTHS),
                      f->regular_market_within_months <= TWE_LEARNING_HORIZON_MONTHS));
  t = k_and (t, k_of (KNOWN (f, BF_WORK_CAPACITY), f->work_capacity >= TWE_MIN_WORK_CAPACITY));
  t = k_and (t, BOOL_IS (f, BF_SOCIAL_ECONOMY_HIGHEST, FALSE));
  t = k_and (t, BOOL_IS (f, BF_TECHNICAL_TRAINING_FIRST, FALSE));
  return outcome_of_truth[t];
}

static guint8
art60 (const BaselineFacts *f, guint8 twe_outcome)
{
  /* exists everywhere, always; the status and the TWE framework apply only in Flanders ("not applies or when") */
  guint twe = twe_outcome == BASELINE_ELIGIBLE ? KT : twe_outcome == BASELINE_UNDETERMINED ? KU : KF;
  guint elsewhere = k_of (KNOWN (f, BF_REGION), f->region != BR_VLAANDEREN);
  guint framework = f->as_of < D_2017_01_01 ? KT : KF;
  framework = k_or (framework, art60_old_regime (f));
  framework = k_or (framework, twe);
  framework = k_or (framework, twe_running (f));
  guint t = k_or (elsewhere, social_assistance (f));
  t = k_and (t, BOOL_IS (f, BF_FULL_UNEMPLOYMENT, FALSE));
  t = k_and (t, k_or (elsewhere, framework));
  return outcome_of_truth[t];
}

static guint8
ibo (const BaselineFacts *f)
{
  gboolean listed = f->region == BR_VLAANDEREN || f->region == BR_BRUSSEL;
  if (f->as_of < D_2018_09_01) /* the regime before the reform is not encoded: undetermined wherever it existed */
    return KNOWN (f, BF_REGION) && !listed ? BASELINE_NOT_APPLICABLE : BASELINE_UNDETERMINED;
  EXISTS_IN (f, listed);
  guint t = k_and (BOOL_IS (f, BF_VDAB_REGISTERED, TRUE), k_of (KNOWN (f, BF_VDAB_CATEGORY), f->vdab_category == BC_NWWZ));
  t = k_and (t, BOOL_IS (f, BF_LEGAL_RESIDENCE, TRUE));
  t = k_and (t, k_of (KNOWN (f, BF_IBO_WEEKS), f->ibo_weeks >= IBO_MIN_WEEKS && f->ibo_weeks <= IBO_MAX_WEEKS));
  t = k_and (t, k_of (KNOWN (f, BF_IBO_HOURS_FRACTION), f->ibo_hours_fraction >= IBO_MIN_HOURS_FRACTION));
  t = k_and (t, k_of (KNOWN (f, BF_IBO_SEAT_REGION),
                      f->ibo_seat_region == BR_VLAANDEREN || f->ibo_seat_region == BR_BRUSSEL));
  t = k_and (t, BOOL_IS (f, BF_IBO_EMPLOYED_BEFORE, FALSE));
  return outcome_of_truth[t];
}

static guint8
individueel_maatwerk (const BaselineFacts *f)
{
  if (f->as_of < D_2023_07_01)
    return BASELINE_NOT_APPLICABLE;
  EXISTS_IN (f, f->region == BR_VLAANDEREN);
  guint t = k_of (KNOWN (f, BF_DOMICILE_REGION), f->domicile_region == BR_VLAANDEREN);
  t = k_and (t, BOOL_IS (f, BF_ARBEIDSBEPERKING, TRUE));
  t = k_and (t, k_of (KNOWN (f, BF_INDICATION_DECIDED_BY), f->indication_decided_by == BD_VDAB));
  t = k_and (t, k_of (KNOWN (f, BF_INDICATION_ADVICE), f->indication_advice != BA_OTHER));
  /* judged on the proposed start when there is one (a blank start, which the generator never writes, is read as
   * absent here) */
  gint32 on = KNOWN (f, BF_IMW_START) ? f->imw_start : f->as_of;
  guint valid = k_of (KNOWN (f, BF_INDICATION_VALID_UNTIL), on <= f->indication_valid_until);
  if (KNOWN (f, BF_INDICATION_DECIDED_ON))
    valid = k_and (valid, on < add_years (f->indication_decided_on, IMW_INDICATION_MAX_YEARS) ? KT : KF);
  else
    valid = k_and (valid, KU);
  t = k_and (t, valid);
  t = k_and (t, k_of (KNOWN (f, BF_IMW_EMPLOYER_KIND), f->imw_employer_kind != BK_OTHER_PUBLIC));
  t = k_and (t, BOOL_IS (f, BF_IMW_IN_DIFFICULTY, FALSE));
  return outcome_of_truth[t];
}

void
baseline_evaluate (const BaselineFacts *f, guint8 outcomes[BASELINE_N_MEASURES])
{
  outcomes[BASELINE_TWE_OCMW] = twe_ocmw (f);
  outcomes[BASELINE_ART60] = art60 (f, outcomes[BASELINE_TWE_OCMW]);
  outcomes[BASELINE_IBO] = ibo (f);
  outcomes[BASELINE_INDIVIDUEEL_MAATWERK] = individueel_maatwerk (f);
}

/* ---- the scanner ---- */

typedef enum { L_BOOL, L_INTEGER, L_NUMBER, L_DATE, L_ENUM, L_RUNS, L_AS_OF } LeafKind;

static const char *const REGIONS[] = { "vlaanderen", "brussel", "wallonie", "ostbelgien", NULL };
static const char *const INCOME[] = { "leefloon", "equivalent_leefloon", NULL };
static const char *const CATEGORY[] = { "nwwz", NULL };
static const char *const DECIDED_BY[] = { "vdab", "ocmw", NULL };
static const char *const ADVICE[] = { "individueel_maatwerk", "collectief_maatwerk", NULL };
static const char *const KIND[] = { "private", "school", "local_authority", "other_public", NULL };

typedef struct {
  const char *path;
  guint8 field;
  guint8 kind;
  const char *const *codes; /* L_ENUM: the codes told apart, by number */
  guint8 other;             /* L_ENUM: the number for any other code, or 255 to refuse it */
  gsize offset;             /* where the value goes in BaselineFacts */
} Leaf;

#define AT(member) G_STRUCT_OFFSET (BaselineFacts, member)

static const Leaf LEAVES[] = {
  { "as_of", 0, L_AS_OF, NULL, 0, AT (as_of) },
  { "region", BF_REGION, L_ENUM, REGIONS, 255, AT (region) },
  { "person.domicile_region", BF_DOMICILE_REGION, L_ENUM, REGIONS, 255, AT (domicile_region) },
  { "person.legal_residence", BF_LEGAL_RESIDENCE, L_BOOL, NULL, 0, 0 },
  { "income.status", BF_INCOME_STATUS, L_ENUM, INCOME, BI_OTHER, AT (income_status) },
  { "social_security.full_unemployment_entitlement", BF_FULL_UNEMPLOYMENT, L_BOOL, NULL, 0, 0 },
  { "vdab.registered", BF_VDAB_REGISTERED, L_BOOL, NULL, 0, 0 },
  { "vdab.category", BF_VDAB_CATEGORY, L_ENUM, CATEGORY, BC_OTHER, AT (vdab_category) },
  { "work_capacity", BF_WORK_CAPACITY, L_NUMBER, NULL, 0, AT (work_capacity) },
  { "assessment.lacks_work_experience", BF_LACKS_WORK_EXPERIENCE, L_BOOL, NULL, 0, 0 },
  { "assessment.lacks_generic_competences", BF_LACKS_GENERIC_COMPETENCES, L_BOOL, NULL, 0, 0 },
  { "assessment.ready_for_regular_labour_market", BF_READY_FOR_REGULAR_MARKET, L_BOOL, NULL, 0, 0 },
  { "assessment.regular_labour_market_within_months", BF_REGULAR_MARKET_WITHIN_MONTHS, L_INTEGER, NULL, 0,
    AT (regular_market_within_months) },
  { "assessment.social_economy_highest_achievable", BF_SOCIAL_ECONOMY_HIGHEST, L_BOOL, NULL, 0, 0 },
  { "assessment.technical_training_first", BF_TECHNICAL_TRAINING_FIRST, L_BOOL, NULL, 0, 0 },
  { "indication.arbeidsbeperking", BF_ARBEIDSBEPERKING, L_BOOL, NULL, 0, 0 },
  { "indication.decided_by", BF_INDICATION_DECIDED_BY, L_ENUM, DECIDED_BY, 255, AT (indication_decided_by) },
  { "indication.decided_on", BF_INDICATION_DECIDED_ON, L_DATE, NULL, 0, AT (indication_decided_on) },
  { "indication.valid_until", BF_INDICATION_VALID_UNTIL, L_DATE, NULL, 0, AT (indication_valid_until) },
  { "indication.advice", BF_INDICATION_ADVICE, L_ENUM, ADVICE, BA_OTHER, AT (indication_advice) },
  { "measures", BF_MEASURES, L_RUNS, NULL, 0, 0 },
  { "proposals.ibo.weeks", BF_IBO_WEEKS, L_INTEGER, NULL, 0, AT (ibo_weeks) },
  { "proposals.ibo.hours_fraction", BF_IBO_HOURS_FRACTION, L_NUMBER, NULL, 0, AT (ibo_hours_fraction) },
  { "proposals.ibo.employer.seat_region", BF_IBO_SEAT_REGION, L_ENUM, REGIONS, 255, AT (ibo_seat_region) },
  { "proposals.ibo.employer.employed_trainee_before", BF_IBO_EMPLOYED_BEFORE, L_BOOL, NULL, 0, 0 },
  { "proposals.individueel_maatwerk.employer.kind", BF_IMW_EMPLOYER_KIND, L_ENUM, KIND, 255, AT (imw_employer_kind) },
  { "proposals.individueel_maatwerk.employer.in_difficulty", BF_IMW_IN_DIFFICULTY, L_BOOL, NULL, 0, 0 },
  { "proposals.individueel_maatwerk.start", BF_IMW_START, L_DATE, NULL, 0, AT (imw_start) },
};

typedef struct {
  const char *p, *end;
  BaselineFacts *f;
  char path[128];
  gsize len;
  int depth;
} Scan;

static void
ws (Scan *S)
{
  while (S->p < S->end && (*S->p == ' ' || *S->p == '\t' || *S->p == '\n' || *S->p == '\r'))
    S->p++;
}

/* At a '"': the raw text between the quotes (escapes left as they are). */
static gboolean
string (Scan *S, const char **text, gsize *len)
{
  if (S->p >= S->end || *S->p != '"')
    return FALSE;
  const char *start = ++S->p;
  while (S->p < S->end && *S->p != '"')
    S->p += *S->p == '\\' ? 2 : 1;
  if (S->p >= S->end)
    return FALSE;
  *text = start;
  *len = (gsize) (S->p - start);
  S->p++;
  return TRUE;
}

static gboolean
is (const char *text, gsize len, const char *word)
{
  return strlen (word) == len && memcmp (text, word, len) == 0;
}

static gboolean
date (const char *s, gsize len, gint32 *out)
{
  return activering_parse_date (s, len, out);
}

/* A number token: its text (copied, NUL-terminated, into @buf). */
static gboolean
number (Scan *S, char buf[64])
{
  const char *start = S->p;
  while (S->p < S->end && (g_ascii_isdigit (*S->p) || *S->p == '-' || *S->p == '+' || *S->p == '.' || *S->p == 'e'
                           || *S->p == 'E'))
    S->p++;
  gsize len = (gsize) (S->p - start);
  if (len == 0 || len >= 64)
    return FALSE;
  memcpy (buf, start, len);
  buf[len] = '\0';
  return TRUE;
}

static gboolean value (Scan *S, const Leaf *leaf);

/* "measures": [{"measure": code, "start": date, "end": date|null, "hours_fraction": n}, …] */
static gboolean
runs (Scan *S)
{
  BaselineFacts *f = S->f;
  S->p++; /* '[' */
  ws (S);
  if (S->p < S->end && *S->p == ']')
    {
      S->p++;
      f->known |= 1u << BF_MEASURES;
      return TRUE;
    }
  while (TRUE)
    {
      ws (S);
      if (S->p >= S->end || *S->p != '{' || f->n_runs >= BASELINE_MAX_RUNS)
        return FALSE;
      BaselineRun *run = &f->runs[f->n_runs++];
      run->measure = BM_OTHER;
      run->start = G_MININT32;
      run->end = BASELINE_RUNNING;
      S->p++;
      while (TRUE)
        {
          const char *key, *text;
          gsize key_len, len;
          ws (S);
          if (!string (S, &key, &key_len))
            return FALSE;
          ws (S);
          if (S->p >= S->end || *S->p++ != ':')
            return FALSE;
          ws (S);
          if (is (key, key_len, "measure"))
            {
              if (!string (S, &text, &len))
                return FALSE;
              run->measure = is (text, len, "twe_ocmw") ? BM_TWE_OCMW : is (text, len, "art60") ? BM_ART60 : BM_OTHER;
            }
          else if ((is (key, key_len, "start") || is (key, key_len, "end")) && S->p < S->end && *S->p == '"')
            {
              if (!string (S, &text, &len) || !date (text, len, key_len == 5 ? &run->start : &run->end))
                return FALSE;
            }
          else if (!value (S, NULL))
            return FALSE;
          ws (S);
          if (S->p < S->end && *S->p == ',')
            {
              S->p++;
              continue;
            }
          if (S->p < S->end && *S->p == '}')
            {
              S->p++;
              break;
            }
          return FALSE;
        }
      if (run->start == G_MININT32)
        return FALSE;
      ws (S);
      if (S->p < S->end && *S->p == ',')
        {
          S->p++;
          continue;
        }
      if (S->p < S->end && *S->p == ']')
        {
          S->p++;
          f->known |= 1u << BF_MEASURES;
          return TRUE;
        }
      return FALSE;
    }
}

static const Leaf *
find_leaf (const char *path)
{
  for (gsize i = 0; i < G_N_ELEMENTS (LEAVES); i++)
    if (strcmp (LEAVES[i].path, path) == 0)
      return &LEAVES[i];
  return NULL;
}

/* One value. @leaf is where it goes (NULL: skip it). */
static gboolean
value (Scan *S, const Leaf *leaf)
{
  BaselineFacts *f = S->f;
  ws (S);
  if (S->p >= S->end || ++S->depth > 32)
    return FALSE;
  gboolean ok = TRUE;
  char c = *S->p;
  if (c == '{')
    {
      S->p++;
      ws (S);
      if (S->p < S->end && *S->p == '}')
        S->p++;
      else
        while (ok)
          {
            const char *key;
            gsize key_len, mark = S->len;
            ws (S);
            if (!string (S, &key, &key_len))
              return FALSE;
            ws (S);
            if (S->p >= S->end || *S->p++ != ':')
              return FALSE;
            const Leaf *child = NULL;
            if (mark + 1 + key_len < sizeof S->path)
              {
                if (mark > 0)
                  S->path[S->len++] = '.';
                memcpy (S->path + S->len, key, key_len);
                S->len += key_len;
                S->path[S->len] = '\0';
                child = find_leaf (S->path);
              }
            ok = value (S, child);
            S->len = mark;
            S->path[mark] = '\0';
            ws (S);
            if (S->p < S->end && *S->p == ',')
              S->p++;
            else if (S->p < S->end && *S->p == '}')
              {
                S->p++;
                break;
              }
            else
              return FALSE;
          }
    }
  else if (c == '[')
    {
      if (leaf != NULL && leaf->kind == L_RUNS)
        ok = runs (S);
      else
        {
          S->p++;
          ws (S);
          if (S->p < S->end && *S->p == ']')
            S->p++;
          else
            while (ok)
              {
                ok = value (S, NULL);
                ws (S);
                if (S->p < S->end && *S->p == ',')
                  S->p++;
                else if (S->p < S->end && *S->p == ']')
                  {
                    S->p++;
                    break;
                  }
                else
                  return FALSE;
              }
        }
    }
  else if (c == '"')
    {
      const char *text;
      gsize len;
      if (!string (S, &text, &len))
        return FALSE;
      if (leaf != NULL)
        {
          guint8 *slot = (guint8 *) f + leaf->offset;
          if (leaf->kind == L_DATE || leaf->kind == L_AS_OF)
            ok = date (text, len, (gint32 *) (gpointer) slot);
          else if (leaf->kind == L_ENUM)
            {
              guint8 code = leaf->other;
              for (guint i = 0; leaf->codes[i] != NULL; i++)
                if (is (text, len, leaf->codes[i]))
                  code = (guint8) i;
              ok = code != 255;
              *slot = code;
            }
          else
            ok = FALSE;
          if (ok && leaf->kind != L_AS_OF)
            f->known |= 1u << leaf->field;
        }
    }
  else if (c == 't' || c == 'f' || c == 'n')
    {
      const char *word = c == 't' ? "true" : c == 'f' ? "false" : "null";
      gsize len = strlen (word);
      if ((gsize) (S->end - S->p) < len || memcmp (S->p, word, len) != 0)
        return FALSE;
      S->p += len;
      if (leaf != NULL && c != 'n')
        {
          ok = leaf->kind == L_BOOL;
          f->known |= 1u << leaf->field;
          if (c == 't')
            f->bools |= 1u << leaf->field;
        }
      /* null: blank, which the conditions treat like unknown: the bit stays clear */
    }
  else
    {
      char buf[64];
      if (!number (S, buf))
        return FALSE;
      if (leaf != NULL)
        {
          char *stop;
          gpointer slot = (guint8 *) f + leaf->offset;
          if (leaf->kind == L_NUMBER)
            *(double *) slot = g_ascii_strtod (buf, &stop);
          else if (leaf->kind == L_INTEGER)
            *(gint64 *) slot = g_ascii_strtoll (buf, &stop, 10);
          else
            return FALSE;
          ok = *stop == '\0';
          f->known |= 1u << leaf->field;
        }
    }
  S->depth--;
  return ok;
}

gboolean
baseline_facts_fill (BaselineFacts *facts, const char *json, gsize length)
{
  memset (facts, 0, sizeof *facts);
  Scan S = { .p = json, .end = json + length, .f = facts };
  facts->as_of = G_MININT32;
  if (!value (&S, NULL))
    return FALSE;
  ws (&S);
  if (S.p != S.end)
    return FALSE;
  if (facts->as_of == G_MININT32)
    {
      /* no as_of: today, as the library does */
      time_t now = time (NULL);
      struct tm tm;
      localtime_r (&now, &tm);
      facts->as_of = activering_days_from_civil (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
  return TRUE;
}
