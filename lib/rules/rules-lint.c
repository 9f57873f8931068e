/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rules-lint.c: what loading a rule set does not forbid but its author would want to know
 * (activering_rule_set_lint_to_json; the findings are listed in activering-rule-set.h).
 *
 * The rule set's JSON text is walked as a tree, so that each finding names the JSON path of the node at fault.
 * Array items go by their code or id, as in rules diff (/measures/ibo/conditions/duration), when all have one.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-c/json.h>

#include "json/json-writer-private.h"
#include "rules/loader-private.h"
#include "util/dates-private.h"

#define LINT_FORMAT "activering.lint/1"

typedef struct
{
  const ActiveringRuleSet *rules;
  JsonWriter *w;
  GString *path;
  guint n_errors, n_findings;
  GHashTable *facts_read, *params_read; /* names -> path of a read */
  gboolean in_condition;                /* walking a measure's condition: its parameters must be [H] or [M] */
} Linter;

static void G_GNUC_PRINTF (4, 5)
finding (Linter *L, const char *severity, const char *code, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  JsonWriter *w = L->w;
  json_writer_begin_object (w);
  json_writer_member_string (w, "path", L->path->len ? L->path->str : "/");
  json_writer_member_string (w, "severity", severity);
  json_writer_member_string (w, "code", code);
  json_writer_member_string (w, "message", message);
  json_writer_end_object (w);
  L->n_findings++;
  L->n_errors += strcmp (severity, "error") == 0;
}

static gsize
push (Linter *L, const char *key)
{
  gsize mark = L->path->len;
  g_string_append_c (L->path, '/');
  for (const char *p = key; *p; p++)
    if (*p == '~')
      g_string_append (L->path, "~0");
    else if (*p == '/')
      g_string_append (L->path, "~1");
    else
      g_string_append_c (L->path, *p);
  return mark;
}

/* Item @index of @array: by its name when every item has a distinct one (@named), else by its index. */
static gsize
push_item (Linter *L, json_object *array, gsize index, gboolean named)
{
  if (named)
    return push (L, loader_item_name (json_object_array_get_idx (array, index)));
  gsize mark = L->path->len;
  g_string_append_printf (L->path, "/%zu", index);
  return mark;
}

/* ---- comparisons of one fact with constants ---- */

typedef struct
{
  const char *fact;
  double low, high; /* the values that satisfy it: [low, high], ends open when the flags say so */
  gboolean low_open, high_open;
} Range;

/* A constant as a number: a number, or a {"date": "YYYY-MM-DD"} as its day number. */
static gboolean
constant_of (json_object *value, double *out)
{
  if (json_object_is_type (value, json_type_int) || json_object_is_type (value, json_type_double))
    {
      *out = json_object_get_double (value);
      return TRUE;
    }
  json_object *date = NULL;
  gint32 day;
  if (json_object_is_type (value, json_type_object) && json_object_object_length (value) == 1
      && json_object_object_get_ex (value, "date", &date) && json_object_is_type (date, json_type_string)
      && activering_parse_date (json_object_get_string (date), (gsize) json_object_get_string_len (date), &day))
    {
      *out = day;
      return TRUE;
    }
  return FALSE;
}

static const char *
fact_of (json_object *value)
{
  json_object *fact = NULL;
  if (json_object_is_type (value, json_type_object) && json_object_object_length (value) == 1
      && json_object_object_get_ex (value, "fact", &fact) && json_object_is_type (fact, json_type_string))
    return json_object_get_string (fact);
  return NULL;
}

/* {"<": [{"fact": x}, 3]} (either way round) as the range of x it allows. */
static gboolean
range_of (json_object *e, Range *out)
{
  static const char *const ops[] = { "<", "<=", ">", ">=", "==" };
  if (!json_object_is_type (e, json_type_object) || json_object_object_length (e) != 1)
    return FALSE;
  json_object_object_foreach (e, op, args)
    {
      int which = -1;
      for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
        if (strcmp (op, ops[i]) == 0)
          which = (int) i;
      if (which < 0 || !json_object_is_type (args, json_type_array) || json_object_array_length (args) != 2)
        return FALSE;
      json_object *a = json_object_array_get_idx (args, 0), *b = json_object_array_get_idx (args, 1);
      double k;
      gboolean flipped = FALSE;
      out->fact = fact_of (a);
      if (out->fact == NULL || !constant_of (b, &k))
        {
          out->fact = fact_of (b);
          flipped = TRUE;
          if (out->fact == NULL || !constant_of (a, &k))
            return FALSE;
        }
      if (flipped && which < 4)
        which ^= 2; /* 3 < x is x > 3 */
      *out = (Range){ out->fact, -INFINITY, INFINITY, TRUE, TRUE };
      switch (which)
        {
        case 0: out->high = k; break;
        case 1: out->high = k, out->high_open = FALSE; break;
        case 2: out->low = k; break;
        case 3: out->low = k, out->low_open = FALSE; break;
        default: out->low = out->high = k, out->low_open = out->high_open = FALSE; break;
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
range_empty (const Range *r)
{
  return r->low > r->high || (r->low == r->high && (r->low_open || r->high_open));
}

/* An `all` of comparisons of one fact that no value satisfies. */
static void
check_all (Linter *L, json_object *terms)
{
  gsize n = json_object_array_length (terms);
  g_autofree Range *ranges = g_new (Range, MAX (n, 1));
  gsize m = 0;
  for (gsize i = 0; i < n; i++)
    if (range_of (json_object_array_get_idx (terms, i), &ranges[m]))
      m++;
  for (gsize i = 0; i < m; i++)
    {
      Range r = ranges[i];
      for (gsize j = i + 1; j < m; j++)
        if (strcmp (ranges[j].fact, r.fact) == 0)
          {
            if (ranges[j].low > r.low || (ranges[j].low == r.low && ranges[j].low_open))
              r.low = ranges[j].low, r.low_open = ranges[j].low_open;
            if (ranges[j].high < r.high || (ranges[j].high == r.high && ranges[j].high_open))
              r.high = ranges[j].high, r.high_open = ranges[j].high_open;
          }
      if (range_empty (&r))
        {
          finding (L, "error", "never_true", "these comparisons of \"%s\" cannot all hold: the condition is never true",
                   r.fact);
          return;
        }
    }
}

/* An `any` of two comparisons of one fact that every value satisfies (x < 3 or x >= 3). */
static void
check_any (Linter *L, json_object *terms)
{
  gsize n = json_object_array_length (terms);
  for (gsize i = 0; i < n; i++)
    for (gsize j = i + 1; j < n; j++)
      {
        Range a, b;
        if (!range_of (json_object_array_get_idx (terms, i), &a) || !range_of (json_object_array_get_idx (terms, j), &b)
            || strcmp (a.fact, b.fact) != 0)
          continue;
        /* one reaches down to -infinity, the other up to +infinity, and they meet or overlap */
        const Range *down = isinf (a.low) ? &a : &b, *up = down == &a ? &b : &a;
        if (!isinf (down->low) || !isinf (up->high))
          continue;
        if (up->low < down->high || (up->low == down->high && !(up->low_open && down->high_open)))
          {
            finding (L, "warning", "never_false",
                     "one of these comparisons of \"%s\" always holds: the condition is never false", a.fact);
            return;
          }
      }
}

/* ---- walking ---- */

static void
note_read (GHashTable *reads, const char *name, const GString *path)
{
  if (!g_hash_table_contains (reads, name))
    g_hash_table_insert (reads, g_strdup (name), g_strdup (path->str));
}

static gboolean
is_uncertain (json_object *param)
{
  json_object *note = NULL;
  return json_object_object_get_ex (param, "note", &note) && json_object_is_type (note, json_type_string)
         && strstr (json_object_get_string (note), "[L]") != NULL;
}

/* A text that quotes a parameter ("{param:ibo.max_weeks}") reads it too. */
static void
note_text_params (Linter *L, const char *s)
{
  static const char open[] = "{param:";
  for (const char *p = strstr (s, open); p != NULL; p = strstr (p, open))
    {
      p += sizeof open - 1;
      gsize len = strcspn (p, "|}");
      g_autofree char *name = g_strndup (p, len);
      note_read (L->params_read, name, L->path);
    }
}

static void
walk (Linter *L, json_object *root, json_object *node)
{
  if (json_object_is_type (node, json_type_array))
    {
      gboolean named = loader_named_items (node);
      for (gsize i = 0; i < json_object_array_length (node); i++)
        {
          gsize mark = push_item (L, node, i, named);
          walk (L, root, json_object_array_get_idx (node, i));
          g_string_truncate (L->path, mark);
        }
      return;
    }
  if (!json_object_is_type (node, json_type_object))
    return;
  json_object_object_foreach (node, key, value)
    {
      gsize mark = push (L, key);
      if (json_object_is_type (value, json_type_string))
        {
          const char *s = json_object_get_string (value);
          note_text_params (L, s);
          if (strcmp (key, "fact") == 0 || strcmp (key, "region_fact") == 0)
            note_read (L->facts_read, s, L->path);
          else if (strcmp (key, "param") == 0 || strcmp (key, "max_duration") == 0 || strcmp (key, "within") == 0
                   || strcmp (key, "max_gap") == 0 || strcmp (key, "not_reopened_within") == 0)
            {
              note_read (L->params_read, s, L->path);
              json_object *params = NULL, *param = NULL;
              if (L->in_condition && json_object_object_get_ex (root, "parameters", &params)
                  && json_object_object_get_ex (params, s, &param) && is_uncertain (param))
                finding (L, "error", "uncertain_parameter_in_condition",
                         "parameter \"%s\" is marked [L] in its note, but a condition reads it: only [H] and [M] "
                         "facts may become conditions",
                         s);
            }
        }
      if (json_object_is_type (value, json_type_array) && strcmp (key, "param_on") == 0
          && json_object_array_length (value) > 0
          && json_object_is_type (json_object_array_get_idx (value, 0), json_type_string))
        note_read (L->params_read, json_object_get_string (json_object_array_get_idx (value, 0)), L->path);
      if (json_object_is_type (value, json_type_array) && strcmp (key, "all") == 0)
        check_all (L, value);
      if (json_object_is_type (value, json_type_array) && strcmp (key, "any") == 0)
        check_any (L, value);
      gboolean was = L->in_condition;
      if (strcmp (key, "conditions") == 0)
        L->in_condition = TRUE;
      walk (L, root, value);
      L->in_condition = was;
      g_string_truncate (L->path, mark);
    }
}

/* ---- legal bases ---- */

/* Empty, only punctuation ("?", "…", "-"), or starting with a placeholder word ("TODO", "TBD: art. 5"). */
static gboolean
is_placeholder (const char *text)
{
  static const char *const words[] = { "TODO", "TBD", "XXX", "FIXME", "N/A" };
  g_autofree char *s = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);
      if (g_ascii_strncasecmp (s, words[i], n) == 0 && !g_ascii_isalnum (s[n]))
        return TRUE;
    }
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ispunct (c) && !g_unichar_isspace (c))
        return FALSE;
    }
  return TRUE;
}

/* A legal basis is a string, a text object ({"nl": …, "fr": …}) or, for a measure, a list of either: every
 * string inside is checked. */
static void
check_legal_basis (Linter *L, json_object *basis)
{
  if (json_object_is_type (basis, json_type_string))
    {
      if (is_placeholder (json_object_get_string (basis)))
        finding (L, "error", "no_legal_basis", "the legal basis \"%s\" is empty or a placeholder",
                 json_object_get_string (basis));
    }
  else if (json_object_is_type (basis, json_type_object))
    {
      json_object_object_foreach (basis, lang, text)
        {
          gsize mark = push (L, lang);
          check_legal_basis (L, text);
          g_string_truncate (L->path, mark);
        }
    }
  else if (json_object_is_type (basis, json_type_array))
    {
      gsize n = json_object_array_length (basis);
      if (n == 0)
        finding (L, "error", "no_legal_basis", "the list of legal bases is empty");
      for (gsize i = 0; i < n; i++)
        {
          gsize mark = push_item (L, basis, i, FALSE);
          check_legal_basis (L, json_object_array_get_idx (basis, i));
          g_string_truncate (L->path, mark);
        }
    }
}

/* Every "legal_basis" at any level of any section: parameters, measures, conditions, tasks, … */
static void
walk_legal_bases (Linter *L, json_object *node)
{
  if (json_object_is_type (node, json_type_array))
    {
      gboolean named = loader_named_items (node);
      for (gsize i = 0; i < json_object_array_length (node); i++)
        {
          gsize mark = push_item (L, node, i, named);
          walk_legal_bases (L, json_object_array_get_idx (node, i));
          g_string_truncate (L->path, mark);
        }
      return;
    }
  if (!json_object_is_type (node, json_type_object))
    return;
  json_object_object_foreach (node, key, value)
    {
      gsize mark = push (L, key);
      if (strcmp (key, "legal_basis") == 0)
        check_legal_basis (L, value);
      else
        walk_legal_bases (L, value);
      g_string_truncate (L->path, mark);
    }
}

/* Definitions are read through {"def": name}: a fact or parameter read only by an unused definition still counts
 * as read (the definition itself is the author's to prune). */
static void
check_unused (Linter *L, json_object *root, const char *section, GHashTable *reads, const char *code,
              const char *what)
{
  json_object *declared = NULL;
  if (!json_object_object_get_ex (root, section, &declared) || !json_object_is_type (declared, json_type_object))
    return;
  json_object_object_foreach (declared, name, decl)
    {
      json_object *type = NULL;
      if (g_hash_table_contains (reads, name))
        continue;
      /* an id links dossiers for the tools that read facts documents: no rule can read it */
      if (json_object_is_type (decl, json_type_object) && json_object_object_get_ex (decl, "type", &type)
          && g_strcmp0 (json_object_get_string (type), "id") == 0)
        continue;
      gsize mark = push (L, section);
      push (L, name);
      finding (L, "warning", code, "%s \"%s\" is declared but nothing reads it", what, name);
      g_string_truncate (L->path, mark);
    }
}

/* Periods are sorted and do not overlap (the loader checks); a value missing between them or after the last one
 * leaves the parameter unknown there. */
static void
check_gaps (Linter *L)
{
  const ActiveringRuleSet *rules = L->rules;
  for (guint p = 0; p < rules->n_params; p++)
    {
      const ParamDecl *param = &rules->params[p];
      gsize mark = push (L, "parameters");
      push (L, param->name);
      for (guint i = 0; i < param->n_periods; i++)
        {
          const ParamPeriod *period = &param->periods[i];
          char until[11], next[11];
          if (period->until == G_MAXINT32)
            continue;
          activering_format_date (period->until, until);
          if (i + 1 == param->n_periods)
            finding (L, "warning", "parameter_gap", "no value after %s: the parameter is unknown from then on", until);
          else if (param->periods[i + 1].from > period->until + 1)
            {
              activering_format_date (param->periods[i + 1].from, next);
              finding (L, "warning", "parameter_gap", "no value between %s and %s", until, next);
            }
        }
      g_string_truncate (L->path, mark);
    }
}

char *
activering_rule_set_lint_to_json (const ActiveringRuleSet *rules, ActiveringJsonFlags flags, guint *n_errors)
{
  g_return_val_if_fail (rules != NULL, NULL);
  /* Loaded once already, through the same reader and depth limit, so it parses; were it not to, there is nothing
   * to walk (never a NULL to follow). */
  json_object *root = loader_parse_source ("rules", rules->source, rules->source_length, NULL);
  if (!json_object_is_type (root, json_type_object))
    {
      json_object_put (root);
      root = json_object_new_object ();
    }
  GString *out = g_string_new (NULL);
  JsonWriter writer;
  json_writer_init (&writer, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  Linter L = { rules, &writer, g_string_new (NULL), 0, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
               g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), FALSE };
  json_writer_begin_object (&writer);
  json_writer_member_string (&writer, "format", LINT_FORMAT);
  rule_set_write_stamp (&writer, rules);
  json_writer_key (&writer, "findings");
  json_writer_begin_array (&writer);
  json_object_object_foreach (root, section, value)
    if (strcmp (section, "facts") != 0 && strcmp (section, "parameters") != 0)
      {
        gsize mark = push (&L, section);
        walk (&L, root, value);
        g_string_truncate (L.path, mark);
      }
  walk_legal_bases (&L, root);
  check_unused (&L, root, "facts", L.facts_read, "unused_fact", "fact");
  check_unused (&L, root, "parameters", L.params_read, "unused_parameter", "parameter");
  check_gaps (&L);
  json_writer_end_array (&writer);
  json_writer_key (&writer, "errors");
  json_writer_integer (&writer, L.n_errors);
  json_writer_key (&writer, "warnings");
  json_writer_integer (&writer, L.n_findings - L.n_errors);
  json_writer_end_object (&writer);
  if (n_errors != NULL)
    *n_errors = L.n_errors;
  json_object_put (root);
  g_string_free (L.path, TRUE);
  g_hash_table_destroy (L.facts_read);
  g_hash_table_destroy (L.params_read);
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}
