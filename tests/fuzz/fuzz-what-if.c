/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-what-if.c: libFuzzer target for what-if changes: the `--set PATH=VALUE` reader of the tool
 * (what_if_parse_assignment) and activering_facts_set_json(), on an example dossier, then an evaluation.
 *
 * Built by `make tests/fuzz/fuzz-what-if` (see tests/Makefile.inc) with the tool's what-if sources. Run:
 *
 *   cp -r tests/fuzz/corpus-what-if /tmp/corpus && ./tests/fuzz/fuzz-what-if -dict=tests/fuzz/facts.dict /tmp/corpus
 *
 * The input is a list of assignments, one per line. Checks, besides the sanitizers:
 * - a refused assignment or value reports an ACTIVERING_ERROR with a known code and a message "facts: /…" (or
 *   "expected PATH=VALUE" for a line without one), and leaves the fact's state as it was;
 * - an accepted value makes the fact known, or blank for `null`;
 * - the changed dossier evaluates, and the outcomes-only path agrees with the full evaluation (the result
 *   document itself is fuzz-facts's to check: writing it here would cost most of each run).
 */
#include "config.h"

#include <stdint.h>

#define FUZZ_NAME "fuzz-what-if"
#include "fuzz-checks.h"
#include "what-if.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char example[] =
    "{\"format\":\"activering.facts/1\",\"id\":\"d-1\",\"as_of\":\"2026-11-22\",\"region\":\"vlaanderen\","
    "\"person\":{\"birth_date\":\"1988-09-30\",\"domicile_region\":\"vlaanderen\",\"legal_residence\":true},"
    "\"income\":{\"status\":\"leefloon\",\"since\":\"2025-01-01\",\"decision_date\":\"2025-01-01\"},"
    "\"vdab\":{\"registered\":true,\"category\":\"nwwz\",\"registered_since\":\"2025-02-01\"},"
    "\"barriers\":[\"debt\"],\"measures\":[{\"measure\":\"ibo\",\"start\":\"2025-03-01\",\"end\":\"2025-06-01\"}],"
    "\"proposals\":{\"ibo\":{\"start\":\"2026-12-07\",\"weeks\":16,\"hours_fraction\":0.8}}}";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ActiveringRuleSet *rules = fuzz_default_rules ();
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, example, -1, NULL);
  CHECK (facts != NULL, "the example dossier does not parse");
  g_autofree char *text = g_strndup ((const char *) data, size); /* a NUL in the input ends it, as argv would */
  g_auto (GStrv) lines = g_strsplit (text, "\n", 16);
  for (char **line = lines; *line != NULL; line++)
    {
      g_autofree char *path = NULL, *json = NULL;
      g_autoptr (GError) error = NULL;
      if (!what_if_parse_assignment (rules, *line, &path, &json, &error))
        {
          CHECK (error != NULL && error->domain == ACTIVERING_ERROR, "a refused assignment without an error");
          CHECK (g_str_has_prefix (error->message, "facts: /")
                     || g_str_has_prefix (error->message, "expected PATH=VALUE"),
                 "message: %s", error->message);
          continue;
        }
      ActiveringFactState before = activering_facts_get_state (facts, path);
      if (!activering_facts_set_json (facts, path, json, -1, &error))
        {
          check_error (error, "facts: /");
          CHECK (activering_facts_get_state (facts, path) == before, "a refused value changed %s", path);
          continue;
        }
      ActiveringFactState after = activering_facts_get_state (facts, path);
      CHECK (after == (strcmp (json, "null") == 0 ? ACTIVERING_FACT_BLANK : ACTIVERING_FACT_KNOWN),
             "%s=%s left the fact %s", path, json, activering_fact_state_to_string (after));
    }
  g_autoptr (ActiveringEvaluation) full = activering_evaluation_new (rules);
  g_autoptr (ActiveringEvaluation) fast = activering_evaluation_new (rules);
  g_autoptr (GError) error = NULL;
  CHECK (activering_evaluation_run (full, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error), "%s", error->message);
  CHECK (activering_evaluation_run (fast, facts, NULL, ACTIVERING_EVALUATE_OUTCOMES_ONLY, &error), "%s",
         error->message);
  for (guint m = 0; m < activering_rule_set_get_n_measures (rules); m++)
    CHECK (activering_evaluation_get_outcome (full, m) == activering_evaluation_get_outcome (fast, m),
           "measure %u: the fast path disagrees", m);
  return 0;
}
