/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-checks.h: what the fuzz targets check of the library's answers. Define FUZZ_NAME before including. */
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <json-c/json.h>

#include <activering/activering.h>

/* A failed check is a finding: say what and where, and abort so that libFuzzer keeps the input. */
#define CHECK(cond, ...)                                                                                    \
  do                                                                                                        \
    {                                                                                                       \
      if (!(cond))                                                                                          \
        {                                                                                                   \
          fprintf (stderr, FUZZ_NAME ": check failed: %s (%s:%d)\n  ", #cond, __FILE__, __LINE__);         \
          fprintf (stderr, __VA_ARGS__);                                                                    \
          fputc ('\n', stderr);                                                                             \
          abort ();                                                                                         \
        }                                                                                                   \
    }                                                                                                       \
  while (0)

/* The default rule set, loaded once: it is immutable, and the library itself keeps no global mutable state. */
static inline ActiveringRuleSet *
fuzz_default_rules (void)
{
  static ActiveringRuleSet *rules = NULL;
  if (rules == NULL)
    {
      GError *error = NULL;
      rules = activering_rule_set_new_default (&error);
      CHECK (rules != NULL, "cannot load the default rule set: %s", error ? error->message : "?");
    }
  return rules;
}

/* A GError of the library: its domain, a known code, and a message "<@prefix>…". */
static inline void
check_error (const GError *error, const char *prefix)
{
  CHECK (error != NULL, "failed without an error");
  CHECK (error->domain == ACTIVERING_ERROR, "error in domain %s: %s", g_quark_to_string (error->domain),
         error->message);
  CHECK (error->code >= ACTIVERING_ERROR_FAILED && error->code <= ACTIVERING_ERROR_USAGE, "unknown code %d: %s",
         error->code, error->message);
  CHECK (error->message != NULL && g_str_has_prefix (error->message, prefix), "message without \"%s\": %s", prefix,
         error->message ? error->message : "(null)");
  CHECK (strlen (error->message) > strlen (prefix), "empty message");
}

/* A document the library wrote must be valid UTF-8 (rule sets and facts are checked to be) and one well-formed
 * JSON object. */
static inline void
check_json (const char *what, const char *text, size_t length)
{
  CHECK (g_utf8_validate_len (text, length, NULL), "%s is not valid UTF-8", what);
  json_tokener *tokener = json_tokener_new ();
  json_object *root = json_tokener_parse_ex (tokener, text, (int) length);
  enum json_tokener_error status = json_tokener_get_error (tokener);
  size_t end = json_tokener_get_parse_end (tokener);
  json_tokener_free (tokener);
  CHECK (status == json_tokener_success && root != NULL, "%s is not JSON (%s): %.300s", what,
         json_tokener_error_desc (status), text);
  while (end < length && g_ascii_isspace (text[end]))
    end++;
  CHECK (end == length, "%s has data after the JSON value at byte %zu", what, end);
  CHECK (json_object_is_type (root, json_type_object), "%s is not a JSON object", what);
  json_object_put (root);
}

/* An outcomes-only run of @facts on @ev must give the outcomes @full of a full run; @context says which run. */
static inline void
check_outcomes_only (ActiveringEvaluation *ev, const ActiveringFacts *facts, const GDate *when,
                     const ActiveringOutcome *full, const char *context)
{
  GError *error = NULL;
  CHECK (activering_evaluation_run (ev, facts, when, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error),
         "outcomes-only run failed (%s): %s", context, error ? error->message : "?");
  const ActiveringRuleSet *rules = activering_facts_get_rule_set (facts);
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    CHECK (activering_evaluation_get_outcome (ev, m) == full[m],
           "measure %s: outcome %s in a full run, %s in an outcomes-only run (%s)",
           activering_rule_set_get_measure_code (rules, m), activering_outcome_to_string (full[m]),
           activering_outcome_to_string (activering_evaluation_get_outcome (ev, m)), context);
}
