/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cmd-serve.c: `activering serve`: the decision service over HTTP (docs/service.md). This file reads the options,
 * loads the rule set, and runs the main loop that reloads it (SIGHUP, or its file changed) and stops the service
 * gracefully (SIGTERM, SIGINT); the requests are answered on the threads of serve/serve-http.c. */
#include "config.h"

#include <string.h>

#include <glib-unix.h>
#include <gio/gio.h>

#include "cli-private.h"
#include "serve/serve-http.h"

#define DEFAULT_LISTEN "127.0.0.1:8080"
#define RELOAD_SETTLE_MS 300 /* an editor's save comes as several events: reload once they stop */
#define DRAIN_POLL_MS 20

typedef struct
{
  GMainLoop *loop;
  ServeContext *context;
  ServeHttp *http;
  guint shutdown_timeout;
  gint64 deadline;    /* when the requests in flight are cut; 0 while serving */
  guint reload_source;
} Service;

static void
reload (Service *service, const char *why)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) old = serve_rules_dup (service->context->rules);
  if (!serve_rules_reload (service->context->rules, &error))
    {
      g_printerr ("activering: reload (%s) refused, still serving %s %s (%s): %s\n", why,
                  activering_rule_set_get_id (old), activering_rule_set_get_version (old),
                  activering_rule_set_get_digest (old), error->message);
      return;
    }
  g_autoptr (ActiveringRuleSet) rules = serve_rules_dup (service->context->rules);
  g_printerr ("activering: reload (%s): now serving %s %s (%s)\n", why, activering_rule_set_get_id (rules),
              activering_rule_set_get_version (rules), activering_rule_set_get_digest (rules));
}

static gboolean
on_hangup (gpointer data)
{
  reload (data, "SIGHUP");
  return G_SOURCE_CONTINUE;
}

static gboolean
reload_settled (gpointer data)
{
  Service *service = data;
  service->reload_source = 0;
  reload (service, "the rule file changed");
  return G_SOURCE_REMOVE;
}

static void
on_rules_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, gpointer data)
{
  Service *service = data;
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED
      && event != G_FILE_MONITOR_EVENT_CHANGED)
    return;
  if (service->reload_source != 0)
    g_source_remove (service->reload_source);
  service->reload_source = g_timeout_add (RELOAD_SETTLE_MS, reload_settled, service);
}

static gboolean
drained (gpointer data)
{
  Service *service = data;
  gint in_flight = g_atomic_int_get (&service->context->in_flight);
  if (in_flight > 0 && g_get_monotonic_time () < service->deadline)
    return G_SOURCE_CONTINUE;
  if (in_flight > 0)
    g_printerr ("activering: %d request%s still in flight after %u s: cut\n", in_flight, in_flight == 1 ? "" : "s",
                service->shutdown_timeout);
  g_main_loop_quit (service->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
on_terminate (gpointer data)
{
  Service *service = data;
  if (service->deadline != 0)
    return G_SOURCE_CONTINUE; /* already stopping */
  serve_http_stop_accepting (service->http);
  gint in_flight = g_atomic_int_get (&service->context->in_flight);
  g_printerr ("activering: stopping: no new connections; finishing the %d request%s in flight\n", in_flight,
              in_flight == 1 ? "" : "s");
  service->deadline = g_get_monotonic_time () + (gint64) service->shutdown_timeout * G_USEC_PER_SEC;
  g_timeout_add (DRAIN_POLL_MS, drained, service);
  return G_SOURCE_CONTINUE;
}

/* HOST:PORT, [V6]:PORT or localhost:PORT, as an address; prints the error and returns NULL. */
static GInetSocketAddress *
parse_listen (const char *text)
{
  const char *colon = strrchr (text, ':');
  guint64 port = 0;
  g_autofree char *host = colon != NULL ? g_strndup (text, (gsize) (colon - text)) : NULL;
  if (host != NULL && host[0] == '[' && g_str_has_suffix (host, "]"))
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = inner;
    }
  if (host != NULL && strcmp (host, "localhost") == 0)
    {
      g_free (host);
      host = g_strdup ("127.0.0.1");
    }
  g_autoptr (GInetAddress) address = host != NULL ? g_inet_address_new_from_string (host) : NULL;
  if (address == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      cli_error ("--listen: \"%s\" is not HOST:PORT with HOST an IP address (e.g. 127.0.0.1:8080, [::1]:8080)", text);
      return NULL;
    }
  return G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (address, (guint16) port));
}

/* The token: the file's first line, without surrounding white space. */
static char *
read_token (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      cli_error ("--token-file: %s", error->message);
      return NULL;
    }
  char *newline = strchr (text, '\n');
  if (newline != NULL)
    *newline = '\0';
  g_strstrip (text);
  if (strlen (text) < 16)
    {
      cli_error ("--token-file: %s: the token must be at least 16 characters long", path);
      return NULL;
    }
  for (const char *p = text; *p; p++)
    if (!g_ascii_isgraph (*p))
      {
        cli_error ("--token-file: %s: the token must be printable ASCII without spaces", path);
        return NULL;
      }
  return g_steal_pointer (&text);
}

typedef struct
{
  const char *name;
  char *text; /* the option's value as given (GOption's, freed by clear_counts) */
  guint64 min, max, value;
} Count;

static void
clear_counts (Count *counts, guint n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&counts[i].text, g_free);
}

static gboolean
parse_counts (Count *counts, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      Count *c = &counts[i];
      if (c->text == NULL)
        continue;
      if (!g_ascii_isdigit (c->text[0]) || !g_ascii_string_to_unsigned (c->text, 10, c->min, c->max, &c->value, NULL))
        {
          cli_error ("%s: \"%s\" is not a whole number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT, c->name,
                     c->text, c->min, c->max);
          return FALSE;
        }
    }
  return TRUE;
}

int
cmd_serve (int argc, char **argv)
{
  g_autofree char *listen = NULL, *rules_path = NULL, *token_path = NULL;
  gboolean insecure = FALSE, no_access_log = FALSE;
  enum { THREADS, MAX_BODY, MAX_STREAM, MAX_LINE, MAX_HEADER, REQUEST_TIMEOUT, IDLE_TIMEOUT, MAX_CONNECTIONS,
         MAX_CONCURRENT, SHUTDOWN_TIMEOUT, N_COUNTS };
  Count counts[N_COUNTS] = {
    [THREADS] = { "--threads", NULL, 1, CLI_MAX_JOBS, MIN (g_get_num_processors (), CLI_MAX_JOBS) },
    [MAX_BODY] = { "--max-body-bytes", NULL, 1024, G_GUINT64_CONSTANT (1) << 30, 8u << 20 },
    [MAX_STREAM] = { "--max-stream-bytes", NULL, 1024, G_GUINT64_CONSTANT (1) << 40, G_GUINT64_CONSTANT (4) << 30 },
    [MAX_LINE] = { "--max-line-bytes", NULL, 1024, 64u << 20, 1u << 20 },
    [MAX_HEADER] = { "--max-header-bytes", NULL, 1024, 60u << 10, 16u << 10 },
    [REQUEST_TIMEOUT] = { "--request-timeout", NULL, 1, 86400, 300 },
    [IDLE_TIMEOUT] = { "--idle-timeout", NULL, 1, 86400, 30 },
    [MAX_CONNECTIONS] = { "--max-connections", NULL, 1, 1000000, 1024 },
    [MAX_CONCURRENT] = { "--max-concurrent", NULL, 1, 1000000, 256 },
    [SHUTDOWN_TIMEOUT] = { "--shutdown-timeout", NULL, 0, 86400, 10 },
  };
  GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Listen on this address (default " DEFAULT_LISTEN ")",
      "HOST:PORT" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      "Serve this rule set instead of the embedded one; reloaded when it changes or on SIGHUP", "FILE" },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &counts[THREADS].text,
      "Answer requests on N threads (default: the number of cores)", "N" },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_path,
      "Every endpoint but /healthz needs \"Authorization: Bearer\" with the token in this file", "FILE" },
    { "insecure-listen", 0, 0, G_OPTION_ARG_NONE, &insecure,
      "Allow a non-loopback address without --token-file", NULL },
    { "max-body-bytes", 0, 0, G_OPTION_ARG_STRING, &counts[MAX_BODY].text,
      "Largest body of one document, in bytes (413; default 8 MiB)", "N" },
    { "max-stream-bytes", 0, 0, G_OPTION_ARG_STRING, &counts[MAX_STREAM].text,
      "Largest JSON-lines body, in bytes (413; default 4 GiB)", "N" },
    { "max-line-bytes", 0, 0, G_OPTION_ARG_STRING, &counts[MAX_LINE].text,
      "Longest line of a JSON-lines body, in bytes (reported in place; default 1 MiB)", "N" },
    { "max-header-bytes", 0, 0, G_OPTION_ARG_STRING, &counts[MAX_HEADER].text,
      "Largest request headers, in bytes (431; default 16 KiB)", "N" },
    { "request-timeout", 0, 0, G_OPTION_ARG_STRING, &counts[REQUEST_TIMEOUT].text,
      "Longest time from a request's headers to the end of its body, in seconds (408; default 300)", "S" },
    { "idle-timeout", 0, 0, G_OPTION_ARG_STRING, &counts[IDLE_TIMEOUT].text,
      "Close a connection silent for this long, in seconds (default 30)", "S" },
    { "max-connections", 0, 0, G_OPTION_ARG_STRING, &counts[MAX_CONNECTIONS].text,
      "Most connections open at once (503 to the next; default 1024)", "N" },
    { "max-concurrent", 0, 0, G_OPTION_ARG_STRING, &counts[MAX_CONCURRENT].text,
      "Most requests handled at once (503 to the next; default 256)", "N" },
    { "shutdown-timeout", 0, 0, G_OPTION_ARG_STRING, &counts[SHUTDOWN_TIMEOUT].text,
      "On SIGTERM, wait this long for the requests in flight, in seconds (default 10)", "S" },
    { "no-access-log", 0, 0, G_OPTION_ARG_NONE, &no_access_log, "Do not log each request on standard error", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("— answer the contract's documents over HTTP");
  g_option_context_add_main_entries (options, entries, NULL);
  gboolean parsed = cli_parse_options (options, &argc, &argv);
  gboolean counted = parsed && parse_counts (counts, N_COUNTS);
  clear_counts (counts, N_COUNTS);
  if (!counted)
    return EXIT_USAGE;
  if (argc > 1)
    {
      cli_error ("serve takes no arguments (see --help)");
      return EXIT_USAGE;
    }
  g_autoptr (GInetSocketAddress) address = parse_listen (listen != NULL ? listen : DEFAULT_LISTEN);
  if (address == NULL)
    return EXIT_USAGE;
  GInetAddress *host = g_inet_socket_address_get_address (address);
  if (!g_inet_address_get_is_loopback (host) && token_path == NULL && !insecure)
    {
      cli_error ("--listen: %s is not a loopback address: give --token-file (and put TLS in front, see "
                 "docs/service.md), or --insecure-listen",
                 listen);
      return EXIT_USAGE;
    }
  ServeContext context = {
    .limits = { .max_body = counts[MAX_BODY].value, .max_stream = counts[MAX_STREAM].value,
                .max_line = counts[MAX_LINE].value, .max_header = counts[MAX_HEADER].value,
                .request_timeout = (guint) counts[REQUEST_TIMEOUT].value,
                .idle_timeout = (guint) counts[IDLE_TIMEOUT].value,
                .max_connections = (guint) counts[MAX_CONNECTIONS].value,
                .max_concurrent = (guint) counts[MAX_CONCURRENT].value },
  };
  if (token_path != NULL && (context.token = read_token (token_path)) == NULL)
    return EXIT_USAGE;
  g_autoptr (ActiveringRuleSet) rules = cli_load_rules (rules_path);
  if (rules == NULL)
    {
      g_free (context.token);
      return EXIT_INPUT_ERRORS;
    }
  context.rules = serve_rules_new (rules, rules_path);
  context.metrics = serve_metrics_new ();
  g_autoptr (GError) error = NULL;
  Service service = { .context = &context, .shutdown_timeout = (guint) counts[SHUTDOWN_TIMEOUT].value };
  service.http = serve_http_new (&context, address, (guint) counts[THREADS].value, !no_access_log, &error);
  int status = EXIT_DONE;
  if (service.http == NULL)
    {
      cli_error ("--listen: %s", error->message);
      status = EXIT_INPUT_ERRORS;
    }
  else
    {
      service.loop = g_main_loop_new (NULL, FALSE);
      guint sources[] = { g_unix_signal_add (SIGHUP, on_hangup, &service),
                          g_unix_signal_add (SIGTERM, on_terminate, &service),
                          g_unix_signal_add (SIGINT, on_terminate, &service) };
      g_autoptr (GFileMonitor) monitor = NULL;
      if (rules_path != NULL)
        {
          g_autoptr (GFile) file = g_file_new_for_path (rules_path);
          monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
          if (monitor != NULL)
            g_signal_connect (monitor, "changed", G_CALLBACK (on_rules_changed), &service);
        }
      serve_http_start (service.http);
      g_autofree char *where = g_inet_address_to_string (host);
      gboolean v6 = g_inet_address_get_family (host) == G_SOCKET_FAMILY_IPV6;
      g_printerr ("activering: serving %s %s (%s) on http://%s%s%s:%u/ with %u thread%s%s\n",
                  activering_rule_set_get_id (rules), activering_rule_set_get_version (rules),
                  activering_rule_set_get_digest (rules), v6 ? "[" : "", where, v6 ? "]" : "",
                  serve_http_get_port (service.http), (guint) counts[THREADS].value,
                  counts[THREADS].value == 1 ? "" : "s", context.token != NULL ? ", token required" : "");
      g_main_loop_run (service.loop);
      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        g_source_remove (sources[i]);
      if (service.reload_source != 0)
        g_source_remove (service.reload_source);
      if (monitor != NULL)
        g_signal_handlers_disconnect_by_data (monitor, &service);
      serve_http_free (service.http);
      g_main_loop_unref (service.loop);
      g_printerr ("activering: stopped\n");
    }
  serve_metrics_free (context.metrics);
  serve_rules_free (context.rules);
  g_free (context.token);
  return status;
}
