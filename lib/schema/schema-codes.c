/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* schema-codes.c: the generators a schema template names ("$generate"): the rule set's codes where a document
 * names them, and the library's own tables (error codes, violation codes). Each code list becomes an "enum" (the
 * value must be one of them) or "examples" (the library reads any code there and reports an unknown one in its
 * output, so the schema must not refuse it). */
#include "config.h"

#include <string.h>

#include "rules/violation-codes-private.h"
#include "schema/schema-private.h"

/* Adds @code to @codes unless it is there already (phase codes may repeat across models). */
static void
add_code (GPtrArray *codes, const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (strcmp (codes->pdata[i], code) == 0)
      return;
  g_ptr_array_add (codes, (gpointer) code);
}

static void
measure_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_measures; m++)
    add_code (codes, rules->measures[m].code);
}

/* The codes a run in facts or a trajectory event may name: the rule set's measures, and run codes such as art61
 * that are no measure (the values of the runs facts). */
static void
run_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  measure_codes (rules, codes);
  for (guint f = 0; f < rules->n_facts; f++)
    if (rules->facts[f].type == TYPE_RUNS)
      for (guint v = 0; v < rules->facts[f].n_values; v++)
        add_code (codes, rules->symbols[rules->facts[f].values[v]]);
}

static void
phase_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_models; m++)
    for (guint p = 0; p < rules->models[m].n_phases; p++)
      add_code (codes, rules->models[m].phases[p].code);
}

static void
phase_model_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_models; m++)
    add_code (codes, rules->models[m].code);
}

static void
role_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint r = 0; r < rules->n_roles; r++)
    add_code (codes, rules->roles[r].code);
}

static void
task_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint t = 0; t < rules->n_tasks; t++)
    add_code (codes, rules->tasks[t].code);
}

static void
fact_paths (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint f = 0; f < rules->n_facts; f++)
    add_code (codes, rules->facts[f].path);
}

static void
condition_ids (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint c = 0; c < rules->measures[m].n_conditions; c++)
      add_code (codes, rules->measures[m].conditions[c].id);
}

static void
limit_ids (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint l = 0; l < rules->measures[m].n_limits; l++)
      add_code (codes, rules->measures[m].limits[l].id);
}

static void
limit_units (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint l = 0; l < rules->measures[m].n_limits; l++)
      add_code (codes, rules->measures[m].limits[l].unit);
}

static void
coverage_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint k = 0; k < rules->measures[m].n_coverage; k++)
      add_code (codes, rules->measures[m].coverage[k].code);
}

static void
signal_ids (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint s = 0; s < rules->n_signals; s++)
    add_code (codes, rules->signals[s].id);
}

static void
obligation_ids (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint o = 0; o < rules->n_obligations; o++)
    add_code (codes, rules->obligations[o].id);
}

static void
languages (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint l = 0; l < rules->n_languages; l++)
    add_code (codes, rules->languages[l]);
}

/* The values an organisation's region takes: those of the rule set's region fact. */
static void
region_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  if (rules->region_fact < 0)
    return;
  const FactDecl *fact = &rules->facts[rules->region_fact];
  for (guint v = 0; v < fact->n_values; v++)
    add_code (codes, rules->symbols[fact->values[v]]);
}

static void
service_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint s = 0; s < rules->n_services; s++)
    add_code (codes, rules->services[s].code);
}

static void
partner_service_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint s = 0; s < rules->n_services; s++)
    if (rules->services[s].requires_partner)
      add_code (codes, rules->services[s].code);
}

static void
policy_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint p = 0; p < rules->n_policies; p++)
    add_code (codes, rules->policies[p].code);
}

static void
error_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  (void) rules;
  /* the codes are append-only and numbered from 0: the first number with no name of its own ends them */
  add_code (codes, activering_error_code_to_string (0));
  for (int code = 1; strcmp (activering_error_code_to_string (code), "failed") != 0; code++)
    add_code (codes, activering_error_code_to_string (code));
}

static void
violation_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  (void) rules;
  for (guint v = 0; v < N_VIOLATION_CODES; v++)
    add_code (codes, violation_info[v].code);
}

/* The kinds of conflict a role assignment reports (a gap is reported apart, in "gaps"). */
static void
conflict_codes (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  (void) rules;
  for (guint m = 0; m < N_ROLE_MESSAGES; m++)
    if (m != ROLE_MESSAGE_GAP)
      add_code (codes, role_message_info[m].code);
}

static void
check_ids (const ActiveringRuleSet *rules, GPtrArray *codes)
{
  for (guint c = 0; c < rules->n_checks; c++)
    add_code (codes, rules->checks[c].id);
}

typedef struct
{
  const char *name;
  void (*list) (const ActiveringRuleSet *rules, GPtrArray *codes);
  const char *keyword; /* what the list becomes in the object */
} CodeGenerator;

static const CodeGenerator code_generators[] = {
  { "measure_codes", measure_codes, "enum" },
  { "required_measures", measure_codes, "required" },
  { "run_codes", run_codes, "enum" },
  { "run_code_examples", run_codes, "examples" },
  { "phase_codes", phase_codes, "enum" },
  { "phase_code_examples", phase_codes, "examples" },
  { "phase_model_codes", phase_model_codes, "enum" },
  { "phase_model_examples", phase_model_codes, "examples" },
  { "role_codes", role_codes, "enum" },
  { "role_code_examples", role_codes, "examples" },
  { "task_codes", task_codes, "enum" },
  { "fact_paths", fact_paths, "enum" },
  { "condition_ids", condition_ids, "enum" },
  { "limit_ids", limit_ids, "enum" },
  { "limit_units", limit_units, "enum" },
  { "coverage_codes", coverage_codes, "enum" },
  { "signal_ids", signal_ids, "enum" },
  { "obligation_ids", obligation_ids, "enum" },
  { "languages", languages, "enum" },
  { "region_codes", region_codes, "enum" },
  { "service_codes", service_codes, "enum" },
  { "partner_service_codes", partner_service_codes, "enum" },
  { "policy_codes", policy_codes, "enum" },
  { "error_codes", error_codes, "enum" },
  { "violation_codes", violation_codes, "enum" },
  { "conflict_codes", conflict_codes, "enum" },
  { "check_ids", check_ids, "enum" },
};

/* The stamp of the rule set the schema was made from, for people and for caches. */
static void
add_stamp (const SchemaContext *ctx, json_object *target)
{
  g_autofree char *comment = g_strdup_printf ("Generated by libactivering %s from the rule set %s %s (%s)",
                                              activering_get_version (), ctx->rules->id, ctx->rules->version,
                                              ctx->rules->digest);
  json_object_object_add (target, "$comment", json_object_new_string (comment));
}

/* The rule set's follow-up indicators as members of a report's "indicators": a state (met, not_met, …) or a
 * number of days or events, either of them null where it does not apply. */
static void
add_indicators (const SchemaContext *ctx, json_object *target)
{
  for (guint i = 0; i < ctx->rules->n_indicators; i++)
    {
      const TrajectoryIndicator *indicator = &ctx->rules->indicators[i];
      gboolean state = indicator->kind == INDICATOR_KIND_WITHIN || indicator->kind == INDICATOR_KIND_NOT_REOPENED;
      json_object *schema = json_object_new_object ();
      json_object_object_add (schema, "description", json_object_new_string (indicator->label[ctx->language]));
      json_object_object_add (schema, "$ref",
                              json_object_new_string (state ? "#/$defs/indicator.state" : "#/$defs/indicator.value"));
      json_object_object_add (target, indicator->id, schema);
    }
}

gboolean
schema_generate (const SchemaContext *ctx, const char *name, json_object *target, GError **error)
{
  if (strcmp (name, "fact_tree") == 0)
    {
      schema_add_fact_tree (ctx, target);
      return TRUE;
    }
  if (strcmp (name, "indicators") == 0)
    {
      add_indicators (ctx, target);
      return TRUE;
    }
  if (strcmp (name, "stamp") == 0)
    {
      add_stamp (ctx, target);
      return TRUE;
    }
  for (guint g = 0; g < G_N_ELEMENTS (code_generators); g++)
    if (strcmp (code_generators[g].name, name) == 0)
      {
        g_autoptr (GPtrArray) codes = g_ptr_array_new ();
        code_generators[g].list (ctx->rules, codes);
        json_object_object_add (target, code_generators[g].keyword,
                                schema_string_array ((const char *const *) codes->pdata, codes->len));
        return TRUE;
      }
  g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_FAILED, "schema: the template asks for \"%s\", which no "
               "generator makes", name);
  return FALSE;
}
