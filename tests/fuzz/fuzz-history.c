/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* fuzz-history.c: libFuzzer target for a rule set's history: a pair of rule documents (in_force among the rest)
 * loaded and checked as one history, as activering_rule_set_collection_new_from_directory() checks a directory.
 *
 * Built by `make tests/fuzz/fuzz-history` (see tests/Makefile.inc). Run:
 *
 *   cp -r tests/fuzz/corpus-history /tmp/corpus && ./tests/fuzz/fuzz-history -dict=tests/fuzz/facts.dict /tmp/corpus
 *
 * The input is two rule documents separated by a line "----". Checks, besides the sanitizers:
 * - a refused document or history reports an ACTIVERING_ERROR with a known code and a message naming it;
 * - an accepted history is sorted by in_force, has no day in force twice between its first and last day and no
 *   day without a file, and activering_rule_set_collection_select() picks the file whose in_force holds a date.
 */
#include "config.h"

#include <stdint.h>

#define FUZZ_NAME "fuzz-history"
#include "fuzz-checks.h"
#include "rules/rule-set-collection-private.h"
#include "util/dates-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data, *mark = g_strstr_len (text, (gssize) size, "\n----\n");
  if (mark == NULL)
    return 0;
  const char *parts[2] = { text, mark + 6 };
  gsize lengths[2] = { (gsize) (mark - text), size - (gsize) (mark + 6 - text) };
  ActiveringRuleSet *loaded[2] = { NULL, NULL };
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;
      loaded[i] = activering_rule_set_new_from_data (parts[i], (gssize) lengths[i], i ? "b.json" : "a.json", &error);
      if (loaded[i] == NULL)
        check_error (error, i ? "b.json: " : "a.json: ");
    }
  if (loaded[0] != NULL && loaded[1] != NULL)
    {
      static const char *const files[] = { "a.json", "b.json" };
      g_autoptr (GError) error = NULL;
      g_autoptr (ActiveringRuleSetCollection) history = rule_set_collection_build ("dir", loaded, files, 2, &error);
      if (history == NULL)
        check_error (error, "dir: /");
      else
        {
          CHECK (activering_rule_set_collection_get_n_rule_sets (history) == 2, "two files, not two in the history");
          ActiveringRuleSet *first = activering_rule_set_collection_get_rule_set (history, 0);
          ActiveringRuleSet *second = activering_rule_set_collection_get_rule_set (history, 1);
          CHECK (first->in_force_until < second->in_force_from, "overlap accepted");
          CHECK (first->in_force_until + 1 == second->in_force_from, "gap accepted");
          CHECK (strcmp (first->id, second->id) == 0 && strcmp (first->version, second->version) != 0,
                 "ids differ or versions repeat");
          /* each file answers its own first and last day, and select reads a document's as_of */
          for (guint i = 0; i < 2; i++)
            {
              ActiveringRuleSet *rules = activering_rule_set_collection_get_rule_set (history, i);
              gint32 days[2] = { rules->in_force_from, rules->in_force_until };
              for (guint d = 0; d < 2; d++)
                {
                  if (days[d] == G_MAXINT32 || days[d] < 1)
                    continue;
                  char day[11];
                  activering_format_date (days[d], day);
                  g_autofree char *facts = g_strdup_printf ("{\"as_of\":\"%s\"}", day);
                  ActiveringRuleSet *picked = activering_rule_set_collection_select (history, facts, -1, NULL, &error);
                  CHECK (picked == rules, "select on %s picked another file (%s)", day,
                         error ? error->message : "none");
                }
            }
        }
    }
  activering_rule_set_unref (loaded[0]);
  activering_rule_set_unref (loaded[1]);
  return 0;
}
