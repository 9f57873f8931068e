/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rule-history.c: --rules FILE|DIR as a rule set's history. Each dossier is read and answered by the file in force
 * on its date; a single rule set (a history of one, in force on every day) is picked without reading the document,
 * so the usual case costs nothing more. */
#include "config.h"

#include "rule-history.h"

ActiveringRuleSetCollection *
cli_load_history (const char *path)
{
  g_autoptr (GError) error = NULL;
  ActiveringRuleSetCollection *history = NULL;
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
    history = activering_rule_set_collection_new_from_directory (path, &error);
  else
    {
      g_autoptr (ActiveringRuleSet) rules = cli_load_rules (path);
      return rules != NULL ? activering_rule_set_collection_new (rules) : NULL;
    }
  if (history == NULL)
    cli_error ("%s", error->message);
  return history;
}

struct RuleHistoryWorker
{
  ActiveringRuleSetCollection *history;
  guint n;
  ActiveringFacts **facts;
  ActiveringEvaluation **evaluations;
};

RuleHistoryWorker *
rule_history_worker_new (ActiveringRuleSetCollection *history)
{
  RuleHistoryWorker *w = g_new0 (RuleHistoryWorker, 1);
  w->history = activering_rule_set_collection_ref (history);
  w->n = activering_rule_set_collection_get_n_rule_sets (history);
  w->facts = g_new0 (ActiveringFacts *, w->n);
  w->evaluations = g_new0 (ActiveringEvaluation *, w->n);
  return w;
}

void
rule_history_worker_free (RuleHistoryWorker *w)
{
  if (w == NULL)
    return;
  for (guint i = 0; i < w->n; i++)
    {
      activering_facts_free (w->facts[i]);
      activering_evaluation_free (w->evaluations[i]);
    }
  g_free (w->facts);
  g_free (w->evaluations);
  activering_rule_set_collection_unref (w->history);
  g_free (w);
}

gboolean
rule_history_worker_parse (RuleHistoryWorker *w, const char *text, gsize length, const GDate *as_of,
                           ActiveringFacts **facts, ActiveringEvaluation **evaluation, GError **error)
{
  ActiveringRuleSet *rules = activering_rule_set_collection_select (w->history, text, (gssize) length, as_of, error);
  if (rules == NULL)
    return FALSE;
  guint i = 0;
  while (i + 1 < w->n && activering_rule_set_collection_get_rule_set (w->history, i) != rules)
    i++;
  if (w->facts[i] == NULL)
    {
      w->facts[i] = activering_facts_new (rules);
      w->evaluations[i] = activering_evaluation_new (rules);
    }
  *facts = w->facts[i];
  *evaluation = w->evaluations[i];
  return activering_facts_parse (w->facts[i], text, (gssize) length, error);
}

gboolean
cli_same_measures (ActiveringRuleSetCollection *history)
{
  guint n = activering_rule_set_collection_get_n_rule_sets (history);
  ActiveringRuleSet *newest = activering_rule_set_collection_get_rule_set (history, n - 1);
  for (guint i = 0; i + 1 < n; i++)
    {
      ActiveringRuleSet *rules = activering_rule_set_collection_get_rule_set (history, i);
      gboolean same = activering_rule_set_get_n_measures (rules) == activering_rule_set_get_n_measures (newest);
      for (guint m = 0; same && m < activering_rule_set_get_n_measures (rules); m++)
        same = g_strcmp0 (activering_rule_set_get_measure_code (rules, m),
                          activering_rule_set_get_measure_code (newest, m))
               == 0;
      if (!same)
        {
          cli_error ("--human: %s and %s list different measures; a table needs the same columns for every dossier "
                     "(leave out --human for JSON)",
                     activering_rule_set_get_version (rules), activering_rule_set_get_version (newest));
          return FALSE;
        }
    }
  return TRUE;
}
