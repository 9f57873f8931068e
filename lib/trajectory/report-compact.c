/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* report-compact.c: the bulk of a compact trajectory report (open measures, days, path and runs) from pieces written
 * once.
 *
 * Most of a report line is the rule set's codes around a trajectory's dates and numbers: escaping the same phase and
 * measure codes again for every visit was a good part of what `trajectory --jsonl` took (issue 14). A report writes
 * them once, through the JSON writer, on its first replay; a document then copies them. The indented form for people
 * keeps the plain writer (report.c). The pieces are the report's own, like its other buffers.
 */
#include "config.h"

#include <string.h>

#include "json/json-writer-private.h"
#include "trajectory/trajectory-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/scan-private.h"

#define PUT_LITERAL(out, s) activering_string_append ((out), (s), sizeof (s) - 1)
#define NO_DATE G_MININT32
#define STILL G_MAXINT32

typedef struct
{
  guint offset, len;
} Piece;

struct _ReportPieces
{
  GString *text;
  Piece *phase_key;    /* per phase (report->phase_base): "code": */
  Piece *visit_head;   /* per phase: {"model":"…","phase":"…","from": */
  Piece *measure_key;  /* per measure: "code": */
  Piece *run_head;     /* per measure: {"measure":"…","start": */
  Piece *open_head;    /* per measure: {"measure":"…","since": */
};

/* @scratch from byte @skip on, then @suffix, as a piece. */
static Piece
keep_piece (ReportPieces *p, GString *scratch, gsize skip, const char *suffix)
{
  Piece piece = { (guint) p->text->len, 0 };
  g_string_append_len (p->text, scratch->str + skip, (gssize) (scratch->len - skip));
  g_string_append (p->text, suffix);
  piece.len = (guint) (p->text->len - piece.offset);
  return piece;
}

ReportPieces *
report_pieces_new (const ActiveringTrajectoryReport *report)
{
  const ActiveringRuleSet *rules = report->rules;
  guint n_phases = MAX (report->phase_base[rules->n_models], 1), n_measures = MAX (rules->n_measures, 1);
  ReportPieces *p = g_new0 (ReportPieces, 1);
  p->text = g_string_sized_new (8192);
  p->phase_key = g_new0 (Piece, n_phases);
  p->visit_head = g_new0 (Piece, n_phases);
  p->measure_key = g_new0 (Piece, n_measures);
  p->run_head = g_new0 (Piece, n_measures);
  p->open_head = g_new0 (Piece, n_measures);
  g_autoptr (GString) scratch = g_string_new (NULL);
  JsonWriter writer;
  JsonWriter *w = &writer;
  for (guint m = 0; m < rules->n_models; m++)
    for (guint ph = 0; ph < rules->models[m].n_phases; ph++)
      {
        guint at = report->phase_base[m] + ph;
        g_string_truncate (scratch, 0);
        json_writer_init (w, scratch, FALSE);
        json_writer_string (w, rules->models[m].phases[ph].code);
        p->phase_key[at] = keep_piece (p, scratch, 0, ":");
        g_string_truncate (scratch, 0);
        json_writer_init (w, scratch, FALSE);
        json_writer_begin_object (w);
        json_writer_member_string (w, "model", rules->models[m].code);
        json_writer_member_string (w, "phase", rules->models[m].phases[ph].code);
        p->visit_head[at] = keep_piece (p, scratch, 0, ",\"from\":");
      }
  for (guint m = 0; m < rules->n_measures; m++)
    {
      g_string_truncate (scratch, 0);
      json_writer_init (w, scratch, FALSE);
      json_writer_string (w, rules->measures[m].code);
      p->measure_key[m] = keep_piece (p, scratch, 0, ":");
      g_string_truncate (scratch, 0);
      json_writer_init (w, scratch, FALSE);
      json_writer_begin_object (w);
      json_writer_member_string (w, "measure", rules->measures[m].code);
      p->run_head[m] = keep_piece (p, scratch, 0, ",\"start\":");
      p->open_head[m] = keep_piece (p, scratch, 0, ",\"since\":");
    }
  return p;
}

void
report_pieces_free (ReportPieces *p)
{
  if (p == NULL)
    return;
  g_string_free (p->text, TRUE);
  g_free (p->phase_key);
  g_free (p->visit_head);
  g_free (p->measure_key);
  g_free (p->run_head);
  g_free (p->open_head);
  g_free (p);
}

typedef struct
{
  const ReportPieces *p;
  GString *out;
  JsonWriter digits; /* at the top level, where it writes a number with no comma before it */
} Put;

static inline void
put (Put *P, Piece piece)
{
  activering_string_append (P->out, P->p->text->str + piece.offset, piece.len);
}

static inline void
put_integer (Put *P, gint64 value)
{
  json_writer_integer (&P->digits, value);
}

static void
put_date (Put *P, gint32 day)
{
  char date[12];
  date[0] = '"';
  activering_format_date (day, date + 1);
  date[11] = '"';
  activering_string_append (P->out, date, 12);
}

static void
put_date_or_null (Put *P, gint32 day)
{
  if (day == NO_DATE || day == STILL)
    PUT_LITERAL (P->out, "null");
  else
    put_date (P, day);
}

static inline void
put_comma (Put *P, guint i)
{
  if (i > 0)
    activering_string_append (P->out, ",", 1);
}

void
report_compact_append_middle (const ActiveringTrajectoryReport *report, GString *out)
{
  const ActiveringRuleSet *rules = report->rules;
  Put put_state;
  Put *P = &put_state;
  P->p = report->pieces;
  P->out = out;
  json_writer_init (&P->digits, out, FALSE);
  guint n = 0;
  activering_string_append (out, "[", 1);
  for (guint m = 0; m < rules->n_measures; m++)
    if (report->running[m] >= 0)
      {
        put_comma (P, n++);
        put (P, P->p->open_head[m]);
        put_date (P, g_array_index (report->runs, MeasureRun, report->running[m]).start);
        activering_string_append (out, "}", 1);
      }
  /* days_per_phase: phases in model order, only those visited (see write_days in report.c) */
  PUT_LITERAL (out, "],\"days_per_phase\":{");
  n = 0;
  for (guint m = 0; m < rules->n_models; m++)
    for (guint ph = 0; ph < rules->models[m].n_phases; ph++)
      {
        if (!trajectory_report_visited (report, m, ph))
          continue;
        guint at = report->phase_base[m] + ph;
        put_comma (P, n++);
        put (P, P->p->phase_key[at]);
        put_integer (P, report->days_per_phase[at]);
      }
  PUT_LITERAL (out, "},\"days_per_measure\":{");
  n = 0;
  for (guint m = 0; m < rules->n_measures; m++)
    {
      gboolean ran = FALSE;
      for (guint r = 0; r < report->runs->len && !ran; r++)
        ran = g_array_index (report->runs, MeasureRun, r).measure == m;
      if (!ran)
        continue;
      put_comma (P, n++);
      put (P, P->p->measure_key[m]);
      put_integer (P, report->days_per_measure[m]);
    }
  PUT_LITERAL (out, "},\"path\":[");
  for (guint v = 0; v < report->visits->len; v++)
    {
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      gint32 last = visit->until == STILL ? report->as_of : visit->until;
      put_comma (P, v);
      put (P, P->p->visit_head[report->phase_base[visit->model] + visit->phase]);
      put_date (P, visit->from);
      PUT_LITERAL (out, ",\"until\":");
      put_date_or_null (P, visit->until);
      PUT_LITERAL (out, ",\"days\":");
      put_integer (P, last >= visit->from ? last - visit->from + 1 : 0);
      PUT_LITERAL (out, ",\"event\":");
      put_integer (P, visit->event);
      activering_string_append (out, "}", 1);
    }
  PUT_LITERAL (out, "],\"runs\":[");
  for (guint r = 0; r < report->runs->len; r++)
    {
      const MeasureRun *run = &g_array_index (report->runs, MeasureRun, r);
      gint32 last = run->end == STILL ? report->as_of : run->end;
      put_comma (P, r);
      put (P, P->p->run_head[run->measure]);
      put_date (P, run->start);
      PUT_LITERAL (out, ",\"end\":");
      put_date_or_null (P, run->end);
      PUT_LITERAL (out, ",\"days\":");
      put_integer (P, last >= run->start ? last - run->start + 1 : 0);
      PUT_LITERAL (out, ",\"reason\":");
      if (run->reason == NULL)
        PUT_LITERAL (out, "null");
      else
        activering_append_quoted (out, run->reason, strlen (run->reason), G_MAXSIZE);
      PUT_LITERAL (out, ",\"event\":");
      put_integer (P, run->event);
      activering_string_append (out, "}", 1);
    }
  activering_string_append (out, "]", 1);
}
