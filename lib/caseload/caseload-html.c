/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* caseload-html.c: the caseload report as one self-contained HTML page with inline SVG charts, drawn from the same
 * summary as the JSON document. No script, font or image is fetched. Colours: the Okabe–Ito palette, which stays
 * distinct for the common colour-vision deficiencies. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "caseload/caseload-private.h"
#include "util/dates-private.h"

static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                       "#56B4E9", "#D55E00", "#000000", "#F0E442" };

#define CHART_WIDTH 900
#define MAX_CURVES 8

typedef struct
{
  GString *out;
  const CaseloadSummary *summary;
  const ActiveringCaseload *caseload;
  const ActiveringRuleSet *rules;
  char *const *texts;
  int language;
} Page;

static void
text (Page *page, const char *s)
{
  g_autofree char *escaped = g_markup_escape_text (s != NULL ? s : "", -1);
  g_string_append (page->out, escaped);
}

static void
number (GString *out, double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.1f", x));
}

/* A count as the small-cell rule shows it. */
static void
count (Page *page, guint64 n)
{
  if (caseload_is_small (n))
    g_string_append (page->out, "&lt;5");
  else
    g_string_append_printf (page->out, "%" G_GUINT64_FORMAT, n);
}

static void
rate (Page *page, guint64 numerator, guint64 denominator)
{
  double r = 0;
  switch (caseload_rate (numerator, denominator, &r))
    {
    case RATE_NULL: g_string_append (page->out, "—"); break;
    case RATE_SMALL: g_string_append (page->out, "&lt;5"); break;
    case RATE_VALUE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append (page->out, g_ascii_formatd (buf, sizeof buf, "%.1f", r * 100.0));
        g_string_append (page->out, " %");
        break;
      }
    }
}

static void
quartile (Page *page, const Estimate *e, guint q)
{
  if (caseload_is_small (e->n))
    g_string_append (page->out, "&lt;5");
  else if (e->n == 0 || e->quartiles[q] == QUARTILE_NOT_REACHED)
    g_string_append (page->out, "—");
  else
    g_string_append_printf (page->out, "%d", e->quartiles[q]);
}

/* A step of 1, 2 or 5 × 10^k that divides 0..@max into at most six ticks; the axis end is a multiple of it. */
static double
tick_step (double max)
{
  if (max <= 0)
    return 1;
  double raw = max / 5, magnitude = pow (10, floor (log10 (raw))), f = raw / magnitude;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
}

static double
axis_end (double max, double step)
{
  return MAX (step, ceil (max / step) * step);
}

static void
svg_begin (Page *page, int height, CaseloadText title)
{
  g_string_append_printf (page->out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                          "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", CHART_WIDTH, height, CHART_WIDTH, height);
  text (page, page->texts[title]);
  g_string_append (page->out, "\"><title>");
  text (page, page->texts[title]);
  g_string_append (page->out, "</title>\n");
}

static void
svg_end (Page *page)
{
  g_string_append (page->out, "</svg></figure>\n");
}

/* A label at (@x, @y); @anchor start, middle or end; @rotate for a vertical axis title. */
static void
label (Page *page, double x, double y, const char *anchor, const char *cls, gboolean rotate, const char *s)
{
  g_string_append (page->out, "<text x=\"");
  number (page->out, x);
  g_string_append (page->out, "\" y=\"");
  number (page->out, y);
  g_string_append_printf (page->out, "\" text-anchor=\"%s\" class=\"%s\"", anchor, cls);
  if (rotate)
    {
      g_string_append (page->out, " transform=\"rotate(-90 ");
      number (page->out, x);
      g_string_append_c (page->out, ' ');
      number (page->out, y);
      g_string_append (page->out, ")\"");
    }
  g_string_append_c (page->out, '>');
  text (page, s);
  g_string_append (page->out, "</text>\n");
}

/* A label for the left of a chart, cut to @max characters with "…". */
static char *
short_label (const char *s, glong max)
{
  if (g_utf8_strlen (s, -1) <= max)
    return g_strdup (s);
  g_autofree char *cut = g_utf8_substring (s, 0, max - 1);
  return g_strconcat (cut, "…", NULL);
}

static void
rect (Page *page, double x, double y, double w, double h, const char *fill, const char *extra)
{
  g_string_append (page->out, "<rect x=\"");
  number (page->out, x);
  g_string_append (page->out, "\" y=\"");
  number (page->out, y);
  g_string_append (page->out, "\" width=\"");
  number (page->out, MAX (w, 0));
  g_string_append (page->out, "\" height=\"");
  number (page->out, MAX (h, 0));
  g_string_append_printf (page->out, "\" fill=\"%s\"%s/>\n", fill, extra ? extra : "");
}

static void
line (Page *page, double x1, double y1, double x2, double y2, const char *cls)
{
  g_string_append (page->out, "<line x1=\"");
  number (page->out, x1);
  g_string_append (page->out, "\" y1=\"");
  number (page->out, y1);
  g_string_append (page->out, "\" x2=\"");
  number (page->out, x2);
  g_string_append (page->out, "\" y2=\"");
  number (page->out, y2);
  g_string_append_printf (page->out, "\" class=\"%s\"/>\n", cls);
}

/* Ticks and grid along x from 0 to @end over [@left, @right], at the bottom @bottom of a plot from @top. */
static void
x_axis (Page *page, double left, double right, double top, double bottom, double end, double step, gboolean percent,
        CaseloadText title)
{
  for (double v = 0; v <= end + step / 2; v += step)
    {
      double x = left + (right - left) * v / end;
      line (page, x, top, x, bottom, "grid");
      g_autofree char *tick = percent ? g_strdup_printf ("%.0f %%", v * 100) : g_strdup_printf ("%.0f", v);
      label (page, x, bottom + 16, "middle", "tick", FALSE, tick);
    }
  line (page, left, bottom, right, bottom, "axis");
  label (page, (left + right) / 2, bottom + 38, "middle", "axis-title", FALSE, page->texts[title]);
}

static void
y_axis (Page *page, double left, double top, double bottom, double end, double step, gboolean percent,
        CaseloadText title, double right)
{
  for (double v = 0; v <= end + step / 2; v += step)
    {
      double y = bottom - (bottom - top) * v / end;
      line (page, left, y, right, y, "grid");
      g_autofree char *tick = percent ? g_strdup_printf ("%.0f %%", v * 100) : g_strdup_printf ("%.0f", v);
      label (page, left - 6, y + 4, "end", "tick", FALSE, tick);
    }
  line (page, left, top, left, bottom, "axis");
  label (page, left - 48, (top + bottom) / 2, "middle", "axis-title", TRUE, page->texts[title]);
}

static void
legend_entry (Page *page, double x, double y, const char *colour, const char *s, gboolean as_line)
{
  if (as_line)
    {
      g_string_append_printf (page->out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" "
                              "stroke-width=\"3\"/>\n", x, y - 4, x + 18, y - 4, colour);
    }
  else
    rect (page, x, y - 11, 14, 14, colour, NULL);
  label (page, x + 22, y, "start", "legend", FALSE, s);
}

static void
no_data (Page *page)
{
  g_string_append (page->out, "<p class=\"none\">");
  text (page, page->texts[TEXT_NONE]);
  g_string_append (page->out, "</p>\n");
}

/* ---- charts ---- */

/* Cumulative lasting outflow, 1 − S(t), of the most recent cohorts, as step lines. */
static void
outflow_chart (Page *page)
{
  const GPtrArray *cohorts = page->summary->cohorts;
  guint last = cohorts->len - 1; /* "all" */
  guint first = last > MAX_CURVES ? last - MAX_CURVES : 0;
  double max_day = 0, max_share = 0;
  for (guint i = first; i < last; i++)
    {
      const Estimate *e = &((const CohortSummary *) cohorts->pdata[i])->lasting_outflow;
      for (guint p = 0; !caseload_is_small (e->n) && p < e->curve->len; p++)
        {
          const CurvePoint *point = &g_array_index (e->curve, CurvePoint, p);
          max_day = MAX (max_day, point->day);
          max_share = MAX (max_share, 1 - point->survival);
        }
    }
  if (max_day == 0)
    {
      no_data (page);
      return;
    }
  const double left = 80, right = 680, top = 20, bottom = 300;
  double x_step = tick_step (max_day), x_end = axis_end (max_day, x_step);
  double y_step = tick_step (MAX (max_share, 0.05)), y_end = axis_end (MAX (max_share, 0.05), y_step);
  svg_begin (page, 350, TEXT_SECTION_OUTFLOW);
  x_axis (page, left, right, top, bottom, x_end, x_step, FALSE, TEXT_AXIS_DAYS_SINCE_OPENING);
  y_axis (page, left, top, bottom, y_end, y_step, TRUE, TEXT_AXIS_SHARE_LASTING_OUTFLOW, right);
  guint drawn = 0;
  for (guint i = first; i < last; i++)
    {
      const CohortSummary *cs = cohorts->pdata[i];
      const Estimate *e = &cs->lasting_outflow;
      if (caseload_is_small (e->n) || e->curve->len == 0)
        continue;
      const char *colour = palette[drawn % G_N_ELEMENTS (palette)];
      g_string_append_printf (page->out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" d=\"", colour);
      double previous_y = bottom;
      for (guint p = 0; p < e->curve->len; p++)
        {
          const CurvePoint *point = &g_array_index (e->curve, CurvePoint, p);
          double x = left + (right - left) * point->day / x_end;
          double y = bottom - (bottom - top) * (1 - point->survival) / y_end;
          g_string_append (page->out, p == 0 ? "M" : " H");
          number (page->out, x);
          if (p == 0)
            {
              g_string_append_c (page->out, ' ');
              number (page->out, y);
            }
          else if (y != previous_y)
            {
              g_string_append (page->out, " V");
              number (page->out, y);
            }
          previous_y = y;
        }
      g_string_append (page->out, "\"/>\n");
      g_autofree char *name = g_strdup_printf ("%s (n = %" G_GUINT64_FORMAT ")", cs->name, e->n);
      legend_entry (page, 700, top + 12 + 22 * drawn, colour, name, TRUE);
      drawn++;
    }
  svg_end (page);
}

/* Per phase, the quartiles of the time in it (cohort "all"): a box from q1 to q3, the median a bar; an end not
 * reached runs open to the right edge, dashed. */
static void
phase_chart (Page *page)
{
  const CohortSummary *all = page->summary->cohorts->pdata[page->summary->cohorts->len - 1];
  const GArray *phases = all->phases;
  double max_day = 0;
  guint shown = 0;
  for (guint i = 0; i < phases->len; i++)
    {
      const Estimate *e = &g_array_index (phases, PhaseEstimate, i).estimate;
      if (caseload_is_small (e->n))
        continue;
      shown++;
      for (guint q = 0; q < 3; q++)
        max_day = MAX (max_day, e->quartiles[q]);
    }
  max_day = MAX (max_day * 1.25, CASELOAD_CURVE_STEP); /* room for the open ends */
  if (shown == 0)
    {
      no_data (page);
      return;
    }
  const double left = 280, right = 720, top = 40, row = 30;
  double bottom = top + row * shown;
  double step = tick_step (max_day), end = axis_end (max_day, step);
  svg_begin (page, (int) bottom + 60, TEXT_SECTION_PHASES);
  legend_entry (page, left, 18, palette[4], page->texts[TEXT_LEGEND_QUARTILES], FALSE);
  legend_entry (page, left + 230, 18, palette[0], page->texts[TEXT_LEGEND_MEDIAN], FALSE);
  g_string_append_printf (page->out, "<rect x=\"%.0f\" y=\"7\" width=\"14\" height=\"14\" class=\"open-end\"/>\n",
                          left + 380);
  label (page, left + 402, 18, "start", "legend", FALSE, page->texts[TEXT_LEGEND_NOT_REACHED]);
  x_axis (page, left, right, top, bottom, end, step, FALSE, TEXT_AXIS_DAYS);
  guint r = 0;
  for (guint i = 0; i < phases->len; i++)
    {
      const PhaseEstimate *pe = &g_array_index (phases, PhaseEstimate, i);
      const Estimate *e = &pe->estimate;
      if (caseload_is_small (e->n))
        continue;
      double y = top + row * r + 6, h = row - 12;
      g_autofree char *phase = short_label (page->rules->models[pe->model].phases[pe->model_phase].label[page->language],
                                            26);
      g_autofree char *name = g_strdup_printf ("%s (n = %" G_GUINT64_FORMAT ")", phase, e->n);
      label (page, left - 8, y + h / 2 + 4, "end", "tick", FALSE, name);
      if (e->quartiles[0] != QUARTILE_NOT_REACHED)
        {
          double x1 = left + (right - left) * e->quartiles[0] / end;
          gboolean open_end = e->quartiles[2] == QUARTILE_NOT_REACHED;
          double x2 = open_end ? right : left + (right - left) * e->quartiles[2] / end;
          if (open_end)
            g_string_append_printf (page->out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                    "class=\"open-end\"/>\n", x1, y, MAX (x2 - x1, 1), h);
          else
            rect (page, x1, y, MAX (x2 - x1, 2), h, palette[4], NULL);
          if (e->quartiles[1] != QUARTILE_NOT_REACHED)
            rect (page, left + (right - left) * e->quartiles[1] / end - 2, y - 3, 4, h + 6, palette[0], NULL);
        }
      else
        label (page, left + 6, y + h / 2 + 4, "start", "tick", FALSE, page->texts[TEXT_LEGEND_NOT_REACHED]);
      r++;
    }
  svg_end (page);
}

/* Per measure, three bars: eligible, ran, eligible but never ran. A small cell is no bar but "<5". */
static void
measure_chart (Page *page)
{
  const ActiveringCaseload *c = page->caseload;
  if (c->measure_population == 0)
    {
      no_data (page);
      return;
    }
  guint64 max = 0;
  for (guint m = 0; m < page->rules->n_measures; m++)
    max = MAX (max, MAX (c->eligible[m], c->ran[m]));
  const double left = 260, right = 840, top = 40, row = 54;
  double bottom = top + row * page->rules->n_measures;
  double step = tick_step ((double) MAX (max, 5)), end = axis_end ((double) MAX (max, 5), step);
  svg_begin (page, (int) bottom + 60, TEXT_SECTION_MEASURES);
  const CaseloadText legends[3] = { TEXT_LEGEND_ELIGIBLE, TEXT_LEGEND_RAN, TEXT_LEGEND_ELIGIBLE_NEVER_RAN };
  const char *colours[3] = { palette[0], palette[2], palette[5] };
  for (guint k = 0; k < 3; k++)
    legend_entry (page, left + 200 * k, 18, colours[k], page->texts[legends[k]], FALSE);
  x_axis (page, left, right, top, bottom, end, step, FALSE, TEXT_AXIS_DOSSIERS);
  for (guint m = 0; m < page->rules->n_measures; m++)
    {
      double y = top + row * m + 5;
      g_autofree char *measure = short_label (page->rules->measures[m].label[page->language], 36);
      label (page, left - 8, y + 24, "end", "tick", FALSE, measure);
      guint64 values[3] = { c->eligible[m], c->ran[m], c->eligible_never_ran[m] };
      for (guint k = 0; k < 3; k++)
        {
          double by = y + 14 * k;
          if (caseload_is_small (values[k]))
            label (page, left + 4, by + 11, "start", "small", FALSE, "<5");
          else
            {
              double w = (right - left) * (double) values[k] / end;
              rect (page, left, by, w, 12, colours[k], NULL);
              g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT, values[k]);
              label (page, left + w + 4, by + 11, "start", "small", FALSE, value);
            }
        }
    }
  svg_end (page);
}

/* The days since the last contact, in the settings' bins, and those without a contact. */
static void
contact_chart (Page *page)
{
  const ActiveringCaseload *c = page->caseload;
  const CaseloadSettings *s = c->settings;
  if (c->gap_population == 0)
    {
      no_data (page);
      return;
    }
  guint n = s->n_bins + 1;
  guint64 max = c->no_contact;
  for (guint b = 0; b < s->n_bins; b++)
    max = MAX (max, c->gap_bins[b]);
  const double left = 90, right = 860, top = 20, bottom = 260;
  double slot = (right - left) / n;
  double step = tick_step ((double) MAX (max, 5)), end = axis_end ((double) MAX (max, 5), step);
  svg_begin (page, 320, TEXT_SECTION_CONTACT_GAP);
  y_axis (page, left, top, bottom, end, step, FALSE, TEXT_AXIS_DOSSIERS, right);
  for (guint b = 0; b < n; b++)
    {
      gboolean none = b == s->n_bins;
      guint64 value = none ? c->no_contact : c->gap_bins[b];
      double x = left + slot * b + slot * 0.15, w = slot * 0.7;
      g_autofree char *name = none ? g_strdup (page->texts[TEXT_NO_CONTACT_BIN])
                              : b + 1 < s->n_bins ? g_strdup_printf ("%u–%u", s->bins[b], s->bins[b + 1] - 1)
                                                  : g_strdup_printf ("%u+", s->bins[b]);
      label (page, x + w / 2, bottom + 16, "middle", "tick", FALSE, name);
      if (caseload_is_small (value))
        label (page, x + w / 2, bottom - 6, "middle", "small", FALSE, "<5");
      else
        {
          double h = (bottom - top) * (double) value / end;
          rect (page, x, bottom - h, w, h, none ? palette[6] : palette[0], none ? " fill-opacity=\"0.45\"" : NULL);
          g_autofree char *shown = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
          label (page, x + w / 2, bottom - h - 5, "middle", "small", FALSE, shown);
        }
    }
  line (page, left, bottom, right, bottom, "axis");
  label (page, (left + right) / 2, bottom + 40, "middle", "axis-title", FALSE, page->texts[TEXT_AXIS_DAYS_SINCE_LAST_CONTACT]);
  svg_end (page);
}

/* ---- tables ---- */

static void
table_head (Page *page, const CaseloadText *columns, guint n)
{
  g_string_append (page->out, "<table><thead><tr>");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (page->out, i == 0 ? "<th>" : "<th class=\"num\">");
      text (page, page->texts[columns[i]]);
      g_string_append (page->out, "</th>");
    }
  g_string_append (page->out, "</tr></thead><tbody>\n");
}

static void
count_row (Page *page, CaseloadText name, guint64 n, gboolean suppressed)
{
  g_string_append (page->out, "<tr><th scope=\"row\">");
  text (page, page->texts[name]);
  g_string_append (page->out, "</th><td class=\"num\">");
  if (suppressed)
    count (page, n);
  else
    g_string_append_printf (page->out, "%" G_GUINT64_FORMAT, n);
  g_string_append (page->out, "</td></tr>\n");
}

static void
dossier_table (Page *page)
{
  const ActiveringCaseload *c = page->caseload;
  g_string_append (page->out, "<table class=\"narrow\"><tbody>\n");
  count_row (page, TEXT_ROW_TOTAL, c->total, TRUE);
  count_row (page, TEXT_ROW_TRAJECTORIES, c->trajectories, TRUE);
  count_row (page, TEXT_ROW_FACTS_ONLY, c->facts_only, TRUE);
  count_row (page, TEXT_ROW_WITH_FACTS, c->with_facts, TRUE);
  count_row (page, TEXT_ROW_NOT_STARTED, c->not_started, TRUE);
  count_row (page, TEXT_ROW_OPEN, c->open, TRUE);
  count_row (page, TEXT_ROW_CLOSED, c->closed, TRUE);
  count_row (page, TEXT_ROW_BAD_LINES, c->bad_lines, FALSE);
  g_string_append (page->out, "</tbody></table>\n");
}

static void
cohort_table (Page *page)
{
  static const CaseloadText columns[] = { TEXT_COL_PERIOD, TEXT_COL_TRAJECTORIES, TEXT_COL_OPEN, TEXT_COL_CLOSED,
                                          TEXT_COL_MEDIAN_FIRST_MEASURE, TEXT_COL_LASTING_OUTFLOW_RATE,
                                          TEXT_COL_REENTRY_RATE, TEXT_COL_TIMELY_WORK_RATE };
  g_string_append (page->out, "<div class=\"cohorts\">");
  table_head (page, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < page->summary->cohorts->len; i++)
    {
      const CohortSummary *cs = page->summary->cohorts->pdata[i];
      const Cohort *c = cs->cohort;
      g_string_append (page->out, i + 1 == page->summary->cohorts->len ? "<tr class=\"all\"><th scope=\"row\">"
                                                                        : "<tr><th scope=\"row\">");
      text (page, cs->name);
      g_string_append (page->out, "</th><td class=\"num\">");
      count (page, c->trajectories);
      g_string_append (page->out, "</td><td class=\"num\">");
      count (page, c->open);
      g_string_append (page->out, "</td><td class=\"num\">");
      count (page, c->closed);
      g_string_append (page->out, "</td><td class=\"num\">");
      quartile (page, &cs->first_measure, 1);
      g_string_append (page->out, "</td><td class=\"num\">");
      rate (page, c->lasting_met, c->trajectories);
      g_string_append (page->out, "</td><td class=\"num\">");
      rate (page, c->reentered, c->ever_closed);
      g_string_append (page->out, "</td><td class=\"num\">");
      rate (page, c->timely_met, c->timely_met + c->timely_not_met);
      g_string_append (page->out, "</td></tr>\n");
    }
  g_string_append (page->out, "</tbody></table></div>\n");
}

static void
phase_table (Page *page)
{
  static const CaseloadText columns[] = { TEXT_COL_PHASE, TEXT_COL_AT_RISK, TEXT_COL_Q1, TEXT_COL_MEDIAN,
                                          TEXT_COL_Q3 };
  const CohortSummary *all = page->summary->cohorts->pdata[page->summary->cohorts->len - 1];
  if (all->phases->len == 0)
    return;
  table_head (page, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < all->phases->len; i++)
    {
      const PhaseEstimate *pe = &g_array_index (all->phases, PhaseEstimate, i);
      g_string_append (page->out, "<tr><th scope=\"row\">");
      text (page, page->rules->models[pe->model].phases[pe->model_phase].label[page->language]);
      g_string_append (page->out, "</th><td class=\"num\">");
      count (page, pe->estimate.n);
      for (guint q = 0; q < 3; q++)
        {
          g_string_append (page->out, "</td><td class=\"num\">");
          quartile (page, &pe->estimate, q);
        }
      g_string_append (page->out, "</td></tr>\n");
    }
  g_string_append (page->out, "</tbody></table>\n");
}

static void
follow_up_table (Page *page)
{
  const ActiveringCaseload *c = page->caseload;
  g_string_append (page->out, "<table class=\"narrow\"><tbody>\n");
  count_row (page, TEXT_ROW_CONTACT_WARNED, c->gap_warned, TRUE);
  count_row (page, TEXT_ROW_REPORTS_WITHOUT_DECISION, c->no_decision_trajectories, TRUE);
  count_row (page, TEXT_ROW_OPEN_WITH_PARTNER, c->open_with_partner, TRUE);
  count_row (page, TEXT_ROW_COUPLES_FLAGGED, page->summary->couples_flagged, TRUE);
  count_row (page, TEXT_ROW_PARTNER_UNKNOWN, page->summary->partner_unknown, TRUE);
  g_string_append (page->out, "</tbody></table>\n");
}

static void
data_quality_table (Page *page)
{
  const ActiveringCaseload *c = page->caseload;
  if (page->summary->facts->len == 0)
    {
      no_data (page);
      return;
    }
  CaseloadText columns[] = { TEXT_COL_FACT, TEXT_COL_DOSSIERS, TEXT_COL_DECISIONS, TEXT_COL_SUPPLIED_BY,
                             TEXT_COL_ACTORS };
  table_head (page, columns, c->actors != NULL ? 5 : 4);
  for (guint i = 0; i < page->summary->facts->len; i++)
    {
      const FactRow *row = &g_array_index (page->summary->facts, FactRow, i);
      const FactDecl *fact = &page->rules->facts[row->fact];
      g_string_append (page->out, "<tr><th scope=\"row\">");
      text (page, fact->label[page->language]);
      g_string_append (page->out, " <code>");
      text (page, fact->path);
      g_string_append (page->out, "</code></th><td class=\"num\">");
      count (page, row->dossiers);
      g_string_append (page->out, "</td><td class=\"num\">");
      count (page, row->decisions);
      g_string_append (page->out, "</td><td>");
      int role = fact->supplied_by ? rule_set_role_index (page->rules, fact->supplied_by, strlen (fact->supplied_by))
                                   : -1;
      text (page, role >= 0 ? page->rules->roles[role].label[page->language] : fact->supplied_by);
      if (c->actors != NULL)
        {
          g_string_append (page->out, "</td><td>");
          GPtrArray *actors = fact->supplied_by ? g_hash_table_lookup (c->actors, fact->supplied_by) : NULL;
          for (guint a = 0; actors != NULL && a < actors->len; a++)
            {
              if (a > 0)
                g_string_append (page->out, ", ");
              text (page, actors->pdata[a]);
            }
        }
      g_string_append (page->out, "</td></tr>\n");
    }
  if (page->summary->facts_other > 0)
    {
      g_string_append (page->out, "<tr><th scope=\"row\">");
      text (page, page->texts[TEXT_OTHER_FACTS]);
      g_string_append_printf (page->out, ": %" G_GUINT64_FORMAT "</th><td></td><td></td><td></td>%s</tr>\n",
                              page->summary->facts_other, c->actors != NULL ? "<td></td>" : "");
    }
  g_string_append (page->out, "</tbody></table>\n");
}

static const char style[] =
    "body{font-family:'DejaVu Sans',Verdana,sans-serif;color:#222;background:#fff;max-width:960px;margin:2em auto;"
    "padding:0 1em;line-height:1.45}h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;"
    "border-bottom:2px solid #0072B2;padding-bottom:.2em}.meta{color:#555}.notes{background:#f4f7fb;"
    "border-left:4px solid #0072B2;padding:.5em 1em;font-size:.95em}table{border-collapse:collapse;margin:1em 0;"
    "width:100%}table.narrow{width:auto}th,td{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:left;"
    "vertical-align:top}div.cohorts tbody th{white-space:nowrap}td.num,th.num{text-align:right}thead th{border-bottom:2px solid #888}tr.all th,tr.all td"
    "{font-weight:bold}code{font-size:.85em;color:#555}figure{margin:1em 0}svg{max-width:100%;height:auto}"
    "svg text{font-family:'DejaVu Sans',Verdana,sans-serif;fill:#222}.tick{font-size:12px}.small{font-size:11px}"
    ".legend{font-size:13px}.axis-title{font-size:13px;font-weight:bold}.axis{stroke:#444;stroke-width:1}"
    ".grid{stroke:#e3e3e3;stroke-width:1}.open-end{fill:#56B4E9;fill-opacity:.35;stroke:#56B4E9;"
    "stroke-dasharray:4 3}.none{color:#777;font-style:italic}";

static void
heading (Page *page, CaseloadText title)
{
  g_string_append (page->out, "<h2>");
  text (page, page->texts[title]);
  g_string_append (page->out, "</h2>\n");
}

gboolean
activering_caseload_append_html (const ActiveringCaseload *caseload, const char *lang, GString *out, GError **error)
{
  g_return_val_if_fail (caseload != NULL && out != NULL, FALSE);
  int language, text_language;
  if (!caseload_languages (caseload, lang, &language, &text_language, error))
    return FALSE;
  CaseloadSummary *summary = caseload_summary_new (caseload);
  Page page = { .out = out, .summary = summary, .caseload = caseload, .rules = caseload->rules,
                .texts = caseload->settings->texts[text_language], .language = language };
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                          caseload->rules->languages[language]);
  text (&page, page.texts[TEXT_TITLE]);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
  text (&page, page.texts[TEXT_TITLE]);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  char date[11];
  activering_format_date (caseload->as_of, date);
  static const CaseloadText by_texts[] = { TEXT_BY_QUARTER, TEXT_BY_MONTH, TEXT_BY_YEAR };
  g_autoptr (GString) meta = g_string_new (page.texts[TEXT_AS_OF]);
  g_string_replace (meta, "{date}", date, 0);
  g_string_replace (meta, "{by}", page.texts[by_texts[caseload->by]], 0);
  text (&page, meta->str);
  g_string_append (out, "</p>\n<div class=\"notes\">\n");
  static const CaseloadText notes[] = { TEXT_NOTE_CENSORED, TEXT_NOTE_NULL_QUARTILE, TEXT_NOTE_SMALL_CELLS };
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_string_append (out, "<p>");
      text (&page, page.texts[notes[i]]);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</div>\n");
  heading (&page, TEXT_SECTION_DOSSIERS);
  dossier_table (&page);
  heading (&page, TEXT_SECTION_COHORTS);
  cohort_table (&page);
  heading (&page, TEXT_SECTION_OUTFLOW);
  outflow_chart (&page);
  heading (&page, TEXT_SECTION_PHASES);
  phase_chart (&page);
  phase_table (&page);
  heading (&page, TEXT_SECTION_MEASURES);
  measure_chart (&page);
  heading (&page, TEXT_SECTION_CONTACT_GAP);
  contact_chart (&page);
  heading (&page, TEXT_SECTION_FOLLOW_UP);
  follow_up_table (&page);
  heading (&page, TEXT_SECTION_DATA_QUALITY);
  data_quality_table (&page);
  g_string_append (out, "</body>\n</html>\n");
  caseload_summary_free (summary);
  return TRUE;
}
