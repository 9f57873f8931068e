/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: CC0-1.0
 */
/* screen-one.c: screen one dossier against the default Flemish rule set.
 *
 * Usage: screen-one FACTS.json [LANG]
 *
 * Reads an `activering.facts/1` document and evaluates every measure of the rule set that is compiled into the
 * library. For each measure it prints the code, the Dutch label, the outcome, the conditions that are false,
 * and the missing facts together with who is expected to supply them. Then it prints the full
 * `activering.result/1` document in LANG (nl, fr or en; default: the rule set's first language, nl).
 *
 * Build:
 *   cc -o screen-one screen-one.c $(pkg-config --cflags --libs activering-1.0)
 *
 * Try it:
 *   ./screen-one facts/facts-twe-eligible.json
 *   ./screen-one facts/facts-unknowns.json fr
 */
#include <locale.h>
#include <stdio.h>
#include <activering/activering.h>

/* The summary is always in Dutch, the working language of a Flemish OCMW. The JSON document at the end
 * uses the language given on the command line. */
#define SUMMARY_LANG "nl"

static void
print_false_conditions (const ActiveringEvaluation *evaluation, guint measure)
{
  guint n_conditions = activering_evaluation_get_n_conditions (evaluation, measure);

  for (guint condition = 0; condition < n_conditions; condition++)
    {
      /* Only a false condition explains a "not eligible". True conditions need no action, and unknown
       * conditions show up as missing facts below. */
      if (activering_evaluation_get_condition_state (evaluation, measure, condition) != ACTIVERING_TRUTH_FALSE)
        continue;

      g_print ("    niet voldaan: %s\n",
               activering_evaluation_get_condition_id (evaluation, measure, condition));
      g_print ("      %s\n",
               activering_evaluation_get_condition_text (evaluation, measure, condition, SUMMARY_LANG));
    }
}

static void
print_missing_facts (const ActiveringRuleSet *rules, const ActiveringEvaluation *evaluation, guint measure)
{
  guint n_missing = activering_evaluation_get_n_missing (evaluation, measure);

  for (guint missing = 0; missing < n_missing; missing++)
    {
      const char *fact = activering_evaluation_get_missing_fact (evaluation, measure, missing);
      ActiveringFactState state = activering_evaluation_get_missing_state (evaluation, measure, missing);
      const char *role = activering_evaluation_get_missing_asked_of (evaluation, measure, missing);
      const char *role_label = activering_rule_set_get_role_label (rules, role, SUMMARY_LANG);

      /* "unknown" means nobody has asked yet; "blank" means somebody asked and got no answer. The two call
       * for different follow-up, so show which one it is. */
      g_print ("    ontbreekt: %s (%s), te leveren door %s\n",
               fact,
               activering_fact_state_to_string (state),
               role_label != NULL ? role_label : role);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *facts_json = NULL;
  gsize facts_length = 0;
  const char *facts_path;
  const char *result_lang;

  /* g_print() converts UTF-8 to the terminal's character set; without this call it assumes ASCII and
   * prints "?" for every accented letter in the labels and texts. */
  setlocale (LC_ALL, "");

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: %s FACTS.json [nl|fr|en]\n", argv[0]);
      return 2; /* the same exit code the activering tool uses for bad usage */
    }
  facts_path = argv[1];
  result_lang = argc == 3 ? argv[2] : NULL; /* NULL: the rule set's first language */

  if (!g_file_get_contents (facts_path, &facts_json, &facts_length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The rule set is compiled into the library, so no rule file has to be shipped. It is immutable: a
   * program that screens many dossiers loads it once and shares it between threads. */
  g_autoptr(ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  if (rules == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Check the language before doing any work, so that a typo does not show up only after the summary. */
  if (result_lang != NULL && !activering_rule_set_has_language (rules, result_lang))
    {
      g_printerr ("%s: the rule set has no language \"%s\"\n", activering_rule_set_get_id (rules), result_lang);
      return 2;
    }

  /* The facts are checked against the facts the rule set declares. The error names the JSON path but never
   * personal data, so it is safe to show it or to log it. */
  g_autoptr(ActiveringFacts) facts = activering_facts_new_from_data (rules, facts_json, facts_length, &error);
  if (facts == NULL)
    {
      g_printerr ("%s: %s\n", facts_path, error->message);
      return 1;
    }

  /* NULL as_of: evaluate on the document's own "as_of" date, or on today if it has none. */
  g_autoptr(ActiveringEvaluation) evaluation = activering_evaluation_new (rules);
  if (!activering_evaluation_run (evaluation, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error))
    {
      g_printerr ("%s: %s\n", facts_path, error->message);
      return 1;
    }

  g_print ("Dossier %s, regelset %s %s\n",
           activering_facts_get_id (facts),
           activering_rule_set_get_id (rules),
           activering_rule_set_get_version (rules));

  guint n_measures = activering_rule_set_get_n_measures (rules);
  for (guint measure = 0; measure < n_measures; measure++)
    {
      ActiveringOutcome outcome = activering_evaluation_get_outcome (evaluation, measure);

      g_print ("\n%s (%s): %s\n",
               activering_rule_set_get_measure_code (rules, measure),
               activering_rule_set_get_measure_label (rules, measure, SUMMARY_LANG),
               activering_outcome_to_string (outcome));

      /* A measure that does not exist in this region or on this date has nothing more to explain. */
      if (outcome == ACTIVERING_OUTCOME_NOT_APPLICABLE)
        continue;

      print_false_conditions (evaluation, measure);
      print_missing_facts (rules, evaluation, measure);
    }

  /* The full document is the contract: it is what a vendor stores or passes on to another system. */
  g_autofree char *result_json = activering_evaluation_to_json (evaluation, result_lang,
                                                                ACTIVERING_JSON_PRETTY, &error);
  if (result_json == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Write the document's bytes as they are: it is UTF-8 by contract, whatever the terminal uses. */
  fputs ("\n", stdout);
  fputs (result_json, stdout);
  fputs ("\n", stdout);
  return 0;
}
