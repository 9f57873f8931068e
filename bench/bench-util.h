/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-util.h: what the benchmark programs share: clocks, a JSON-lines file held in memory, the machine. */
#pragma once

#include <glib.h>

/* Seconds on the monotonic clock, and CPU seconds of this thread: when the second falls well behind the first,
 * something else had the core. */
double bench_now (void);
double bench_cpu_now (void);

/* The non-empty lines of a file, each NUL-terminated, in one buffer. */
typedef struct {
  GString *data;
  GArray *offsets; /* gsize */
  GArray *lengths; /* gsize */
  guint n;
  gsize bytes; /* of the lines, without newlines */
} Lines;

/* Reads at most @max lines of @path; prints "@program: @path: …" and returns FALSE on error. */
gboolean bench_read_lines (const char *program, const char *path, guint max, Lines *out);
const char *bench_line_at (const Lines *lines, guint i, gsize *length);
void bench_lines_clear (Lines *lines);

/* The peak resident set size of this process, in KiB (0 if unknown). */
gsize bench_peak_rss_kib (void);
/* The CPU's model name, from /proc/cpuinfo. */
const char *bench_cpu_model (void);
