/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-serve.c: a load client for `activering serve`, loopback only: N keep-alive connections, each on a thread
 * of its own, send single-dossier POST /v1/eligibility requests one after another (dossiers taken in turn from a
 * JSON-lines file) until a number of requests or a time is reached. Prints requests per second and the p50, p99
 * and p99.9 latencies, and counts every answer that is not a 200 (and every broken connection) as an error.
 *
 *   bench-serve --port P --connections N [--requests R] [--seconds S] [--compact] CASELOAD.jsonl
 *
 * The answers are read by their Content-Length: the service always sends one for a single document. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench-util.h"

typedef struct
{
  guint16 port;
  const Lines *lines;
  guint first;
  guint64 max_requests; /* for this connection */
  double until;
  gboolean compact;
  GArray *latencies; /* double, seconds */
  guint64 errors;
} Connection;

static gboolean
send_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      ssize_t n = send (fd, data, length, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Reads one answer into @in; returns its status, 0 if the connection broke. */
static int
read_answer (int fd, GString *in)
{
  g_string_truncate (in, 0);
  char buffer[65536];
  gsize header_end = 0, need = 0;
  while (TRUE)
    {
      if (header_end == 0)
        {
          char *end = g_strstr_len (in->str, (gssize) in->len, "\r\n\r\n");
          if (end != NULL)
            {
              header_end = (gsize) (end - in->str) + 4;
              const char *cl = g_strstr_len (in->str, (gssize) header_end, "Content-Length: ");
              if (cl == NULL)
                return 0;
              need = header_end + strtoul (cl + 16, NULL, 10);
            }
        }
      if (header_end != 0 && in->len >= need)
        return in->len > 12 ? atoi (in->str + 9) : 0;
      ssize_t n = recv (fd, buffer, sizeof buffer, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return 0;
      g_string_append_len (in, buffer, n);
    }
}

static int
connect_to (guint16 port)
{
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons (port) };
  to.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  int one = 1;
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect (fd, (struct sockaddr *) &to, sizeof to) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static gpointer
run_connection (gpointer data)
{
  Connection *c = data;
  int fd = connect_to (c->port);
  g_autoptr (GString) request = g_string_new (NULL), in = g_string_new (NULL);
  guint64 done = 0;
  for (guint i = c->first; done < c->max_requests && bench_now () < c->until; i++, done++)
    {
      if (fd < 0 && (fd = connect_to (c->port)) < 0)
        {
          c->errors++;
          break;
        }
      gsize length;
      const char *line = bench_line_at (c->lines, i % c->lines->n, &length);
      g_string_printf (request,
                       "POST /v1/eligibility%s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                       c->compact ? "?compact=true" : "", length);
      g_string_append_len (request, line, (gssize) length);
      double start = bench_now ();
      int status = send_all (fd, request->str, request->len) ? read_answer (fd, in) : 0;
      double took = bench_now () - start;
      g_array_append_val (c->latencies, took);
      if (status != 200)
        {
          c->errors++;
          if (status == 0)
            {
              close (fd);
              fd = -1;
            }
        }
    }
  if (fd >= 0)
    close (fd);
  return NULL;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  int port = 0, connections = 1, seconds = 10;
  gint64 requests = 100000;
  gboolean compact = FALSE;
  GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "The service's port on 127.0.0.1", "P" },
    { "connections", 0, 0, G_OPTION_ARG_INT, &connections, "Concurrent keep-alive connections", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT64, &requests, "Stop after this many requests (default 100000)", "R" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "Stop after this long (default 10)", "S" },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact, "Ask for the outcomes only", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("CASELOAD.jsonl — load POST /v1/eligibility");
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || port <= 0 || port > 65535
      || connections < 1 || connections > 1024 || requests < 1 || seconds < 1)
    {
      fprintf (stderr, "bench-serve: %s\n", error ? error->message : "see --help");
      return 2;
    }
  Lines lines;
  if (!bench_read_lines ("bench-serve", argv[1], 100000, &lines))
    return 1;
  Connection *all = g_new0 (Connection, connections);
  GThread **threads = g_new0 (GThread *, connections);
  double start = bench_now ();
  for (int i = 0; i < connections; i++)
    {
      all[i] = (Connection) { .port = (guint16) port, .lines = &lines, .first = (guint) i * 997,
                              .max_requests = (guint64) (requests / connections + (i < requests % connections)),
                              .until = start + seconds, .compact = compact,
                              .latencies = g_array_new (FALSE, FALSE, sizeof (double)) };
      threads[i] = g_thread_new ("client", run_connection, &all[i]);
    }
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 errors = 0;
  for (int i = 0; i < connections; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (latencies, all[i].latencies->data, all[i].latencies->len);
      errors += all[i].errors;
      g_array_free (all[i].latencies, TRUE);
    }
  double wall = bench_now () - start;
  g_array_sort (latencies, compare_doubles);
  guint n = latencies->len;
#define AT(q) (n ? g_array_index (latencies, double, MIN (n - 1, (guint) ((q) * n))) * 1000 : 0)
  printf ("connections %3d: %8u requests in %6.2f s: %8.0f requests/s, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, "
          "%" G_GUINT64_FORMAT " errors\n",
          connections, n, wall, n / wall, AT (0.50), AT (0.99), AT (0.999), errors);
  g_free (threads);
  g_free (all);
  bench_lines_clear (&lines);
  return errors > 0 ? 1 : 0;
}
