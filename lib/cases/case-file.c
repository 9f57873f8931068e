/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* case-file.c: ActiveringCaseFile, a checked case file (`activering.cases/1`, docs/rule-cases.md): loading it, and
 * its cases one by one. Checking is in case-load.c, running in case-run.c.
 */
#include "config.h"

#include <string.h>

#include "cases/cases-private.h"
#include "util/boxed-private.h"

ActiveringCaseFile *
activering_case_file_new_from_data (ActiveringRuleSet *rules, const char *data, gssize length, const char *name,
                                    const char *dir, GError **error)
{
  g_return_val_if_fail (name != NULL && (data != NULL || length == 0), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GString) problems = g_string_new (NULL);
  CaseRules *rules_used = NULL;
  gsize size = data == NULL ? 0 : length < 0 ? strlen (data) : (gsize) length;
  const char *invalid = NULL;
  if (data != NULL && !g_utf8_validate_len (data, size, &invalid))
    {
      /* messages quote the file's keys and values: the text must be UTF-8 before anything is read */
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_SYNTAX, "%s: not valid UTF-8 at byte %zu", name,
                   (gsize) (invalid - data));
      return NULL;
    }
  g_autofree char *here = g_get_current_dir ();
  if (case_load_text (name, dir ? dir : here, data ? data : "", size, rules, cases, problems, &rules_used) > 0)
    {
      /* every problem, one per line; the code says what kind of document it is about */
      if (problems->len > 0 && problems->str[problems->len - 1] == '\n')
        g_string_truncate (problems, problems->len - 1);
      g_set_error_literal (error, ACTIVERING_ERROR, ACTIVERING_ERROR_INVALID_VALUE, problems->str);
      return NULL;
    }
  ActiveringCaseFile *file = g_new0 (ActiveringCaseFile, 1);
  g_ref_count_init (&file->ref_count);
  file->name = g_strdup (name);
  file->rules = rules_used;
  file->cases = g_steal_pointer (&cases);
  return file;
}

ActiveringCaseFile *
activering_case_file_new_from_file (ActiveringRuleSet *rules, const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) io_error = NULL;
  if (!g_file_get_contents (path, &text, &length, &io_error))
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_IO, "%s: cannot read: %s", path, io_error->message);
      return NULL;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  return activering_case_file_new_from_data (rules, text, (gssize) length, path, dir, error);
}

void
activering_case_file_free (ActiveringCaseFile *file)
{
  ACTIVERING_BOXED_RELEASE (file);
  g_ptr_array_unref (file->cases);
  case_rules_free (file->rules);
  g_free (file->name);
  g_free (file);
}

const char *
activering_case_file_get_name (const ActiveringCaseFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->name;
}

ActiveringRuleSet *
activering_case_file_get_rule_set (const ActiveringCaseFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->rules->rules;
}

guint
activering_case_file_get_n_cases (const ActiveringCaseFile *file)
{
  g_return_val_if_fail (file != NULL, 0);
  return file->cases->len;
}

static const Case *
case_at (const ActiveringCaseFile *file, guint index)
{
  return file != NULL && index < file->cases->len ? g_ptr_array_index (file->cases, index) : NULL;
}

const char *
activering_case_file_get_case_name (const ActiveringCaseFile *file, guint index)
{
  g_return_val_if_fail (file != NULL, NULL);
  const Case *c = case_at (file, index);
  g_return_val_if_fail (index_in_range (c), NULL);
  return c->name;
}

const char *
activering_case_file_get_case_facts (const ActiveringCaseFile *file, guint index)
{
  g_return_val_if_fail (file != NULL, NULL);
  const Case *c = case_at (file, index);
  g_return_val_if_fail (index_in_range (c), NULL);
  return c->facts_json;
}

gboolean
activering_case_file_get_case_as_of (const ActiveringCaseFile *file, guint index, GDate *out)
{
  g_return_val_if_fail (file != NULL, FALSE);
  const Case *c = case_at (file, index);
  g_return_val_if_fail (index_in_range (c), FALSE);
  if (!c->has_as_of)
    return FALSE;
  if (out != NULL)
    *out = c->as_of;
  return TRUE;
}

gboolean
activering_case_file_run_case (const ActiveringCaseFile *file, guint index, ActiveringCaseCoverage *coverage,
                               GString *failure)
{
  g_return_val_if_fail (file != NULL, FALSE);
  const Case *c = case_at (file, index);
  g_return_val_if_fail (index_in_range (c), FALSE);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (file->rules->rules);
  g_autoptr (GString) mismatches = g_string_new (NULL);
  if (case_run (c, ev, mismatches) && coverage != NULL)
    case_coverage_add (coverage, ev);
  if (mismatches->len == 0)
    return TRUE;
  if (failure != NULL)
    {
      case_append_heading (failure, c);
      g_string_append (failure, mismatches->str);
    }
  return FALSE;
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringCaseFile, activering_case_file)
