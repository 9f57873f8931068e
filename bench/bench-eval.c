/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-eval.c: how fast libactivering loads its rules, parses facts and screens dossiers.
 *
 * A benchmark, not a test: it prints a table and checks only one thing, that the library and the hand-written
 * baseline (baseline.c, "the speed of light") agree on every outcome of the caseload.
 *
 *   bench-eval --caseload caseload.jsonl [--count N] [--min-time SECONDS] [--loads N]
 *
 * (a) loading and compiling the default rule set; (b) evaluations per second from already-parsed facts, all
 * four measures, outcomes only, against the baseline on the same dossiers; (c) the same with the full
 * explanation, and with JSON output; (d) parsing facts documents; (e) heap allocations per dossier once the
 * buffers have grown (bench-alloc.c counts them); (f) what the trace (ACTIVERING_EVALUATE_TRACE) costs against the
 * full result document. Nothing is pinned; the numbers are for one thread.
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

#include "baseline.h"

G_STATIC_ASSERT (BASELINE_ELIGIBLE == (int) ACTIVERING_OUTCOME_ELIGIBLE);
G_STATIC_ASSERT (BASELINE_NOT_ELIGIBLE == (int) ACTIVERING_OUTCOME_NOT_ELIGIBLE);
G_STATIC_ASSERT (BASELINE_UNDETERMINED == (int) ACTIVERING_OUTCOME_UNDETERMINED);
G_STATIC_ASSERT (BASELINE_NOT_APPLICABLE == (int) ACTIVERING_OUTCOME_NOT_APPLICABLE);

static const char *const BASELINE_CODES[BASELINE_N_MEASURES] = { "twe_ocmw", "art60", "ibo", "individueel_maatwerk" };

/* Keeps results alive so that no loop is optimised away. */
static volatile guint64 sink;

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* ---- timed loops: each runs whole passes over the caseload until @min_time has gone by ---- */

typedef enum { MODE_OUTCOMES, MODE_EXPLAIN, MODE_JSON, MODE_COMPACT_JSON, MODE_TRACE_JSON } Mode;

typedef struct {
  guint passes;
  double seconds;
  double cpu;        /* thread CPU seconds over the same loop */
  double rate;       /* dossiers (or lines) per second */
  gsize out_bytes;   /* per pass, for the JSON modes */
} Timing;

static Timing
time_library (ActiveringEvaluation *ev, ActiveringFacts **facts, guint n, Mode mode, double min_time)
{
  Timing t = { 0 };
  ActiveringEvaluateFlags flags = mode == MODE_OUTCOMES || mode == MODE_COMPACT_JSON ? ACTIVERING_EVALUATE_OUTCOMES_ONLY
                                  : mode == MODE_TRACE_JSON                        ? ACTIVERING_EVALUATE_TRACE
                                                                                   : ACTIVERING_EVALUATE_DEFAULT;
  GString *out = g_string_sized_new (1 << 16);
  guint64 acc = 0;
  double start = bench_now (), cpu_start = bench_cpu_now ();
  do
    {
      gsize bytes = 0;
      for (guint i = 0; i < n; i++)
        {
          activering_evaluation_run (ev, facts[i], NULL, flags, NULL);
          switch (mode)
            {
            case MODE_OUTCOMES:
              for (guint m = 0; m < BASELINE_N_MEASURES; m++)
                acc += activering_evaluation_get_outcome (ev, m);
              break;
            case MODE_EXPLAIN:
              for (guint m = 0; m < BASELINE_N_MEASURES; m++)
                acc += activering_evaluation_get_outcome (ev, m) + activering_evaluation_get_n_missing (ev, m);
              break;
            case MODE_JSON:
            case MODE_TRACE_JSON:
              g_string_truncate (out, 0);
              activering_evaluation_append_json (ev, "nl", ACTIVERING_JSON_DEFAULT, out, NULL);
              bytes += out->len + 1;
              break;
            case MODE_COMPACT_JSON:
              g_string_truncate (out, 0);
              activering_evaluation_append_outcomes_json (ev, out);
              bytes += out->len + 1;
              break;
            }
        }
      t.out_bytes = bytes;
      t.passes++;
      t.seconds = bench_now () - start;
    }
  while (t.seconds < min_time);
  t.cpu = bench_cpu_now () - cpu_start;
  sink += acc;
  g_string_free (out, TRUE);
  t.rate = (double) n * t.passes / t.seconds;
  return t;
}

static Timing
time_baseline (const BaselineFacts *facts, guint n, double min_time)
{
  Timing t = { 0 };
  guint64 acc = 0;
  guint8 outcomes[BASELINE_N_MEASURES];
  double start = bench_now (), cpu_start = bench_cpu_now ();
  do
    {
      for (guint i = 0; i < n; i++)
        {
          baseline_evaluate (&facts[i], outcomes);
          acc += outcomes[0] + outcomes[1] + outcomes[2] + outcomes[3];
        }
      t.passes++;
      t.seconds = bench_now () - start;
    }
  while (t.seconds < min_time);
  t.cpu = bench_cpu_now () - cpu_start;
  sink += acc;
  t.rate = (double) n * t.passes / t.seconds;
  return t;
}

static Timing
time_parse (ActiveringRuleSet *rules, const Lines *lines, double min_time, guint *bad)
{
  Timing t = { 0 };
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  *bad = 0;
  double start = bench_now (), cpu_start = bench_cpu_now ();
  do
    {
      for (guint i = 0; i < lines->n; i++)
        {
          gsize length;
          const char *line = bench_line_at (lines, i, &length);
          if (!activering_facts_parse (facts, line, (gssize) length, NULL))
            (*bad)++;
        }
      t.passes++;
      t.seconds = bench_now () - start;
    }
  while (t.seconds < min_time);
  t.cpu = bench_cpu_now () - cpu_start;
  t.rate = (double) lines->n * t.passes / t.seconds;
  return t;
}

static Timing
time_baseline_fill (const Lines *lines, double min_time)
{
  Timing t = { 0 };
  BaselineFacts facts;
  guint64 acc = 0;
  double start = bench_now (), cpu_start = bench_cpu_now ();
  do
    {
      for (guint i = 0; i < lines->n; i++)
        {
          gsize length;
          const char *line = bench_line_at (lines, i, &length);
          acc += baseline_facts_fill (&facts, line, length) + facts.known;
        }
      t.passes++;
      t.seconds = bench_now () - start;
    }
  while (t.seconds < min_time);
  t.cpu = bench_cpu_now () - cpu_start;
  sink += acc;
  t.rate = (double) lines->n * t.passes / t.seconds;
  return t;
}

/* In memory, one line after another: parse, evaluate outcomes only, append the compact JSON line. */
static Timing
time_pipeline (ActiveringRuleSet *rules, const Lines *lines, double min_time)
{
  Timing t = { 0 };
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  GString *out = g_string_sized_new (1 << 17);
  double start = bench_now (), cpu_start = bench_cpu_now ();
  do
    {
      for (guint i = 0; i < lines->n; i++)
        {
          gsize length;
          const char *line = bench_line_at (lines, i, &length);
          if (activering_facts_parse (facts, line, (gssize) length, NULL)
              && activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, NULL))
            {
              activering_evaluation_append_outcomes_json (ev, out);
              g_string_append_c (out, '\n');
            }
          if (out->len >= (1 << 16))
            g_string_truncate (out, 0);
        }
      t.passes++;
      t.seconds = bench_now () - start;
    }
  while (t.seconds < min_time);
  t.cpu = bench_cpu_now () - cpu_start;
  g_string_free (out, TRUE);
  t.rate = (double) lines->n * t.passes / t.seconds;
  return t;
}

/* ---- allocations: a first pass grows the buffers, the second is counted ---- */

typedef struct {
  guint64 first_pass, second_pass;
} AllocCount;

static void
pipeline_pass (ActiveringFacts *facts, ActiveringEvaluation *ev, const Lines *lines, gboolean full, GString *out)
{
  ActiveringEvaluateFlags how = full ? ACTIVERING_EVALUATE_DEFAULT : ACTIVERING_EVALUATE_OUTCOMES_ONLY;
  for (guint i = 0; i < lines->n; i++)
    {
      gsize length;
      const char *line = bench_line_at (lines, i, &length);
      if (activering_facts_parse (facts, line, (gssize) length, NULL)
          && activering_evaluation_run (ev, facts, NULL, how, NULL))
        {
          if (full)
            activering_evaluation_append_json (ev, "nl", 0, out, NULL);
          else
            activering_evaluation_append_outcomes_json (ev, out);
          g_string_append_c (out, '\n');
        }
      if (out->len >= (1 << 16))
        g_string_truncate (out, 0);
    }
}

static AllocCount
count_allocations (ActiveringRuleSet *rules, const Lines *lines, gboolean full)
{
  AllocCount count;
  ActiveringFacts *facts = activering_facts_new (rules);
  ActiveringEvaluation *ev = activering_evaluation_new (rules);
  GString *out = g_string_sized_new (1 << 17);
  guint64 before = bench_alloc_count ();
  pipeline_pass (facts, ev, lines, full, out);
  guint64 middle = bench_alloc_count ();
  pipeline_pass (facts, ev, lines, full, out);
  count.first_pass = middle - before;
  count.second_pass = bench_alloc_count () - middle;
  g_string_free (out, TRUE);
  activering_evaluation_free (ev);
  activering_facts_free (facts);
  return count;
}

static void
print_allocations (const char *what, const AllocCount *count, guint n)
{
  double per_dossier = (double) count->second_pass / n;
  printf ("  %-46s %8.3f per dossier (second pass: %" G_GUINT64_FORMAT "; first pass, buffers growing: %"
          G_GUINT64_FORMAT ")   %s\n", what, per_dossier, count->second_pass, count->first_pass,
          count->second_pass == 0 ? "[goal met]" : "[GOAL MISSED]");
}

static void
print_rate (const char *what, const Timing *t, const char *extra)
{
  printf ("  %-46s %12.0f /s   %8.1f ns each  (%u passes, %.2f s)%s", what, t->rate, 1e9 / t->rate, t->passes,
          t->seconds, extra ? extra : "");
  if (t->cpu < 0.9 * t->seconds)
    printf ("  [busy machine: on the CPU only %.0f%% of the time]", 100 * t->cpu / t->seconds);
  printf ("\n");
}

/* --check-only: one line at a time, so that a caseload of any size can be checked in little memory. */
static int
check_stream (const char *path, guint max)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  if (rules == NULL)
    {
      fprintf (stderr, "bench-eval: the default rule set does not load: %s\n", error->message);
      return 1;
    }
  int index[BASELINE_N_MEASURES];
  for (guint m = 0; m < BASELINE_N_MEASURES; m++)
    if ((index[m] = activering_rule_set_lookup_measure (rules, BASELINE_CODES[m])) < 0)
      {
        fprintf (stderr, "bench-eval: the rule set has no measure %s\n", BASELINE_CODES[m]);
        return 1;
      }
  FILE *input = fopen (path, "r");
  if (input == NULL)
    {
      fprintf (stderr, "bench-eval: %s: %s\n", path, g_strerror (errno));
      return 1;
    }
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  char *line = NULL;
  size_t capacity = 0;
  ssize_t got;
  guint64 n = 0, bad = 0, mismatches[BASELINE_N_MEASURES] = { 0 }, total = 0;
  while (n < max && (got = getline (&line, &capacity, input)) > 0)
    {
      gsize length = (gsize) got;
      while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        length--;
      if (length == 0)
        continue;
      n++;
      BaselineFacts base;
      guint8 expected[BASELINE_N_MEASURES];
      if (!activering_facts_parse (facts, line, (gssize) length, NULL) || !baseline_facts_fill (&base, line, length)
          || !activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, NULL))
        {
          bad++;
          continue;
        }
      baseline_evaluate (&base, expected);
      for (guint m = 0; m < BASELINE_N_MEASURES; m++)
        {
          ActiveringOutcome o = activering_evaluation_get_outcome (ev, (guint) index[m]);
          if ((guint) o != expected[m])
            {
              if (total++ < 10)
                fprintf (stderr, "  mismatch: %s %s: library %s, baseline %s\n", activering_facts_get_id (facts),
                         BASELINE_CODES[m], activering_outcome_to_string (o),
                         activering_outcome_to_string ((ActiveringOutcome) expected[m]));
              mismatches[m]++;
            }
        }
    }
  free (line);
  fclose (input);
  printf ("check: %s: %" G_GUINT64_FORMAT " dossiers (%" G_GUINT64_FORMAT " unreadable): %" G_GUINT64_FORMAT
          " mismatches between library and baseline (",
          path, n, bad, total);
  for (guint m = 0; m < BASELINE_N_MEASURES; m++)
    printf ("%s%s %" G_GUINT64_FORMAT, m ? ", " : "", BASELINE_CODES[m], mismatches[m]);
  printf (")\n");
  return total == 0 && bad == 0 ? 0 : 1;
}

int
main (int argc, char **argv)
{
  g_autofree char *caseload = NULL;
  gint count = 100000, loads = 200;
  double min_time = 1.0;
  gboolean check_only = FALSE;
  GOptionEntry entries[] = {
    { "caseload", 0, 0, G_OPTION_ARG_FILENAME, &caseload, "Facts documents, one per line (JSON lines)", "FILE" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Use the first N dossiers (default 100000)", "N" },
    { "min-time", 0, 0, G_OPTION_ARG_DOUBLE, &min_time, "Seconds each timed loop runs at least (default 1)", "S" },
    { "loads", 0, 0, G_OPTION_ARG_INT, &loads, "How many times to load the rule set (default 200)", "N" },
    { "check-only", 0, 0, G_OPTION_ARG_NONE, &check_only,
      "Only compare the library with the baseline, streaming the first N lines (no timing)", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— benchmark libactivering");
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-eval: %s\n", error->message);
      return 2;
    }
  if (caseload == NULL || count <= 0 || loads <= 0 || min_time < 0)
    {
      fprintf (stderr, "bench-eval: give --caseload FILE (see bench/gen-caseload.py), and positive counts\n");
      return 2;
    }

  if (check_only)
    return check_stream (caseload, (guint) count);

  printf ("libactivering %s benchmark\n", ACTIVERING_VERSION_STRING);
  printf ("  machine: %s, %u cores online (this benchmark uses one thread, not pinned)\n", bench_cpu_model (),
          g_get_num_processors ());

  /* (a) load and compile */
  double *times = g_new (double, loads);
  for (gint i = 0; i < loads; i++)
    {
      double start = bench_now ();
      ActiveringRuleSet *r = activering_rule_set_new_default (&error);
      times[i] = bench_now () - start;
      if (r == NULL)
        {
          fprintf (stderr, "bench-eval: the default rule set does not load: %s\n", error->message);
          return 1;
        }
      activering_rule_set_unref (r);
    }
  double first = times[0];
  qsort (times, (size_t) loads, sizeof (double), compare_doubles);
  double median = loads % 2 ? times[loads / 2] : (times[loads / 2 - 1] + times[loads / 2]) / 2;
  printf ("\n(a) load + compile the default rule set, %d loads (goal: < 5 ms)\n", loads);
  printf ("  median %.3f ms   min %.3f ms   max %.3f ms   first %.3f ms   %s\n", median * 1e3, times[0] * 1e3,
          times[loads - 1] * 1e3, first * 1e3, median < 5e-3 ? "[goal met]" : "[GOAL MISSED]");
  g_free (times);

  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  guint n_measures = activering_rule_set_get_n_measures (rules);
  int index[BASELINE_N_MEASURES];
  for (guint m = 0; m < BASELINE_N_MEASURES; m++)
    {
      index[m] = activering_rule_set_lookup_measure (rules, BASELINE_CODES[m]);
      if (index[m] < 0)
        {
          fprintf (stderr, "bench-eval: the rule set has no measure %s: the baseline is out of date\n",
                   BASELINE_CODES[m]);
          return 1;
        }
    }

  /* the caseload */
  Lines lines;
  double start = bench_now ();
  if (!bench_read_lines ("bench-eval", caseload, (guint) count, &lines))
    return 1;
  printf ("\ncaseload: %s: %u dossiers, %.1f MB, %.0f bytes each on average (read in %.2f s)\n", caseload, lines.n,
          lines.bytes / 1e6, lines.n ? (double) lines.bytes / lines.n : 0.0, bench_now () - start);
  if (lines.n == 0)
    return 1;

  /* parse once into N facts, and fill N baseline structs */
  ActiveringFacts **facts = g_new0 (ActiveringFacts *, lines.n);
  BaselineFacts *base = g_new0 (BaselineFacts, lines.n);
  guint n = 0, bad = 0, bad_baseline = 0;
  gsize rss_before = bench_peak_rss_kib ();
  start = bench_now ();
  for (guint i = 0; i < lines.n; i++)
    {
      gsize length;
      const char *line = bench_line_at (&lines, i, &length);
      g_autoptr (GError) parse_error = NULL;
      ActiveringFacts *f = activering_facts_new (rules);
      if (!activering_facts_parse (f, line, (gssize) length, &parse_error))
        {
          if (bad++ < 3)
            fprintf (stderr, "bench-eval: line %u: %s\n", i + 1, parse_error->message);
          activering_facts_free (f);
          continue;
        }
      if (!baseline_facts_fill (&base[n], line, length))
        {
          if (bad_baseline++ < 3)
            fprintf (stderr, "bench-eval: line %u: the baseline scanner cannot read it\n", i + 1);
          activering_facts_free (f);
          continue;
        }
      facts[n++] = f;
    }
  double parse_all = bench_now () - start;
  printf ("  parsed into %u ActiveringFacts in %.2f s (%u refused by the library, %u by the baseline scanner); "
          "peak RSS grew by %.0f MB\n",
          n, parse_all, bad, bad_baseline, (bench_peak_rss_kib () - rss_before) / 1024.0);
  if (n == 0)
    return 1;

  /* check: the library and the baseline agree on every outcome */
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  guint64 mismatches[BASELINE_N_MEASURES] = { 0 }, explain_mismatches = 0, total_mismatches = 0;
  guint64 histogram[BASELINE_N_MEASURES][4] = { { 0 } };
  for (guint i = 0; i < n; i++)
    {
      guint8 expected[BASELINE_N_MEASURES];
      ActiveringOutcome got[BASELINE_N_MEASURES];
      baseline_evaluate (&base[i], expected);
      if (!activering_evaluation_run (ev, facts[i], NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error))
        {
          fprintf (stderr, "bench-eval: evaluation failed: %s\n", error->message);
          return 1;
        }
      for (guint m = 0; m < BASELINE_N_MEASURES; m++)
        got[m] = activering_evaluation_get_outcome (ev, (guint) index[m]);
      activering_evaluation_run (ev, facts[i], NULL, ACTIVERING_EVALUATE_DEFAULT, NULL);
      for (guint m = 0; m < BASELINE_N_MEASURES; m++)
        {
          histogram[m][got[m] & 3]++;
          explain_mismatches += activering_evaluation_get_outcome (ev, (guint) index[m]) != got[m];
          if ((guint) got[m] != expected[m])
            {
              if (total_mismatches++ < 10)
                fprintf (stderr, "  mismatch: %s %s: library %s, baseline %s\n", activering_facts_get_id (facts[i]),
                         BASELINE_CODES[m], activering_outcome_to_string (got[m]),
                         activering_outcome_to_string ((ActiveringOutcome) expected[m]));
              mismatches[m]++;
            }
        }
    }
  printf ("\ncheck: library vs baseline outcomes on %u dossiers x %d measures: %" G_GUINT64_FORMAT
          " mismatches%s (outcomes-only vs full explanation: %" G_GUINT64_FORMAT ")\n",
          n, BASELINE_N_MEASURES, total_mismatches, total_mismatches ? "  <-- BASELINE OR LIBRARY WRONG" : "",
          explain_mismatches);
  printf ("  %-22s %10s %10s %10s %10s %10s\n", "measure", "eligible", "not_elig", "undeterm", "not_appl", "mismatch");
  for (guint m = 0; m < BASELINE_N_MEASURES; m++)
    printf ("  %-22s %10" G_GUINT64_FORMAT " %10" G_GUINT64_FORMAT " %10" G_GUINT64_FORMAT " %10" G_GUINT64_FORMAT
            " %10" G_GUINT64_FORMAT "\n",
            BASELINE_CODES[m], histogram[m][0], histogram[m][1], histogram[m][2], histogram[m][3], mismatches[m]);
  if (n_measures != BASELINE_N_MEASURES)
    printf ("  note: the rule set has %u measures; the library evaluates all of them, the baseline only these %d\n",
            n_measures, BASELINE_N_MEASURES);

  /* (b) outcomes from parsed facts */
  printf ("\n(b) evaluations per second from parsed facts, %u dossiers, outcomes only: the library evaluates all %u "
          "measures of the rule set, the baseline its %d\n",
          n, n_measures, BASELINE_N_MEASURES);
  Timing lib = time_library (ev, facts, n, MODE_OUTCOMES, min_time);
  Timing bl = time_baseline (base, n, min_time);
  print_rate ("library (ACTIVERING_EVALUATE_OUTCOMES_ONLY)", &lib, NULL);
  print_rate ("baseline (hand-written C)", &bl, NULL);
  /* Per CPU second, so that a busy machine shows less; and per measure, since the two do not evaluate the same
   * number of measures (an approximation: measures differ in size). */
  double lib_ns = 1e9 * lib.cpu / ((double) n * lib.passes), bl_ns = 1e9 * bl.cpu / ((double) n * bl.passes);
  double ratio = lib_ns / bl_ns;
  double per_measure = (lib_ns / n_measures) / (bl_ns / BASELINE_N_MEASURES);
  printf ("  per dossier (CPU time): library %.1f ns for %u measures, baseline %.1f ns for %d: ratio %.2fx\n", lib_ns,
          n_measures, bl_ns, BASELINE_N_MEASURES, ratio);
  printf ("  goal: engine within 3x of the baseline, per measure evaluated: library %.1f ns, baseline %.1f ns: "
          "ratio %.2fx  %s\n",
          lib_ns / n_measures, bl_ns / BASELINE_N_MEASURES, per_measure,
          per_measure <= 3.0 ? "[goal met]" : "[GOAL MISSED]");
  guint hot = MIN (n, 1000);
  Timing lib_hot = time_library (ev, facts, hot, MODE_OUTCOMES, min_time / 2);
  Timing bl_hot = time_baseline (base, hot, min_time / 2);
  printf ("  the same on the first %u dossiers only (facts in cache): library %.0f /s (%.1f ns), baseline %.0f /s "
          "(%.1f ns), ratio %.2fx\n",
          hot, lib_hot.rate, 1e9 / lib_hot.rate, bl_hot.rate, 1e9 / bl_hot.rate, bl_hot.rate / lib_hot.rate);

  /* (c) explanation and JSON, for information */
  printf ("\n(c) for information: with the full explanation, and with JSON output\n");
  Timing explain = time_library (ev, facts, n, MODE_EXPLAIN, min_time);
  print_rate ("run, ACTIVERING_EVALUATE_DEFAULT", &explain, NULL);
  char extra[64];
  Timing json = time_library (ev, facts, n, MODE_JSON, min_time);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s out, %.0f B each", json.out_bytes * json.rate / n / 1e6,
              (double) json.out_bytes / n);
  print_rate ("run DEFAULT + append_json (nl, compact)", &json, extra);
  Timing compact = time_library (ev, facts, n, MODE_COMPACT_JSON, min_time);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s out, %.0f B each", compact.out_bytes * compact.rate / n / 1e6,
              (double) compact.out_bytes / n);
  print_rate ("run OUTCOMES_ONLY + append_outcomes_json", &compact, extra);

  /* (d) parsing */
  printf ("\n(d) parsing facts documents (one ActiveringFacts reused), %u lines, %.0f bytes each\n", lines.n,
          (double) lines.bytes / lines.n);
  guint parse_bad;
  Timing parse = time_parse (rules, &lines, min_time, &parse_bad);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s", parse.rate * lines.bytes / lines.n / 1e6);
  print_rate ("activering_facts_parse", &parse, extra);
  Timing fill = time_baseline_fill (&lines, min_time);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s", fill.rate * lines.bytes / lines.n / 1e6);
  print_rate ("baseline scanner (not optimised, no checks)", &fill, extra);
  Timing pipeline = time_pipeline (rules, &lines, min_time);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s", pipeline.rate * lines.bytes / lines.n / 1e6);
  print_rate ("parse + run + outcomes JSON, in memory", &pipeline, extra);

  printf ("\n(e) heap allocations per dossier, parse + run + output, %u dossiers (goal: none after the first)\n",
          lines.n);
  if (!bench_alloc_counting ())
    printf ("  not counted: this build has no counting malloc (a sanitizer, or not glibc)\n");
  else
    {
      AllocCount compact_count = count_allocations (rules, &lines, FALSE);
      AllocCount full_count = count_allocations (rules, &lines, TRUE);
      print_allocations ("compact (OUTCOMES_ONLY + append_outcomes_json)", &compact_count, lines.n);
      print_allocations ("full (DEFAULT + append_json, nl)", &full_count, lines.n);
    }

  /* (f) what the trace costs, against the full result document it extends */
  printf ("\n(f) tracing cost: the full result document with the trace (ACTIVERING_EVALUATE_TRACE: values read, "
          "valid_until,\n    to_change) against without it (goal: at most 2x)\n");
  Timing traced = time_library (ev, facts, n, MODE_TRACE_JSON, min_time);
  g_snprintf (extra, sizeof extra, "  %.0f MB/s out, %.0f B each", traced.out_bytes * traced.rate / n / 1e6,
              (double) traced.out_bytes / n);
  print_rate ("run TRACE + append_json (nl, compact)", &traced, extra);
  double full_cpu = json.cpu / json.passes, traced_cpu = traced.cpu / traced.passes;
  printf ("  per dossier (CPU time): full %.0f ns, traced %.0f ns: ratio %.2fx (goal <= 2x: %s)\n", 1e9 * full_cpu / n,
          1e9 * traced_cpu / n, traced_cpu / full_cpu, traced_cpu <= 2 * full_cpu ? "met" : "NOT met");

  printf ("\npeak RSS %.0f MB\n", bench_peak_rss_kib () / 1024.0);

  for (guint i = 0; i < n; i++)
    activering_facts_free (facts[i]);
  g_free (facts);
  g_free (base);
  bench_lines_clear (&lines);
  return total_mismatches == 0 && explain_mismatches == 0 ? 0 : 1;
}
