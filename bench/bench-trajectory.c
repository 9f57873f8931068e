/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-trajectory.c: how fast libactivering parses trajectory logs, replays them and writes their reports.
 *
 * A benchmark, not a test: it prints a table. The goals it reports against (issue 14) are two million events per
 * second on one core end to end (parse, replay, report document), for logs of 40 events (bench/gen-trajectories.py
 * --events 40), and no heap allocation per event.
 *
 *   bench-trajectory [--count N] [--min-time SECONDS] [--as-of DATE] TRAJECTORIES.jsonl
 *
 * (a) parsing logs (activering_trajectory_parse, refilling one log as the CLI does); (b) replaying already-parsed logs with one reused
 * report (activering_trajectory_report_run); (c) end to end in memory: parse, replay, and the report document
 * (compact, nl). Each loop runs whole passes over the logs for at least --min-time seconds (default
 * $BENCH_MIN_TIME, else 1). The report date defaults to the latest event date of the file, so that every event
 * is replayed. Nothing is pinned; the numbers are for one thread.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <activering/activering.h>

#include "bench-alloc.h"
#include "bench-util.h"

#define GOAL_EVENTS_PER_SECOND 2e6

/* Keeps results alive so that no loop is optimised away. */
static volatile guint64 sink;

/* ---- timed loops: each runs whole passes over the logs until @min_time has gone by ---- */

typedef enum { LOOP_PARSE, LOOP_REPLAY, LOOP_END_TO_END } Loop;

typedef struct {
  guint passes;
  double seconds;
  double cpu;      /* thread CPU seconds over the same loop */
  double rate;     /* trajectories per second */
  gsize out_bytes; /* per pass, end to end */
} Timing;

typedef struct {
  ActiveringRuleSet *rules;
  const Lines *lines;
  ActiveringTrajectory **parsed; /* the logs of the lines that parse, in order */
  guint n_parsed;
  const GDate *as_of;
  double min_time;
} Bench;

/* An empty log to refill from each line, as the CLI does. */
static ActiveringTrajectory *
reusable_log (const Bench *b)
{
  return activering_trajectory_new (b->rules, "bench", activering_trajectory_get_model (b->parsed[0]), NULL);
}

static Timing
time_loop (const Bench *b, Loop loop)
{
  Timing t = { 0 };
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (b->rules);
  g_autoptr (ActiveringTrajectory) log = reusable_log (b);
  GString *out = g_string_sized_new (1 << 17);
  guint n = loop == LOOP_REPLAY ? b->n_parsed : b->lines->n;
  guint64 acc = 0;
  double start = bench_now (), cpu_start = bench_cpu_now ();
  do
    {
      gsize bytes = 0;
      for (guint i = 0; i < n; i++)
        {
          if (loop == LOOP_REPLAY)
            {
              activering_trajectory_report_run (report, b->parsed[i], NULL, b->as_of, NULL);
              acc += activering_trajectory_report_get_n_violations (report);
              continue;
            }
          gsize length;
          const char *line = bench_line_at (b->lines, i, &length);
          if (!activering_trajectory_parse (log, line, (gssize) length, NULL))
            continue;
          acc += activering_trajectory_get_n_events (log);
          if (loop == LOOP_END_TO_END && activering_trajectory_report_run (report, log, NULL, b->as_of, NULL)
              && activering_trajectory_report_append_json (report, "nl", ACTIVERING_JSON_DEFAULT, out, NULL))
            {
              g_string_append_c (out, '\n');
              if (out->len >= (1 << 16))
                {
                  bytes += out->len;
                  g_string_truncate (out, 0);
                }
            }
        }
      t.out_bytes = bytes + out->len;
      g_string_truncate (out, 0);
      t.passes++;
      t.seconds = bench_now () - start;
    }
  while (t.seconds < b->min_time);
  t.cpu = bench_cpu_now () - cpu_start;
  sink += acc;
  g_string_free (out, TRUE);
  t.rate = (double) n * t.passes / t.seconds;
  return t;
}

/* ---- allocations: the end-to-end loop's work, one pass to grow the buffers, a second one counted ---- */

static void
end_to_end_pass (const Bench *b, ActiveringTrajectory *log, ActiveringTrajectoryReport *report, GString *out)
{
  for (guint i = 0; i < b->lines->n; i++)
    {
      gsize length;
      const char *line = bench_line_at (b->lines, i, &length);
      if (!activering_trajectory_parse (log, line, (gssize) length, NULL))
        continue;
      if (activering_trajectory_report_run (report, log, NULL, b->as_of, NULL)
          && activering_trajectory_report_append_json (report, "nl", ACTIVERING_JSON_DEFAULT, out, NULL))
        g_string_append_c (out, '\n');
      if (out->len >= (1 << 16))
        g_string_truncate (out, 0);
    }
}

static guint64
count_allocations (const Bench *b)
{
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (b->rules);
  g_autoptr (ActiveringTrajectory) log = reusable_log (b);
  GString *out = g_string_sized_new (1 << 17);
  end_to_end_pass (b, log, report, out);
  guint64 before = bench_alloc_count ();
  end_to_end_pass (b, log, report, out);
  guint64 n = bench_alloc_count () - before;
  g_string_free (out, TRUE);
  return n;
}

static void
print_rate (const char *what, const Timing *t, double events_each, const char *extra)
{
  printf ("  %-40s %9.0f traj/s %11.0f events/s  %7.2f us each  (%u passes, %.2f s)%s", what, t->rate,
          t->rate * events_each, 1e6 / t->rate, t->passes, t->seconds, extra ? extra : "");
  if (t->cpu < 0.9 * t->seconds)
    printf ("  [busy machine: on the CPU only %.0f%% of the time]", 100 * t->cpu / t->seconds);
  printf ("\n");
}

int
main (int argc, char **argv)
{
  gint count = 1000000;
  const char *env_min_time = g_getenv ("BENCH_MIN_TIME");
  double min_time = env_min_time ? g_ascii_strtod (env_min_time, NULL) : 1.0;
  g_autofree char *as_of_text = NULL;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Use the first N trajectories (default: all, up to 1000000)", "N" },
    { "min-time", 0, 0, G_OPTION_ARG_DOUBLE, &min_time,
      "Seconds each timed loop runs at least (default $BENCH_MIN_TIME, else 1)", "S" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      "Report date YYYY-MM-DD (default: the latest event date of the file)", "DATE" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("TRAJECTORIES.jsonl — benchmark trajectory replay");
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-trajectory: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || count <= 0 || min_time < 0)
    {
      fprintf (stderr, "bench-trajectory: give one JSON-lines file of trajectories (see bench/gen-trajectories.py), "
                       "and positive counts\n");
      return 2;
    }

  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  if (rules == NULL)
    {
      fprintf (stderr, "bench-trajectory: the default rule set does not load: %s\n", error->message);
      return 1;
    }
  Lines lines;
  if (!bench_read_lines ("bench-trajectory", argv[1], (guint) count, &lines))
    return 1;
  if (lines.n == 0)
    {
      fprintf (stderr, "bench-trajectory: %s: no trajectories\n", argv[1]);
      return 1;
    }

  /* Parsed once, for the replay loop; the latest event date is the default report date. */
  ActiveringTrajectory **parsed = g_new0 (ActiveringTrajectory *, lines.n);
  guint n_parsed = 0, bad = 0;
  guint64 events = 0;
  GDate latest, day;
  g_date_clear (&latest, 1);
  g_date_clear (&day, 1);
  for (guint i = 0; i < lines.n; i++)
    {
      gsize length;
      const char *line = bench_line_at (&lines, i, &length);
      g_autoptr (GError) parse_error = NULL;
      ActiveringTrajectory *t = activering_trajectory_new_from_data (rules, line, (gssize) length, &parse_error);
      if (t == NULL)
        {
          if (bad++ < 3)
            fprintf (stderr, "bench-trajectory: line %u: %s\n", i + 1, parse_error->message);
          continue;
        }
      guint n = activering_trajectory_get_n_events (t);
      events += n;
      for (guint e = 0; e < n; e++)
        {
          activering_trajectory_get_event_date (t, e, &day);
          if (!g_date_valid (&latest) || g_date_compare (&day, &latest) > 0)
            latest = day;
        }
      parsed[n_parsed++] = t;
    }
  if (n_parsed == 0)
    {
      fprintf (stderr, "bench-trajectory: %s: no trajectory parses\n", argv[1]);
      return 1;
    }
  GDate as_of;
  g_date_clear (&as_of, 1);
  if (as_of_text != NULL)
    {
      int y, m, d;
      if (strlen (as_of_text) == 10 && sscanf (as_of_text, "%4d-%2d-%2d", &y, &m, &d) == 3
          && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        g_date_set_dmy (&as_of, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      else
        {
          fprintf (stderr, "bench-trajectory: --as-of: not a date YYYY-MM-DD: %s\n", as_of_text);
          return 2;
        }
    }
  else if (g_date_valid (&latest))
    as_of = latest;
  else
    g_date_set_dmy (&as_of, 22, G_DATE_NOVEMBER, 2026);
  double events_each = (double) events / n_parsed;
  char as_of_buf[16];
  g_date_strftime (as_of_buf, sizeof as_of_buf, "%Y-%m-%d", &as_of);

  /* What the replay finds, once, so that the mix is on record next to the figures. */
  g_autoptr (ActiveringTrajectoryReport) report = activering_trajectory_report_new (rules);
  guint64 violations = 0, with_errors = 0;
  for (guint i = 0; i < n_parsed; i++)
    {
      activering_trajectory_report_run (report, parsed[i], NULL, &as_of, NULL);
      guint n = activering_trajectory_report_get_n_violations (report);
      gboolean error_found = FALSE;
      for (guint v = 0; v < n; v++)
        error_found |= activering_trajectory_report_get_violation_severity (report, v) == ACTIVERING_SEVERITY_ERROR;
      violations += n;
      with_errors += error_found;
    }

  printf ("libactivering %s trajectory benchmark\n", ACTIVERING_VERSION_STRING);
  printf ("  machine: %s, %u cores online (this benchmark uses one thread, not pinned)\n", bench_cpu_model (),
          g_get_num_processors ());
  printf ("  %s: %u trajectories (%u unreadable), %.1f events and %.0f bytes each; as of %s: %.2f violations "
          "each, %.1f%% with an error\n",
          argv[1], n_parsed, bad, events_each, (double) lines.bytes / lines.n, as_of_buf,
          (double) violations / n_parsed, 100.0 * (double) with_errors / n_parsed);
  printf ("  each loop runs at least %.1f s\n\n", min_time);

  Bench b = { rules, &lines, parsed, n_parsed, &as_of, min_time };
  char extra[64];
  Timing parse = time_loop (&b, LOOP_PARSE);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s", parse.rate * lines.bytes / lines.n / 1e6);
  print_rate ("(a) parse (activering_trajectory_parse)", &parse, events_each, extra);
  Timing replay = time_loop (&b, LOOP_REPLAY);
  print_rate ("(b) replay (report_run, parsed logs)", &replay, events_each, NULL);
  Timing all = time_loop (&b, LOOP_END_TO_END);
  g_snprintf (extra, sizeof extra, "  %.0f B out each", (double) all.out_bytes / lines.n);
  print_rate ("(c) parse + replay + report JSON", &all, events_each, extra);


  printf ("\n(d) heap allocations of (c), parse + replay + report JSON, counted on a second pass (goal: none per "
          "event)\n");
  guint64 allocations = 0;
  if (!bench_alloc_counting ())
    printf ("  not counted: this build has no counting malloc (a sanitizer, or not glibc)\n");
  else
    {
      allocations = count_allocations (&b);
      printf ("  %.3f per event, %.2f per trajectory (%" G_GUINT64_FORMAT " for %u trajectories, %" G_GUINT64_FORMAT
              " events)\n",
              (double) allocations / (double) events, (double) allocations / n_parsed, allocations, n_parsed, events);
    }

  /* per CPU second: on a shared machine the wall clock counts other programs too */
  double cpu_rate = all.rate * all.seconds / all.cpu;
  printf ("\n  goal: %.0f events/s on one core, end to end: %.0f per CPU second (%.2fx) %s; replay alone %.0f events/s\n",
          GOAL_EVENTS_PER_SECOND, cpu_rate * events_each, cpu_rate * events_each / GOAL_EVENTS_PER_SECOND,
          cpu_rate * events_each >= GOAL_EVENTS_PER_SECOND ? "[goal met]" : "[GOAL MISSED]",
          replay.rate * events_each);
  printf ("  peak RSS %.0f MB\n", bench_peak_rss_kib () / 1024.0);

  for (guint i = 0; i < n_parsed; i++)
    activering_trajectory_free (parsed[i]);
  g_free (parsed);
  bench_lines_clear (&lines);
  return 0;
}
