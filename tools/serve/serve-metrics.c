/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-metrics.c: what GET /metrics tells Prometheus: requests and errors per endpoint and status, a latency
 * histogram per endpoint, the streams' lines, the refusals, and which rule set is in use. */
#include "config.h"

#include "cli-private.h"
#include "serve-private.h"

/* The statuses the service answers with; any other is counted as 500. */
static const guint statuses[] = { 200, 400, 401, 404, 405, 408, 413, 415, 431, 500, 503 };
#define N_STATUSES G_N_ELEMENTS (statuses)
/* Latency buckets, in seconds: a screening takes some tens of microseconds, a large stream seconds. */
static const double buckets[] = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
#define N_BUCKETS G_N_ELEMENTS (buckets)

typedef struct
{
  guint64 by_status[N_STATUSES];
  guint64 in_bucket[N_BUCKETS + 1]; /* the last: above every bucket */
  guint64 count;
  double sum;
} RouteMetrics;

struct ServeMetrics
{
  GMutex lock; /* a few additions per request: cheaper than the atomics they would take */
  RouteMetrics routes[SERVE_N_ROUTES];
  guint64 refused_connections, refused_concurrency;
  guint64 lines, bad_lines;
};

ServeMetrics *
serve_metrics_new (void)
{
  ServeMetrics *metrics = g_new0 (ServeMetrics, 1);
  g_mutex_init (&metrics->lock);
  return metrics;
}

void
serve_metrics_free (ServeMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_mutex_clear (&metrics->lock);
  g_free (metrics);
}

void
serve_metrics_record (ServeMetrics *metrics, ServeRoute route, guint status, double seconds)
{
  guint s = 0;
  while (s < N_STATUSES && statuses[s] != status)
    s++;
  if (s == N_STATUSES)
    s = N_STATUSES - 2; /* 500 */
  guint b = 0;
  while (b < N_BUCKETS && seconds > buckets[b])
    b++;
  RouteMetrics *r = &metrics->routes[MIN (route, SERVE_ROUTE_OTHER)];
  g_mutex_lock (&metrics->lock);
  r->by_status[s]++;
  r->in_bucket[b]++;
  r->count++;
  r->sum += seconds;
  g_mutex_unlock (&metrics->lock);
}

void
serve_metrics_count_refused (ServeMetrics *metrics, const char *reason)
{
  g_mutex_lock (&metrics->lock);
  if (g_str_equal (reason, "connections"))
    metrics->refused_connections++;
  else
    metrics->refused_concurrency++;
  g_mutex_unlock (&metrics->lock);
}

void
serve_metrics_count_lines (ServeMetrics *metrics, guint64 lines, guint64 bad)
{
  g_mutex_lock (&metrics->lock);
  metrics->lines += lines;
  metrics->bad_lines += bad;
  g_mutex_unlock (&metrics->lock);
}

/* A label value: backslash, quote and newline escaped, as the text format wants. */
static void
append_label (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, "%s=\"", name);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' || *p == '"')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
serve_metrics_append (ServeMetrics *metrics, ActiveringRuleSet *rules, ServeRules *holder, guint in_flight,
                      guint connections, GString *out)
{
  ServeMetrics copy;
  g_mutex_lock (&metrics->lock);
  copy = *metrics;
  g_mutex_unlock (&metrics->lock);

  g_string_append (out, "# HELP activering_http_requests_total Requests answered, by endpoint and status.\n"
                        "# TYPE activering_http_requests_total counter\n");
  for (guint r = 0; r < SERVE_N_ROUTES; r++)
    for (guint s = 0; s < N_STATUSES; s++)
      if (copy.routes[r].by_status[s] > 0)
        g_string_append_printf (out, "activering_http_requests_total{endpoint=\"%s\",code=\"%u\"} %" G_GUINT64_FORMAT "\n",
                                serve_route_name (r), statuses[s], copy.routes[r].by_status[s]);
  g_string_append (out, "# HELP activering_http_request_errors_total Requests answered with a status of 400 or more.\n"
                        "# TYPE activering_http_request_errors_total counter\n");
  for (guint r = 0; r < SERVE_N_ROUTES; r++)
    {
      guint64 errors = 0;
      for (guint s = 0; s < N_STATUSES; s++)
        if (statuses[s] >= 400)
          errors += copy.routes[r].by_status[s];
      g_string_append_printf (out, "activering_http_request_errors_total{endpoint=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              serve_route_name (r), errors);
    }
  g_string_append (out, "# HELP activering_http_request_duration_seconds Time from a request's headers to its "
                        "answer's last byte.\n# TYPE activering_http_request_duration_seconds histogram\n");
  for (guint r = 0; r < SERVE_N_ROUTES; r++)
    {
      const RouteMetrics *m = &copy.routes[r];
      guint64 cumulative = 0;
      for (guint b = 0; b <= N_BUCKETS; b++)
        {
          cumulative += m->in_bucket[b];
          g_string_append_printf (out, "activering_http_request_duration_seconds_bucket{endpoint=\"%s\",le=\"",
                                  serve_route_name (r));
          if (b < N_BUCKETS)
            g_string_append_printf (out, "%g", buckets[b]);
          else
            g_string_append (out, "+Inf");
          g_string_append_printf (out, "\"} %" G_GUINT64_FORMAT "\n", cumulative);
        }
      char sum[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_dtostr (sum, sizeof sum, m->sum);
      g_string_append_printf (out, "activering_http_request_duration_seconds_sum{endpoint=\"%s\"} %s\n",
                              serve_route_name (r), sum);
      g_string_append_printf (out, "activering_http_request_duration_seconds_count{endpoint=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              serve_route_name (r), m->count);
    }
  g_string_append_printf (out,
                          "# HELP activering_refused_total Requests refused by a limit before they were read.\n"
                          "# TYPE activering_refused_total counter\n"
                          "activering_refused_total{limit=\"connections\"} %" G_GUINT64_FORMAT "\n"
                          "activering_refused_total{limit=\"concurrency\"} %" G_GUINT64_FORMAT "\n",
                          copy.refused_connections, copy.refused_concurrency);
  g_string_append_printf (out,
                          "# HELP activering_stream_lines_total Lines of JSON-lines bodies screened, and those in "
                          "error.\n# TYPE activering_stream_lines_total counter\n"
                          "activering_stream_lines_total %" G_GUINT64_FORMAT "\n"
                          "# TYPE activering_stream_bad_lines_total counter\n"
                          "activering_stream_bad_lines_total %" G_GUINT64_FORMAT "\n",
                          copy.lines, copy.bad_lines);
  g_string_append_printf (out,
                          "# HELP activering_in_flight_requests Requests being handled now.\n"
                          "# TYPE activering_in_flight_requests gauge\nactivering_in_flight_requests %u\n"
                          "# HELP activering_open_connections Connections open now.\n"
                          "# TYPE activering_open_connections gauge\nactivering_open_connections %u\n",
                          in_flight, connections);
  guint64 reloads, refused;
  serve_rules_get_reloads (holder, &reloads, &refused);
  g_string_append_printf (out,
                          "# HELP activering_ruleset_reloads_total Rule set reloads, done and refused (the old set "
                          "stayed).\n# TYPE activering_ruleset_reloads_total counter\n"
                          "activering_ruleset_reloads_total{result=\"done\"} %" G_GUINT64_FORMAT "\n"
                          "activering_ruleset_reloads_total{result=\"refused\"} %" G_GUINT64_FORMAT "\n",
                          reloads, refused);
  g_string_append (out, "# HELP activering_ruleset_info The rule set in use.\n# TYPE activering_ruleset_info gauge\n"
                        "activering_ruleset_info{");
  append_label (out, "id", activering_rule_set_get_id (rules));
  g_string_append_c (out, ',');
  append_label (out, "version", activering_rule_set_get_version (rules));
  g_string_append_c (out, ',');
  append_label (out, "digest", activering_rule_set_get_digest (rules));
  g_string_append (out, "} 1\n");
}
