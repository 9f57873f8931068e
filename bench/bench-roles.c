/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-roles.c: how fast libactivering assigns the roles of a caseload in an organisation.
 *
 * A benchmark, not a test: it prints a table.
 *
 *   bench-roles [--min-time SECONDS] ORGANISATION.json CASELOAD.jsonl
 *
 * (a) the full evaluation alone, on already-parsed facts (activering_evaluation_run): an assignment starts with
 * one, so this is its floor; (b) the assignment on already-parsed facts (activering_role_assignment_run, every
 * task); (c) end to end in memory: parse the facts, assign, write the roles document (compact, nl), against the
 * goal of issue 14 (150,000 dossiers per second on one core); (d) the heap allocations of (c) per dossier, with one
 * facts object refilled (activering_facts_parse), counted on a second pass once the buffers have grown
 * (bench-alloc.c; goal: none after the first dossier). Each loop runs whole passes over the caseload for at least
 * --min-time seconds (default $BENCH_MIN_TIME, else 1), on one thread.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <activering/activering.h>

#include "bench-alloc.h"
#include "bench-util.h"

#define GOAL_DOSSIERS_PER_SECOND 150000.0

static volatile guint64 sink;

typedef enum { LOOP_EVALUATE, LOOP_ASSIGN, LOOP_END_TO_END } Loop;

typedef struct {
  ActiveringRuleSet *rules;
  const ActiveringOrganisation *organisation;
  const Lines *lines;
  ActiveringFacts **parsed;
  guint n_parsed;
  double min_time;
} Bench;

static double
time_loop (const Bench *b, Loop loop, guint *passes)
{
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (b->rules);
  g_autoptr (ActiveringRoleAssignment) ra = activering_role_assignment_new (b->rules);
  GString *out = g_string_sized_new (1 << 16);
  guint n = loop == LOOP_END_TO_END ? b->lines->n : b->n_parsed;
  guint64 acc = 0;
  *passes = 0;
  double start = bench_now (), cpu_start = bench_cpu_now (), elapsed;
  do
    {
      for (guint i = 0; i < n; i++)
        {
          if (loop == LOOP_EVALUATE)
            {
              activering_evaluation_run (ev, b->parsed[i], NULL, ACTIVERING_EVALUATE_DEFAULT, NULL);
              acc += activering_evaluation_get_outcome (ev, 0);
              continue;
            }
          if (loop == LOOP_ASSIGN)
            {
              activering_role_assignment_run (ra, b->organisation, b->parsed[i], NULL, NULL, ACTIVERING_ROLES_ALL_TASKS,
                                              NULL);
              acc += activering_role_assignment_get_n_gaps (ra);
              continue;
            }
          gsize length;
          const char *line = bench_line_at (b->lines, i, &length);
          ActiveringFacts *facts = activering_facts_new_from_data (b->rules, line, (gssize) length, NULL);
          if (facts == NULL)
            continue;
          if (activering_role_assignment_run (ra, b->organisation, facts, NULL, NULL, ACTIVERING_ROLES_DEFAULT, NULL)
              && activering_role_assignment_append_json (ra, "nl", ACTIVERING_JSON_DEFAULT, out, NULL))
            acc += out->len;
          g_string_truncate (out, 0);
          activering_facts_free (facts);
        }
      (*passes)++;
      elapsed = bench_now () - start;
    }
  while (elapsed < b->min_time);
  sink = acc;
  g_string_free (out, TRUE);
  /* per CPU second: on a shared machine the wall clock counts other programs too */
  return (double) n * *passes / MAX (bench_cpu_now () - cpu_start, 1e-9);
}

/* ---- allocations: (c) with one facts object refilled; a first pass grows the buffers, the second is counted ---- */

static void
end_to_end_pass (const Bench *b, ActiveringFacts *facts, ActiveringRoleAssignment *ra, GString *out)
{
  for (guint i = 0; i < b->lines->n; i++)
    {
      gsize length;
      const char *line = bench_line_at (b->lines, i, &length);
      if (activering_facts_parse (facts, line, (gssize) length, NULL)
          && activering_role_assignment_run (ra, b->organisation, facts, NULL, NULL, ACTIVERING_ROLES_DEFAULT, NULL)
          && activering_role_assignment_append_json (ra, "nl", ACTIVERING_JSON_DEFAULT, out, NULL))
        g_string_append_c (out, '\n');
      if (out->len >= (1 << 16))
        g_string_truncate (out, 0);
    }
}

static guint64
count_allocations (const Bench *b)
{
  g_autoptr (ActiveringFacts) facts = activering_facts_new (b->rules);
  g_autoptr (ActiveringRoleAssignment) ra = activering_role_assignment_new (b->rules);
  GString *out = g_string_sized_new (1 << 17);
  end_to_end_pass (b, facts, ra, out);
  guint64 before = bench_alloc_count ();
  end_to_end_pass (b, facts, ra, out);
  guint64 n = bench_alloc_count () - before;
  g_string_free (out, TRUE);
  return n;
}

int
main (int argc, char **argv)
{
  double min_time = g_getenv ("BENCH_MIN_TIME") ? g_ascii_strtod (g_getenv ("BENCH_MIN_TIME"), NULL) : 1.0;
  int arg = 1;
  if (argc > 3 && strcmp (argv[1], "--min-time") == 0)
    {
      min_time = g_ascii_strtod (argv[2], NULL);
      arg = 3;
    }
  if (argc - arg != 2)
    {
      fprintf (stderr, "usage: bench-roles [--min-time SECONDS] ORGANISATION.json CASELOAD.jsonl\n");
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  g_autofree char *text = NULL;
  gsize size;
  if (rules == NULL || !g_file_get_contents (argv[arg], &text, &size, &error))
    {
      fprintf (stderr, "bench-roles: %s\n", error->message);
      return 1;
    }
  g_autoptr (ActiveringOrganisation) organisation =
      activering_organisation_new_from_data (rules, text, (gssize) size, &error);
  if (organisation == NULL)
    {
      fprintf (stderr, "bench-roles: %s: %s\n", argv[arg], error->message);
      return 1;
    }
  Lines lines;
  if (!bench_read_lines ("bench-roles", argv[arg + 1], G_MAXUINT, &lines))
    return 1;
  Bench b = { rules, organisation, &lines, g_new (ActiveringFacts *, MAX (lines.n, 1)), 0, min_time };
  for (guint i = 0; i < lines.n; i++)
    {
      gsize length;
      const char *line = bench_line_at (&lines, i, &length);
      ActiveringFacts *facts = activering_facts_new_from_data (rules, line, (gssize) length, NULL);
      if (facts != NULL)
        b.parsed[b.n_parsed++] = facts;
    }
  printf ("bench-roles: %u dossiers (%u parse) from %s, organisation %s, rule set %s %s\n", lines.n, b.n_parsed,
          argv[arg + 1], activering_organisation_get_id (organisation), activering_rule_set_get_id (rules),
          activering_rule_set_get_version (rules));
  printf ("CPU: %s; one thread; at least %.1f s per loop\n\n", bench_cpu_model (), min_time);
  printf ("%-52s %14s %12s\n", "loop", "dossiers/CPU s", "µs each");
  static const char *const names[] = { "(a) full evaluation alone (the assignment's floor)",
                                       "(b) assignment of every task, parsed facts",
                                       "(c) parse + assign + roles document" };
  double rates[3];
  for (Loop loop = LOOP_EVALUATE; loop <= LOOP_END_TO_END; loop++)
    {
      guint passes;
      rates[loop] = time_loop (&b, loop, &passes);
      printf ("%-52s %14.0f %12.2f\n", names[loop], rates[loop], 1e6 / rates[loop]);
    }
  printf ("\nassignment / evaluation time: %.1fx\n", rates[LOOP_EVALUATE] / rates[LOOP_ASSIGN]);
  printf ("\n(d) heap allocations of (c), the facts object refilled, counted on a second pass (goal: none after the "
          "first dossier)\n");
  if (!bench_alloc_counting ())
    printf ("  not counted: this build has no counting malloc (a sanitizer, or not glibc)\n");
  else
    {
      guint64 allocations = count_allocations (&b);
      printf ("  %.3f per dossier (%" G_GUINT64_FORMAT " for %u dossiers)   %s\n", (double) allocations / lines.n,
              allocations, lines.n, allocations == 0 ? "[goal met]" : "[GOAL MISSED]");
    }
  printf ("\n  goal: %.0f dossiers/s on one core, end to end (c): %.0f (%.2fx) %s\n", GOAL_DOSSIERS_PER_SECOND,
          rates[LOOP_END_TO_END], rates[LOOP_END_TO_END] / GOAL_DOSSIERS_PER_SECOND,
          rates[LOOP_END_TO_END] >= GOAL_DOSSIERS_PER_SECOND ? "[goal met]" : "[GOAL MISSED]");
  for (guint i = 0; i < b.n_parsed; i++)
    activering_facts_free (b.parsed[i]);
  g_free (b.parsed);
  bench_lines_clear (&lines);
  return 0;
}
