/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-http.c: the service's HTTP side, on libsoup-3.0. libsoup parses and writes HTTP; this file adds what the
 * service promises around it: the limits, the streaming of JSON lines, the access log and the metrics.
 *
 * One SoupServer per thread, each in its own GMainContext with a listening socket of its own on the same port
 * (SO_REUSEPORT): the kernel spreads the connections, and a request is read, answered and written on one thread,
 * with no locks but the rule set's swap and the metrics'. A new connection is counted (and refused over the limit)
 * and given the idle timeout when libsoup starts its first request, before any byte is read.
 *
 * A JSON-lines body is screened chunk by chunk as it arrives (libsoup's got-chunk, not accumulated). libsoup
 * answers an HTTP/1.1 request once its body is read, so the answers of a long stream are kept meanwhile in an
 * unlinked temporary file, not in memory, and sent from it in chunks (chunked transfer encoding). */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "serve-http.h"

#define SPOOL_AFTER (256u << 10) /* a stream's answers beyond this go to its temporary file */
#define SEND_CHUNK (64u << 10)

typedef struct ServeThread ServeThread;

struct ServeHttp
{
  ServeContext *context;
  guint n_threads;
  ServeThread *threads;
  guint16 port;
  gboolean access_log;
  gint draining; /* atomic: stop_accepting was called */
};

struct ServeThread
{
  ServeHttp *http;
  GMainContext *main_context;
  GMainLoop *loop;
  GThread *thread;
  GSocket *listener;
  SoupServer *server;
  ServeWorker *worker;
};

/* One connection, shared by its requests (the socket's data, and a reference in each request's exchange). */
typedef struct Connection
{
  ServeThread *thread;
  GSocket *socket;            /* not a reference: the connection lives as the socket's data */
  gboolean ended;             /* no longer counted open */
  SoupServerMessage *waiting; /* the request libsoup started that has not sent a byte yet, or NULL */
  GSource *idle_watch;        /* see watch_idle() */
  gint64 idle_deadline;
} Connection;

static void
connection_end (Connection *connection)
{
  if (connection->ended)
    return;
  connection->ended = TRUE;
  g_atomic_int_add (&connection->thread->http->context->connections, -1);
}

static void
stop_idle_watch (Connection *connection)
{
  if (connection->idle_watch == NULL)
    return;
  g_source_destroy (connection->idle_watch);
  g_clear_pointer (&connection->idle_watch, g_source_unref);
}

static void
connection_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) connection_end);
}

/* What the service knows of one request, from its headers to its answer's last byte. */
typedef struct
{
  ServeThread *thread;
  gint64 started;
  ServeRoute route;
  gboolean in_flight;   /* counted in the context's in_flight */
  gboolean refused;     /* answered before its body was read */
  gsize received;
  gboolean too_large, timed_out;
  ServeStream *stream;
  GString *out;         /* a stream's answers not yet spooled */
  int spool;            /* -1: none */
  gboolean spool_failed, sent_all;
  guint64 size;         /* the answer's body, bytes */
  gboolean finished;
  SoupServerMessage *msg; /* not a reference: the exchange is the message's data */
  Connection *connection; /* a reference */
} Exchange;

/* The message is going: its connection no longer waits on it. */
static void
exchange_leave (Exchange *ex, SoupServerMessage *msg)
{
  if (ex->connection != NULL && ex->connection->waiting == msg)
    {
      ex->connection->waiting = NULL;
      stop_idle_watch (ex->connection);
    }
}

static void
exchange_free (gpointer data)
{
  Exchange *ex = data;
  serve_stream_free (ex->stream);
  if (ex->out != NULL)
    g_string_free (ex->out, TRUE);
  if (ex->spool >= 0)
    close (ex->spool);
  if (ex->connection != NULL)
    {
      exchange_leave (ex, ex->msg);
      connection_release (ex->connection);
    }
  g_free (ex);
}

static Exchange *
exchange_of (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "activering-exchange");
}

static double
elapsed (const Exchange *ex)
{
  return (double) (g_get_monotonic_time () - ex->started) / G_USEC_PER_SEC;
}

/* The media type without its parameters ("application/json; charset=utf-8" → "application/json"). */
static char *
media_type (SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  return g_strdup (type);
}

/* ---- answers ---- */

/* The headers every answer carries besides its type and length, through @put. */
static void
each_answer_header (const ServeResponse *response, gboolean closing,
                    void (*put) (const char *name, const char *value, gpointer data), gpointer data)
{
  if (response->rules != NULL)
    {
      g_autofree char *name = serve_ruleset_header (response->rules);
      put ("Activering-Ruleset", name, data);
    }
  if (response->allow != NULL)
    put ("Allow", response->allow, data);
  if (response->status == 401)
    put ("WWW-Authenticate", "Bearer", data);
  if (response->status == 503)
    put ("Retry-After", "1", data);
  put ("Cache-Control", "no-store", data);
  if (closing)
    put ("Connection", "close", data);
}

static void
put_soup_header (const char *name, const char *value, gpointer headers)
{
  soup_message_headers_replace (headers, name, value);
}

static void
put_raw_header (const char *name, const char *value, gpointer text)
{
  g_string_append_printf (text, "%s: %s\r\n", name, value);
}

/* @response as HTTP/1.1 text, for a connection libsoup does not write to; it closes after. */
static void
append_raw_answer (GString *text, const ServeResponse *response)
{
  g_string_append_printf (text, "HTTP/1.1 %u %s\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n",
                          response->status, soup_status_get_phrase (response->status), response->content_type,
                          response->body->len);
  each_answer_header (response, TRUE, put_raw_header, text);
  g_string_append (text, "\r\n");
  g_string_append_len (text, response->body->str, (gssize) response->body->len);
}

static void
set_answer_closing (SoupServerMessage *msg, Exchange *ex, ServeResponse *response, gboolean closing)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  each_answer_header (response, closing || g_atomic_int_get (&ex->thread->http->draining), put_soup_header, headers);
  ex->route = response->route;
  ex->size = response->body->len;
  gsize length = response->body->len;
  char *body = g_string_free (response->body, FALSE);
  response->body = NULL;
  soup_server_message_set_status (msg, response->status, NULL);
  soup_server_message_set_response (msg, response->content_type, SOUP_MEMORY_TAKE, body, length);
}

static void
set_answer (SoupServerMessage *msg, Exchange *ex, ServeResponse *response)
{
  set_answer_closing (msg, ex, response, FALSE);
}

static void request_done (ServeThread *thread, SoupServerMessage *msg, gboolean aborted);

/* Answers a request before its body is read, and closes the connection after. libsoup 3.2 writes an answer only
 * once it has read the whole body, however large, unless the client asked "Expect: 100-continue"; so when a body
 * is on its way the answer is written here, on the connection taken back from libsoup. */
static void
answer_before_body (SoupServerMessage *msg, Exchange *ex, ServeResponse *response)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (request);
  gboolean body_coming = (encoding == SOUP_ENCODING_CHUNKED
                          || (encoding == SOUP_ENCODING_CONTENT_LENGTH
                              && soup_message_headers_get_content_length (request) > 0))
                         && !(soup_message_headers_get_expectations (request) & SOUP_EXPECTATION_CONTINUE);
  ex->refused = TRUE;
  GIOStream *stream = body_coming ? soup_server_message_steal_connection (msg) : NULL;
  if (stream == NULL)
    {
      set_answer_closing (msg, ex, response, TRUE);
      return;
    }
  g_autoptr (GString) text = g_string_new (NULL);
  append_raw_answer (text, response);
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), text->str, text->len, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
  ex->route = response->route;
  ex->size = response->body->len;
  soup_server_message_set_status (msg, response->status, NULL);
  if (ex->connection != NULL)
    connection_end (ex->connection);
  request_done (ex->thread, msg, FALSE);
}

/* Refuses a request with an error, before its body is read (see answer_before_body). */
static void
refuse (SoupServerMessage *msg, Exchange *ex, guint status, const char *code, const char *message, const char *allow)
{
  ServeResponse response;
  serve_response_init (&response);
  response.route = ex->route;
  serve_response_set_error (&response, status, code, message);
  response.allow = allow;
  answer_before_body (msg, ex, &response);
  serve_response_clear (&response);
}

/* ---- a stream's answers: kept in memory up to SPOOL_AFTER, then in a temporary file ---- */

static void
spool (Exchange *ex, gsize threshold)
{
  if (ex->out->len < threshold || ex->spool_failed)
    return;
  if (ex->spool < 0)
    {
      g_autofree char *name = NULL;
      ex->spool = g_file_open_tmp ("activering-serve-XXXXXX", &name, NULL);
      if (ex->spool < 0)
        {
          ex->spool_failed = TRUE;
          return;
        }
      g_unlink (name); /* gone with its descriptor */
    }
  gsize done = 0;
  while (done < ex->out->len)
    {
      ssize_t n = write (ex->spool, ex->out->str + done, ex->out->len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ex->spool_failed = TRUE;
          break;
        }
      done += (gsize) n;
    }
  g_string_truncate (ex->out, 0);
}

/* Queues the next chunk of the spooled answers, or ends the body. */
static void
send_next_chunk (SoupServerMessage *msg, Exchange *ex)
{
  if (ex->sent_all)
    return;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  char *chunk = g_malloc (SEND_CHUNK);
  ssize_t n;
  do
    n = read (ex->spool, chunk, SEND_CHUNK);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    {
      g_free (chunk);
      soup_message_body_complete (body);
      ex->sent_all = TRUE;
      return;
    }
  soup_message_body_append (body, SOUP_MEMORY_TAKE, chunk, (gsize) n);
}

static void
wrote_chunk (SoupServerMessage *msg, guint size, gpointer data)
{
  send_next_chunk (msg, data);
}

static void
answer_stream (SoupServerMessage *msg, Exchange *ex)
{
  serve_stream_finish (ex->stream, ex->out);
  ServeResponse response;
  serve_response_init (&response);
  response.route = ex->route;
  response.rules = activering_rule_set_ref (serve_stream_get_rules (ex->stream));
  response.content_type = "application/x-ndjson";
  if (ex->spool < 0)
    {
      g_string_append_len (response.body, ex->out->str, (gssize) ex->out->len);
      set_answer (msg, ex, &response);
      serve_response_clear (&response);
      return;
    }
  spool (ex, 0);
  if (ex->spool_failed || lseek (ex->spool, 0, SEEK_SET) < 0)
    {
      serve_response_set_error (&response, 500, "io", "the answers of the stream could not be kept "
                                                      "(temporary directory full or not writable?)");
      set_answer (msg, ex, &response);
      serve_response_clear (&response);
      return;
    }
  off_t total = lseek (ex->spool, 0, SEEK_END);
  lseek (ex->spool, 0, SEEK_SET);
  set_answer (msg, ex, &response); /* the headers; the body follows from the file */
  serve_response_clear (&response);
  ex->size = (guint64) MAX (total, 0);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  soup_message_body_truncate (body);
  soup_message_body_set_accumulate (body, FALSE);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (wrote_chunk), ex);
  /* one chunk ahead of the writer, so that it never finds the body empty */
  send_next_chunk (msg, ex);
  send_next_chunk (msg, ex);
}

/* ---- reading a request ---- */

static void
got_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  Exchange *ex = data;
  gsize size = g_bytes_get_size (chunk);
  ServeLimits *limits = &ex->thread->http->context->limits;
  ex->received += size;
  if (!ex->too_large && ex->received > (ex->stream != NULL ? limits->max_stream : limits->max_body))
    {
      ex->too_large = TRUE;
      SoupMessageBody *body = soup_server_message_get_request_body (msg);
      soup_message_body_set_accumulate (body, FALSE); /* the rest is read and dropped */
      soup_message_body_truncate (body);
    }
  if (!ex->timed_out && limits->request_timeout > 0 && elapsed (ex) > limits->request_timeout)
    ex->timed_out = TRUE;
  if (ex->stream != NULL && !ex->too_large && !ex->timed_out)
    {
      gsize length;
      const char *text = g_bytes_get_data (chunk, &length);
      serve_stream_feed (ex->stream, text, length, ex->out);
      spool (ex, SPOOL_AFTER);
    }
}

static gsize
headers_size (SoupMessageHeaders *headers)
{
  gsize size = 0;
  SoupMessageHeadersIter iter;
  const char *name, *value;
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    size += strlen (name) + strlen (value) + 4;
  return size;
}

static void
fill_request (SoupServerMessage *msg, ServeRequest *request, char **type)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  memset (request, 0, sizeof *request);
  request->method = soup_server_message_get_method (msg);
  request->path = g_uri_get_path (uri);
  request->query = g_uri_get_query (uri);
  *type = media_type (headers);
  request->content_type = *type;
  request->authorization = soup_message_headers_get_one (headers, "Authorization");
}

/* After the headers, before the body: every check that needs no body, so that a request refused is not read. */
static void
early_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  ServeThread *thread = data;
  ServeContext *context = thread->http->context;
  Exchange *ex = exchange_of (msg);
  exchange_leave (ex, msg); /* its headers came */
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  ServeRequest request;
  g_autofree char *type = NULL;
  fill_request (msg, &request, &type);
  const char *allow, *message;
  guint status = serve_check_request (context, &request, &ex->route, &allow, &message);
  if (headers_size (headers) > context->limits.max_header)
    {
      g_autofree char *text = g_strdup_printf ("the request's headers are larger than %" G_GSIZE_FORMAT
                                               " bytes (see --max-header-bytes)", context->limits.max_header);
      refuse (msg, ex, 431, "too_large", text, NULL);
      return;
    }
  if (status != 0)
    {
      refuse (msg, ex, status, "usage", message, allow);
      return;
    }
  if (g_atomic_int_add (&context->in_flight, 1) >= (gint) context->limits.max_concurrent)
    {
      g_atomic_int_add (&context->in_flight, -1);
      serve_metrics_count_refused (context->metrics, "concurrency");
      refuse (msg, ex, 503, "failed",
              "too many requests at once (see --max-concurrent); try again after the Retry-After seconds", NULL);
      return;
    }
  ex->in_flight = TRUE;
  if (strcmp (request.method, "POST") != 0)
    return;
  gboolean stream = serve_is_stream (&request);
  goffset declared = soup_message_headers_get_content_length (headers);
  gsize limit = stream ? context->limits.max_stream : context->limits.max_body;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH && declared > 0
      && (guint64) declared > limit)
    {
      g_autofree char *text = g_strdup_printf ("the body is larger than %" G_GSIZE_FORMAT " bytes (see %s)", limit,
                                               stream ? "--max-stream-bytes" : "--max-body-bytes");
      refuse (msg, ex, 413, "too_large", text, NULL);
      return;
    }
  if (stream)
    {
      ServeResponse response;
      serve_response_init (&response);
      response.route = ex->route;
      ex->stream = serve_stream_new (thread->worker, request.query, &response);
      if (ex->stream == NULL)
        answer_before_body (msg, ex, &response);
      serve_response_clear (&response);
      if (ex->stream == NULL)
        return;
      ex->out = g_string_new (NULL);
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk), ex);
}

static void
handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  ServeThread *thread = data;
  ServeContext *context = thread->http->context;
  Exchange *ex = exchange_of (msg);
  if (ex->refused)
    return;
  if (ex->too_large)
    {
      g_autofree char *text = g_strdup_printf ("the body is larger than %" G_GSIZE_FORMAT " bytes (see %s)",
                                               ex->stream ? context->limits.max_stream : context->limits.max_body,
                                               ex->stream ? "--max-stream-bytes" : "--max-body-bytes");
      refuse (msg, ex, 413, "too_large", text, NULL);
      return;
    }
  if (ex->timed_out || (context->limits.request_timeout > 0 && elapsed (ex) > context->limits.request_timeout))
    {
      g_autofree char *text = g_strdup_printf ("the request took longer than %u s to arrive (see --request-timeout)",
                                               context->limits.request_timeout);
      refuse (msg, ex, 408, "io", text, NULL);
      return;
    }
  if (ex->stream != NULL)
    {
      answer_stream (msg, ex);
      return;
    }
  ServeRequest request;
  g_autofree char *type = NULL;
  fill_request (msg, &request, &type);
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  request.body = g_bytes_get_data (body, &request.length);
  if (request.body == NULL)
    request.body = "";
  ServeResponse response;
  serve_response_init (&response);
  serve_handle (thread->worker, &request, &response);
  set_answer (msg, ex, &response);
  serve_response_clear (&response);
}

/* ---- connections ---- */

static void
message_disconnected (SoupServerMessage *msg, gpointer data)
{
  Exchange *ex = data;
  if (ex->connection != NULL)
    connection_end (ex->connection);
}

/* A connection over the limit gets a short answer written straight to its socket, and is closed. */
static void
refuse_connection (ServeContext *context, GSocket *socket)
{
  ServeResponse response;
  serve_response_init (&response);
  serve_response_set_error (&response, 503, "failed",
                            "too many connections at once (see --max-connections); try again after the Retry-After "
                            "seconds");
  g_autoptr (GString) text = g_string_new (NULL);
  append_raw_answer (text, &response);
  serve_response_clear (&response);
  g_socket_send (socket, text->str, text->len, NULL, NULL); /* a new socket's buffer takes it whole */
  g_socket_shutdown (socket, TRUE, TRUE, NULL);                 /* libsoup then reads the end, and drops it */
  serve_metrics_count_refused (context->metrics, "connections");
}

/* A connection's first request starts as soon as it is accepted, before any byte: count the connection, refuse it
 * over the limit (or while stopping), and give it the idle timeout. */
static gboolean
connection_opened (ServeThread *thread, SoupServerMessage *msg, Exchange *ex)
{
  ServeContext *context = thread->http->context;
  GSocket *socket = soup_server_message_get_socket (msg);
  if (socket == NULL)
    return TRUE;
  g_signal_connect (msg, "disconnected", G_CALLBACK (message_disconnected), ex);
  Connection *connection = g_object_get_data (G_OBJECT (socket), "activering-connection");
  if (connection != NULL)
    {
      ex->connection = g_rc_box_acquire (connection);
      return TRUE;
    }
  connection = g_rc_box_new0 (Connection);
  connection->thread = thread;
  connection->socket = socket;
  g_object_set_data_full (G_OBJECT (socket), "activering-connection", connection, connection_release);
  ex->connection = g_rc_box_acquire (connection);
  if (g_atomic_int_add (&context->connections, 1) >= (gint) context->limits.max_connections)
    {
      refuse_connection (context, socket);
      return FALSE;
    }
  /* a silent connection (before its first request, or between two) is closed after this */
  g_socket_set_timeout (socket, context->limits.idle_timeout);
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  return TRUE;
}

/* libsoup 3.2 (Debian 12) keeps a connection whose client closed it between two requests, and its descriptor with
 * it, for ever (fixed upstream in 3.3). So, while a connection waits for a request, the service watches it too:
 * at the end of its input, or after --idle-timeout seconds of silence, it closes it. A request libsoup has started
 * (a new connection's first) is taken back from libsoup with its connection; between two requests libsoup holds
 * no message for the connection, and the socket is closed under it. */
static void
close_idle (Connection *connection)
{
  stop_idle_watch (connection);
  SoupServerMessage *waiting = g_steal_pointer (&connection->waiting);
  GIOStream *stream = waiting != NULL ? soup_server_message_steal_connection (waiting) : NULL;
  if (stream != NULL)
    {
      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else
    g_socket_close (connection->socket, NULL);
  connection_end (connection);
}

static gboolean
idle_check (GSocket *socket, GIOCondition condition, gpointer data)
{
  Connection *connection = data;
  if (g_socket_is_closed (socket))
    {
      /* libsoup closed it (its descriptor may already be another connection's) */
      g_clear_pointer (&connection->idle_watch, g_source_unref);
      connection_end (connection);
      return G_SOURCE_REMOVE;
    }
  char byte;
  gssize n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n > 0)
    {
      /* a request comes: libsoup reads it */
      g_clear_pointer (&connection->idle_watch, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  if (n == 0 || (errno != EAGAIN && errno != EINTR) || g_get_monotonic_time () >= connection->idle_deadline)
    {
      /* close_idle destroys the watch, from inside its own callback */
      GSource *self = g_source_ref (connection->idle_watch);
      close_idle (connection);
      g_source_unref (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Watches @connection while it waits for a request; the socket's timeout wakes the watch after the deadline. */
static void
watch_idle (Connection *connection)
{
  if (connection->ended || g_socket_is_closed (connection->socket))
    return;
  connection->idle_deadline = g_get_monotonic_time ()
                              + (gint64) connection->thread->http->context->limits.idle_timeout * G_USEC_PER_SEC;
  if (connection->idle_watch != NULL)
    return;
  connection->idle_watch = g_socket_create_source (connection->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (connection->idle_watch, G_SOURCE_FUNC (idle_check), connection, NULL);
  g_source_attach (connection->idle_watch, connection->thread->main_context);
}

/* ---- the end of a request: metrics and the access log ---- */

/* The path as the access log shows it: the route, never what a client put in the path or the query's values. */
static void
append_log_target (GString *line, SoupServerMessage *msg, ServeRoute route)
{
  static const char *const templates[SERVE_N_ROUTES] = {
    [SERVE_ROUTE_ELIGIBILITY] = "/v1/eligibility", [SERVE_ROUTE_TRAJECTORY_REPORT] = "/v1/trajectory/report",
    [SERVE_ROUTE_ROLES] = "/v1/roles",             [SERVE_ROUTE_RULES] = "/v1/rules",
    [SERVE_ROUTE_RULES_MEASURE] = "/v1/rules/{measure}", [SERVE_ROUTE_SCHEMAS] = "/v1/schemas/{format}",
    [SERVE_ROUTE_OPENAPI] = "/v1/openapi.json",    [SERVE_ROUTE_HEALTHZ] = "/healthz",
    [SERVE_ROUTE_METRICS] = "/metrics",            [SERVE_ROUTE_OTHER] = "(unknown path)",
  };
  g_string_append (line, templates[MIN (route, SERVE_ROUTE_OTHER)]);
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  if (query == NULL || route == SERVE_ROUTE_OTHER)
    return;
  static const char *const known[] = { "as_of", "lang", "compact", "all" };
  g_auto (GStrv) params = g_strsplit (query, "&", 0);
  char separator = '?';
  for (guint i = 0; params[i] != NULL; i++)
    {
      const char *name = "(other)";
      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_str_has_prefix (params[i], known[k])
            && (params[i][strlen (known[k])] == '=' || params[i][strlen (known[k])] == '\0'))
          name = known[k];
      g_string_append_printf (line, "%c%s", separator, name);
      separator = '&';
    }
}

static const char *
log_method (const char *method)
{
  static const char *const methods[] = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" };
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (strcmp (method, methods[i]) == 0)
      return methods[i];
  return "(other)";
}

static void
request_done (ServeThread *thread, SoupServerMessage *msg, gboolean aborted)
{
  Exchange *ex = exchange_of (msg);
  if (ex == NULL || ex->finished)
    return;
  ex->finished = TRUE;
  exchange_leave (ex, msg);
  ServeContext *context = thread->http->context;
  double seconds = elapsed (ex);
  guint status = aborted ? 0 : soup_server_message_get_status (msg);
  if (ex->in_flight)
    g_atomic_int_add (&context->in_flight, -1);
  ex->in_flight = FALSE;
  if (!aborted)
    serve_metrics_record (context->metrics, ex->route, status, seconds);
  if (thread->http->access_log)
    {
      g_autoptr (GString) line = g_string_new ("activering: access: ");
      g_string_append_printf (line, "%s ", log_method (soup_server_message_get_method (msg)));
      append_log_target (line, msg, ex->route);
      if (aborted)
        g_string_append (line, " aborted");
      else
        g_string_append_printf (line, " %u", status);
      g_string_append_printf (line, " %" G_GUINT64_FORMAT " %.3f ms\n", ex->size, seconds * 1000);
      fputs (line->str, stderr);
    }
  /* between this request and the next, the connection is watched (see close_idle) */
  const char *closing = soup_message_headers_get_one (soup_server_message_get_response_headers (msg), "Connection");
  if (!aborted && ex->connection != NULL && ex->connection->waiting == NULL
      && (closing == NULL || g_ascii_strcasecmp (closing, "close") != 0))
    watch_idle (ex->connection);
  /* the stream's objects and file go now, not with the message, which libsoup may keep a while */
  g_clear_pointer (&ex->stream, serve_stream_free);
  if (ex->spool >= 0)
    close (ex->spool);
  ex->spool = -1;
}

static void
request_finished (SoupServer *server, SoupServerMessage *msg, gpointer data)
{
  request_done (data, msg, FALSE);
}

static void
request_aborted (SoupServer *server, SoupServerMessage *msg, gpointer data)
{
  request_done (data, msg, TRUE);
}

static void
request_started (SoupServer *server, SoupServerMessage *msg, gpointer data)
{
  Exchange *ex = g_new0 (Exchange, 1);
  ex->thread = data;
  ex->msg = msg;
  ex->refused = !connection_opened (data, msg, ex);
  if (!ex->refused && ex->connection != NULL)
    {
      ex->connection->waiting = msg;
      watch_idle (ex->connection);
    }
  ex->started = g_get_monotonic_time ();
  ex->route = SERVE_ROUTE_OTHER;
  ex->spool = -1;
  g_object_set_data_full (G_OBJECT (msg), "activering-exchange", ex, exchange_free);
}

/* ---- threads ---- */

static gpointer
thread_run (gpointer data)
{
  ServeThread *thread = data;
  g_main_context_push_thread_default (thread->main_context);
  thread->server = soup_server_new ("server-header", "activering ", NULL);
  soup_server_add_early_handler (thread->server, NULL, early_handler, thread, NULL);
  soup_server_add_handler (thread->server, NULL, handler, thread, NULL);
  g_signal_connect (thread->server, "request-started", G_CALLBACK (request_started), thread);
  g_signal_connect (thread->server, "request-finished", G_CALLBACK (request_finished), thread);
  g_signal_connect (thread->server, "request-aborted", G_CALLBACK (request_aborted), thread);
  g_autoptr (GError) error = NULL;
  if (!soup_server_listen_socket (thread->server, thread->listener, 0, &error))
    g_printerr ("activering: cannot listen: %s\n", error->message);
  g_main_loop_run (thread->loop);
  soup_server_disconnect (thread->server);
  g_clear_object (&thread->server);
  /* what the disconnection left to do (closing the connections) */
  while (g_main_context_iteration (thread->main_context, FALSE))
    ;
  g_main_context_pop_thread_default (thread->main_context);
  return NULL;
}

static GSocket *
listen_on (GInetSocketAddress *address, GError **error)
{
  GSocketFamily family = g_socket_address_get_family (G_SOCKET_ADDRESS (address));
  g_autoptr (GSocket) socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL || !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, error)
      || !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, error))
    return NULL;
  /* bind(2) itself: g_socket_bind() turns SO_REUSEPORT off again for a stream socket */
  struct sockaddr_storage native;
  gssize size = g_socket_address_get_native_size (G_SOCKET_ADDRESS (address));
  if (size < 0 || !g_socket_address_to_native (G_SOCKET_ADDRESS (address), &native, sizeof native, error))
    return NULL;
  if (bind (g_socket_get_fd (socket), (struct sockaddr *) &native, (socklen_t) size) != 0)
    {
      int saved = errno;
      g_autofree char *where = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot bind to %s: %s", where,
                   g_strerror (saved));
      return NULL;
    }
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_listen (socket, error))
    return NULL;
  g_socket_set_blocking (socket, FALSE);
  return g_steal_pointer (&socket);
}

ServeHttp *
serve_http_new (ServeContext *context, GInetSocketAddress *address, guint threads, gboolean access_log,
                GError **error)
{
  ServeHttp *http = g_new0 (ServeHttp, 1);
  http->context = context;
  http->access_log = access_log;
  http->n_threads = MAX (threads, 1);
  http->threads = g_new0 (ServeThread, http->n_threads);
  g_autoptr (GSocketAddress) bound = NULL;
  for (guint i = 0; i < http->n_threads; i++)
    {
      ServeThread *thread = &http->threads[i];
      thread->http = http;
      /* the first socket takes the port (the system's choice for port 0); the others share it */
      thread->listener = listen_on (bound != NULL ? G_INET_SOCKET_ADDRESS (bound) : address, error);
      if (thread->listener == NULL)
        {
          serve_http_free (http);
          return NULL;
        }
      if (bound == NULL)
        bound = g_socket_get_local_address (thread->listener, error);
      if (bound == NULL)
        {
          serve_http_free (http);
          return NULL;
        }
      thread->main_context = g_main_context_new ();
      thread->loop = g_main_loop_new (thread->main_context, FALSE);
      thread->worker = serve_worker_new (context);
    }
  http->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return http;
}

guint16
serve_http_get_port (ServeHttp *http)
{
  return http->port;
}

void
serve_http_start (ServeHttp *http)
{
  for (guint i = 0; i < http->n_threads; i++)
    {
      g_autofree char *name = g_strdup_printf ("serve-%u", i);
      http->threads[i].thread = g_thread_new (name, thread_run, &http->threads[i]);
    }
}

void
serve_http_stop_accepting (ServeHttp *http)
{
  g_atomic_int_set (&http->draining, TRUE);
  /* A listening socket shut down refuses new connections at once (shutdown(2) may come from any thread), and
   * libsoup's accept on it fails, which ends its watch in the socket's thread. */
  for (guint i = 0; i < http->n_threads; i++)
    g_socket_shutdown (http->threads[i].listener, TRUE, FALSE, NULL);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
serve_http_free (ServeHttp *http)
{
  if (http == NULL)
    return;
  for (guint i = 0; i < http->n_threads; i++)
    {
      ServeThread *thread = &http->threads[i];
      if (thread->thread != NULL)
        {
          g_main_context_invoke (thread->main_context, quit_loop, thread->loop);
          g_thread_join (thread->thread);
        }
      g_clear_object (&thread->listener);
      g_clear_pointer (&thread->loop, g_main_loop_unref);
      g_clear_pointer (&thread->main_context, g_main_context_unref);
      serve_worker_free (thread->worker);
    }
  g_free (http->threads);
  g_free (http);
}
