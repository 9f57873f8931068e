/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* survival.c: Kaplan–Meier estimates from histograms of durations by day (docs/caseload-report.md). */
#include "config.h"

#include "caseload/caseload-private.h"

void
survival_add (Survival *survival, gint64 days, gboolean event)
{
  guint day = days < 0 ? 0 : days > SURVIVAL_MAX_DAY ? SURVIVAL_MAX_DAY + 1 : (guint) days;
  survival->n++;
  if (event)
    survival->events[day]++;
  else
    survival->censored[day]++;
}

static const double quartile_levels[3] = { 0.75, 0.5, 0.25 }; /* S below these: q1, median, q3 */
/* A product that is the level in exact arithmetic (3/4 · 2/3 = 1/2) must not fall below it by a rounding error. */
#define ROUNDING 1e-9

void
survival_estimate (const Survival *survival, Estimate *out)
{
  *out = (Estimate) { .quartiles = { QUARTILE_NOT_REACHED, QUARTILE_NOT_REACHED, QUARTILE_NOT_REACHED } };
  out->curve = g_array_new (FALSE, FALSE, sizeof (CurvePoint));
  if (survival == NULL)
    return;
  out->n = survival->n;
  for (guint day = 0; day <= SURVIVAL_MAX_DAY + 1; day++)
    {
      out->events += survival->events[day];
      out->censored += survival->censored[day];
    }
  /* S(t) = Π (1 − e_d / n_d) over the days d ≤ t with events; n_d counts those censored on day d too. The
   * overflow bucket is never stepped into: after the last day counted, nothing more can be said. */
  guint64 at_risk = survival->n;
  double s = 1.0;
  gboolean curve_open = TRUE;
  for (guint day = 0; day <= SURVIVAL_MAX_DAY && at_risk > 0; day++)
    {
      guint32 events = survival->events[day];
      if (events > 0)
        s *= 1.0 - (double) events / (double) at_risk;
      for (guint q = 0; q < 3; q++)
        if (out->quartiles[q] == QUARTILE_NOT_REACHED && s < quartile_levels[q] - ROUNDING)
          out->quartiles[q] = (gint) day;
      if (day % CASELOAD_CURVE_STEP == 0 && curve_open)
        {
          if (at_risk < CASELOAD_SMALL_CELL)
            curve_open = FALSE;
          else
            {
              CurvePoint point = { .day = day, .at_risk = at_risk, .survival = s };
              g_array_append_val (out->curve, point);
            }
        }
      at_risk -= events + survival->censored[day];
    }
}

void
estimate_clear (Estimate *estimate)
{
  g_clear_pointer (&estimate->curve, g_array_unref);
}
