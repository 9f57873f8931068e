/* columns.c: a table of dossiers evaluated straight from typed columns (activering_evaluate_columns), as a
 * DataFrame holds them: no JSON in between for numbers, dates and codes.
 *
 * The common case is checked here, cheaply; a value that fails the check is handed to the facts parser as JSON
 * text, so that the error, its code and its message are exactly those of a facts document.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "eval/evaluation-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

#define MAX_SAFE_INTEGER 9007199254740992.0

typedef enum
{
  TARGET_FACT,
  TARGET_ID,
  TARGET_AS_OF
} Target;

typedef struct
{
  const ActiveringColumn *column;
  Target target;
  guint slot;        /* TARGET_FACT */
  gint *value_index; /* CODES: per code, its index among the fact's values, or -1 */
} Prepared;

static gboolean
usage (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "evaluation: %s", message);
  return FALSE;
}

/* Which kinds of column can hold a fact of each type. */
static gboolean
kind_fits (ActiveringColumnKind kind, ValueType type)
{
  switch (kind)
    {
    case ACTIVERING_COLUMN_NUMBERS: return type == TYPE_BOOL || type == TYPE_INTEGER || type == TYPE_NUMBER;
    case ACTIVERING_COLUMN_DAYS: return type == TYPE_DATE;
    case ACTIVERING_COLUMN_CODES: return type == TYPE_ENUM;
    case ACTIVERING_COLUMN_TEXTS: return TRUE;
    default: return FALSE;
    }
}

static gboolean
prepare (const ActiveringRuleSet *rules, const ActiveringColumn *columns, guint n_columns, Prepared *out,
         GError **error)
{
  for (guint c = 0; c < n_columns; c++)
    {
      const ActiveringColumn *column = &columns[c];
      Prepared *p = &out[c];
      p->column = column;
      if (column->name == NULL || (column->values == NULL && column->kind != ACTIVERING_COLUMN_TEXTS)
          || (column->kind == ACTIVERING_COLUMN_TEXTS && (column->values == NULL || column->text == NULL))
          || (column->kind == ACTIVERING_COLUMN_CODES && column->codes == NULL && column->n_codes > 0))
        return usage (error, "column %u is incomplete", c);
      if (strcmp (column->name, "id") == 0)
        {
          p->target = TARGET_ID;
          if (column->kind != ACTIVERING_COLUMN_TEXTS)
            return usage (error, "the \"id\" column holds texts");
          continue;
        }
      if (strcmp (column->name, "as_of") == 0)
        {
          p->target = TARGET_AS_OF;
          if (column->kind != ACTIVERING_COLUMN_DAYS && column->kind != ACTIVERING_COLUMN_TEXTS)
            return usage (error, "the \"as_of\" column holds days or texts");
          continue;
        }
      int slot = activering_rule_set_lookup_fact (rules, column->name);
      if (slot < 0)
        return usage (error, "column \"%s\" is not a fact of the rule set", column->name);
      p->target = TARGET_FACT;
      p->slot = (guint) slot;
      const FactDecl *decl = &rules->facts[slot];
      if (column->kind > ACTIVERING_COLUMN_TEXTS || !kind_fits (column->kind, decl->type))
        return usage (error, "column \"%s\": this kind of column cannot hold the fact's values", column->name);
      if (column->kind != ACTIVERING_COLUMN_CODES)
        continue;
      p->value_index = g_new (gint, MAX (column->n_codes, 1));
      for (guint k = 0; k < column->n_codes; k++)
        {
          p->value_index[k] = -1;
          for (guint v = 0; column->codes[k] != NULL && v < decl->n_values; v++)
            if (strcmp (rules->symbols[decl->values[v]], column->codes[k]) == 0)
              p->value_index[k] = (gint) v;
        }
    }
  return TRUE;
}

static void
set_known (ActiveringFacts *facts, guint slot, Value value)
{
  value.known = TRUE;
  facts->values[slot] = value;
  facts->state[slot] = ACTIVERING_FACT_KNOWN;
}

/* Fails a row with an error at the column @name, as the facts parser would word it. Returns FALSE. */
static gboolean
fail_at (ActiveringFacts *facts, GError **error, ActiveringError code, const char *name, const char *format, ...)
  G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (ActiveringFacts *facts, GError **error, ActiveringError code, const char *name, const char *format, ...)
{
  g_string_printf (facts->failed_path, "/%s", name);
  va_list args;
  va_start (args, format);
  activering_set_error_at (error, code, "facts", facts->failed_path->str, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
set_number (ActiveringFacts *facts, guint slot, double number, GError **error)
{
  const FactDecl *decl = &facts->rules->facts[slot];
  if (isnan (number))
    {
      facts->state[slot] = ACTIVERING_FACT_UNKNOWN; /* an empty cell: the table has no value (absent) */
      return TRUE;
    }
  gboolean in_range = isfinite (number) && (!decl->has_min || number >= decl->min)
                      && (!decl->has_max || number <= decl->max);
  Value value = { .known = TRUE };
  if (decl->type == TYPE_BOOL && (number == 0 || number == 1))
    value.i = number == 1;
  else if (decl->type == TYPE_INTEGER && in_range && number == floor (number) && fabs (number) <= MAX_SAFE_INTEGER)
    value.i = (gint64) number;
  else if (decl->type == TYPE_NUMBER && in_range && fabs (number) <= MAX_SAFE_INTEGER)
    value.n = number;
  else if (!isfinite (number))
    return fail_at (facts, error, ACTIVERING_ERROR_OUT_OF_RANGE, decl->path, "the number is too large");
  else
    {
      /* not taken: through the parser, for its error and its message */
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_dtostr (text, sizeof text, number);
      return facts_read_value (facts, slot, text, strlen (text), error);
    }
  set_known (facts, slot, value);
  return TRUE;
}

/* Row @row of column @p into @facts. */
static gboolean
read_cell (ActiveringFacts *facts, const Prepared *p, guint row, GError **error)
{
  const ActiveringColumn *column = p->column;
  const char *name = column->name;
  if (column->kind == ACTIVERING_COLUMN_TEXTS)
    {
      const gint64 *offsets = column->values;
      if (offsets[row] < 0 || offsets[row + 1] < offsets[row])
        {
          return fail_at (facts, error, ACTIVERING_ERROR_USAGE, name, "the column's text offsets are not increasing");
        }
      const char *text = column->text + offsets[row];
      gsize len = (gsize) (offsets[row + 1] - offsets[row]);
      if (len == 0)
        {
          if (p->target == TARGET_FACT)
            facts->state[p->slot] = ACTIVERING_FACT_UNKNOWN;
          return TRUE;
        }
      if (p->target == TARGET_FACT)
        return facts_read_value (facts, p->slot, text, len, error);
      if (p->target == TARGET_AS_OF)
        {
          if (!activering_parse_date (text, len, &facts->as_of))
            return fail_at (facts, error, ACTIVERING_ERROR_INVALID_VALUE, name, "expected a date YYYY-MM-DD");
          facts->has_as_of = TRUE;
          return TRUE;
        }
      const char *problem = len > FACTS_MAX_ID ? "is too long" : activering_id_problem (text, len);
      if (problem != NULL)
        return fail_at (facts, error, ACTIVERING_ERROR_INVALID_VALUE, name, "the dossier id %s", problem);
      memcpy (facts->id, text, len);
      facts->id[len] = '\0';
      facts->id_len = len;
      facts->has_id = TRUE;
      return TRUE;
    }
  if (column->kind == ACTIVERING_COLUMN_NUMBERS)
    return set_number (facts, p->slot, ((const double *) column->values)[row], error);
  if (column->kind == ACTIVERING_COLUMN_DAYS)
    {
      gint64 days = ((const gint64 *) column->values)[row];
      if (days == G_MININT64)
        {
          if (p->target == TARGET_FACT)
            facts->state[p->slot] = ACTIVERING_FACT_UNKNOWN;
          return TRUE;
        }
      if (days < ACTIVERING_DAY_MIN || days > ACTIVERING_DAY_MAX)
        return fail_at (facts, error, ACTIVERING_ERROR_INVALID_VALUE, name, "the date is outside the years 1 to 9999");
      if (p->target == TARGET_AS_OF)
        {
          facts->as_of = (gint32) days;
          facts->has_as_of = TRUE;
        }
      else
        set_known (facts, p->slot, (Value){ .i = days });
      return TRUE;
    }
  gint32 code = ((const gint32 *) column->values)[row];
  if (code < 0)
    {
      facts->state[p->slot] = ACTIVERING_FACT_UNKNOWN;
      return TRUE;
    }
  if ((guint) code >= column->n_codes)
    return fail_at (facts, error, ACTIVERING_ERROR_USAGE, name, "code index %d is past the column's %u codes", code,
                    column->n_codes);
  if (p->value_index[code] >= 0)
    {
      set_known (facts, p->slot, (Value){ .i = facts->rules->facts[p->slot].values[p->value_index[code]] });
      return TRUE;
    }
  /* not one of the values: the parser says which it could have been */
  g_autoptr (GString) quoted = g_string_new (NULL);
  activering_append_quoted (quoted, column->codes[code], strlen (column->codes[code]), 1024);
  return facts_read_value (facts, p->slot, quoted->str, quoted->len, error);
}

gboolean
activering_evaluate_columns (ActiveringRuleSet *rules, guint n_rows, const ActiveringColumn *columns, guint n_columns,
                             const ActiveringBatchOptions *options, guint *n_errors, GError **error)
{
  g_return_val_if_fail (rules != NULL && (columns != NULL || n_columns == 0), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (n_errors != NULL)
    *n_errors = 0;
  ActiveringBatchOptions o;
  if (!batch_options_read (options, &o, error))
    return FALSE;
  const GDate *as_of = o.as_of;
  guint8 *outcomes = o.outcomes, *missing = o.missing;
  GString *errors = o.out;
  g_autofree Prepared *prepared = g_new0 (Prepared, MAX (n_columns, 1));
  gboolean ok = prepare (rules, columns, n_columns, prepared, error);
  g_autoptr (ActiveringFacts) facts = activering_facts_new (rules);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ActiveringEvaluateFlags how = missing != NULL ? ACTIVERING_EVALUATE_DEFAULT : ACTIVERING_EVALUATE_OUTCOMES_ONLY;
  guint bad = 0;
  for (guint row = 0; ok && row < n_rows; row++)
    {
      facts_begin (facts);
      g_string_truncate (facts->failed_path, 0);
      g_autoptr (GError) problem = NULL;
      gboolean read = TRUE;
      for (guint c = 0; read && c < n_columns; c++)
        read = read_cell (facts, &prepared[c], row, &problem);
      if (read && activering_evaluation_run (ev, facts, as_of, how, &problem))
        {
          batch_fill_row (ev, row, outcomes, missing);
          continue;
        }
      if (problem->code == ACTIVERING_ERROR_USAGE)
        {
          g_propagate_error (error, g_steal_pointer (&problem)); /* the caller's columns or date, not the row */
          ok = FALSE;
          break;
        }
      batch_fill_error_row (rules, row, outcomes, missing);
      if (errors != NULL)
        batch_append_error (errors, row + 1, problem, facts->failed_path->len ? facts->failed_path->str : "/");
      bad++;
    }
  for (guint c = 0; c < n_columns; c++)
    g_free (prepared[c].value_index);
  if (n_errors != NULL)
    *n_errors = bad;
  return ok;
}
