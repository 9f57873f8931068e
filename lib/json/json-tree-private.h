/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* json-tree-private.h: whole documents read into a json-c tree by the project's strict reader, for the rule files
 * and case files that are walked as trees.
 *
 * json-c alone keeps the last of two equal keys and has its own depth limit and error words; going through
 * json-reader.c gives these documents the facts documents' behaviour: a duplicate key, invalid UTF-8, \u0000 and
 * nesting deeper than the limit are refused, and every error names the document and the JSON pointer, with the
 * byte offset, line and column of a syntax error.
 */
#pragma once

#include <json-c/json.h>

#include "json/json-reader-private.h"

typedef enum
{
  JSON_TREE_DEFAULT = 0,
  JSON_TREE_COMMENTS = 1 << 0, /* allow / * … * / and // comments where whitespace may go (rule files) */
} JsonTreeFlags;

/* The document @data as a new json-c tree (any JSON value at the root), or NULL with @error set. @document names
 * it in messages ("rules", a file name). */
json_object *json_tree_parse (const char *document, const char *data, gsize length, int max_depth, JsonTreeFlags flags,
                              GError **error);
