/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-rules.c: libFuzzer target for the rule-set loader (activering_rule_set_new_from_data): the JSON reader,
 * every check of the rule language, the expression compiler, and then the compiled program run on dossiers.
 *
 * Built by `make tests/fuzz/fuzz-rules` (see tests/Makefile.inc) with clang -fsanitize=fuzzer,address,undefined
 * over the library's own sources. Run:
 *
 *   cp -r tests/fuzz/corpus-rules /tmp/corpus && ./tests/fuzz/fuzz-rules -dict=tests/fuzz/facts.dict /tmp/corpus
 *
 * Checks, besides the sanitizers:
 * - a rejected rule set reports an ACTIVERING_ERROR with a known code and a message "fuzz: /<json pointer>: …";
 * - an accepted rule set answers its getters, and evaluates fixed dossiers: one with no facts at all, and one
 *   written from the rule set's own declarations (so that the facts of any rule set the fuzzer invents are
 *   known and the compiled program runs on real values); the documents it writes are well-formed JSON and the
 *   outcomes-only path agrees with the full evaluation, also on an evaluation reused from the dossier before.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <activering/activering.h>

#define FUZZ_NAME "fuzz-rules"
#include "fuzz-checks.h"
/* Private: the declared facts' types, values and bounds, to write a dossier that fits any rule set. The fuzz
 * targets are compiled together with the library's sources, so its private headers are at hand. */
#include "rules/rule-set-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);




/* ---- a dossier written from the rule set's declarations ---- */

static void
append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
}

/* A value of the fact's type inside its bounds; @variant picks among several. */
static void
append_fact_value (GString *out, const ActiveringRuleSet *rules, const FactDecl *fact, guint variant)
{
  switch (fact->type)
    {
    case TYPE_BOOL:
      g_string_append (out, variant % 2 ? "false" : "true");
      return;
    case TYPE_INTEGER:
    case TYPE_NUMBER:
      {
        double v = fact->type == TYPE_INTEGER ? (double) (variant % 7) : 0.5 * (double) (variant % 3);
        if (fact->has_min && v < fact->min)
          v = fact->type == TYPE_INTEGER ? ceil (fact->min) : fact->min;
        if (fact->has_max && v > fact->max)
          v = fact->type == TYPE_INTEGER ? floor (fact->max) : fact->max;
        if (!isfinite (v) || fabs (v) > 1e15 || (fact->has_min && v < fact->min) || (fact->has_max && v > fact->max))
          g_string_append (out, "null");
        else
          append_number (out, v);
        return;
      }
    case TYPE_DATE:
      {
        static const char *const dates[] = { "\"2020-02-29\"", "\"2026-11-22\"", "\"1990-01-31\"", "\"0001-01-01\"",
                                             "\"9999-12-31\"" };
        g_string_append (out, dates[variant % G_N_ELEMENTS (dates)]);
        return;
      }
    case TYPE_ENUM:
      append_json_string (out, rules->symbols[fact->values[variant % fact->n_values]]);
      return;
    case TYPE_ENUM_LIST:
      g_string_append_c (out, '[');
      for (guint i = 0; i < MIN (fact->n_values, variant % 4); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_json_string (out, rules->symbols[fact->values[(variant + i) % fact->n_values]]);
        }
      g_string_append_c (out, ']');
      return;
    case TYPE_RUNS:
      g_string_append (out, "[{\"measure\":");
      append_json_string (out, rules->symbols[fact->values[variant % fact->n_values]]);
      g_string_append (out, ",\"start\":\"2025-01-01\"},{\"measure\":");
      append_json_string (out, rules->symbols[fact->values[(variant + 1) % fact->n_values]]);
      g_string_append (out, ",\"start\":\"2020-03-01\",\"end\":\"2026-11-22\",\"hours_fraction\":0.5}]");
      return;
    default:
      g_string_append (out, "null");
      return;
    }
}

static void
append_object (GString *out, const ActiveringRuleSet *rules, const SchemaNode *node, guint variant)
{
  for (guint i = 0; i < node->n_children; i++)
    {
      const SchemaNode *child = node->children[i];
      g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      g_string_append_len (out, child->key, (gssize) child->key_len);
      g_string_append (out, "\":");
      if (child->fact >= 0)
        append_fact_value (out, rules, &rules->facts[child->fact], variant + (guint) child->fact);
      else
        {
          g_string_append (out, "{\"x_\":0");
          append_object (out, rules, child, variant);
          g_string_append_c (out, '}');
        }
    }
}

static char *
dossier_for (const ActiveringRuleSet *rules, guint variant)
{
  GString *out = g_string_new ("{\"format\":\"activering.facts/1\",\"id\":\"fuzz\",\"as_of\":\"2026-11-22\"");
  append_object (out, rules, rules->schema, variant);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* ---- evaluation ---- */

/* Evaluates @facts on a fresh evaluation, and on @shared, which last ran the previous dossier: its outcomes-only
 * run and then its full run must agree with the fresh one (nothing skipped may keep the previous dossier's
 * values). */
static void
evaluate (ActiveringRuleSet *rules, ActiveringFacts *facts, ActiveringEvaluation *shared)
{
  GError *error = NULL;
  ActiveringEvaluation *ev = activering_evaluation_new (rules);
  CHECK (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error), "run failed: %s",
         error ? error->message : "?");
  char *result = activering_evaluation_to_json (ev, NULL, ACTIVERING_JSON_DEFAULT, &error);
  CHECK (result != NULL, "to_json failed: %s", error ? error->message : "?");
  check_json ("the result document", result, strlen (result));
  if (activering_rule_set_has_language (rules, "nl"))
    {
      char *nl = activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_PRETTY, &error);
      CHECK (nl != NULL, "to_json nl failed: %s", error ? error->message : "?");
      check_json ("the pretty result document", nl, strlen (nl));
      g_free (nl);
    }
  else
    {
      CHECK (activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_DEFAULT, &error) == NULL, "nl without nl");
      check_error (error, "result: ");
      CHECK (error->code == ACTIVERING_ERROR_USAGE, "code %d for an unknown language", error->code);
      g_clear_error (&error);
    }
  GString *outcomes = g_string_new (NULL);
  activering_evaluation_append_outcomes_json (ev, outcomes);
  check_json ("the outcomes document", outcomes->str, outcomes->len);

  guint n_measures = activering_rule_set_get_n_measures (rules);
  for (guint m = 0; m < n_measures; m++)
    {
      for (guint c = 0; c < activering_evaluation_get_n_conditions (ev, m); c++)
        CHECK (activering_evaluation_get_condition_text (ev, m, c, NULL) != NULL, "a condition without text");
      for (guint l = 0; l < activering_evaluation_get_n_limits (ev, m); l++)
        {
          double number;
          GDate date;
          g_date_clear (&date, 1);
          if (!activering_evaluation_get_limit_number (ev, m, l, &number))
            CHECK (activering_evaluation_get_limit_date (ev, m, l, &date) && g_date_valid (&date),
                   "limit %s is neither a number nor a valid date", activering_evaluation_get_limit_id (ev, m, l));
        }
    }
  for (guint o = 0; o < activering_evaluation_get_n_obligations (ev); o++)
    {
      GDate due;
      g_date_clear (&due, 1);
      if (activering_evaluation_get_obligation_due (ev, o, &due))
        CHECK (g_date_valid (&due), "an obligation due date is not a valid date");
    }

  ActiveringOutcome *full = g_new0 (ActiveringOutcome, n_measures + 1);
  for (guint m = 0; m < n_measures; m++)
    full[m] = activering_evaluation_get_outcome (ev, m);
  check_outcomes_only (ev, facts, NULL, full, "same evaluation");
  GString *fast = g_string_new (NULL);
  activering_evaluation_append_outcomes_json (ev, fast);
  CHECK (g_string_equal (outcomes, fast), "outcomes documents differ:\n  %s\n  %s", outcomes->str, fast->str);

  check_outcomes_only (shared, facts, NULL, full, "after another dossier");
  CHECK (activering_evaluation_run (shared, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error), "run failed: %s",
         error ? error->message : "?");
  char *again = activering_evaluation_to_json (shared, NULL, ACTIVERING_JSON_DEFAULT, &error);
  CHECK (again != NULL && strcmp (again, result) == 0, "a reused evaluation gives another result:\n  %s\n  %s",
         result, again ? again : "(null)");
  g_free (again);

  g_string_free (fast, TRUE);
  g_free (full);
  g_string_free (outcomes, TRUE);
  g_free (result);
  activering_evaluation_free (ev);
}

static void
read_rule_set (ActiveringRuleSet *rules)
{
  const char *digest = activering_rule_set_get_digest (rules);
  CHECK (digest != NULL && strlen (digest) == strlen ("sha256:") + 64 && g_str_has_prefix (digest, "sha256:"),
         "bad digest %s", digest ? digest : "(null)");
  CHECK (activering_rule_set_get_id (rules) != NULL && activering_rule_set_get_version (rules) != NULL, "no id");
  CHECK (activering_rule_set_get_title (rules, NULL) != NULL, "no title");
  CHECK (activering_rule_set_get_title (rules, "no-such-language") == NULL, "a title in no language");
  guint n_measures = activering_rule_set_get_n_measures (rules);
  for (guint m = 0; m < n_measures; m++)
    {
      const char *code = activering_rule_set_get_measure_code (rules, m);
      CHECK (code != NULL && activering_rule_set_lookup_measure (rules, code) == (int) m, "lookup of measure %u", m);
      CHECK (activering_rule_set_get_measure_label (rules, m, NULL) != NULL, "measure %s without label", code);
      const char *decided_by = activering_rule_set_get_measure_decided_by (rules, m);
      CHECK (activering_rule_set_get_role_label (rules, decided_by, NULL) != NULL, "role %s without label", decided_by);
      char *json = activering_rule_set_dup_measure_json (rules, m);
      CHECK (json != NULL, "no JSON for measure %s", code);
      check_json ("a measure's JSON", json, strlen (json));
      g_free (json);
    }
  CHECK (activering_rule_set_dup_measure_json (rules, n_measures) == NULL, "JSON for a measure past the end");
  for (guint f = 0; f < activering_rule_set_get_n_facts (rules); f++)
    {
      const char *path = activering_rule_set_get_fact_path (rules, f);
      CHECK (path != NULL && activering_rule_set_lookup_fact (rules, path) == (int) f, "lookup of fact %u", f);
      CHECK (activering_rule_set_get_fact_label (rules, f, NULL) != NULL, "fact %s without label", path);
      const char *supplied_by = activering_rule_set_get_fact_supplied_by (rules, f);
      CHECK (activering_rule_set_get_role_label (rules, supplied_by, NULL) != NULL, "role %s without label",
             supplied_by);
    }
}

/* Lint and the diff against the default rule set: well-formed documents, and a rule set is the same as itself. */
static void
check_analysis (const ActiveringRuleSet *rules)
{
  guint errors = 0;
  char *lint = activering_rule_set_lint_to_json (rules, ACTIVERING_JSON_DEFAULT, &errors);
  check_json ("lint document", lint, strlen (lint));
  g_free (lint);
  char *diff = activering_rule_set_diff_to_json (fuzz_default_rules (), rules, ACTIVERING_JSON_PRETTY);
  check_json ("diff document", diff, strlen (diff));
  g_free (diff);
  char *same = activering_rule_set_diff_to_json (rules, rules, ACTIVERING_JSON_DEFAULT);
  CHECK (strstr (same, "\"same\":true,") != NULL && strstr (same, "\"changes\":[]") != NULL,
         "a rule set differs from itself: %.300s", same);
  g_free (same);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* activering_rule_set_new_from_data() takes a length, so the input need not be NUL-terminated; an empty input
   * still gets a valid pointer. */
  const char *text = size > 0 ? (const char *) data : "";
  GError *error = NULL;
  ActiveringRuleSet *rules = activering_rule_set_new_from_data (text, (gssize) size, "fuzz", &error);
  if (rules == NULL)
    {
      check_error (error, "fuzz: /");
      g_error_free (error);
      return 0;
    }
  CHECK (error == NULL, "success with an error set");
  read_rule_set (rules);
  check_analysis (rules);

  /* A dossier that states nothing but its id fits every rule set: everything is unknown. */
  static const char empty[] = "{\"format\":\"activering.facts/1\",\"id\":\"fuzz\",\"as_of\":\"2026-11-22\"}";
  ActiveringFacts *facts = activering_facts_new (rules);
  ActiveringEvaluation *shared = activering_evaluation_new (rules);
  CHECK (activering_facts_parse (facts, empty, -1, &error), "the empty dossier fails: %s",
         error ? error->message : "?");
  evaluate (rules, facts, shared);

  /* Dossiers that know every declared fact. A rule set may declare facts no dossier can hold (a path below "id",
   * deeper than the parser goes); those dossiers are rejected, with a proper error. */
  for (guint variant = 0; variant < 2; variant++)
    {
      char *dossier = dossier_for (rules, variant);
      if (activering_facts_parse (facts, dossier, -1, &error))
        evaluate (rules, facts, shared);
      else
        {
          check_error (error, "facts: /");
          g_clear_error (&error);
        }
      g_free (dossier);
    }
  /* Back to knowing nothing, after knowing everything. */
  CHECK (activering_facts_parse (facts, empty, -1, &error), "the empty dossier fails: %s",
         error ? error->message : "?");
  evaluate (rules, facts, shared);

  activering_evaluation_free (shared);
  activering_facts_free (facts);
  activering_rule_set_unref (rules);
  return 0;
}
