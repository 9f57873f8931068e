/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-facts.c: libFuzzer target for the facts parser (activering_facts_parse) and everything a parsed dossier
 * reaches: evaluation with and without explanations, the result and outcomes documents.
 *
 * Built by `make tests/fuzz/fuzz-facts` (see tests/Makefile.inc) with clang -fsanitize=fuzzer,address,undefined
 * over the library's own sources. Run:
 *
 *   cp -r tests/fuzz/corpus-facts /tmp/corpus && ./tests/fuzz/fuzz-facts -dict=tests/fuzz/facts.dict /tmp/corpus
 *
 * Besides the sanitizers, the target checks the library's documented promises and aborts when one is broken:
 * - a failed parse reports an ACTIVERING_ERROR with a known code and a message "facts: /<json pointer>: …",
 *   and leaves the facts object empty;
 * - a successful parse evaluates; the result and outcomes documents are well-formed UTF-8 JSON;
 * - the outcomes-only fast path gives the same outcomes as the full evaluation, also on an evaluation that last
 *   ran another dossier (nothing it skips may leak that dossier's values);
 * - parsing the same bytes again into a reused facts object gives the same answer;
 * - on inputs of even length, a traced run (ACTIVERING_EVALUATE_TRACE) gives the same outcomes, a well-formed result
 *   whose bytes a second traced run repeats, valid_until dates on or after the evaluation date, a text for every
 *   change, and leaves the evaluation answering a plain run exactly as before.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <activering/activering.h>

#define FUZZ_NAME "fuzz-facts"
#include "fuzz-checks.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);




static void
check_parse_error (const GError *error, const ActiveringFacts *facts, gboolean input_is_utf8)
{
  CHECK (error != NULL, "activering_facts_parse failed without an error");
  CHECK (error->domain == ACTIVERING_ERROR, "error in domain %s: %s", g_quark_to_string (error->domain),
         error->message);
  CHECK (error->code >= ACTIVERING_ERROR_FAILED && error->code <= ACTIVERING_ERROR_USAGE, "unknown code %d: %s",
         error->code, error->message);
  CHECK (error->message != NULL && g_str_has_prefix (error->message, "facts: /"), "bad message: %s",
         error->message ? error->message : "(null)");
  CHECK (strlen (error->message) > strlen ("facts: /"), "empty message");
  /* Keys and values are quoted into messages as they are: a message is UTF-8 when the document is. */
  CHECK (!input_is_utf8 || g_utf8_validate (error->message, -1, NULL), "message is not UTF-8: %s", error->message);
  CHECK (activering_facts_get_id (facts) == NULL, "facts not left empty after an error: id %s",
         activering_facts_get_id (facts));
  GDate date;
  CHECK (!activering_facts_get_as_of (facts, &date), "facts not left empty after an error: as_of set");
}

/* Reads the answer through the getters too, as a program using the library would. */
static void
read_back (ActiveringRuleSet *rules, ActiveringEvaluation *ev)
{
  guint n_measures = activering_rule_set_get_n_measures (rules);
  for (guint m = 0; m < n_measures; m++)
    {
      (void) activering_outcome_to_string (activering_evaluation_get_outcome (ev, m));
      for (guint c = 0; c < activering_evaluation_get_n_conditions (ev, m); c++)
        {
          CHECK (activering_evaluation_get_condition_id (ev, m, c) != NULL, "condition without id");
          CHECK (activering_evaluation_get_condition_text (ev, m, c, "fr") != NULL, "condition without text");
          (void) activering_truth_to_string (activering_evaluation_get_condition_state (ev, m, c));
        }
      for (guint i = 0; i < activering_evaluation_get_n_missing (ev, m); i++)
        {
          CHECK (activering_evaluation_get_missing_fact (ev, m, i) != NULL, "missing fact without path");
          (void) activering_evaluation_get_missing_asked_of (ev, m, i);
          (void) activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, m, i));
        }
      for (guint l = 0; l < activering_evaluation_get_n_limits (ev, m); l++)
        {
          double number;
          GDate date;
          g_date_clear (&date, 1);
          if (!activering_evaluation_get_limit_number (ev, m, l, &number))
            CHECK (activering_evaluation_get_limit_date (ev, m, l, &date) && g_date_valid (&date),
                   "limit %s is neither a number nor a valid date", activering_evaluation_get_limit_id (ev, m, l));
          (void) activering_evaluation_get_limit_text (ev, m, l, "en");
        }
    }
  for (guint o = 0; o < activering_evaluation_get_n_obligations (ev); o++)
    {
      GDate due;
      g_date_clear (&due, 1);
      if (activering_evaluation_get_obligation_due (ev, o, &due))
        CHECK (g_date_valid (&due), "obligation due date is not a valid date");
      (void) activering_obligation_state_to_string (activering_evaluation_get_obligation_state (ev, o));
      CHECK (activering_evaluation_get_obligation_text (ev, o, "nl") != NULL, "obligation without text");
    }
}

/* Two dossiers that set many facts one way and the other: an evaluation runs one of them first, so that any node
 * the outcomes-only path skips or forgets to compute still holds that dossier's value and shows up as a
 * different outcome. */
static const char *const previous_dossiers[] = {
  "{\"format\":\"activering.facts/1\",\"id\":\"previous-1\",\"as_of\":\"2026-11-22\",\"region\":\"vlaanderen\","
  "\"person\":{\"birth_date\":\"1991-04-12\",\"domicile_region\":\"vlaanderen\",\"legal_residence\":true},"
  "\"income\":{\"status\":\"leefloon\",\"since\":\"2026-03-01\",\"decision_date\":\"2026-03-01\"},"
  "\"social_security\":{\"full_unemployment_entitlement\":false},"
  "\"vdab\":{\"registered\":true,\"category\":\"nwwz\",\"registered_since\":\"2026-04-01\"},"
  "\"gpmi\":{\"signed_on\":\"2026-05-15\",\"exemption\":\"none\"},\"work_capacity\":0.6,"
  "\"assessment\":{\"made_by\":\"ocmw\",\"made_on\":\"2026-09-01\",\"lacks_work_experience\":true,"
  "\"lacks_generic_competences\":true,\"ready_for_regular_labour_market\":false,"
  "\"regular_labour_market_within_months\":18,\"social_economy_highest_achievable\":false,"
  "\"technical_training_first\":false},\"indication\":{\"arbeidsbeperking\":true,\"ground\":\"psychosociaal\","
  "\"decided_by\":\"vdab\",\"decided_on\":\"2026-06-10\",\"valid_until\":\"2028-06-09\","
  "\"advice\":\"individueel_maatwerk\"},\"barriers\":[\"language\"],\"dutch_level\":\"A2\","
  "\"measures\":[{\"measure\":\"art60\",\"start\":\"2025-01-01\",\"end\":\"2025-12-31\"}],"
  "\"proposals\":{\"ibo\":{\"start\":\"2026-12-07\",\"weeks\":16,\"hours_fraction\":0.8,"
  "\"employer\":{\"seat_region\":\"vlaanderen\",\"employed_trainee_before\":false}},"
  "\"art60\":{\"start\":\"2027-01-04\",\"placement\":\"internal\",\"hours_fraction\":1},"
  "\"individueel_maatwerk\":{\"start\":\"2027-01-04\",\"employer\":{\"kind\":\"school\",\"in_difficulty\":false}}}}",
  "{\"format\":\"activering.facts/1\",\"id\":\"previous-2\",\"as_of\":\"2020-02-29\",\"region\":\"brussel\","
  "\"person\":{\"birth_date\":\"1950-01-01\",\"domicile_region\":\"wallonie\",\"legal_residence\":false},"
  "\"income\":{\"status\":\"none\"},\"vdab\":{\"registered\":false},\"work_capacity\":0,"
  "\"measures\":[{\"measure\":\"twe_ocmw\",\"start\":\"2019-01-01\"}],\"barriers\":[]}",
};

/* The outcomes-only path on an evaluation that last ran another dossier gives the outcomes of a full run. */
static void
check_fast_path_after (ActiveringRuleSet *rules, const char *previous, const ActiveringFacts *facts,
                       const GDate *when, const ActiveringOutcome *full)
{
  GError *error = NULL;
  /* Written for data/rules/be-vlaanderen.json: if the rule set changes under it, the check is skipped. */
  ActiveringFacts *other = activering_facts_new_from_data (rules, previous, -1, NULL);
  if (other == NULL)
    return;
  ActiveringEvaluation *ev = activering_evaluation_new (rules);
  CHECK (activering_evaluation_run (ev, other, NULL, ACTIVERING_EVALUATE_DEFAULT, &error), "run failed");
  check_outcomes_only (ev, facts, when, full, "after another dossier");
  activering_evaluation_free (ev);
  activering_facts_free (other);
}

/* The traced run: the same outcomes as @full, the same bytes twice, dates not before the evaluation date, and a
 * plain run afterwards that answers @plain again. */
static void
check_trace (ActiveringRuleSet *rules, ActiveringEvaluation *ev, const ActiveringFacts *facts, const GDate *when,
             const ActiveringOutcome *full, const char *plain)
{
  GError *error = NULL;
  CHECK (activering_evaluation_run (ev, facts, when, ACTIVERING_EVALUATE_TRACE, &error), "traced run failed: %s",
         error ? error->message : "?");
  char *traced = activering_evaluation_to_json (ev, "en", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (traced != NULL, "traced to_json failed: %s", error ? error->message : "?");
  check_json ("the traced result document", traced, strlen (traced));
  CHECK (strstr (traced, "\"trace\":{") != NULL, "the traced result has no trace");
  GDate as_of, until;
  activering_evaluation_get_as_of (ev, &as_of);
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    {
      CHECK (activering_evaluation_get_outcome (ev, m) == full[m], "tracing changes the outcome of measure %u", m);
      if (activering_evaluation_get_valid_until (ev, m, &until))
        CHECK (g_date_valid (&until) && g_date_compare (&until, &as_of) >= 0, "valid_until before as_of");
      for (guint k = 0; k < activering_evaluation_get_n_changes (ev, m); k++)
        {
          CHECK (activering_evaluation_get_change_fact (ev, m, k) != NULL, "a change without a fact");
          char *text = activering_evaluation_dup_change_text (ev, m, k, "fr");
          CHECK (text != NULL && g_utf8_validate (text, -1, NULL), "a change without a text");
          g_free (text);
        }
    }
  for (guint o = 0; o < activering_evaluation_get_n_obligations (ev); o++)
    if (activering_evaluation_get_obligation_valid_until (ev, o, &until))
      CHECK (g_date_valid (&until) && g_date_compare (&until, &as_of) >= 0, "obligation valid_until before as_of");
  ActiveringEvaluation *fresh = activering_evaluation_new (rules);
  CHECK (activering_evaluation_run (fresh, facts, when, ACTIVERING_EVALUATE_TRACE, &error), "traced run failed");
  char *again = activering_evaluation_to_json (fresh, "en", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (again != NULL && strcmp (again, traced) == 0, "two traced runs differ:\n  %s\n  %s", traced,
         again ? again : "(null)");
  CHECK (activering_evaluation_run (ev, facts, when, ACTIVERING_EVALUATE_DEFAULT, &error), "rerun failed");
  char *after = activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (after != NULL && strcmp (after, plain) == 0, "a plain run after a traced one differs:\n  %s\n  %s", plain,
         after ? after : "(null)");
  g_free (after);
  g_free (again);
  activering_evaluation_free (fresh);
  g_free (traced);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ActiveringRuleSet *rules = fuzz_default_rules ();
  const char *json = size > 0 ? (const char *) data : "";
  ActiveringFacts *facts = activering_facts_new (rules);
  GError *error = NULL;

  /* Length -1 (NUL-terminated) reads the same document as the explicit length, when there is no NUL inside. */
  if (memchr (json, '\0', size) == NULL)
    {
      char *terminated = g_strndup (json, size);
      gboolean ok = activering_facts_parse (facts, terminated, -1, &error);
      gboolean ok_len = activering_facts_parse (facts, json, (gssize) size, NULL);
      CHECK (ok == ok_len, "length -1 %s, explicit length %s", ok ? "parses" : "fails", ok_len ? "parses" : "fails");
      g_clear_error (&error);
      g_free (terminated);
    }

  if (!activering_facts_parse (facts, json, (gssize) size, &error))
    {
      check_parse_error (error, facts, g_utf8_validate_len (json, size, NULL));
      /* The same bytes fail the same way a second time. */
      GError *again = NULL;
      CHECK (!activering_facts_parse (facts, json, (gssize) size, &again), "second parse succeeded");
      CHECK (again != NULL && again->code == error->code && strcmp (again->message, error->message) == 0,
             "second parse gave another error: %s / %s", error->message, again ? again->message : "(none)");
      /* Without a GError the parser still fails, and does not crash building a message nobody reads. */
      CHECK (!activering_facts_parse (facts, json, (gssize) size, NULL), "parse without GError succeeded");
      g_error_free (again);
      g_error_free (error);
      activering_facts_free (facts);
      return 0;
    }
  CHECK (error == NULL, "success with an error set");
  CHECK (activering_facts_get_id (facts) != NULL && *activering_facts_get_id (facts) != '\0', "no id after a parse");

  /* A dossier without as_of is evaluated on a fixed day, so that every run of an input gives the same answer. */
  GDate fixed;
  g_date_clear (&fixed, 1);
  g_date_set_dmy (&fixed, 22, G_DATE_NOVEMBER, 2026);
  GDate as_of;
  g_date_clear (&as_of, 1);
  const GDate *when = activering_facts_get_as_of (facts, &as_of) ? NULL : &fixed;

  ActiveringEvaluation *ev = activering_evaluation_new (rules);
  CHECK (activering_evaluation_run (ev, facts, when, ACTIVERING_EVALUATE_DEFAULT, &error), "run failed: %s",
         error ? error->message : "?");
  CHECK (strcmp (activering_evaluation_get_id (ev), activering_facts_get_id (facts)) == 0, "id differs");

  char *result = activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (result != NULL, "to_json failed: %s", error ? error->message : "?");
  check_json ("the result document", result, strlen (result));
  char *pretty = activering_evaluation_to_json (ev, "fr", ACTIVERING_JSON_PRETTY, &error);
  CHECK (pretty != NULL, "pretty to_json failed: %s", error ? error->message : "?");
  check_json ("the pretty result document", pretty, strlen (pretty));
  read_back (rules, ev);

  GString *outcomes = g_string_new (NULL);
  activering_evaluation_append_outcomes_json (ev, outcomes);
  check_json ("the outcomes document", outcomes->str, outcomes->len);

  guint n_measures = activering_rule_set_get_n_measures (rules);
  ActiveringOutcome *full = g_new0 (ActiveringOutcome, n_measures + 1);
  for (guint m = 0; m < n_measures; m++)
    full[m] = activering_evaluation_get_outcome (ev, m);

  /* The fast path: the same outcomes, and the same outcomes document. */
  check_outcomes_only (ev, facts, when, full, "same evaluation");
  GString *fast = g_string_new (NULL);
  activering_evaluation_append_outcomes_json (ev, fast);
  CHECK (g_string_equal (outcomes, fast), "outcomes documents differ:\n  %s\n  %s", outcomes->str, fast->str);
  CHECK (activering_evaluation_get_n_obligations (ev) == 0, "obligations reported by the outcomes-only path");
  for (guint i = 0; i < G_N_ELEMENTS (previous_dossiers); i++)
    check_fast_path_after (rules, previous_dossiers[i], facts, when, full);

  /* Reuse: parse the same bytes into the used facts object and run the used evaluation again. */
  CHECK (activering_facts_parse (facts, json, (gssize) size, &error), "second parse failed: %s",
         error ? error->message : "?");
  CHECK (activering_evaluation_run (ev, facts, when, ACTIVERING_EVALUATE_DEFAULT, &error), "rerun failed: %s",
         error ? error->message : "?");
  char *again = activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_DEFAULT, &error);
  CHECK (again != NULL && strcmp (again, result) == 0, "a rerun gives another result:\n  %s\n  %s", result,
         again ? again : "(null)");

  if (size % 2 == 0)
    check_trace (rules, ev, facts, when, full, result);

  g_free (again);
  g_string_free (fast, TRUE);
  g_free (full);
  g_string_free (outcomes, TRUE);
  g_free (pretty);
  g_free (result);
  activering_evaluation_free (ev);
  activering_facts_free (facts);
  return 0;
}
