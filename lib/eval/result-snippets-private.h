/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* result-snippets-private.h: the constant parts of a result document, rendered and escaped once per rule set and
 * language, so that writing a result mostly copies bytes.
 *
 * Everything between the values that change per dossier (the id, the dates, the states and outcomes, the limits'
 * values) is a run of bytes in the language's arena. A text that quotes parameters changes with the evaluation
 * date: a Snippet leaves a gap for it, filled from the evaluation's rendering for that date (ev->rendered_json).
 */
#pragma once

#include <glib.h>

/* A run of bytes in a ResultSnippets arena. */
typedef struct
{
  guint32 at, len;
} Bytes;

/* Bytes, then (when @template >= 0) that template's text quoted and rendered for the evaluation date, then more
 * bytes. A snippet whose text is constant holds it in @head and has an empty tail. */
typedef struct
{
  Bytes head;
  gint32 template;
  Bytes tail;
} Snippet;

typedef struct
{
  Snippet by_state[3]; /* by TextState: {"id":…,"state":…,"facts":[…],"text":…,"legal_basis":…, no closing brace */
  Bytes id;            /* the id quoted, for the "via" of other conditions */
} ConditionSnippets;

typedef struct
{
  Bytes head;             /* {"measure":…,"outcome": */
  Bytes label;            /* ,"label":…,"decided_by":… */
  Bytes region;           /* ,"facts":[<the region fact>] for the not_in_region reason; empty without one */
  Snippet *coverage;      /* per coverage entry: ,"coverage":…,"coverage_text":… */
  ConditionSnippets *conditions;
  Bytes *limit_head;      /* per limit: {"id":…,"value": */
  Snippet *limit_tail;    /* per limit: ,"unit":…,"text":…} */
  Bytes tail;             /* ],"legal_basis":[…] (,"legal_basis_lang":…)} : closes the limits and the measure */
} MeasureSnippets;

typedef struct
{
  Bytes head;      /* {"id":…,"state": */
  Snippet text[2]; /* by undetermined: ,"text":…,"legal_basis":…,"facts":[…] */
} ObligationSnippets;

typedef struct
{
  gsize built;            /* g_once: the snippets below are made on first use */
  GPtrArray *allocations; /* what they are made of, freed with the rule set */
  char *arena;
  Bytes head;        /* {"format":"activering.result/1","id": */
  Bytes after_as_of; /* ","lang":…,"ruleset":{…},"library":{…},"measures":[ : closes the as_of date */
  MeasureSnippets *measures;
  ObligationSnippets *obligations;
  Snippet *signals;  /* per signal: the whole object */
  Bytes *missing;    /* [fact * 3 + ActiveringFactState]: {"fact":…,"state":…,"asked_of":…} */
} ResultSnippets;

struct _ActiveringRuleSet;

/* The snippets of @language (an index into rules->languages), made on first use: a rule set is loaded faster
 * (its load is timed against a goal) and a compact screening never needs them. Thread-safe; each language's
 * snippets are made once and own their memory, so the rule set stays immutable for its other readers. */
const ResultSnippets *result_snippets_get (const struct _ActiveringRuleSet *rules, int language);
/* Frees what result_snippets_get made, with the rule set. */
void result_snippets_free (ResultSnippets *snippets, guint n_languages);
