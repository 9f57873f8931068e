/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-util.c: what the benchmark programs share. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"

static double
clock_seconds (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

double
bench_now (void)
{
  return clock_seconds (CLOCK_MONOTONIC);
}

double
bench_cpu_now (void)
{
  return clock_seconds (CLOCK_THREAD_CPUTIME_ID);
}

const char *
bench_line_at (const Lines *lines, guint i, gsize *length)
{
  *length = g_array_index (lines->lengths, gsize, i);
  return lines->data->str + g_array_index (lines->offsets, gsize, i);
}

gboolean
bench_read_lines (const char *program, const char *path, guint max, Lines *out)
{
  FILE *input = fopen (path, "r");
  if (input == NULL)
    {
      fprintf (stderr, "%s: %s: %s\n", program, path, g_strerror (errno));
      return FALSE;
    }
  out->data = g_string_sized_new (1 << 20);
  out->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  out->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  out->n = 0;
  out->bytes = 0;
  char *line = NULL;
  size_t capacity = 0;
  ssize_t got;
  while (out->n < max && (got = getline (&line, &capacity, input)) > 0)
    {
      gsize length = (gsize) got;
      while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        length--;
      if (length == 0)
        continue;
      gsize offset = out->data->len;
      g_string_append_len (out->data, line, (gssize) length);
      g_string_append_c (out->data, '\0');
      g_array_append_val (out->offsets, offset);
      g_array_append_val (out->lengths, length);
      out->bytes += length;
      out->n++;
    }
  free (line);
  gboolean ok = !ferror (input);
  fclose (input);
  if (!ok)
    fprintf (stderr, "%s: %s: read error\n", program, path);
  return ok;
}

void
bench_lines_clear (Lines *lines)
{
  g_string_free (lines->data, TRUE);
  g_array_free (lines->offsets, TRUE);
  g_array_free (lines->lengths, TRUE);
}

gsize
bench_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  const char *hwm = strstr (status, "VmHWM:");
  return hwm ? (gsize) g_ascii_strtoull (hwm + 6, NULL, 10) : 0;
}

const char *
bench_cpu_model (void)
{
  static char model[128] = "unknown";
  g_autofree char *info = NULL;
  if (g_file_get_contents ("/proc/cpuinfo", &info, NULL, NULL))
    {
      const char *name = strstr (info, "model name");
      const char *colon = name ? strchr (name, ':') : NULL;
      if (colon != NULL)
        {
          colon++;
          while (*colon == ' ')
            colon++;
          gsize len = strcspn (colon, "\n");
          g_strlcpy (model, colon, MIN (len + 1, sizeof model));
        }
    }
  return model;
}
