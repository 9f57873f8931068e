/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* error-private.h: building errors that name the document and the JSON path. */
#pragma once

#include <glib.h>
#include "activering/activering.h"

/* The one behaviour of an index out of range in a public getter (docs/api-conventions.md, "Indexes"): the getter
 * finds its item (NULL when the index is out of range) and then
 *   g_return_val_if_fail (index_in_range (item), <its documented fallback>);
 * a GLib critical that names the function, and the fallback. */
#define index_in_range(item) ((item) != NULL)

/* Sets @error (if not NULL) to "<document>: <path>: <message>"; an empty @path is shown as "/". The error
 * carries @document and the path shown (activering_error_get_document, activering_error_get_path). */
void activering_set_error_at (GError **error, ActiveringError code, const char *document, const char *path,
                              const char *format, va_list args) G_GNUC_PRINTF (5, 0);

/* The same, with the message's arguments given directly. */
void activering_error_set_at (GError **error, ActiveringError code, const char *document, const char *path,
                              const char *format, ...) G_GNUC_PRINTF (5, 6);

/* What is wrong with an opaque id (a dossier's, an actor's) of @len bytes: "is empty", "contains a control
 * character", "is not valid UTF-8"; NULL if nothing. Ids are shown in messages and written into documents. */
const char *activering_id_problem (const char *s, gsize len);

/* The closest of @candidates (NULL-terminated or @n_candidates long) to @word, or NULL if none is close. */
const char *activering_suggest (const char *word, gsize word_len, const char *const *candidates, gsize n_candidates);

/* Appends @s (of @len bytes, valid UTF-8) to @out as a quoted, escaped JSON string, cut at @max_shown bytes
 * with "…". For documents the library writes. */
void activering_append_quoted (GString *out, const char *s, gsize len, gsize max_shown);

/* Appends input text to an error message so that the message stays one line of valid UTF-8 whatever the input
 * held: control characters are escaped, invalid bytes become U+FFFD, and it is cut at @max_shown bytes. */
void activering_append_display (GString *out, const char *s, gsize len, gsize max_shown);
