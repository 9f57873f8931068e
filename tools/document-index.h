/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* document-index.h: documents matched by id (--facts, --trajectory) without holding them: where each one is in
 * its file, found by a hash of its id, read back and parsed when asked for. */
#pragma once

#include "cli-private.h"

typedef struct DocumentIndex DocumentIndex;

/* Reads @path (a file, or "-" for standard input) once: one document, or JSON lines of them, each checked with
 * @parse; keeps where each one is (a pipe is first copied to a temporary file). Prints the error (with the bad
 * line's number) and returns NULL, as the whole file loaded would. When ids repeat, the last one counts. */
DocumentIndex *document_index_new (ActiveringRuleSet *rules, const char *path, CliParseFunc parse, CliIdFunc id_of,
                                   GDestroyNotify free_document);
void document_index_free (DocumentIndex *index);

/* The document with @id, read back and parsed (owned: free it with the index's free_document), or NULL: there is
 * none (@error unset), or it could not be read back (@error set). Safe from any number of threads. */
gpointer document_index_lookup (DocumentIndex *index, const char *id, GError **error);

/* An index of the facts documents of @path (--facts): document_index_new() with activering_facts_new_from_data(). */
DocumentIndex *document_index_new_facts (ActiveringRuleSet *rules, const char *path);

/* The facts document of the trajectory @id read from @line of @input_name, or NULL. When there is none (@error
 * unset), says so on the line's messages as a warning, with @consequence (what that trajectory then lacks): the
 * checks or figures that need facts must not go without them unsaid (contract C13). */
ActiveringFacts *document_index_lookup_facts (DocumentIndex *index, const char *id, const CliLine *line,
                                              const char *input_name, const char *consequence, GError **error);

/* The ids of the documents no lookup found, sorted (strcmp): all of them, or with @max > 0 the first @max.
 * *@n_unmatched says how many there are in all. */
GPtrArray *document_index_dup_unmatched (DocumentIndex *index, guint max, guint64 *n_unmatched, GError **error);
