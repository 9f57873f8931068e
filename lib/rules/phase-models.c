/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* phase-models.c: the public face of a rule set's phase models. */
#include "config.h"

#include <string.h>

#include "rules/rule-set-private.h"

guint
activering_rule_set_get_n_phase_models (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->n_models;
}

const char *
activering_rule_set_get_phase_model_code (const ActiveringRuleSet *rules, guint model)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (model < rules->n_models, NULL);
  return rules->models[model].code;
}

int
activering_rule_set_lookup_phase_model (const ActiveringRuleSet *rules, const char *code)
{
  g_return_val_if_fail (rules != NULL, -1);
  return code != NULL ? rule_set_model_index (rules, code, strlen (code)) : -1;
}

const char *
activering_rule_set_get_phase_model_label (const ActiveringRuleSet *rules, guint model, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  int language = rule_set_language_index (rules, lang);
  g_return_val_if_fail (model < rules->n_models, NULL);
  return language >= 0 ? rules->models[model].label[language] : NULL;
}

guint
activering_rule_set_get_n_phases (const ActiveringRuleSet *rules, guint model)
{
  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail (model < rules->n_models, 0);
  return rules->models[model].n_phases;
}

const char *
activering_rule_set_get_phase_code (const ActiveringRuleSet *rules, guint model, guint phase)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (model < rules->n_models && phase < rules->models[model].n_phases, NULL);
  return rules->models[model].phases[phase].code;
}

const char *
activering_rule_set_get_phase_label (const ActiveringRuleSet *rules, guint model, guint phase, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (model < rules->n_models && phase < rules->models[model].n_phases, NULL);
  int language = rule_set_language_index (rules, lang);
  if (language < 0)
    return NULL;
  return rules->models[model].phases[phase].label[language];
}

char *
activering_rule_set_dup_phase_model_json (const ActiveringRuleSet *rules, guint model)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (model < rules->n_models, NULL);
  return g_strdup (rules->models[model].json);
}

guint
activering_rule_set_get_n_trajectory_indicators (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->n_indicators;
}

const char *
activering_rule_set_get_trajectory_indicator_id (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_indicators, NULL);
  return rules->indicators[index].id;
}

const char *
activering_rule_set_get_trajectory_indicator_label (const ActiveringRuleSet *rules, guint index, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_indicators, NULL);
  int language = rule_set_language_index (rules, lang);
  return language >= 0 ? rules->indicators[index].label[language] : NULL;
}

const char *
activering_rule_set_get_trajectory_indicator_unit (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_indicators, NULL);
  switch (rules->indicators[index].kind)
    {
    case INDICATOR_KIND_WITHIN:
    case INDICATOR_KIND_NOT_REOPENED:
      return "state";
    case INDICATOR_KIND_DAYS_TO_FIRST:
    case INDICATOR_KIND_DAYS_SINCE_LAST:
      return "days";
    case INDICATOR_KIND_COUNT:
      return "count";
    case INDICATOR_KIND_PER_MONTH:
      return "per_month";
    }
  g_return_val_if_reached (NULL);
}
