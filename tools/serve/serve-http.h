/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-http.h: the HTTP server of `activering serve`, on libsoup. */
#pragma once

#include <gio/gio.h>

#include "serve-private.h"

typedef struct ServeHttp ServeHttp;

/* Binds @threads listening sockets to @address (SO_REUSEPORT: the kernel spreads the connections over them), each
 * to be served by a thread of its own; NULL with @error if the address cannot be bound. */
ServeHttp *serve_http_new (ServeContext *context, GInetSocketAddress *address, guint threads, gboolean access_log,
                           GError **error);
/* The port bound (the one asked for, or the one the system chose for port 0). */
guint16 serve_http_get_port (ServeHttp *http);
/* Starts the threads: each accepts and answers on its own socket until serve_http_free(). */
void serve_http_start (ServeHttp *http);
/* Stops accepting connections: the listening sockets close; answers say "Connection: close" from now on. */
void serve_http_stop_accepting (ServeHttp *http);
/* Stops the threads (connections still open are closed) and frees @http. */
void serve_http_free (ServeHttp *http);
