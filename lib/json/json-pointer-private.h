/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-pointer-private.h: the JSON pointer (RFC 6901) of where a reader is in a document, for error messages. */
#pragma once

#include <glib.h>

/* Appends "/<key>" to @path, escaped as a JSON pointer and made safe to show: control characters escaped,
 * invalid UTF-8 replaced, cut at 64 bytes. Returns a mark to truncate the path back to. */
gsize json_pointer_push (GString *path, const char *key, gsize len);

/* Appends "/<index>" to @path. Returns a mark to truncate the path back to. */
gsize json_pointer_push_index (GString *path, guint index);
