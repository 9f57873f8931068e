/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* tasks.c: the public face of a rule set's tasks. */
#include "config.h"

#include <string.h>

#include "roles/roles-private.h"

const char *
activering_raci_to_string (ActiveringRaci raci)
{
  static const char *const names[] = { "responsible", "accountable", "consulted", "informed" };
  return (guint) raci < G_N_ELEMENTS (names) ? names[raci] : "responsible";
}

guint
activering_rule_set_get_n_tasks (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->n_tasks;
}

const char *
activering_rule_set_get_task_code (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_tasks, NULL);
  return rules->tasks[index].code;
}

const char *
activering_rule_set_get_task_label (const ActiveringRuleSet *rules, guint index, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  int language = rule_set_language_index (rules, lang);
  g_return_val_if_fail (index < rules->n_tasks, NULL);
  return language >= 0 ? rules->tasks[index].label[language] : NULL;
}

const char *
activering_rule_set_get_task_legal_basis (const ActiveringRuleSet *rules, guint index, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  int language = rule_set_language_index (rules, lang);
  g_return_val_if_fail (index < rules->n_tasks, NULL);
  return language >= 0 ? legal_basis_in (&rules->tasks[index].legal_basis, language) : NULL;
}

int
activering_rule_set_lookup_task (const ActiveringRuleSet *rules, const char *code)
{
  g_return_val_if_fail (rules != NULL, -1);
  return code != NULL ? rule_set_task_index (rules, code, strlen (code)) : -1;
}
