/* batch.c: a whole batch of JSON lines evaluated in one call (activering_evaluate_lines), for bindings and bulk
 * screening: one facts object and one evaluation reused, outcomes and missing facts into caller-owned matrices. */
#include "config.h"

#include <string.h>

#include "eval/evaluation-private.h"
#include "json/json-reader-private.h"
#include "json/json-writer-private.h"
#include "util/dates-private.h"

/* Where the documents of a batch are: the non-blank lines of JSON lines, or the elements of a JSON array. */
typedef struct
{
  const char *p, *end;
  guint64 number; /* of the last document found: its line, or its position in the array */
  gboolean array, first;
  JsonReader reader;
  GString *path, *text;
} Documents;

/* The next document, [*start, *stop). FALSE at the end, or when an array is malformed (its reader's error set). */
static gboolean
next_document (Documents *D, const char **start, const char **stop)
{
  if (!D->array)
    for (;;)
      {
        if (D->p >= D->end)
          return FALSE;
        const char *eol = memchr (D->p, '\n', (gsize) (D->end - D->p));
        const char *line = D->p, *line_end = eol ? eol : D->end;
        D->p = eol ? eol + 1 : D->end;
        D->number++;
        const char *q = line;
        while (q < line_end && g_ascii_isspace (*q))
          q++;
        if (q < line_end)
          {
            *start = line;
            *stop = line_end;
            return TRUE;
          }
      }
  JsonReader *R = &D->reader;
  gboolean done;
  if (D->first)
    {
      json_reader_skip_space (R);
      if (!json_reader_expect (R, '[', "an array of facts documents"))
        return FALSE;
      R->p++;
    }
  gsize mark = json_reader_push_index (R, (guint) D->number);
  if (!json_reader_next_element (R, &D->first, &done))
    return FALSE;
  if (done)
    {
      json_reader_pop (R, mark);
      json_reader_skip_space (R);
      if (R->p < R->end)
        json_reader_fail (R, ACTIVERING_ERROR_SYNTAX, "unexpected data after the array at byte %zu",
                          (gsize) (R->p - R->start));
      return FALSE;
    }
  *start = R->p;
  if (!json_reader_skip_value (R))
    return FALSE;
  *stop = R->p;
  json_reader_pop (R, mark);
  D->number++;
  return TRUE;
}

void
batch_append_error (GString *out, guint64 line, const GError *problem, const char *path)
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

void
batch_fill_row (const ActiveringEvaluation *ev, guint row, guint8 *outcomes, guint8 *missing)
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

void
batch_fill_error_row (const ActiveringRuleSet *rules, guint row, guint8 *outcomes, guint8 *missing)
{
  if (outcomes != NULL)
    memset (&outcomes[(gsize) row * rules->n_measures], ACTIVERING_LINES_ERROR, rules->n_measures);
  if (missing != NULL)
    memset (&missing[(gsize) row * rules->n_facts], 0, rules->n_facts);
}

/* The size of each version of ActiveringBatchOptions, [version]: a caller built against version v owns only the
 * first batch_options_size[v] bytes. A new field is appended to the structure and its size added here. */
static const gsize batch_options_size[] = {
  0,
  G_STRUCT_OFFSET (ActiveringBatchOptions, max_rows) + sizeof (guint), /* 1 */
};
G_STATIC_ASSERT (G_N_ELEMENTS (batch_options_size) == ACTIVERING_BATCH_OPTIONS_VERSION + 1);

static gboolean
batch_options_check_version (guint version, GError **error)
{
  if (version >= 1 && version <= ACTIVERING_BATCH_OPTIONS_VERSION)
    return TRUE;
  g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE,
               "batch options: version %u is not one this library knows (1 to %u); initialise the options with "
               "ACTIVERING_BATCH_OPTIONS_INIT or activering_batch_options_init()",
               version, (guint) ACTIVERING_BATCH_OPTIONS_VERSION);
  return FALSE;
}

gboolean
activering_batch_options_init (ActiveringBatchOptions *options, guint version, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!batch_options_check_version (version, error))
    return FALSE;
  memset (options, 0, batch_options_size[version]);
  options->version = version;
  return TRUE;
}

gboolean
batch_options_read (const ActiveringBatchOptions *options, ActiveringBatchOptions *copy, GError **error)
{
  static const ActiveringBatchOptions defaults = ACTIVERING_BATCH_OPTIONS_INIT;
  *copy = defaults;
  if (options == NULL)
    return TRUE;
  if (!batch_options_check_version (options->version, error))
    return FALSE;
  memcpy (copy, options, batch_options_size[options->version]);
  return TRUE;
}

gboolean
activering_evaluate_lines (ActiveringRuleSet *rules, const char *data, gsize length,
                           const ActiveringBatchOptions *options, guint *n_rows, guint *n_errors, GError **error)
{
  g_return_val_if_fail (rules != NULL && (data != NULL || length == 0), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (n_rows != NULL)
    *n_rows = 0;
  if (n_errors != NULL)
    *n_errors = 0;
  ActiveringBatchOptions o;
  if (!batch_options_read (options, &o, error))
    return FALSE;
  const GDate *as_of = o.as_of;
  const char *lang = o.lang;
  ActiveringLinesFlags flags = o.flags;
  GString *out = o.out;
  guint8 *outcomes = o.outcomes, *missing = o.missing;
  guint max_lines = o.max_rows;
  if (out != NULL && rule_set_output_language (rules, lang, "evaluation", error) < 0)
    return FALSE;
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  gboolean compact = (flags & ACTIVERING_LINES_COMPACT) != 0;
  gboolean documents = out != NULL && !(flags & ACTIVERING_LINES_ERRORS_ONLY);
  /* The explanation is worked out only when something reads it: the missing facts, or full result documents. */
  gboolean explain = missing != NULL || (documents && !compact);
  ActiveringEvaluateFlags how = explain ? ACTIVERING_EVALUATE_DEFAULT : ACTIVERING_EVALUATE_OUTCOMES_ONLY;
  if ((flags & ACTIVERING_LINES_TRACE) && documents && !compact)
    how = ACTIVERING_EVALUATE_TRACE;
  guint rows = 0, bad = 0;
  GError *split_error = NULL;
  Documents D = { .p = data, .end = data + length, .array = (flags & ACTIVERING_LINES_ARRAY) != 0, .first = TRUE };
  g_autoptr (GString) reader_path = g_string_new (NULL);
  g_autoptr (GString) reader_text = g_string_new (NULL);
  json_reader_init (&D.reader, "batch", data, length, 64, reader_path, reader_text, &split_error);
  const char *line, *stop;
  while (next_document (&D, &line, &stop))
    {
      guint64 line_number = D.number;
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
          batch_fill_error_row (rules, rows, outcomes, missing);
          if (out != NULL)
            batch_append_error (out, line_number, problem, parsed ? "/" : facts->failed_path->str);
          rows++;
          bad++;
          continue;
        }
      batch_fill_row (ev, rows, outcomes, missing);
      if (out != NULL && (flags & ACTIVERING_LINES_IDS))
        {
          char date[11];
          activering_format_date (ev->as_of, date);
          g_string_append_len (out, ev->id->str, (gssize) ev->id->len);
          g_string_append_c (out, '\t');
          g_string_append_len (out, date, 10);
          g_string_append_c (out, '\n');
        }
      else if (documents)
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
  if (split_error != NULL)
    {
      g_propagate_error (error, split_error);
      return FALSE;
    }
  return TRUE;
}
