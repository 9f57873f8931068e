/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* tasks-load.c: reading a rule set's tasks (who may do what, the default RACI, when a task is active) and how an
 * organisation's activation service and policies change them (docs/rule-language.md, "Roles and tasks"). */
#include "config.h"

#include <string.h>

#include "rules/loader-private.h"
#include "util/error-private.h"

/* A role code at the current path (@value is the JSON string), with a "did you mean" hint. */
static gboolean
role_ref (Loader *L, json_object *value, guint *out)
{
  const ActiveringRuleSet *rules = L->rules;
  if (!json_object_is_type (value, json_type_string))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a role code, found %s", loader_json_type_label (value));
  const char *code = json_object_get_string (value);
  int index = rule_set_role_index (rules, code, strlen (code));
  if (index < 0)
    return loader_fail_unknown (L, "role", code, &rules->roles[0].code, sizeof (Role), rules->n_roles);
  *out = (guint) index;
  return TRUE;
}

static gboolean
role_member (Loader *L, json_object *o, const char *key, guint *out)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (o, key, &value))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key);
  gsize mark = loader_push (L, key);
  if (!role_ref (L, value, out))
    return FALSE;
  loader_pop (L, mark);
  return TRUE;
}

/* An array of distinct role codes; @non_empty for the holders. */
static gboolean
role_list_member (Loader *L, json_object *o, const char *key, gboolean non_empty, RoleList *out)
{
  json_object *list = loader_member (L, o, key, json_type_array, TRUE);
  if (list == NULL)
    return FALSE;
  gsize mark = loader_push (L, key);
  guint n = (guint) json_object_array_length (list);
  if (non_empty && n == 0)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected at least one role");
  out->roles = rule_set_alloc (L->rules, sizeof (guint) * MAX (n, 1));
  out->n = n;
  for (guint i = 0; i < n; i++)
    {
      gsize item = loader_push_index (L, i);
      if (!role_ref (L, json_object_array_get_idx (list, i), &out->roles[i]))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (out->roles[j] == out->roles[i])
          return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "role \"%s\" is listed twice",
                              L->rules->roles[out->roles[i]].code);
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

/* "model.phase" codes, as model << 16 | phase. */
static gboolean
phase_refs_member (Loader *L, json_object *o, TaskTrigger *trigger)
{
  const ActiveringRuleSet *rules = L->rules;
  json_object *list = loader_member (L, o, "phases", json_type_array, TRUE);
  if (list == NULL)
    return FALSE;
  gsize mark = loader_push (L, "phases");
  guint n = (guint) json_object_array_length (list);
  if (n == 0)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected at least one \"model.phase\" code");
  trigger->phases = rule_set_alloc (L->rules, sizeof (guint32) * n);
  trigger->n_phases = n;
  for (guint i = 0; i < n; i++)
    {
      gsize item = loader_push_index (L, i);
      json_object *value = json_object_array_get_idx (list, i);
      if (!json_object_is_type (value, json_type_string))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a \"model.phase\" code, found %s",
                            loader_json_type_label (value));
      const char *code = json_object_get_string (value);
      const char *dot = strchr (code, '.');
      int model = dot ? rule_set_model_index (rules, code, (gsize) (dot - code)) : -1;
      int phase = model >= 0 ? phase_model_phase_index (&rules->models[model], dot + 1, strlen (dot + 1)) : -1;
      if (phase < 0)
        return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF,
                            "\"%s\" is not a phase of a phase model of this rule set (expected \"model.phase\")",
                            code);
      trigger->phases[i] = (guint32) model << 16 | (guint32) phase;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

/* {"measure": ["eligible", …], …} as a bit set of outcomes per measure. */
static gboolean
outcomes_member (Loader *L, json_object *o, TaskTrigger *trigger)
{
  json_object *map = loader_member (L, o, "outcomes", json_type_object, TRUE);
  if (map == NULL)
    return FALSE;
  gsize mark = loader_push (L, "outcomes");
  if (json_object_object_length (map) == 0)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected at least one measure");
  trigger->outcomes = rule_set_alloc (L->rules, MAX (L->rules->n_measures, 1));
  json_object_object_foreach (map, code, list)
    {
      gsize item = loader_push (L, code);
      int m = rule_set_measure_index (L->rules, code, strlen (code));
      if (m < 0)
        return loader_fail_unknown (L, "measure", code, &L->rules->measures[0].code, sizeof (Measure),
                                    L->rules->n_measures);
      if (!json_object_is_type (list, json_type_array) || json_object_array_length (list) == 0)
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a non-empty array of outcomes, found %s",
                            loader_json_type_label (list));
      for (guint i = 0; i < json_object_array_length (list); i++)
        {
          gsize at = loader_push_index (L, i);
          json_object *value = json_object_array_get_idx (list, i);
          const char *name = json_object_is_type (value, json_type_string) ? json_object_get_string (value) : "";
          int outcome = -1;
          for (int k = ACTIVERING_OUTCOME_ELIGIBLE; k <= ACTIVERING_OUTCOME_NOT_APPLICABLE; k++)
            if (strcmp (name, activering_outcome_to_string ((ActiveringOutcome) k)) == 0)
              outcome = k;
          if (outcome < 0)
            return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                                "expected an outcome (eligible, not_eligible, undetermined or not_applicable)");
          trigger->outcomes[m] |= (guint8) (1u << outcome);
          loader_pop (L, at);
        }
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_trigger (Loader *L, json_object *o, TaskTrigger *trigger)
{
  static const char *const keys[] = { "phases", "measures", "outcomes", "when", NULL };
  if (!loader_expect_object (L, o, "a trigger") || !loader_check_keys (L, o, keys))
    return FALSE;
  trigger->when_node = -1;
  gboolean any = FALSE;
  if (json_object_object_get_ex (o, "phases", NULL))
    {
      any = TRUE;
      if (!phase_refs_member (L, o, trigger))
        return FALSE;
    }
  if (json_object_object_get_ex (o, "measures", NULL))
    {
      any = TRUE;
      if (!loader_measure_set_member (L, o, "measures", TRUE, &trigger->measures))
        return FALSE;
    }
  if (json_object_object_get_ex (o, "outcomes", NULL))
    {
      any = TRUE;
      if (!outcomes_member (L, o, trigger))
        return FALSE;
    }
  json_object *when = NULL;
  if (json_object_object_get_ex (o, "when", &when))
    {
      any = TRUE;
      gsize mark = loader_push (L, "when");
      Typed t;
      if (!expr_compile_as (L, when, TYPE_BOOL, &t))
        return FALSE;
      trigger->when_node = t.node;
      loader_pop (L, mark);
    }
  if (!any)
    return loader_fail (L, ACTIVERING_ERROR_MISSING,
                        "a trigger needs at least one of \"phases\", \"measures\", \"outcomes\" and \"when\"");
  return TRUE;
}

/* "active": "always", or an array of triggers of which any makes the task active. */
static gboolean
active_member (Loader *L, json_object *o, TaskPatch *patch)
{
  json_object *active = NULL;
  json_object_object_get_ex (o, "active", &active);
  gsize mark = loader_push (L, "active");
  patch->has_active = TRUE;
  if (json_object_is_type (active, json_type_string) && strcmp (json_object_get_string (active), "always") == 0)
    {
      patch->always = TRUE;
      loader_pop (L, mark);
      return TRUE;
    }
  if (!json_object_is_type (active, json_type_array) || json_object_array_length (active) == 0)
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected \"always\" or a non-empty array of triggers, found %s",
                        loader_json_type_label (active));
  patch->n_triggers = (guint) json_object_array_length (active);
  patch->triggers = rule_set_alloc (L->rules, sizeof (TaskTrigger) * patch->n_triggers);
  for (guint i = 0; i < patch->n_triggers; i++)
    {
      gsize item = loader_push_index (L, i);
      if (!load_trigger (L, json_object_array_get_idx (active, i), &patch->triggers[i]))
        return FALSE;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

/* The parts of an assignment present in @o (all of them required with @complete). */
static gboolean
load_patch (Loader *L, json_object *o, gboolean complete, TaskPatch *patch)
{
  if (complete || json_object_object_get_ex (o, "holders", NULL))
    {
      patch->has_holders = TRUE;
      if (!role_list_member (L, o, "holders", TRUE, &patch->holders))
        return FALSE;
    }
  if (complete || json_object_object_get_ex (o, "accountable", NULL))
    {
      patch->has_accountable = TRUE;
      if (!role_member (L, o, "accountable", &patch->accountable))
        return FALSE;
    }
  /* consulted and informed may be left out of a complete assignment: nobody */
  if (json_object_object_get_ex (o, "consulted", NULL))
    {
      patch->has_consulted = TRUE;
      if (!role_list_member (L, o, "consulted", FALSE, &patch->consulted))
        return FALSE;
    }
  if (json_object_object_get_ex (o, "informed", NULL))
    {
      patch->has_informed = TRUE;
      if (!role_list_member (L, o, "informed", FALSE, &patch->informed))
        return FALSE;
    }
  patch->has_consulted |= complete;
  patch->has_informed |= complete;
  if (complete || json_object_object_get_ex (o, "active", NULL))
    {
      if (complete && !json_object_object_get_ex (o, "active", NULL))
        return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"active\"");
      if (!active_member (L, o, patch))
        return FALSE;
    }
  patch->enabled = TRUE;
  json_object *enabled = loader_member (L, o, "enabled", json_type_boolean, FALSE);
  if (enabled == NULL && L->failed)
    return FALSE;
  if (enabled != NULL)
    patch->enabled = json_object_get_boolean (enabled);
  patch->has_enabled = complete || enabled != NULL;
  return TRUE;
}

/* ---- tasks ---- */

static gboolean
load_by_model (Loader *L, json_object *o, Task *task)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *map = loader_member (L, o, "by_model", json_type_object, FALSE);
  if (map == NULL)
    return !L->failed;
  gsize mark = loader_push (L, "by_model");
  task->by_model = rule_set_alloc (rules, sizeof (TaskPatch) * MAX (rules->n_models, 1));
  json_object_object_foreach (map, code, patch)
    {
      gsize item = loader_push (L, code);
      int model = rule_set_model_index (rules, code, strlen (code));
      if (model < 0)
        return loader_fail_unknown (L, "phase model", code, &rules->models[0].code, sizeof (PhaseModel),
                                    rules->n_models);
      static const char *const keys[] = { "holders", "accountable", "consulted", "informed", NULL };
      if (!loader_expect_object (L, patch, "an assignment") || !loader_check_keys (L, patch, keys)
          || !load_patch (L, patch, FALSE, &task->by_model[model]))
        return FALSE;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_task (Loader *L, json_object *o, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "code",     "label",    "single_holder", "enabled",   "active",      "holders",
                                      "accountable", "consulted", "informed", "by_model", "legal_basis", NULL };
  if (!loader_expect_object (L, o, "a task") || !loader_check_keys (L, o, keys))
    return FALSE;
  Task *task = &rules->tasks[index];
  const char *code;
  if (!loader_code_member (L, o, "code", &code))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if (strcmp (rules->tasks[j].code, code) == 0)
      {
        loader_push (L, "code");
        return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "task \"%s\" is defined twice", code);
      }
  task->code = rule_set_strdup (rules, code);
  json_object *single = loader_member (L, o, "single_holder", json_type_boolean, FALSE);
  if (L->failed || !loader_legal_basis (L, o, "legal_basis", &task->legal_basis)
      || !loader_text (L, o, "label", &task->label) || !load_patch (L, o, TRUE, &task->base)
      || !load_by_model (L, o, task))
    return FALSE;
  task->single_holder = single != NULL && json_object_get_boolean (single);
  return TRUE;
}

/* ---- the organisation section ---- */

/* {"role": "role", …} as a per-role replacement array. */
static gboolean
role_map_member (Loader *L, json_object *o, const char *key, int **out)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *map = loader_member (L, o, key, json_type_object, FALSE);
  if (map == NULL)
    return !L->failed;
  gsize mark = loader_push (L, key);
  *out = rule_set_alloc (rules, sizeof (int) * MAX (rules->n_roles, 1));
  for (guint r = 0; r < rules->n_roles; r++)
    (*out)[r] = -1;
  json_object_object_foreach (map, code, value)
    {
      gsize item = loader_push (L, code);
      int from = rule_set_role_index (rules, code, strlen (code));
      if (from < 0)
        return loader_fail_unknown (L, "role", code, &rules->roles[0].code, sizeof (Role), rules->n_roles);
      guint to;
      if (!role_ref (L, value, &to))
        return FALSE;
      if (to == (guint) from)
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a role cannot take its own place");
      (*out)[from] = (int) to;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_overrides (Loader *L, json_object *o, OrganisationVariant *variant)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *map = loader_member (L, o, "tasks", json_type_object, FALSE);
  if (map == NULL)
    return !L->failed;
  gsize mark = loader_push (L, "tasks");
  variant->overrides = rule_set_alloc (rules, sizeof (TaskOverride) * MAX (json_object_object_length (map), 1));
  json_object_object_foreach (map, code, patch)
    {
      gsize item = loader_push (L, code);
      int task = rule_set_task_index (rules, code, strlen (code));
      if (task < 0)
        return loader_fail_unknown (L, "task", code, &rules->tasks[0].code, sizeof (Task), rules->n_tasks);
      static const char *const keys[] = { "holders", "accountable", "consulted", "informed", "active", "enabled",
                                          NULL };
      TaskOverride *override = &variant->overrides[variant->n_overrides++];
      override->task = (guint) task;
      if (!loader_expect_object (L, patch, "an assignment") || !loader_check_keys (L, patch, keys)
          || !load_patch (L, patch, FALSE, &override->patch))
        return FALSE;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_variant (Loader *L, json_object *o, OrganisationVariant *variants, guint index, gboolean is_service)
{
  static const char *const keys[] = { "code", "label", "requires_partner", "substitute", "fallback", "tasks", NULL };
  if (!loader_expect_object (L, o, is_service ? "an activation service" : "a policy")
      || !loader_check_keys (L, o, keys))
    return FALSE;
  OrganisationVariant *variant = &variants[index];
  const char *code;
  if (!loader_code_member (L, o, "code", &code))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if (strcmp (variants[j].code, code) == 0)
      {
        loader_push (L, "code");
        return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "\"%s\" is defined twice", code);
      }
  variant->code = rule_set_strdup (L->rules, code);
  json_object *partner = loader_member (L, o, "requires_partner", json_type_boolean, FALSE);
  if (L->failed)
    return FALSE;
  if (partner != NULL && !is_service)
    {
      loader_push (L, "requires_partner");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "only an activation service can require a partner");
    }
  variant->requires_partner = partner != NULL && json_object_get_boolean (partner);
  return loader_text (L, o, "label", &variant->label) && role_map_member (L, o, "substitute", &variant->substitute)
         && role_map_member (L, o, "fallback", &variant->fallback) && load_overrides (L, o, variant);
}

static gboolean
load_variants (Loader *L, json_object *section, const char *key, OrganisationVariant **out, guint *n)
{
  gboolean is_service = strcmp (key, "activation_services") == 0;
  json_object *list = loader_member (L, section, key, json_type_array, is_service);
  if (list == NULL)
    return !L->failed;
  gsize mark = loader_push (L, key);
  guint length = (guint) json_object_array_length (list);
  if (is_service && length == 0)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected at least one activation service");
  *out = rule_set_alloc (L->rules, sizeof (OrganisationVariant) * MAX (length, 1));
  for (guint i = 0; i < length; i++)
    {
      gsize item = loader_push_index (L, i);
      if (!load_variant (L, json_object_array_get_idx (list, i), *out, i, is_service))
        return FALSE;
      (*n)++;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_organisation (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *section = loader_section (L, root, "organisation", json_type_object);
  if (section == NULL)
    {
      if (L->failed || rules->n_tasks == 0)
        return !L->failed;
      return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"organisation\": a rule set with tasks needs it");
    }
  if (rules->n_tasks == 0)
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "an \"organisation\" section needs \"tasks\"");
  static const char *const keys[] = { "regie_task", "region_fact", "activation_services", "policies", "messages",
                                      NULL };
  if (!loader_check_keys (L, section, keys))
    return FALSE;
  const char *regie = loader_member_string (L, section, "regie_task", TRUE);
  if (regie == NULL)
    return FALSE;
  rules->regie_task = rule_set_task_index (rules, regie, strlen (regie));
  if (rules->regie_task < 0)
    {
      loader_push (L, "regie_task");
      return loader_fail_unknown (L, "task", regie, &rules->tasks[0].code, sizeof (Task), rules->n_tasks);
    }
  if (!rules->tasks[rules->regie_task].single_holder)
    {
      loader_push (L, "regie_task");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "the regie task \"%s\" must have a single holder",
                          regie);
    }
  const char *region = loader_member_string (L, section, "region_fact", FALSE);
  if (L->failed)
    return FALSE;
  rules->region_fact = region ? activering_rule_set_lookup_fact (rules, region) : -1;
  if (region != NULL && (rules->region_fact < 0 || rules->facts[rules->region_fact].type != TYPE_ENUM))
    {
      loader_push (L, "region_fact");
      return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "\"%s\" is not an enum fact of this rule set", region);
    }
  if (!load_variants (L, section, "activation_services", &rules->services, &rules->n_services)
      || !load_variants (L, section, "policies", &rules->policies, &rules->n_policies))
    return FALSE;
  json_object *messages = loader_member (L, section, "messages", json_type_object, TRUE);
  if (messages == NULL)
    return FALSE;
  gsize mark = loader_push (L, "messages");
  const char *codes[N_ROLE_MESSAGES + 1];
  for (guint c = 0; c < N_ROLE_MESSAGES; c++)
    codes[c] = role_message_info[c].code;
  codes[N_ROLE_MESSAGES] = NULL;
  if (!loader_check_keys (L, messages, codes))
    return FALSE;
  for (guint c = 0; c < N_ROLE_MESSAGES; c++)
    if (!loader_checked_text (L, messages, codes[c], role_message_info[c].placeholders, &rules->role_messages[c]))
      return FALSE;
  loader_pop (L, mark);
  return TRUE;
}

gboolean
load_tasks (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  rules->regie_task = -1;
  rules->region_fact = -1;
  return loader_list (L, root, "tasks", sizeof (Task), (gpointer *) &rules->tasks, &rules->n_tasks, load_task)
         && load_organisation (L, root);
}
