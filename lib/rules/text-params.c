/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* text-params.c: texts that quote parameters ("tussen {param:ibo.min_weeks} en {param:ibo.max_weeks} weken").
 *
 * A number a text quotes comes from its parameter, so the text cannot go stale when the parameter changes. The
 * loader checks every placeholder against the declared parameters and records each such text as a template; an
 * evaluation renders the templates once per evaluation date, so writing a result formats nothing.
 */
#include "config.h"

#include <string.h>

#include "rules/loader-private.h"
#include "util/dates-private.h"

#define PERCENT_SUFFIX "|percent"

typedef struct
{
  const char *start, *end;    /* the whole placeholder, braces included */
  const char *name;           /* the parameter's name */
  gsize name_len;
  gboolean percent;
} ParamPlaceholder;

/* The next placeholder at or after @s; FALSE if there is none. A "{param:" without its closing brace is returned
 * with @end NULL, so that the loader can reject it. */
static gboolean
next_placeholder (const char *s, ParamPlaceholder *p)
{
  const char *open = strstr (s, TEXT_PARAM_OPEN);
  if (open == NULL)
    return FALSE;
  p->start = open;
  p->name = open + strlen (TEXT_PARAM_OPEN);
  const char *close = strchr (p->name, '}');
  p->end = close ? close + 1 : NULL;
  if (close == NULL)
    return TRUE;
  p->name_len = (gsize) (close - p->name);
  gsize suffix = strlen (PERCENT_SUFFIX);
  p->percent = p->name_len > suffix && memcmp (close - suffix, PERCENT_SUFFIX, suffix) == 0;
  if (p->percent)
    p->name_len -= suffix;
  return TRUE;
}

static int
param_index (const ActiveringRuleSet *rules, const char *name, gsize len)
{
  for (guint i = 0; i < rules->n_params; i++)
    if (strncmp (rules->params[i].name, name, len) == 0 && rules->params[i].name[len] == '\0')
      return (int) i;
  return -1;
}

gboolean
loader_check_text_params (Loader *L, const char *s)
{
  ParamPlaceholder p;
  while (next_placeholder (s, &p))
    {
      if (p.end == NULL)
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a \"%s\" placeholder is not closed with \"}\"",
                            TEXT_PARAM_OPEN);
      int index = param_index (L->rules, p.name, p.name_len);
      if (index < 0)
        {
          g_autofree char *name = g_strndup (p.name, p.name_len);
          return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "the text quotes unknown parameter \"%s\"", name);
        }
      ValueType type = L->rules->params[index].type;
      if (p.percent && type != TYPE_NUMBER && type != TYPE_INTEGER)
        return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "\"|percent\" quotes a number, and \"%s\" is a %s",
                            L->rules->params[index].name, value_type_name (type));
      s = p.end;
    }
  return TRUE;
}

void
loader_add_template (Loader *L, Text text)
{
  if (L->templates == NULL)
    L->templates = g_ptr_array_new ();
  g_ptr_array_add (L->templates, text);
  text[L->rules->n_languages] = GUINT_TO_POINTER (L->templates->len); /* its number plus one */
}

void
rule_set_take_templates (ActiveringRuleSet *rules, GPtrArray *templates)
{
  if (templates == NULL)
    return;
  rules->n_templates = templates->len;
  rules->templates = rule_set_alloc (rules, sizeof (TextTemplate) * MAX (templates->len, 1));
  for (guint i = 0; i < templates->len; i++)
    rules->templates[i].text = (const char *const *) g_ptr_array_index (templates, i);
  g_ptr_array_free (templates, TRUE);
}

static void
append_value (GString *out, const Value *value, ValueType type, gboolean percent)
{
  if (!value->known)
    {
      g_string_append (out, "…"); /* the parameter has no value on that date */
      return;
    }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  switch (type)
    {
    case TYPE_DATE:
      {
        char date[11];
        activering_format_date ((gint32) value->i, date);
        g_string_append_len (out, date, 10);
        return;
      }
    case TYPE_BOOL:
      g_string_append (out, value->i ? "true" : "false");
      return;
    case TYPE_NUMBER:
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", percent ? value->n * 100 : value->n));
      break;
    default:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, percent ? value->i * 100 : value->i);
      break;
    }
  if (percent)
    g_string_append_c (out, '%');
}

void
text_render_params (GString *out, const char *template, const ActiveringRuleSet *rules, const Value *params)
{
  g_string_truncate (out, 0);
  ParamPlaceholder p;
  const char *s = template;
  while (next_placeholder (s, &p) && p.end != NULL)
    {
      g_string_append_len (out, s, p.start - s);
      int index = param_index (rules, p.name, p.name_len); /* checked at load */
      append_value (out, &params[index], rules->params[index].type, p.percent);
      s = p.end;
    }
  g_string_append (out, s);
}
