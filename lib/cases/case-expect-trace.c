/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-expect-trace.c: the keys of "expect" that need the trace (docs/rule-cases.md): "valid_until",
 * "to_change" and "decided_by". A case with any of them is evaluated with ACTIVERING_EVALUATE_TRACE. */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"
#include "util/dates-private.h"

gboolean
case_wants_trace (const Case *c)
{
  static const char *const keys[] = { "valid_until", "to_change", "decided_by" };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (json_object_object_get_ex (c->expect, keys[i], NULL))
      return TRUE;
  return FALSE;
}

/* An array of strings, each checked by @check (or any string when NULL). */
static void
check_names (CaseLoader *L, const CaseRules *rules, const char *where, const char *key, json_object *list,
             void (*check) (CaseLoader *, const CaseRules *, const char *, const char *))
{
  if (!json_object_is_type (list, json_type_array))
    {
      case_loader_error (L, "%s: \"%s\": expected an array of names", where, key);
      return;
    }
  for (size_t i = 0; i < json_object_array_length (list); i++)
    {
      const char *name = case_array_string (list, i);
      if (name == NULL)
        case_loader_error (L, "%s: \"%s\": item %zu is not a string", where, key, i);
      else if (check != NULL)
        check (L, rules, where, name);
    }
}

/* Whether @got (space-separated, each with a leading space) lists exactly the names of @list, in any order. */
static gboolean
same_names (json_object *list, GPtrArray *got)
{
  if (got->len != json_object_array_length (list))
    return FALSE;
  for (size_t i = 0; i < json_object_array_length (list); i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < got->len && !found; k++)
        found = g_strcmp0 (got->pdata[k], case_array_string (list, i)) == 0;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
append_names (GString *out, GPtrArray *names)
{
  if (names->len == 0)
    g_string_append (out, " nothing");
  for (guint k = 0; k < names->len; k++)
    g_string_append_printf (out, " %s", (const char *) names->pdata[k]);
}

/* ---- valid_until {measure or obligation: date or null} ---- */

void
case_check_valid_until (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, id, until)
    {
      GDate date;
      if (strchr (id, '.') != NULL)
        case_check_obligation_id (L, rules, where, id);
      else
        case_check_measure_code (L, rules, where, id);
      if (!json_object_is_type (until, json_type_null) && !case_parse_date (case_json_string (until), &date))
        case_loader_error (L, "%s: \"%s\": %s is neither a date nor null", where, id,
                           json_object_to_json_string (until));
    }
}

void
case_run_valid_until (CaseRun *run, json_object *value)
{
  const ActiveringEvaluation *ev = run->ev;
  json_object_object_foreach (value, id, expected)
    {
      GDate until, want;
      gboolean known = FALSE, reported = TRUE;
      int measure = strchr (id, '.') == NULL ? activering_rule_set_lookup_measure (run->rules, id) : -1;
      if (measure >= 0)
        known = activering_evaluation_get_valid_until (ev, (guint) measure, &until);
      else
        {
          reported = FALSE;
          for (guint o = 0; o < activering_evaluation_get_n_obligations (ev) && !reported; o++)
            if (strcmp (activering_evaluation_get_obligation_id (ev, o), id) == 0)
              {
                reported = TRUE;
                known = activering_evaluation_get_obligation_valid_until (ev, o, &until);
              }
        }
      char text[11] = "null";
      if (known)
        activering_format_date (activering_days_from_gdate (&until), text);
      gboolean want_null = json_object_is_type (expected, json_type_null);
      gboolean ok = reported && (want_null ? !known
                                           : known && case_parse_date (json_object_get_string (expected), &want)
                                                 && g_date_compare (&want, &until) == 0);
      if (!ok)
        {
          g_string_append_printf (run->out, "  valid_until of %s: expected %s, got %s\n", id,
                                  want_null ? "null" : json_object_get_string (expected),
                                  reported ? text : "nothing (the obligation is not reported)");
          if (measure >= 0)
            case_run_describe_measure (run, (guint) measure);
        }
    }
}

/* ---- to_change {measure: [fact, …]} ---- */

void
case_check_to_change (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, code, facts)
    {
      case_check_measure_code (L, rules, where, code);
      check_names (L, rules, where, code, facts, case_check_fact);
    }
}

void
case_run_to_change (CaseRun *run, json_object *value)
{
  json_object_object_foreach (value, code, facts)
    {
      int m = activering_rule_set_lookup_measure (run->rules, code);
      g_autoptr (GPtrArray) got = g_ptr_array_new ();
      for (guint k = 0; m >= 0 && k < activering_evaluation_get_n_changes (run->ev, (guint) m); k++)
        g_ptr_array_add (got, (gpointer) activering_evaluation_get_change_fact (run->ev, (guint) m, k));
      if (!same_names (facts, got))
        {
          g_string_append_printf (run->out, "  to_change of %s: expected %s, got", code,
                                  json_object_to_json_string_ext (facts, JSON_C_TO_STRING_PLAIN));
          append_names (run->out, got);
          g_string_append_c (run->out, '\n');
        }
    }
}

/* ---- decided_by {"measure.condition": [fact, parameter, definition or measure, …]} ---- */

void
case_check_decided_by (CaseLoader *L, const CaseRules *rules, const char *where, json_object *value)
{
  if (!case_check_object (L, where, value))
    return;
  json_object_object_foreach (value, id, names)
    {
      case_check_measure_dot_id (L, rules, where, "condition", id, rules->conditions);
      check_names (L, rules, where, id, names, NULL);
    }
}

/* The names in the trace's decided_by of condition @id (the result document, read back). */
static gboolean
decided_by_of (json_object *result, const char *id, GPtrArray *names)
{
  json_object *trace = NULL, *conditions = NULL;
  if (!json_object_object_get_ex (result, "trace", &trace) || !json_object_object_get_ex (trace, "conditions", &conditions))
    return FALSE;
  for (size_t i = 0; i < json_object_array_length (conditions); i++)
    {
      json_object *condition = json_object_array_get_idx (conditions, i), *entries = NULL;
      if (g_strcmp0 (case_json_string (json_object_object_get (condition, "id")), id) != 0
          || !json_object_object_get_ex (condition, "decided_by", &entries))
        continue;
      static const char *const kinds[] = { "fact", "parameter", "definition", "measure" };
      for (size_t k = 0; k < json_object_array_length (entries); k++)
        for (guint j = 0; j < G_N_ELEMENTS (kinds); j++)
          {
            const char *name = case_json_string (json_object_object_get (json_object_array_get_idx (entries, k), kinds[j]));
            if (name != NULL)
              g_ptr_array_add (names, (gpointer) name);
          }
      return TRUE;
    }
  return FALSE;
}

void
case_run_decided_by (CaseRun *run, json_object *value)
{
  g_autofree char *text = activering_evaluation_to_json (run->ev, CASES_REPORT_LANG, ACTIVERING_JSON_DEFAULT, NULL);
  json_object *result = text ? json_tokener_parse (text) : NULL;
  json_object_object_foreach (value, id, names)
    {
      g_autoptr (GPtrArray) got = g_ptr_array_new ();
      gboolean listed = result != NULL && decided_by_of (result, id, got);
      if (!listed || !same_names (names, got))
        {
          g_string_append_printf (run->out, "  decided_by of %s: expected %s, got", id,
                                  json_object_to_json_string_ext (names, JSON_C_TO_STRING_PLAIN));
          if (listed)
            append_names (run->out, got);
          else
            g_string_append (run->out, " no such condition in the trace");
          g_string_append_c (run->out, '\n');
        }
    }
  json_object_put (result);
}
