/* batch.c: a whole batch of JSON lines evaluated in one call (activering_evaluate_lines), for bindings and bulk
 * screening: one facts object and one evaluation reused, outcomes and missing facts into caller-owned matrices. */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"
#include "json/json-writer-private.h"

static void
append_error_document (GString *out, guint64 line, const GError *problem, const char *path)
{
  JsonWriter writer;
  json_writer_init (&writer, out, FALSE);
  json_writer_begin_object (&writer);
  json_writer_member_string (&writer, "format", "activering.error/1");
  json_writer_key (&writer, "line");
  json_writer_integer (&writer, (gint64) line);
  json_writer_member_string (&writer, "code", activering_error_code_to_string (problem->code));
  json_writer_member_string (&writer, "message", problem->message);
  json_writer_member_string (&writer, "path", path);
  json_writer_end_object (&writer);
  g_string_append_c (out, '\n');
}

/* Row @row of the matrices, for the evaluation just run. */
static void
fill_row (const ActiveringEvaluation *ev, guint row, guint8 *outcomes, guint8 *missing)
{
  const ActiveringRuleSet *rules = ev->rules;
  if (outcomes != NULL)
    for (guint m = 0; m < rules->n_measures; m++)
      outcomes[(gsize) row * rules->n_measures + m] = (guint8) ev->outcomes[m];
  if (missing == NULL)
    return;
  guint8 *cells = &missing[(gsize) row * rules->n_facts];
  memset (cells, 0, rules->n_facts);
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < ev->missing[m].n; i++)
      cells[ev->missing[m].slots[i]] = 1;
}

gboolean
activering_evaluate_lines (ActiveringRuleSet *rules, const char *data, gsize length, const GDate *as_of,
                           const char *lang, ActiveringLinesFlags flags, GString *out, guint8 *outcomes,
                           guint8 *missing, guint max_lines, guint *n_rows, guint *n_errors, GError **error)
{
  g_return_val_if_fail (rules != NULL && (data != NULL || length == 0), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (n_rows != NULL)
    *n_rows = 0;
  if (n_errors != NULL)
    *n_errors = 0;
  if (out != NULL && rule_set_output_language (rules, lang, "evaluation", error) < 0)
    return FALSE;
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  gboolean compact = (flags & ACTIVERING_LINES_COMPACT) != 0;
  gboolean documents = out != NULL && !(flags & ACTIVERING_LINES_ERRORS_ONLY);
  /* The explanation is worked out only when something reads it: the missing facts, or full result documents. */
  gboolean explain = missing != NULL || (documents && !compact);
  ActiveringEvaluateFlags how = explain ? ACTIVERING_EVALUATE_DEFAULT : ACTIVERING_EVALUATE_OUTCOMES_ONLY;
  guint rows = 0, bad = 0;
  guint64 line_number = 0;
  for (const char *p = data, *end = data + length; p < end;)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *stop = eol ? eol : end;
      const char *line = p;
      p = eol ? eol + 1 : end;
      line_number++;
      const char *q = line;
      while (q < stop && g_ascii_isspace (*q))
        q++;
      if (q == stop)
        continue; /* blank */
      if ((outcomes != NULL || missing != NULL) && rows >= max_lines)
        {
          g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
                       "evaluation: the batch has more than the %u lines its outputs have room for", max_lines);
          return FALSE;
        }
      g_autoptr (GError) problem = NULL;
      gboolean parsed = activering_facts_parse (facts, line, (gssize) (stop - line), &problem);
      if (!parsed || !activering_evaluation_run (ev, facts, as_of, how, &problem))
        {
          if (problem->code == ACTIVERING_ERROR_USAGE)
            {
              g_propagate_error (error, g_steal_pointer (&problem)); /* a bad date: the same for every line */
              return FALSE;
            }
          if (outcomes != NULL)
            memset (&outcomes[(gsize) rows * rules->n_measures], ACTIVERING_LINES_ERROR, rules->n_measures);
          if (missing != NULL)
            memset (&missing[(gsize) rows * rules->n_facts], 0, rules->n_facts);
          if (out != NULL)
            append_error_document (out, line_number, problem, parsed ? "/" : facts->failed_path->str);
          rows++;
          bad++;
          continue;
        }
      fill_row (ev, rows, outcomes, missing);
      if (documents)
        {
          if (compact)
            activering_evaluation_append_outcomes_json (ev, out);
          else
            activering_evaluation_append_json (ev, lang, ACTIVERING_JSON_DEFAULT, out, NULL);
          g_string_append_c (out, '\n');
        }
      rows++;
    }
  if (n_rows != NULL)
    *n_rows = rows;
  if (n_errors != NULL)
    *n_errors = bad;
  return TRUE;
}
