/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* facts-set.c: changing one fact of a parsed dossier (what-if).
 *
 * Every setter writes its value as the JSON a facts document would hold and hands it to the document's own reader
 * (facts_read_value), so a value set here is checked exactly as a value read from a document is, with the same
 * error codes and messages. A failed set leaves the fact as it was.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "facts/facts-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

#define FACTS_DOCUMENT "facts"

/* Sets @error to "facts: /<path>: <message>", the path shown as the reader shows a dotted fact path. */
static void
fail (GError **error, ActiveringError code, const char *path, const char *message)
{
  g_autoptr (GString) shown = g_string_new ("/");
  activering_append_display (shown, path, strlen (path), 128);
  activering_error_set_at (error, code, FACTS_DOCUMENT, shown->str, "%s", message);
}

/* The slot of @path, or -1 with %ACTIVERING_ERROR_UNKNOWN_KEY and a "did you mean". */
static int
lookup_slot (const ActiveringFacts *facts, const char *path, GError **error)
{
  const ActiveringRuleSet *rules = facts->rules;
  int slot = activering_rule_set_lookup_fact (rules, path);
  if (slot >= 0)
    return slot;
  g_autofree const char **paths = g_new (const char *, rules->n_facts + 1);
  for (guint i = 0; i < rules->n_facts; i++)
    paths[i] = rules->facts[i].path;
  paths[rules->n_facts] = NULL;
  const char *hint = activering_suggest (path, strlen (path), paths, rules->n_facts);
  g_autofree char *message = hint != NULL
                                 ? g_strdup_printf ("not a fact of rule set %s (did you mean \"%s\"?)", rules->id, hint)
                                 : g_strdup_printf ("not a fact of rule set %s", rules->id);
  fail (error, ACTIVERING_ERROR_UNKNOWN_KEY, path, message);
  return -1;
}

/* Forgets what @slot held: unknown again. (Runs and ids a slot held stay in their buffers until the next parse;
 * nothing points at them any more.) */
static void
forget (ActiveringFacts *facts, guint slot)
{
  facts->state[slot] = ACTIVERING_FACT_UNKNOWN;
  memset (&facts->values[slot], 0, sizeof (Value));
  facts->run_count[slot] = 0;
}

gboolean
activering_facts_set_json (ActiveringFacts *facts, const char *path, const char *json, gssize length, GError **error)
{
  g_return_val_if_fail (facts != NULL && path != NULL, FALSE);
  g_return_val_if_fail (json != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  int slot = lookup_slot (facts, path, error);
  if (slot < 0)
    return FALSE;
  gsize size = json == NULL ? 0 : length < 0 ? strlen (json) : (gsize) length;
  /* kept, to put back if the new value is refused */
  guint8 state = facts->state[slot];
  Value value = facts->values[slot];
  guint run_first = facts->run_first[slot], run_count = facts->run_count[slot];
  forget (facts, (guint) slot);
  if (size == 0)
    fail (error, ACTIVERING_ERROR_SYNTAX, path, "empty value");
  else if (facts_read_value (facts, (guint) slot, json ? json : "", size, error))
    return TRUE;
  facts->state[slot] = state;
  facts->values[slot] = value;
  facts->run_first[slot] = run_first;
  facts->run_count[slot] = run_count;
  return FALSE;
}

gboolean
activering_facts_set_boolean (ActiveringFacts *facts, const char *path, gboolean value, GError **error)
{
  return activering_facts_set_json (facts, path, value ? "true" : "false", -1, error);
}

gboolean
activering_facts_set_integer (ActiveringFacts *facts, const char *path, gint64 value, GError **error)
{
  char text[32];
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  return activering_facts_set_json (facts, path, text, -1, error);
}

gboolean
activering_facts_set_number (ActiveringFacts *facts, const char *path, double value, GError **error)
{
  g_return_val_if_fail (facts != NULL && path != NULL, FALSE);
  if (!isfinite (value))
    {
      if (lookup_slot (facts, path, error) < 0)
        return FALSE;
      fail (error, ACTIVERING_ERROR_OUT_OF_RANGE, path, isnan (value) ? "not a number" : "the number is too large");
      return FALSE;
    }
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_dtostr (text, sizeof text, value);
  return activering_facts_set_json (facts, path, text, -1, error);
}

gboolean
activering_facts_set_date (ActiveringFacts *facts, const char *path, const GDate *date, GError **error)
{
  g_return_val_if_fail (facts != NULL && path != NULL && date != NULL, FALSE);
  if (!g_date_valid (date))
    {
      if (lookup_slot (facts, path, error) < 0)
        return FALSE;
      fail (error, ACTIVERING_ERROR_INVALID_VALUE, path, "not a valid date");
      return FALSE;
    }
  char text[32];
  g_snprintf (text, sizeof text, "\"%04u-%02u-%02u\"", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return activering_facts_set_json (facts, path, text, -1, error);
}

gboolean
activering_facts_set_string (ActiveringFacts *facts, const char *path, const char *value, GError **error)
{
  g_return_val_if_fail (facts != NULL && path != NULL && value != NULL, FALSE);
  gsize len = strlen (value);
  if (!g_utf8_validate (value, (gssize) len, NULL))
    {
      if (lookup_slot (facts, path, error) < 0)
        return FALSE;
      fail (error, ACTIVERING_ERROR_INVALID_VALUE, path, "not valid UTF-8");
      return FALSE;
    }
  g_autoptr (GString) quoted = g_string_sized_new (len + 2);
  activering_append_quoted (quoted, value, len, len);
  return activering_facts_set_json (facts, path, quoted->str, (gssize) quoted->len, error);
}

gboolean
activering_facts_set_blank (ActiveringFacts *facts, const char *path, GError **error)
{
  return activering_facts_set_json (facts, path, "null", -1, error);
}

gboolean
activering_facts_unset (ActiveringFacts *facts, const char *path, GError **error)
{
  g_return_val_if_fail (facts != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  int slot = lookup_slot (facts, path, error);
  if (slot < 0)
    return FALSE;
  forget (facts, (guint) slot);
  return TRUE;
}
