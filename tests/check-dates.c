/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-dates.c: calendar arithmetic on day numbers (lib/util/dates.c, compiled into this suite).
 *
 * Dates are day numbers since 1970-01-01 in the proleptic Gregorian calendar; month arithmetic follows the
 * calendar (31 January + 1 month = the last day of February) and ages are completed years.
 */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "util/dates-private.h"

/* A day number from a literal date, failing the test if the literal is not one. */
static gint32
D (const char *text)
{
  gint32 day = 0;
  ck_assert_msg (activering_parse_date (text, strlen (text), &day), "test date \"%s\" does not parse", text);
  return day;
}

/* Asserts that @day formats as @expected. */
#define assert_date(day, expected)                                                                    \
  do                                                                                                  \
    {                                                                                                 \
      char buf_[11];                                                                                  \
      activering_format_date ((day), buf_);                                                           \
      ck_assert_msg (strcmp (buf_, (expected)) == 0, "%s: expected %s, got %s", #day, (expected), buf_); \
    }                                                                                                 \
  while (0)

static gboolean
parses (const char *text)
{
  gint32 day = 12345;
  return activering_parse_date (text, strlen (text), &day);
}

/* Adds @months and asserts the result and that it is in range. */
static void
assert_add_months (const char *from, gint64 months, const char *expected)
{
  gboolean ok = FALSE;
  gint32 result = activering_add_months (D (from), months, &ok);
  ck_assert_msg (ok, "%s %+" G_GINT64_FORMAT " months: ok is FALSE", from, months);
  char buf[11];
  activering_format_date (result, buf);
  ck_assert_msg (strcmp (buf, expected) == 0, "%s %+" G_GINT64_FORMAT " months: expected %s, got %s", from, months,
                 expected, buf);
}

/* ---- parse_date ---------------------------------------------------------------------------------------- */

START_TEST (test_parse_valid)
{
  gint32 day = -1;
  ck_assert (activering_parse_date ("1970-01-01", 10, &day));
  ck_assert_int_eq (day, 0);
  ck_assert (activering_parse_date ("1970-01-02", 10, &day));
  ck_assert_int_eq (day, 1);
  ck_assert (activering_parse_date ("1969-12-31", 10, &day));
  ck_assert_int_eq (day, -1);
  ck_assert (activering_parse_date ("2000-03-01", 10, &day));
  ck_assert_int_eq (day, 11017);
  ck_assert (activering_parse_date ("0001-01-01", 10, &day));
  ck_assert_int_eq (day, ACTIVERING_DAY_MIN);
  ck_assert (activering_parse_date ("9999-12-31", 10, &day));
  ck_assert_int_eq (day, ACTIVERING_DAY_MAX);
  ck_assert (parses ("2024-02-29"));
  ck_assert (parses ("2000-02-29"));
  ck_assert (parses ("2025-12-31"));
  ck_assert (parses ("2025-04-30"));
}
END_TEST

START_TEST (test_parse_impossible_dates)
{
  ck_assert (!parses ("2025-02-30"));
  ck_assert (!parses ("2025-02-29"));
  ck_assert (!parses ("2023-02-29"));
  ck_assert (!parses ("1900-02-29")); /* divisible by 100, not by 400 */
  ck_assert (!parses ("2100-02-29"));
  ck_assert (!parses ("2025-13-01"));
  ck_assert (!parses ("2025-00-10"));
  ck_assert (!parses ("2025-01-00"));
  ck_assert (!parses ("2025-01-32"));
  ck_assert (!parses ("2025-04-31"));
  ck_assert (!parses ("2025-06-31"));
  ck_assert (!parses ("2025-09-31"));
  ck_assert (!parses ("2025-11-31"));
  ck_assert (!parses ("2025-99-99"));
  ck_assert (!parses ("0000-01-01"));
  ck_assert (!parses ("0000-02-29"));
}
END_TEST

START_TEST (test_parse_not_the_exact_form)
{
  static const char *const bad[] = {
    "2025-1-01", "2025-01-1", "25-01-01", " 2025-01-01", "2025-01-01 ", "2025-01-01x", "2025-01-01T00:00",
    "2025/01/01", "2025.01.01", "20250101", "2025-0101", "+025-01-01", "-025-01-01", "2025-+1-01", "2025--1-01",
    "2025-01-+1", "2025-0a-01", "2O25-01-01", "2025-01- 1", "", "-", "----------", "12345-01-01", "2025-001-01",
    "٢٠٢٥-01-01",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    ck_assert_msg (!parses (bad[i]), "\"%s\" parses as a date", bad[i]);
  /* The length is explicit: a valid prefix of a longer buffer does not count, nor does a short one. */
  gint32 day;
  ck_assert (!activering_parse_date ("2025-01-01", 9, &day));
  ck_assert (!activering_parse_date ("2025-01-011", 11, &day));
  ck_assert (activering_parse_date ("2025-01-01xyz", 10, &day));
  ck_assert_int_eq (day, D ("2025-01-01"));
  /* An embedded NUL is not a digit. */
  ck_assert (!activering_parse_date ("2025-01-0\0", 10, &day));
}
END_TEST

START_TEST (test_parse_leaves_out_untouched_on_failure)
{
  gint32 day = 4242;
  ck_assert (!activering_parse_date ("2025-02-30", 10, &day));
  ck_assert_int_eq (day, 4242);
  ck_assert (!activering_parse_date ("x", 1, &day));
  ck_assert_int_eq (day, 4242);
}
END_TEST

/* ---- format / parse round trip ------------------------------------------------------------------------- */

START_TEST (test_round_trip_1900_2100)
{
  gint32 first = D ("1900-01-01"), last = D ("2100-12-31");
  ck_assert_int_eq (last - first + 1, 200 * 365 + 49 + 365); /* 201 years, 49 leap days (not 1900, not 2100) */
  int py = 1899, pm = 12, pd = 31;
  for (gint32 day = first; day <= last; day++)
    {
      char buf[11];
      activering_format_date (day, buf);
      ck_assert_int_eq (strlen (buf), 10);
      gint32 back = 0;
      ck_assert_msg (activering_parse_date (buf, 10, &back), "%s (day %d) does not parse back", buf, day);
      ck_assert_msg (back == day, "%s: day %d parses back as %d", buf, day, back);
      /* Consecutive day numbers are consecutive calendar days. */
      int y, m, d;
      activering_civil_from_days (day, &y, &m, &d);
      if (d == 1)
        {
          ck_assert_int_eq (pd, activering_days_in_month (py, pm));
          ck_assert (m == pm % 12 + 1);
          ck_assert_int_eq (y, pm == 12 ? py + 1 : py);
        }
      else
        {
          ck_assert_int_eq (d, pd + 1);
          ck_assert_int_eq (m, pm);
          ck_assert_int_eq (y, py);
        }
      py = y, pm = m, pd = d;
    }
}
END_TEST

START_TEST (test_format_edges)
{
  assert_date (0, "1970-01-01");
  assert_date (-1, "1969-12-31");
  assert_date (ACTIVERING_DAY_MIN, "0001-01-01");
  assert_date (ACTIVERING_DAY_MAX, "9999-12-31");
  assert_date (D ("0099-07-04"), "0099-07-04");
  assert_date (D ("1000-10-10"), "1000-10-10");
  /* Writes exactly 11 bytes. */
  char buf[16];
  memset (buf, 'Z', sizeof buf);
  activering_format_date (D ("2024-02-29"), buf);
  ck_assert_str_eq (buf, "2024-02-29");
  ck_assert_int_eq (buf[11], 'Z');
}
END_TEST

/* ---- days_from_civil / civil_from_days ----------------------------------------------------------------- */

START_TEST (test_civil_inverse)
{
  /* Every valid date of years 1..9999 sampled densely, and every day number of the valid range sampled. */
  for (int year = 1; year <= 9999; year += (year < 2200 ? 1 : 7))
    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= activering_days_in_month (year, month); day++)
        {
          gint32 n = activering_days_from_civil (year, month, day);
          int y, m, d;
          activering_civil_from_days (n, &y, &m, &d);
          ck_assert_msg (y == year && m == month && d == day, "%04d-%02d-%02d -> %d -> %04d-%02d-%02d", year, month,
                         day, n, y, m, d);
        }
  for (gint32 n = ACTIVERING_DAY_MIN; n <= ACTIVERING_DAY_MAX; n += 97)
    {
      int y, m, d;
      activering_civil_from_days (n, &y, &m, &d);
      ck_assert_msg (activering_date_is_valid (y, m, d), "day %d -> %d-%d-%d is not valid", n, y, m, d);
      ck_assert_int_eq (activering_days_from_civil (y, m, d), n);
    }
  ck_assert_int_eq (activering_days_from_civil (1970, 1, 1), 0);
  ck_assert_int_eq (activering_days_from_civil (2000, 1, 1), 10957);
  ck_assert_int_eq (activering_days_from_civil (1, 1, 1), ACTIVERING_DAY_MIN);
  ck_assert_int_eq (activering_days_from_civil (9999, 12, 31), ACTIVERING_DAY_MAX);
  ck_assert_int_eq (activering_days_from_civil (2024, 3, 1) - activering_days_from_civil (2024, 2, 28), 2);
  ck_assert_int_eq (activering_days_from_civil (2023, 3, 1) - activering_days_from_civil (2023, 2, 28), 1);
}
END_TEST

START_TEST (test_days_in_month)
{
  static const int common[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  for (int m = 1; m <= 12; m++)
    {
      ck_assert_int_eq (activering_days_in_month (2023, m), common[m - 1]);
      ck_assert_int_eq (activering_days_in_month (2024, m), m == 2 ? 29 : common[m - 1]);
    }
  ck_assert_int_eq (activering_days_in_month (1900, 2), 28);
  ck_assert_int_eq (activering_days_in_month (2000, 2), 29);
  ck_assert_int_eq (activering_days_in_month (2100, 2), 28);
  ck_assert_int_eq (activering_days_in_month (2400, 2), 29);
  ck_assert (!activering_date_is_valid (0, 1, 1));
  ck_assert (!activering_date_is_valid (10000, 1, 1));
  ck_assert (!activering_date_is_valid (2025, 0, 1));
  ck_assert (!activering_date_is_valid (2025, 13, 1));
  ck_assert (!activering_date_is_valid (2025, 1, 0));
  ck_assert (!activering_date_is_valid (2025, 2, 29));
  ck_assert (activering_date_is_valid (2024, 2, 29));
}
END_TEST

/* ---- add_months ---------------------------------------------------------------------------------------- */

START_TEST (test_add_months_end_of_month)
{
  assert_add_months ("2025-01-31", 1, "2025-02-28");
  assert_add_months ("2024-01-31", 1, "2024-02-29");
  assert_add_months ("2025-03-31", -1, "2025-02-28");
  assert_add_months ("2024-03-31", -1, "2024-02-29");
  assert_add_months ("2025-11-30", 3, "2026-02-28");
  assert_add_months ("2023-11-30", 3, "2024-02-29");
  assert_add_months ("2025-01-31", 3, "2025-04-30");
  assert_add_months ("2025-05-31", 1, "2025-06-30");
  assert_add_months ("2025-08-31", 1, "2025-09-30");
  assert_add_months ("2024-02-29", 12, "2025-02-28");
  assert_add_months ("2024-02-29", 48, "2028-02-29");
  assert_add_months ("2024-02-29", -12, "2023-02-28");
  assert_add_months ("1899-12-31", 2, "1900-02-28");
  assert_add_months ("1999-12-31", 2, "2000-02-29");
  /* The day is kept when it exists: no drift towards the end of the month. */
  assert_add_months ("2025-01-15", 1, "2025-02-15");
  assert_add_months ("2025-02-28", 1, "2025-03-28");
  assert_add_months ("2025-01-30", 1, "2025-02-28");
  assert_add_months ("2025-01-29", 1, "2025-02-28");
  assert_add_months ("2024-01-29", 1, "2024-02-29");
}
END_TEST

START_TEST (test_add_months_across_years_and_negative)
{
  assert_add_months ("2025-06-15", 0, "2025-06-15");
  assert_add_months ("2025-12-15", 1, "2026-01-15");
  assert_add_months ("2025-01-15", -1, "2024-12-15");
  assert_add_months ("2025-01-15", -12, "2024-01-15");
  assert_add_months ("2025-01-15", -13, "2023-12-15");
  assert_add_months ("2025-01-15", -24, "2023-01-15");
  assert_add_months ("2025-03-15", -15, "2023-12-15");
  assert_add_months ("2025-01-15", 24, "2027-01-15");
  assert_add_months ("2025-10-31", 4, "2026-02-28");
  assert_add_months ("2025-10-31", -8, "2025-02-28");
  assert_add_months ("2026-02-28", -3, "2025-11-28");
  assert_add_months ("0001-12-31", -11, "0001-01-31");
  assert_add_months ("0002-01-01", -12, "0001-01-01");
  assert_add_months ("9998-12-31", 12, "9999-12-31");
  assert_add_months ("0001-01-01", 12 * 9999 - 1, "9999-12-01");
  /* Adding and then subtracting returns to the start when the day exists in both months. */
  for (gint32 day = D ("2020-01-01"); day < D ("2030-01-01"); day += 3)
    for (gint64 k = -30; k <= 30; k += 7)
      {
        int y, m, d;
        activering_civil_from_days (day, &y, &m, &d);
        if (d > 28)
          continue;
        gboolean ok1, ok2;
        gint32 there = activering_add_months (day, k, &ok1);
        gint32 back = activering_add_months (there, -k, &ok2);
        ck_assert (ok1 && ok2);
        ck_assert_int_eq (back, day);
      }
}
END_TEST

START_TEST (test_add_months_out_of_range)
{
  gboolean ok = TRUE;
  activering_add_months (D ("9999-12-01"), 1, &ok);
  ck_assert (!ok);
  ok = TRUE;
  activering_add_months (D ("0001-01-31"), -1, &ok);
  ck_assert (!ok);
  ok = TRUE;
  activering_add_months (D ("2025-01-01"), 12 * 8000, &ok);
  ck_assert (!ok);
  ok = TRUE;
  activering_add_months (D ("2025-01-01"), -12 * 2025, &ok);
  ck_assert (!ok);
  ok = TRUE;
  activering_add_months (D ("2025-01-01"), G_MAXINT64, &ok);
  ck_assert (!ok);
  ok = TRUE;
  activering_add_months (D ("2025-01-01"), G_MININT64, &ok);
  ck_assert (!ok);
  ok = TRUE;
  activering_add_months (D ("2025-01-01"), (gint64) G_MAXINT32 + 5, &ok);
  ck_assert (!ok);
  /* The edges themselves are in range. */
  ok = FALSE;
  activering_add_months (D ("9999-11-30"), 1, &ok);
  ck_assert (ok);
  ok = FALSE;
  activering_add_months (D ("0001-02-28"), -1, &ok);
  ck_assert (ok);
}
END_TEST

START_TEST (test_add_days)
{
  gboolean ok = FALSE;
  ck_assert_int_eq (activering_add_days (D ("2024-02-28"), 1, &ok), D ("2024-02-29"));
  ck_assert (ok);
  ck_assert_int_eq (activering_add_days (D ("2025-02-28"), 1, &ok), D ("2025-03-01"));
  ck_assert (ok);
  ck_assert_int_eq (activering_add_days (D ("2025-01-01"), -1, &ok), D ("2024-12-31"));
  ck_assert (ok);
  activering_add_days (ACTIVERING_DAY_MAX, 1, &ok);
  ck_assert (!ok);
  activering_add_days (ACTIVERING_DAY_MIN, -1, &ok);
  ck_assert (!ok);
  activering_add_days (0, G_MAXINT64, &ok);
  ck_assert (!ok);
  activering_add_days (0, G_MININT64, &ok);
  ck_assert (!ok);
}
END_TEST

/* ---- months_between ------------------------------------------------------------------------------------ */

START_TEST (test_months_between_examples)
{
  ck_assert_int_eq (activering_months_between (D ("2025-01-15"), D ("2025-01-15")), 0);
  ck_assert_int_eq (activering_months_between (D ("2025-01-15"), D ("2025-02-14")), 0);
  ck_assert_int_eq (activering_months_between (D ("2025-01-15"), D ("2025-02-15")), 1);
  ck_assert_int_eq (activering_months_between (D ("2025-01-31"), D ("2025-02-27")), 0);
  ck_assert_int_eq (activering_months_between (D ("2025-01-31"), D ("2025-02-28")), 1);
  ck_assert_int_eq (activering_months_between (D ("2024-01-31"), D ("2024-02-28")), 0);
  ck_assert_int_eq (activering_months_between (D ("2024-01-31"), D ("2024-02-29")), 1);
  ck_assert_int_eq (activering_months_between (D ("2025-01-31"), D ("2025-03-30")), 1);
  ck_assert_int_eq (activering_months_between (D ("2025-01-31"), D ("2025-03-31")), 2);
  ck_assert_int_eq (activering_months_between (D ("2024-03-01"), D ("2026-02-28")), 23);
  ck_assert_int_eq (activering_months_between (D ("2024-03-01"), D ("2026-03-01")), 24);
  ck_assert_int_eq (activering_months_between (D ("2025-12-31"), D ("2026-01-01")), 0);
  ck_assert_int_eq (activering_months_between (D ("0001-01-01"), D ("9999-12-31")), 12 * 9999 - 1);
  /* Backwards: the negative of the forward count. */
  ck_assert_int_eq (activering_months_between (D ("2025-02-15"), D ("2025-01-15")), -1);
  ck_assert_int_eq (activering_months_between (D ("2025-02-14"), D ("2025-01-15")), 0);
  ck_assert_int_eq (activering_months_between (D ("2026-03-01"), D ("2024-03-01")), -24);
}
END_TEST

START_TEST (test_months_between_consistent_with_add_months)
{
  GRand *rand = g_rand_new_with_seed (20261122);
  gint32 lo = D ("1900-01-01"), hi = D ("2100-12-31");
  for (int i = 0; i < 200000; i++)
    {
      gint32 a = (gint32) g_rand_int_range (rand, lo, hi + 1);
      /* Half the pairs close together (where day-of-month effects live), half anywhere. */
      gint32 b = i % 2 ? (gint32) g_rand_int_range (rand, a, hi + 1)
                       : MIN (hi, a + (gint32) g_rand_int_range (rand, 0, 800));
      gint64 k = activering_months_between (a, b);
      char as[11], bs[11];
      activering_format_date (a, as);
      activering_format_date (b, bs);
      ck_assert_msg (k >= 0, "months_between(%s, %s) = %" G_GINT64_FORMAT, as, bs, k);
      gboolean ok1, ok2;
      gint32 lower = activering_add_months (a, k, &ok1);
      gint32 upper = activering_add_months (a, k + 1, &ok2);
      ck_assert (ok1 && ok2);
      ck_assert_msg (lower <= b && b < upper,
                     "months_between(%s, %s) = %" G_GINT64_FORMAT " is not the number of completed months", as, bs, k);
      ck_assert_int_eq (activering_months_between (b, a), -k);
    }
  g_rand_free (rand);
}
END_TEST

/* ---- age_on -------------------------------------------------------------------------------------------- */

START_TEST (test_age_on)
{
  ck_assert_int_eq (activering_age_on (D ("2000-06-15"), D ("2000-06-15")), 0);
  ck_assert_int_eq (activering_age_on (D ("2000-06-15"), D ("2025-06-14")), 24);
  ck_assert_int_eq (activering_age_on (D ("2000-06-15"), D ("2025-06-15")), 25);
  ck_assert_int_eq (activering_age_on (D ("2000-06-15"), D ("2025-06-16")), 25);
  ck_assert_int_eq (activering_age_on (D ("2000-12-31"), D ("2025-12-30")), 24);
  ck_assert_int_eq (activering_age_on (D ("2000-12-31"), D ("2025-12-31")), 25);
  ck_assert_int_eq (activering_age_on (D ("2001-01-01"), D ("2025-12-31")), 24);
  ck_assert_int_eq (activering_age_on (D ("2001-01-01"), D ("2026-01-01")), 25);
}
END_TEST

START_TEST (test_age_on_29_february)
{
  gint32 birth = D ("2004-02-29");
  /* In a common year: not yet on 28 February, yes on 1 March. */
  ck_assert_int_eq (activering_age_on (birth, D ("2025-02-28")), 20);
  ck_assert_int_eq (activering_age_on (birth, D ("2025-03-01")), 21);
  ck_assert_int_eq (activering_age_on (birth, D ("2022-02-28")), 17);
  ck_assert_int_eq (activering_age_on (birth, D ("2022-03-01")), 18);
  /* In a leap year: on 29 February itself. */
  ck_assert_int_eq (activering_age_on (birth, D ("2028-02-28")), 23);
  ck_assert_int_eq (activering_age_on (birth, D ("2028-02-29")), 24);
  ck_assert_int_eq (activering_age_on (birth, D ("2005-02-28")), 0);
  ck_assert_int_eq (activering_age_on (birth, D ("2005-03-01")), 1);
  /* 2100 is a common year. */
  ck_assert_int_eq (activering_age_on (D ("2096-02-29"), D ("2100-02-28")), 3);
  ck_assert_int_eq (activering_age_on (D ("2096-02-29"), D ("2100-03-01")), 4);
}
END_TEST

START_TEST (test_age_on_agrees_with_months)
{
  /* Age in completed years is completed months / 12, except for 29 February birthdays in common years (the
   * months count reaches 28 February, the age waits for 1 March). */
  GRand *rand = g_rand_new_with_seed (7);
  gint32 lo = D ("1920-01-01"), hi = D ("2030-12-31");
  for (int i = 0; i < 100000; i++)
    {
      gint32 birth = (gint32) g_rand_int_range (rand, lo, hi);
      gint32 on = (gint32) g_rand_int_range (rand, birth, hi + 1);
      int y, m, d;
      activering_civil_from_days (birth, &y, &m, &d);
      if (m == 2 && d == 29)
        continue;
      ck_assert_int_eq (activering_age_on (birth, on), activering_months_between (birth, on) / 12);
    }
  g_rand_free (rand);
}
END_TEST

/* ---- GDate conversion ---------------------------------------------------------------------------------- */

START_TEST (test_gdate_conversion)
{
  GDate date;
  g_date_clear (&date, 1);
  for (gint32 day = D ("1900-01-01"); day <= D ("2100-12-31"); day += 13)
    {
      activering_days_to_gdate (day, &date);
      ck_assert (g_date_valid (&date));
      ck_assert_int_eq (activering_days_from_gdate (&date), day);
    }
  g_date_set_dmy (&date, 29, G_DATE_FEBRUARY, 2024);
  ck_assert_int_eq (activering_days_from_gdate (&date), D ("2024-02-29"));
  gint32 today = activering_today ();
  ck_assert (today > D ("2024-01-01") && today < D ("2200-01-01"));
}
END_TEST

static Suite *
dates_suite (void)
{
  Suite *s = suite_create ("dates");
  TCase *tc = tcase_create ("parse");
  tcase_add_test (tc, test_parse_valid);
  tcase_add_test (tc, test_parse_impossible_dates);
  tcase_add_test (tc, test_parse_not_the_exact_form);
  tcase_add_test (tc, test_parse_leaves_out_untouched_on_failure);
  suite_add_tcase (s, tc);

  tc = tcase_create ("format");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_round_trip_1900_2100);
  tcase_add_test (tc, test_format_edges);
  tcase_add_test (tc, test_civil_inverse);
  tcase_add_test (tc, test_days_in_month);
  tcase_add_test (tc, test_gdate_conversion);
  suite_add_tcase (s, tc);

  tc = tcase_create ("arithmetic");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_add_months_end_of_month);
  tcase_add_test (tc, test_add_months_across_years_and_negative);
  tcase_add_test (tc, test_add_months_out_of_range);
  tcase_add_test (tc, test_add_days);
  tcase_add_test (tc, test_months_between_examples);
  tcase_add_test (tc, test_months_between_consistent_with_add_months);
  tcase_add_test (tc, test_age_on);
  tcase_add_test (tc, test_age_on_29_february);
  tcase_add_test (tc, test_age_on_agrees_with_months);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (dates_suite ());
}
