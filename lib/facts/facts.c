/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* facts.c: parsing `activering.facts/1` documents straight into fact slots.
 *
 * A small strict JSON reader (RFC 8259) walks the document along the shape the rule set declares, so each value
 * lands in its slot as it is read: no intermediate tree, no hashing, and no allocation once the buffers have
 * grown. Every error names the JSON path and what was expected.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "facts/facts-private.h"
#include "json/json-reader-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/boxed-private.h"
#include "util/scan-private.h"

#define FACTS_DOCUMENT "facts"
#define FACTS_FORMAT_VERSION "activering.facts/1"
#define MAX_DEPTH 32
#define MAX_RUNS 256

typedef struct
{
  JsonReader r;
  ActiveringFacts *facts;
  gboolean seen_format, seen_as_of;
} Parser;

/* Whether @s (@len bytes the reader read) is @padded (a zero-padded string of the rule set, @padded_len bytes):
 * eight bytes at a time when @s lies in the input with room to read up to its padded size, else by memcmp (a
 * string with escapes is in the scratch buffer). */
static inline gboolean
same_string (const JsonReader *R, const char *s, gsize len, const char *padded, gsize padded_len)
{
  if (len != padded_len)
    return FALSE;
  if (G_LIKELY (s >= R->start && s < R->end && (gsize) (R->end - s) >= ((len + 7) & ~(gsize) 7)))
    return activering_equal_padded (s, padded, len);
  return memcmp (s, padded, len) == 0;
}

static gboolean
read_code (Parser *P, const FactDecl *decl, guint *index)
{
  if (!json_reader_expect (&P->r, '"', "a code as a string"))
    return FALSE;
  const char *s;
  gsize len;
  if (!json_reader_string (&P->r, JSON_READER_MAX_STRING, &s, &len))
    return FALSE;
  const ActiveringRuleSet *rules = P->facts->rules;
  for (guint i = 0; i < decl->n_values; i++)
    if (same_string (&P->r, s, len, rules->symbols[decl->values[i]], rules->symbol_lengths[decl->values[i]]))
      {
        *index = i;
        return TRUE;
      }
  const char *candidates[64 + 1];
  guint n = MIN (decl->n_values, 64);
  for (guint i = 0; i < n; i++)
    candidates[i] = rules->symbols[decl->values[i]];
  candidates[n] = NULL;
  const char *hint = activering_suggest (s, len, candidates, n);
  g_autoptr (GString) quoted = json_reader_quote_input (s, len, 64);
  g_autofree char *allowed = g_strjoinv (", ", (char **) candidates);
  return json_reader_fail (&P->r, ACTIVERING_ERROR_INVALID_VALUE, "%s is not one of: %s%s%s%s", quoted->str, allowed,
                           hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
}

static gboolean
read_number_in_range (Parser *P, const FactDecl *decl, gboolean integer_only, double *out)
{
  if (!(P->r.p < P->r.end && (*P->r.p == '-' || g_ascii_isdigit (*P->r.p)))
      && !json_reader_expect (&P->r, '-', integer_only ? "a whole number" : "a number"))
    return FALSE;
  gboolean is_integer;
  if (!json_reader_number (&P->r, out, &is_integer))
    return FALSE;
  if (!isfinite (*out) || *out > 9007199254740992.0 || *out < -9007199254740992.0)
    return json_reader_fail (&P->r, ACTIVERING_ERROR_OUT_OF_RANGE, "the number is too large");
  if (integer_only && *out != floor (*out))
    return json_reader_fail (&P->r, ACTIVERING_ERROR_TYPE, "expected a whole number, found %g", *out);
  gboolean below = decl->has_min && *out < decl->min;
  gboolean above = decl->has_max && *out > decl->max;
  if (below || above)
    {
      if (decl->has_min && decl->has_max)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_OUT_OF_RANGE,
                                 "%g is out of range (expected a number from %g to %g)", *out, decl->min, decl->max);
      return json_reader_fail (&P->r, ACTIVERING_ERROR_OUT_OF_RANGE, "%g is out of range (expected a number %s %g)",
                               *out, below ? "of at least" : "of at most", below ? decl->min : decl->max);
    }
  return TRUE;
}

static gboolean
read_runs (Parser *P, guint slot)
{
  ActiveringFacts *facts = P->facts;
  const FactDecl *decl = &facts->rules->facts[slot];
  if (!json_reader_expect (&P->r, '[', "an array of measure runs"))
    return FALSE;
  P->r.p++;
  facts->run_first[slot] = facts->runs->len;
  facts->run_count[slot] = 0;
  json_reader_skip_space (&P->r);
  if (P->r.p < P->r.end && *P->r.p == ']')
    {
      P->r.p++;
      return TRUE;
    }
  static const char *const keys[] = { "measure", "start", "end", "hours_fraction" };
  static const FactDecl fraction = { .has_min = TRUE, .has_max = TRUE, .min = 0, .max = 1 };
  for (guint index = 0;; index++)
    {
      gsize mark = json_reader_push_index (&P->r, index);
      if (index >= MAX_RUNS)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_TOO_LARGE, "more than %d measure runs", MAX_RUNS);
      json_reader_skip_space (&P->r);
      if (!json_reader_expect (&P->r, '{', "a measure run object"))
        return FALSE;
      P->r.p++;
      Run run = { .end = G_MAXINT32 };
      gboolean has_measure = FALSE, has_start = FALSE, first = TRUE, done;
      gboolean seen[4] = { FALSE, FALSE, FALSE, FALSE };
      const char *key;
      gsize len;
      while (json_reader_next_member (&P->r, &first, &key, &len, &done) && !done)
        {
          gsize key_mark = json_reader_push (&P->r, key, len);
          int which = -1;
          for (int k = 0; k < 4; k++)
            if (strlen (keys[k]) == len && memcmp (keys[k], key, len) == 0)
              which = k;
          gboolean is_null = P->r.p < P->r.end && *P->r.p == 'n';
          if (which >= 0 && seen[which])
            return json_reader_fail (&P->r, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
          if (which >= 0)
            seen[which] = TRUE;
          if (which < 0)
            {
              if (len < 2 || key[0] != 'x' || key[1] != '_')
                return json_reader_fail_unknown_key (&P->r, key, len, keys, 4);
              if (!json_reader_own_member (&P->r, key, len))
                return FALSE;
            }
          else if (is_null && which >= 2)
            {
              if (!json_reader_literal (&P->r, "null"))
                return FALSE;
            }
          else if (which == 0)
            {
              guint bit;
              if (!read_code (P, decl, &bit))
                return FALSE;
              run.measure = (guint8) bit;
              has_measure = TRUE;
            }
          else if (which == 1 || which == 2)
            {
              if (!json_reader_date (&P->r, which == 1 ? &run.start : &run.end))
                return FALSE;
              has_start |= which == 1;
            }
          else
            {
              if (!read_number_in_range (P, &fraction, FALSE, &run.hours_fraction))
                return FALSE;
              run.has_hours = TRUE;
            }
          json_reader_pop (&P->r, key_mark);
        }
      if (P->r.error && *P->r.error)
        return FALSE;
      if (!has_measure || !has_start)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_MISSING, "missing \"%s\"", has_measure ? "start" : "measure");
      if (run.end < run.start)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_INVALID_VALUE, "\"end\" is before \"start\"");
      g_array_append_val (facts->runs, run);
      facts->run_count[slot]++;
      json_reader_pop (&P->r, mark);
      json_reader_skip_space (&P->r);
      if (P->r.p < P->r.end && *P->r.p == ',')
        {
          P->r.p++;
          continue;
        }
      if (P->r.p < P->r.end && *P->r.p == ']')
        {
          P->r.p++;
          return TRUE;
        }
      return json_reader_fail_syntax (&P->r, "',' or ']'");
    }
}

static gboolean
read_enum_list (Parser *P, guint slot)
{
  const FactDecl *decl = &P->facts->rules->facts[slot];
  if (!json_reader_expect (&P->r, '[', "an array of codes"))
    return FALSE;
  P->r.p++;
  guint64 set = 0;
  json_reader_skip_space (&P->r);
  if (P->r.p < P->r.end && *P->r.p == ']')
    P->r.p++;
  else
    for (guint index = 0;; index++)
      {
        gsize mark = json_reader_push_index (&P->r, index);
        json_reader_skip_space (&P->r);
        guint bit;
        if (!read_code (P, decl, &bit))
          return FALSE;
        set |= G_GUINT64_CONSTANT (1) << bit;
        json_reader_pop (&P->r, mark);
        json_reader_skip_space (&P->r);
        if (P->r.p < P->r.end && *P->r.p == ',')
          {
            P->r.p++;
            continue;
          }
        if (P->r.p < P->r.end && *P->r.p == ']')
          {
            P->r.p++;
            break;
          }
        return json_reader_fail_syntax (&P->r, "',' or ']'");
      }
  P->facts->values[slot].i = (gint64) set;
  return TRUE;
}

static gboolean
read_fact (Parser *P, guint slot)
{
  ActiveringFacts *facts = P->facts;
  const FactDecl *decl = &facts->rules->facts[slot];
  Value *value = &facts->values[slot];
  if (facts->state[slot] != ACTIVERING_FACT_UNKNOWN)
    return json_reader_fail (&P->r, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
  if (P->r.p < P->r.end && *P->r.p == 'n')
    {
      facts->state[slot] = ACTIVERING_FACT_BLANK;
      return json_reader_literal (&P->r, "null");
    }
  double number;
  guint index;
  switch (decl->type)
    {
    case TYPE_BOOL:
      if (P->r.p < P->r.end && (*P->r.p == 't' || *P->r.p == 'f'))
        {
          value->i = *P->r.p == 't';
          if (!(value->i ? json_reader_literal (&P->r, "true") : json_reader_literal (&P->r, "false")))
            return FALSE;
          break;
        }
      return json_reader_expect (&P->r, 't', "true or false");
    case TYPE_INTEGER:
      if (!read_number_in_range (P, decl, TRUE, &number))
        return FALSE;
      value->i = (gint64) number;
      break;
    case TYPE_NUMBER:
      if (!read_number_in_range (P, decl, FALSE, &number))
        return FALSE;
      value->n = number;
      break;
    case TYPE_DATE:
      {
        gint32 day;
        if (!json_reader_date (&P->r, &day))
          return FALSE;
        value->i = day;
        break;
      }
    case TYPE_ENUM:
      if (!read_code (P, decl, &index))
        return FALSE;
      value->i = decl->values[index];
      break;
    case TYPE_ENUM_LIST:
      if (!read_enum_list (P, slot))
        return FALSE;
      break;
    case TYPE_RUNS:
      if (!read_runs (P, slot))
        return FALSE;
      break;
    case TYPE_ID:
      {
        /* an opaque id, like the document's own; kept NUL-terminated in facts->ids, at value->i */
        const char *s;
        gsize len;
        if (!json_reader_id (&P->r, "a dossier id", FACTS_MAX_ID, &s, &len))
          return FALSE;
        value->i = (gint64) facts->ids->len;
        g_string_append_len (facts->ids, s, (gssize) len);
        g_string_append_c (facts->ids, '\0');
        break;
      }
    default: return json_reader_fail (&P->r, ACTIVERING_ERROR_FAILED, "a fact of an unsupported type");
    }
  facts->state[slot] = ACTIVERING_FACT_KNOWN;
  value->known = TRUE;
  return TRUE;
}

/* A null object: every fact below it was asked, but is not known. */
static void
blank_below (ActiveringFacts *facts, const SchemaNode *node)
{
  if (node->fact >= 0)
    {
      if (facts->state[node->fact] == ACTIVERING_FACT_UNKNOWN)
        facts->state[node->fact] = ACTIVERING_FACT_BLANK;
      return;
    }
  for (guint i = 0; i < node->n_children; i++)
    blank_below (facts, node->children[i]);
}

static gboolean read_object (Parser *P, const SchemaNode *node, gboolean root);

/* At the root, a fact may also be given by its dotted path ("income.status": …), the shape of a flat table's
 * columns: a binary search over the paths. The slot, or -1. */
static int
dotted_fact (const ActiveringRuleSet *rules, const char *key, gsize len)
{
  if (memchr (key, '.', len) == NULL || memchr (key, '\0', len) != NULL)
    return -1; /* (a key holding a NUL is no path, and strncmp would stop at it) */
  guint low = 0, high = rules->n_facts;
  while (low < high)
    {
      guint middle = (low + high) / 2;
      const char *path = rules->facts[rules->facts_by_path[middle]].path;
      int order = strncmp (path, key, len);
      if (order == 0 && path[len] != '\0')
        order = 1; /* the path is longer: it sorts after the key */
      if (order == 0)
        return (int) rules->facts_by_path[middle];
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

static gboolean
read_root_member (Parser *P, const char *key, gsize len, gboolean *handled)
{
  ActiveringFacts *facts = P->facts;
  const char *s;
  gsize s_len;
  *handled = TRUE;
  if (len == 6 && memcmp (key, "format", 6) == 0)
    {
      if (P->seen_format)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      P->seen_format = TRUE;
      return json_reader_format (&P->r, FACTS_FORMAT_VERSION);
    }
  if (len == 2 && memcmp (key, "id", 2) == 0)
    {
      if (facts->has_id)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      if (!json_reader_id (&P->r, "the dossier id", FACTS_MAX_ID, &s, &s_len))
        return FALSE;
      memcpy (facts->id, s, s_len);
      facts->id[s_len] = '\0';
      facts->id_len = s_len;
      facts->has_id = TRUE;
      return TRUE;
    }
  if (len == 5 && memcmp (key, "as_of", 5) == 0)
    {
      if (P->seen_as_of)
        return json_reader_fail (&P->r, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      P->seen_as_of = TRUE;
      if (P->r.p < P->r.end && *P->r.p == 'n')
        return json_reader_literal (&P->r, "null");
      if (!json_reader_date (&P->r, &facts->as_of))
        return FALSE;
      facts->has_as_of = TRUE;
      return TRUE;
    }
  *handled = FALSE;
  return TRUE;
}

static gboolean
read_object (Parser *P, const SchemaNode *node, gboolean root)
{
  if (++P->r.depth > MAX_DEPTH)
    return json_reader_fail (&P->r, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", MAX_DEPTH);
  P->r.p++;
  gboolean first = TRUE, done;
  const char *key;
  gsize len;
  guint next = 0; /* documents tend to list keys in the schema's order: look there first */
  while (json_reader_next_member (&P->r, &first, &key, &len, &done) && !done)
    {
      gsize mark = json_reader_push (&P->r, key, len);
      gboolean handled = FALSE;
      if (root && !read_root_member (P, key, len, &handled))
        return FALSE;
      if (!handled)
        {
          const SchemaNode *child = NULL;
          gsize room = MAX ((len + 7) & ~(gsize) 7, 8);
          if (G_LIKELY (key >= P->r.start && key < P->r.end && (gsize) (P->r.end - key) >= room))
            {
              /* in the input with room to read whole words: by length and first word, then the rest */
              guint64 head;
              memcpy (&head, key, 8);
              if (len < 8) /* only the key's bytes (none for the empty key: a shift by 64 is undefined) */
                head = len == 0 ? 0 : GUINT64_TO_LE (GUINT64_FROM_LE (head) & (G_MAXUINT64 >> (8 * (8 - len))));
              for (guint k = 0; k < node->n_children; k++)
                {
                  guint i = next + k < node->n_children ? next + k : next + k - node->n_children;
                  if (node->child_len[i] == len && node->child_head[i] == head
                      && (len <= 8 || activering_equal_padded (key + 8, node->children[i]->key + 8, len - 8)))
                    {
                      child = node->children[i];
                      next = i + 1;
                      break;
                    }
                }
            }
          else
            for (guint k = 0; k < node->n_children; k++)
              {
                const SchemaNode *candidate = node->children[k];
                if (candidate->key_len == len && memcmp (candidate->key, key, len) == 0)
                  {
                    child = candidate;
                    next = k + 1;
                    break;
                  }
              }
          int dotted = child == NULL && root ? dotted_fact (P->facts->rules, key, len) : -1;
          if (dotted >= 0)
            {
              if (!read_fact (P, (guint) dotted))
                return FALSE;
            }
          else if (child == NULL)
            {
              if (len < 2 || key[0] != 'x' || key[1] != '_')
                return json_reader_fail_unknown_key (&P->r, key, len, node->suggest_keys, node->n_suggest_keys);
              if (!json_reader_own_member (&P->r, key, len))
                return FALSE;
            }
          else if (child->fact >= 0)
            {
              if (!read_fact (P, (guint) child->fact))
                return FALSE;
            }
          else if (P->facts->seen_objects[child->object])
            return json_reader_fail (&P->r, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
          else if (P->r.p < P->r.end && *P->r.p == 'n')
            {
              P->facts->seen_objects[child->object] = 1;
              if (!json_reader_literal (&P->r, "null"))
                return FALSE;
              blank_below (P->facts, child);
            }
          else
            {
              if (!json_reader_expect (&P->r, '{', "an object or null"))
                return FALSE;
              P->facts->seen_objects[child->object] = 1;
              if (!read_object (P, child, FALSE))
                return FALSE;
            }
        }
      json_reader_pop (&P->r, mark);
    }
  P->r.depth--;
  return P->r.error == NULL || *P->r.error == NULL;
}

static void
clear (ActiveringFacts *facts)
{
  guint n = facts->rules->n_facts;
  memset (facts->state, ACTIVERING_FACT_UNKNOWN, n);
  memset (facts->values, 0, sizeof (Value) * n);
  memset (facts->seen_objects, 0, MAX (facts->rules->n_schema_objects, 1));
  g_array_set_size (facts->runs, 0);
  g_string_truncate (facts->ids, 0);
  facts->id[0] = '\0';
  facts->id_len = 0;
  g_string_truncate (facts->path, 0);
  facts->has_id = FALSE;
  facts->has_as_of = FALSE;
}

ActiveringFacts *
activering_facts_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  /* One block for the object and its slot arrays: an evaluation reads them together, so they share cache lines
   * (values first, for alignment). */
  guint n = MAX (rules->n_facts, 1), objects = MAX (rules->n_schema_objects, 1);
  gsize size = sizeof (ActiveringFacts) + sizeof (Value) * n + sizeof (guint) * 2 * n + n + objects;
  ActiveringFacts *facts = g_malloc0 (size);
  g_ref_count_init (&facts->ref_count);
  facts->values = (Value *) (facts + 1);
  facts->run_first = (guint *) (facts->values + n);
  facts->run_count = facts->run_first + n;
  facts->state = (guint8 *) (facts->run_count + n);
  facts->seen_objects = facts->state + n;
  facts->rules = activering_rule_set_ref (rules);
  facts->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  facts->text = g_string_new (NULL);
  facts->ids = g_string_new (NULL);
  facts->path = g_string_new (NULL);
  facts->failed_path = g_string_new (NULL);
  clear (facts);
  return facts;
}

void
activering_facts_free (ActiveringFacts *facts)
{
  ACTIVERING_BOXED_RELEASE (facts);
  activering_rule_set_unref (facts->rules);
  g_array_free (facts->runs, TRUE);
  g_string_free (facts->text, TRUE);
  g_string_free (facts->ids, TRUE);
  g_string_free (facts->path, TRUE);
  g_string_free (facts->failed_path, TRUE);
  g_free (facts);
}

gboolean
activering_facts_parse (ActiveringFacts *facts, const char *json, gssize length, GError **error)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (json != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  clear (facts);
  /* Errors are only built when asked for; without a GError the parser still stops at the first one. */
  GError *local = NULL;
  Parser parser = { .facts = facts };
  Parser *P = &parser;
  gsize size = json == NULL ? 0 : length < 0 ? strlen (json) : (gsize) length;
  json_reader_init (&P->r, FACTS_DOCUMENT, json, size, MAX_DEPTH, facts->path, facts->text, &local);
  json_reader_skip_space (&P->r);
  gboolean ok;
  if (P->r.p >= P->r.end)
    ok = json_reader_fail (&P->r, ACTIVERING_ERROR_SYNTAX, "empty document");
  else if (*P->r.p != '{')
    ok = json_reader_expect (&P->r, '{', "a facts object");
  else
    ok = read_object (P, facts->rules->schema, TRUE);
  if (ok)
    {
      json_reader_skip_space (&P->r);
      json_reader_pop (&P->r, 0);
      if (P->r.p < P->r.end)
        ok = json_reader_fail (&P->r, ACTIVERING_ERROR_SYNTAX,
                               "malformed JSON: unexpected data after the document at byte %zu",
                               (gsize) (P->r.p - P->r.start));
      else if (!P->seen_format)
        ok = json_reader_fail (&P->r, ACTIVERING_ERROR_FORMAT, "missing \"format\" (expected \"%s\")",
                               FACTS_FORMAT_VERSION);
      else if (!facts->has_id)
        ok = json_reader_fail (&P->r, ACTIVERING_ERROR_MISSING, "missing \"id\" (the opaque dossier id)");
    }
  json_reader_clear (&P->r);
  if (!ok)
    {
      g_string_assign (facts->failed_path, facts->path->len > 0 ? facts->path->str : "/");
      clear (facts);
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

ActiveringFacts *
activering_facts_new_from_data (ActiveringRuleSet *rules, const char *json, gssize length, GError **error)
{
  ActiveringFacts *facts = activering_facts_new (rules);
  if (!activering_facts_parse (facts, json, length, error))
    {
      activering_facts_free (facts);
      return NULL;
    }
  return facts;
}

ActiveringRuleSet *
activering_facts_get_rule_set (const ActiveringFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);
  return facts->rules;
}

const char *
activering_facts_get_id (const ActiveringFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);
  return facts->has_id ? facts->id : NULL;
}

gboolean
activering_facts_get_as_of (const ActiveringFacts *facts, GDate *out)
{
  g_return_val_if_fail (facts != NULL && out != NULL, FALSE);
  if (!facts->has_as_of)
    return FALSE;
  activering_days_to_gdate (facts->as_of, out);
  return TRUE;
}

ActiveringFactState
activering_facts_get_state (const ActiveringFacts *facts, const char *path)
{
  g_return_val_if_fail (facts != NULL, ACTIVERING_FACT_UNKNOWN);
  int slot = activering_rule_set_lookup_fact (facts->rules, path);
  return slot < 0 ? ACTIVERING_FACT_UNKNOWN : (ActiveringFactState) facts->state[slot];
}

const char *
activering_facts_get_string (const ActiveringFacts *facts, const char *path)
{
  g_return_val_if_fail (facts != NULL, NULL);
  int slot = activering_rule_set_lookup_fact (facts->rules, path);
  if (slot < 0 || facts->state[slot] != ACTIVERING_FACT_KNOWN)
    return NULL;
  switch (facts->rules->facts[slot].type)
    {
    case TYPE_ID: return facts->ids->str + facts->values[slot].i;
    case TYPE_ENUM: return facts->rules->symbols[facts->values[slot].i];
    default: return NULL;
    }
}

const char *
activering_fact_state_to_string (ActiveringFactState state)
{
  switch (state)
    {
    case ACTIVERING_FACT_KNOWN: return "known";
    case ACTIVERING_FACT_BLANK: return "blank";
    case ACTIVERING_FACT_UNKNOWN:
    default: return "unknown";
    }
}

/* ---- facts one at a time (evaluate_columns) ---- */

void
facts_begin (ActiveringFacts *facts)
{
  clear (facts);
}

gboolean
facts_read_value (ActiveringFacts *facts, guint slot, const char *json, gsize len, GError **error)
{
  GError *local = NULL;
  Parser parser = { .facts = facts };
  Parser *P = &parser;
  json_reader_init (&P->r, FACTS_DOCUMENT, json, len, MAX_DEPTH, facts->path, facts->text, &local);
  g_string_truncate (facts->path, 0);
  const char *path = facts->rules->facts[slot].path;
  json_reader_push (&P->r, path, strlen (path));
  json_reader_skip_space (&P->r);
  gboolean ok = read_fact (P, slot);
  if (ok)
    {
      json_reader_skip_space (&P->r);
      if (P->r.p < P->r.end)
        ok = json_reader_fail (&P->r, ACTIVERING_ERROR_SYNTAX, "malformed JSON: unexpected data after the value");
    }
  json_reader_clear (&P->r);
  if (!ok)
    {
      g_string_assign (facts->failed_path, facts->path->str);
      g_propagate_error (error, local);
    }
  return ok;
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringFacts, activering_facts)
