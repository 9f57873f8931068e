/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rule-set.c: the public face of a loaded rule set: loading, reference counting, getters. */
#include "config.h"

#include <string.h>

#include "rules/rule-set-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

/* The embedded default rule set, generated from data/rules at build time (default-rules.c). */
extern const char activering_default_rules_data[];
extern const gsize activering_default_rules_size;
extern const char activering_default_rules_name[];

gpointer
rule_set_alloc (ActiveringRuleSet *rules, gsize size)
{
  gpointer p = g_malloc0 (size);
  g_ptr_array_add (rules->allocations, p);
  return p;
}

char *
rule_set_strdup (ActiveringRuleSet *rules, const char *s)
{
  char *copy = g_strdup (s);
  g_ptr_array_add (rules->allocations, copy);
  return copy;
}

int
rule_set_language_index (const ActiveringRuleSet *rules, const char *lang)
{
  if (lang == NULL)
    return 0;
  for (guint i = 0; i < rules->n_languages; i++)
    if (strcmp (rules->languages[i], lang) == 0)
      return (int) i;
  return -1;
}

int
rule_set_output_language (const ActiveringRuleSet *rules, const char *lang, const char *document, GError **error)
{
  int language = rule_set_language_index (rules, lang);
  if (language < 0)
    {
      g_autofree char *languages = g_strjoinv (", ", rules->languages);
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
                   "%s: the rule set has no texts in \"%s\" (it has: %s)", document, lang, languages);
    }
  return language;
}

void
rule_set_write_stamp (JsonWriter *w, const ActiveringRuleSet *rules)
{
  json_writer_key (w, "ruleset");
  json_writer_begin_object (w);
  json_writer_member_string (w, "id", rules->id);
  json_writer_member_string (w, "version", rules->version);
  json_writer_member_string (w, "digest", rules->digest);
  if (rules->has_in_force)
    {
      char day[11];
      json_writer_key (w, "in_force");
      json_writer_begin_object (w);
      activering_format_date (rules->in_force_from, day);
      json_writer_member_string (w, "from", day);
      json_writer_key (w, "until");
      if (rules->in_force_until == G_MAXINT32)
        json_writer_null (w);
      else
        {
          activering_format_date (rules->in_force_until, day);
          json_writer_string (w, day);
        }
      json_writer_end_object (w);
    }
  json_writer_end_object (w);
}

static const char *
text_in (const ActiveringRuleSet *rules, Text text, const char *lang)
{
  int index = rule_set_language_index (rules, lang);
  return index < 0 || text == NULL ? NULL : text[index];
}

ActiveringRuleSet *
activering_rule_set_new_from_data (const char *data, gssize length, const char *document_name, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  ActiveringRuleSet *rules = g_new0 (ActiveringRuleSet, 1);
  g_atomic_ref_count_init (&rules->ref);
  rules->allocations = g_ptr_array_new_with_free_func (g_free);
  if (!rule_set_load (rules, data, size, document_name ? document_name : "rules", error))
    {
      activering_rule_set_unref (rules);
      return NULL;
    }
  g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  rules->digest = g_strconcat ("sha256:", hex, NULL);
  g_ptr_array_add (rules->allocations, rules->digest);
  rules->snippets = rule_set_alloc (rules, sizeof (ResultSnippets) * MAX (rules->n_languages, 1)); /* made on first use */
  /* every byte, a NUL inside a comment too (g_strndup would stop there), so the text re-reads as it loaded */
  rules->source = g_malloc (size + 1);
  memcpy (rules->source, data, size);
  rules->source[size] = '\0';
  rules->source_length = size;
  g_ptr_array_add (rules->allocations, rules->source);
  return rules;
}

ActiveringRuleSet *
activering_rule_set_new_default (GError **error)
{
  return activering_rule_set_new_from_data (activering_default_rules_data, (gssize) activering_default_rules_size,
                                            activering_default_rules_name, error);
}

ActiveringRuleSet *
activering_rule_set_new_from_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) io_error = NULL;
  if (!g_file_get_contents (path, &contents, &length, &io_error))
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_IO, "%s: cannot read the rule set: %s", path,
                   io_error->message);
      return NULL;
    }
  return activering_rule_set_new_from_data (contents, (gssize) length, path, error);
}

ActiveringRuleSet *
activering_rule_set_ref (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_atomic_ref_count_inc (&rules->ref);
  return rules;
}

void
activering_rule_set_unref (ActiveringRuleSet *rules)
{
  if (rules == NULL || !g_atomic_ref_count_dec (&rules->ref))
    return;
  result_snippets_free (rules->snippets, rules->n_languages);
  g_ptr_array_free (rules->allocations, TRUE);
  g_free (rules);
}

const char *
activering_rule_set_get_id (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->id;
}

const char *
activering_rule_set_get_version (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->version;
}

const char *
activering_rule_set_get_digest (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->digest;
}

const char *
activering_rule_set_get_title (const ActiveringRuleSet *rules, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return text_in (rules, rules->title, lang);
}

const char *const *
activering_rule_set_get_languages (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return (const char *const *) rules->languages;
}

gboolean
activering_rule_set_has_language (const ActiveringRuleSet *rules, const char *lang)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  return lang != NULL && rule_set_language_index (rules, lang) >= 0;
}

guint
activering_rule_set_get_n_measures (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->n_measures;
}

const char *
activering_rule_set_get_measure_code (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL && index < rules->n_measures, NULL);
  return rules->measures[index].code;
}

int
activering_rule_set_lookup_measure (const ActiveringRuleSet *rules, const char *code)
{
  g_return_val_if_fail (rules != NULL, -1);
  return code != NULL ? rule_set_measure_index (rules, code, strlen (code)) : -1;
}

const char *
activering_rule_set_get_measure_label (const ActiveringRuleSet *rules, guint index, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_measures, NULL);
  return text_in (rules, rules->measures[index].label, lang);
}

const char *
activering_rule_set_get_measure_decided_by (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL && index < rules->n_measures, NULL);
  return rules->measures[index].decided_by;
}

char *
activering_rule_set_dup_measure_json (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_measures, NULL);
  return g_strdup (rules->measures[index].json);
}

guint
activering_rule_set_get_n_obligations (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->n_obligations;
}

const char *
activering_rule_set_get_obligation_id (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_obligations, NULL);
  return rules->obligations[index].id;
}

guint
activering_rule_set_get_n_facts (const ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->n_facts;
}

const char *
activering_rule_set_get_fact_path (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL && index < rules->n_facts, NULL);
  return rules->facts[index].path;
}

int
activering_rule_set_lookup_fact (const ActiveringRuleSet *rules, const char *path)
{
  g_return_val_if_fail (rules != NULL, -1);
  for (guint i = 0; path != NULL && i < rules->n_facts; i++)
    if (strcmp (rules->facts[i].path, path) == 0)
      return (int) i;
  return -1;
}

const char *
activering_rule_set_get_fact_label (const ActiveringRuleSet *rules, guint index, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_facts, NULL);
  return text_in (rules, rules->facts[index].label, lang);
}

const char *
activering_rule_set_get_fact_supplied_by (const ActiveringRuleSet *rules, guint index)
{
  g_return_val_if_fail (rules != NULL && index < rules->n_facts, NULL);
  return rules->facts[index].supplied_by;
}

const char *
activering_rule_set_get_fact_type (const ActiveringRuleSet *rules, guint index)
{
  static const char *const names[] = { "bool", "integer", "number", "date", "enum", "enum_list", "runs", NULL, "id" };
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->n_facts, NULL);
  if ((guint) rules->facts[index].type >= G_N_ELEMENTS (names))
    return NULL;
  return names[rules->facts[index].type];
}

const char *
activering_rule_set_get_role_label (const ActiveringRuleSet *rules, const char *code, const char *lang)
{
  g_return_val_if_fail (rules != NULL, NULL);
  int index = code != NULL ? rule_set_role_index (rules, code, strlen (code)) : -1;
  return index >= 0 ? text_in (rules, rules->roles[index].label, lang) : NULL;
}

/* ---- private lookups ---- */

static gboolean
code_equals (const char *code, const char *s, gsize len)
{
  return strlen (code) == len && memcmp (code, s, len) == 0; /* @s may hold a NUL: it is input */
}

int
rule_set_measure_index (const ActiveringRuleSet *rules, const char *code, gsize len)
{
  for (guint i = 0; i < rules->n_measures; i++)
    if (code_equals (rules->measures[i].code, code, len))
      return (int) i;
  return -1;
}

int
rule_set_role_index (const ActiveringRuleSet *rules, const char *code, gsize len)
{
  for (guint i = 0; i < rules->n_roles; i++)
    if (code_equals (rules->roles[i].code, code, len))
      return (int) i;
  return -1;
}

int
rule_set_task_index (const ActiveringRuleSet *rules, const char *code, gsize len)
{
  for (guint i = 0; i < rules->n_tasks; i++)
    if (code_equals (rules->tasks[i].code, code, len))
      return (int) i;
  return -1;
}

int
rule_set_model_index (const ActiveringRuleSet *rules, const char *code, gsize len)
{
  for (guint i = 0; i < rules->n_models; i++)
    if (code_equals (rules->models[i].code, code, len))
      return (int) i;
  return -1;
}

int
phase_model_phase_index (const PhaseModel *model, const char *code, gsize len)
{
  for (guint i = 0; i < model->n_phases; i++)
    if (code_equals (model->phases[i].code, code, len))
      return (int) i;
  return -1;
}

Value
rule_set_param_on (const ParamDecl *param, gint32 day)
{
  Value value = { .known = FALSE };
  for (guint i = 0; i < param->n_periods; i++)
    if (param->periods[i].from <= day && day <= param->periods[i].until)
      value = param->periods[i].value;
  return value;
}

gint32
duration_last_day (gint32 start, gint64 count, DurationUnit unit, gboolean *ok)
{
  gint32 end;
  if (count < -100000000 || count > 100000000) /* far beyond the calendar, and safe to multiply */
    {
      *ok = FALSE;
      return start;
    }
  switch (unit)
    {
    case DURATION_DAYS: end = activering_add_days (start, count, ok); break;
    case DURATION_WEEKS: end = activering_add_days (start, count * 7, ok); break;
    case DURATION_MONTHS: end = activering_add_months (start, count, ok); break;
    default: end = activering_add_months (start, count * 12, ok); break;
    }
  return *ok ? activering_add_days (end, -1, ok) : end;
}

void
rule_set_write_legal_basis (JsonWriter *w, const ActiveringRuleSet *rules, const LegalBasis *basis, int language)
{
  json_writer_member_string (w, "legal_basis", legal_basis_in (basis, language));
  if (basis->fallback && language != 0)
    json_writer_member_string (w, "legal_basis_lang", rules->languages[0]);
}

G_DEFINE_BOXED_TYPE (ActiveringRuleSet, activering_rule_set, activering_rule_set_ref, activering_rule_set_unref)
