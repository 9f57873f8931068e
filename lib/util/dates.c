/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* dates.c: calendar arithmetic on day numbers (see dates-private.h). */
#include "config.h"

#include "util/dates-private.h"

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar. */
gint32
activering_days_from_civil (int year, int month, int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned) (y - era * 400);
  unsigned doy = (153u * (unsigned) (month + (month > 2 ? -3 : 9)) + 2u) / 5u + (unsigned) day - 1u;
  unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
  return (gint32) (era * 146097 + (int) doe - 719468);
}

void
activering_civil_from_days (gint32 days, int *year, int *month, int *day)
{
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
  int y = (int) yoe + era * 400;
  unsigned doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
  unsigned mp = (5u * doy + 2u) / 153u;
  unsigned d = doy - (153u * mp + 2u) / 5u + 1u;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  *year = y + (m <= 2);
  *month = (int) m;
  *day = (int) d;
}

static gboolean
is_leap (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
activering_days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return month == 2 && is_leap (year) ? 29 : days[month - 1];
}

gboolean
activering_date_is_valid (int year, int month, int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
         && day <= activering_days_in_month (year, month);
}

gboolean
activering_parse_date (const char *s, gsize len, gint32 *out)
{
  if (len != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  int fields[3] = { 0, 0, 0 };
  static const int starts[] = { 0, 5, 8 }, widths[] = { 4, 2, 2 };
  for (int f = 0; f < 3; f++)
    for (int i = 0; i < widths[f]; i++)
      {
        char c = s[starts[f] + i];
        if (c < '0' || c > '9')
          return FALSE;
        fields[f] = fields[f] * 10 + (c - '0');
      }
  if (!activering_date_is_valid (fields[0], fields[1], fields[2]))
    return FALSE;
  *out = activering_days_from_civil (fields[0], fields[1], fields[2]);
  return TRUE;
}

void
activering_format_date (gint32 days, char buf[11])
{
  int y, m, d;
  activering_civil_from_days (days, &y, &m, &d);
  buf[0] = (char) ('0' + y / 1000 % 10);
  buf[1] = (char) ('0' + y / 100 % 10);
  buf[2] = (char) ('0' + y / 10 % 10);
  buf[3] = (char) ('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char) ('0' + m / 10);
  buf[6] = (char) ('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char) ('0' + d / 10);
  buf[9] = (char) ('0' + d % 10);
  buf[10] = '\0';
}

static gboolean
in_range (gint64 days)
{
  return days >= ACTIVERING_DAY_MIN && days <= ACTIVERING_DAY_MAX;
}

gint32
activering_add_days (gint32 date, gint64 days, gboolean *ok)
{
  gint64 result = (gint64) date + (days > G_MAXINT32 ? G_MAXINT32 : days < G_MININT32 ? G_MININT32 : days);
  *ok = in_range (result);
  return *ok ? (gint32) result : 0;
}

gint32
activering_add_months (gint32 date, gint64 months, gboolean *ok)
{
  int y, m, d;
  activering_civil_from_days (date, &y, &m, &d);
  if (months > 12 * 10000 || months < -12 * 10000)
    {
      *ok = FALSE;
      return 0;
    }
  gint64 index = (gint64) y * 12 + (m - 1) + months;
  gint64 ny = index >= 0 ? index / 12 : -((-index + 11) / 12);
  int nm = (int) (index - ny * 12) + 1;
  if (ny < 1 || ny > 9999)
    {
      *ok = FALSE;
      return 0;
    }
  int last = activering_days_in_month ((int) ny, nm);
  *ok = TRUE;
  return activering_days_from_civil ((int) ny, nm, d > last ? last : d);
}

gint64
activering_months_between (gint32 from, gint32 to)
{
  if (to < from)
    return -activering_months_between (to, from);
  int y1, m1, d1, y2, m2, d2;
  activering_civil_from_days (from, &y1, &m1, &d1);
  activering_civil_from_days (to, &y2, &m2, &d2);
  gint64 months = (gint64) (y2 - y1) * 12 + (m2 - m1);
  gboolean ok;
  /* Completed months: the largest k with from + k months <= to. */
  if (months > 0 && activering_add_months (from, months, &ok) > to)
    months--;
  return months;
}

gint64
activering_age_on (gint32 birth, gint32 on)
{
  int y1, m1, d1, y2, m2, d2;
  activering_civil_from_days (birth, &y1, &m1, &d1);
  activering_civil_from_days (on, &y2, &m2, &d2);
  gint64 years = y2 - y1;
  /* Someone born on 29 February turns a year older on 1 March in common years. */
  if (m2 < m1 || (m2 == m1 && d2 < d1))
    years--;
  return years;
}

gint32
activering_days_from_gdate (const GDate *date)
{
  return activering_days_from_civil (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

void
activering_days_to_gdate (gint32 days, GDate *out)
{
  int y, m, d;
  activering_civil_from_days (days, &y, &m, &d);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gint32
activering_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return activering_days_from_civil (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now));
}
