/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* dates-private.h: calendar arithmetic on day numbers.
 *
 * A date is an int32 day number (days since 1970-01-01, proleptic Gregorian), so comparing and subtracting
 * dates is integer arithmetic. Month arithmetic follows the calendar: 31 January + 1 month = end of February.
 */
#pragma once

#include <glib.h>

/* The valid range: years 1 to 9999. */
#define ACTIVERING_DAY_MIN (-719162)
#define ACTIVERING_DAY_MAX 2932896

gint32 activering_days_from_civil (int year, int month, int day);
void activering_civil_from_days (gint32 days, int *year, int *month, int *day);
gboolean activering_date_is_valid (int year, int month, int day);
int activering_days_in_month (int year, int month);

/* Parses exactly "YYYY-MM-DD" (@len bytes); FALSE for anything else, including impossible dates. */
gboolean activering_parse_date (const char *s, gsize len, gint32 *out);
/* Writes "YYYY-MM-DD" and a NUL into @buf (11 bytes). */
void activering_format_date (gint32 days, char buf[11]);

gint32 activering_add_months (gint32 date, gint64 months, gboolean *ok);
gint32 activering_add_days (gint32 date, gint64 days, gboolean *ok);
gint64 activering_months_between (gint32 from, gint32 to);
gint64 activering_age_on (gint32 birth, gint32 on);

gint32 activering_days_from_gdate (const GDate *date);
void activering_days_to_gdate (gint32 days, GDate *out);
gint32 activering_today (void);
