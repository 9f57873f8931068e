/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* facts-private.h: a parsed facts document, as slots indexed like the rule set's declared facts. */
#pragma once

#include "activering/activering.h"
#include "json/key-set-private.h"
#include "rules/rule-set-private.h"

/* One run of a measure from the `runs` fact (the measures followed so far). */
typedef struct
{
  guint8 measure; /* the bit of the measure among the fact's values */
  gboolean has_hours;
  gint32 start;
  gint32 end; /* G_MAXINT32 while running */
  double hours_fraction;
} Run;

#define FACTS_MAX_ID 256

struct _ActiveringFacts
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  gboolean has_id;
  gsize id_len;
  char id[FACTS_MAX_ID + 1]; /* inline: an evaluation copies it, and a pointer to chase costs a cache miss */
  gboolean has_as_of;
  gint32 as_of;
  guint8 *state;    /* ActiveringFactState per fact slot */
  Value *values;    /* per fact slot */
  guint *run_first; /* runs facts: their runs in @runs */
  guint *run_count;
  GArray *runs;         /* Run */
  guint8 *seen_objects; /* per object of the schema: met in this document (a key may appear once) */
  GString *text;        /* scratch for unescaped strings */
  GString *ids;         /* id facts' values, each NUL-terminated; a value's i is its offset */
  GString *path;        /* the JSON pointer being parsed, for errors */
  GString *failed_path; /* after a failed parse: the JSON pointer of the error (for batch error documents) */
  KeySet keys;          /* the keys of `x_` members, kept from document to document */
};

/* Facts set one by one, for evaluate_columns (facts.c): forget everything, then read each fact's value from JSON
 * text as a document's member would be read, with the same checks and messages ("facts: /<path>: …"). */
void facts_begin (ActiveringFacts *facts);
gboolean facts_read_value (ActiveringFacts *facts, guint slot, const char *json, gsize len, GError **error);

/* The `as_of` of a facts document, read without checking the rest (the document may be bad: the parser says so
 * later). FALSE if it has none that is a valid date before the reader stops. */
gboolean facts_peek_as_of (const char *json, gsize len, gint32 *as_of);
