/* dot.c: phase models and a client's path through them, drawn as Graphviz DOT. */
#include "config.h"

#include <string.h>

#include "trajectory/trajectory-private.h"
#include "util/dates-private.h"

#define STILL G_MAXINT32

/* Colours: neutral for the model, blue for the client's path, orange for moves worth a warning. */
#define INK "#4b5563"
#define PAPER "#f3f4f6"
#define VISITED "#dbeafe"
#define CURRENT "#1d4ed8"
#define WARNING "#d97706"

/* Appends @s as a DOT quoted string. */
static void
quote (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
node_id (GString *out, const PhaseModel *model, guint phase)
{
  g_autofree char *id = g_strconcat (model->code, ".", model->phases[phase].code, NULL);
  quote (out, id);
}

static void
begin_graph (GString *out, const char *name, const char *title)
{
  g_string_append (out, "digraph ");
  quote (out, name);
  g_string_append (out, " {\n  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=14, labelloc=t, nodesep=0.5, "
                        "ranksep=0.45, label=");
  quote (out, title);
  g_string_append (out, "];\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"" PAPER "\", color=\"" INK
                        "\", fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.08\"];\n"
                        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"" INK "\", arrowsize=0.7];\n");
}

/* Extra lines under a phase's label (the measures that fit it, or those that ran there). */
typedef void (*PhaseNote) (GString *label, gconstpointer data, guint model, guint phase, int language);

static void
fitting_measures (GString *label, gconstpointer data, guint model, guint phase, int language)
{
  const ActiveringRuleSet *rules = data;
  const Phase *p = &rules->models[model].phases[phase];
  gboolean first = TRUE;
  for (guint m = 0; m < rules->n_measures; m++)
    if (p->fits[m])
      {
        g_string_append (label, first ? "\n\n" : "\n");
        g_string_append (label, rules->measures[m].label[language]);
        first = FALSE;
      }
}

/* The phases and the model's moves (with @all_moves, every allowed one; else the usual next steps only, as a
 * backdrop for a client's path). @style_phase may restyle a phase. */
static void
write_model (GString *out, const ActiveringRuleSet *rules, guint model, int language, PhaseNote note,
             gconstpointer note_data, void (*style_phase) (GString *, gconstpointer, guint, guint), gboolean all_moves,
             const char *indent)
{
  const PhaseModel *m = &rules->models[model];
  g_autoptr (GString) label = g_string_new (NULL);
  for (guint p = 0; p < m->n_phases; p++)
    {
      g_string_printf (label, "%u. %s", p + 1, m->phases[p].label[language]);
      note (label, note_data, model, p, language);
      g_string_append (out, indent);
      node_id (out, m, p);
      g_string_append (out, " [label=");
      quote (out, label->str);
      if (m->phases[p].optional)
        g_string_append (out, ", style=\"rounded,filled,dashed\"");
      if (m->phases[p].entry)
        g_string_append (out, ", peripheries=2");
      if (style_phase != NULL)
        style_phase (out, note_data, model, p);
      g_string_append (out, "];\n");
    }
  for (guint from = 0; from < m->n_phases; from++)
    for (guint to = 0; to < m->n_phases; to++)
      {
        TransitionKind kind = m->transitions[from * m->n_phases + to];
        if (kind == TRANSITION_NOT_ALLOWED || (!all_moves && (kind != TRANSITION_NORMAL || to < from)))
          continue;
        g_string_append (out, indent);
        node_id (out, m, from);
        g_string_append (out, " -> ");
        node_id (out, m, to);
        /* Forward moves lay the phases out top to bottom; the others follow without pulling them around. */
        if (kind == TRANSITION_WARNING)
          g_string_append (out, " [style=dashed, color=\"" WARNING "\", constraint=false];\n");
        else if (to < from)
          g_string_append (out, " [style=dotted, color=\"#9ca3af\", constraint=false];\n");
        else
          g_string_append (out, to == from + 1 ? " [weight=4];\n" : all_moves ? " [];\n" : " [color=\"#9ca3af\"];\n");
      }
}

#define LEGEND                                                                                                         \
  "  // solid: the usual next step; dotted: going back; dashed orange: allowed, worth a warning;\n"                    \
  "  // dashed box: an optional phase; double border: where a trajectory opens\n"

gboolean
activering_rule_set_append_phase_model_dot (const ActiveringRuleSet *rules, guint model, const char *lang, GString *out,
                                            GError **error)
{
  g_return_val_if_fail (rules != NULL && out != NULL, FALSE);
  g_return_val_if_fail (model < rules->n_models, FALSE);
  int language = rule_set_language_index (rules, lang);
  if (language < 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "phase model diagram: no texts in \"%s\"",
                   lang ? lang : "");
      return FALSE;
    }
  begin_graph (out, rules->models[model].code, rules->models[model].label[language]);
  g_string_append (out, LEGEND);
  write_model (out, rules, model, language, fitting_measures, rules, NULL, TRUE, "  ");
  g_string_append (out, "}\n");
  return TRUE;
}

/* ---- a client's path ---- */

/* The visit during which @day falls, or -1. */
static int
visit_on (const ActiveringTrajectoryReport *report, gint32 day)
{
  int found = -1;
  for (guint v = 0; v < report->visits->len; v++)
    if (g_array_index (report->visits, Visit, v).from <= day)
      found = (int) v;
  return found;
}

static void
measures_run_in (GString *label, gconstpointer data, guint model, guint phase, int language)
{
  const ActiveringTrajectoryReport *report = data;
  const ActiveringRuleSet *rules = report->rules;
  for (guint r = 0; r < report->runs->len; r++)
    {
      const MeasureRun *run = &g_array_index (report->runs, MeasureRun, r);
      int v = visit_on (report, run->start);
      if (v < 0)
        continue;
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      if (visit->model != model || visit->phase != phase)
        continue;
      char start[11], end[11];
      activering_format_date (run->start, start);
      if (run->end != STILL)
        activering_format_date (run->end, end);
      g_string_append_printf (label, "\n%s\n%s – %s", rules->measures[run->measure].label[language], start,
                              run->end == STILL ? "…" : end);
    }
}

static void
style_visited (GString *out, gconstpointer data, guint model, guint phase)
{
  const ActiveringTrajectoryReport *report = data;
  if (report->current_model == (gint) model && report->current_phase == (gint) phase)
    {
      g_string_append (out, ", fillcolor=\"" CURRENT "\", fontcolor=white, color=\"" CURRENT "\", penwidth=2.5");
      return;
    }
  for (guint v = 0; v < report->visits->len; v++)
    {
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      if (visit->model == model && visit->phase == phase)
        {
          g_string_append (out, ", fillcolor=\"" VISITED "\", color=\"" CURRENT "\"");
          return;
        }
    }
}

gboolean
activering_trajectory_report_append_dot (const ActiveringTrajectoryReport *report, const char *lang, GString *out,
                                         GError **error)
{
  g_return_val_if_fail (report != NULL && out != NULL, FALSE);
  int language = trajectory_report_language (report, lang, error);
  if (language < 0)
    return FALSE;
  const ActiveringRuleSet *rules = report->rules;
  /* The trajectory's model, and any other it was handed over into, each in its own box. */
  g_autofree guint8 *drawn = g_new0 (guint8, MAX (rules->n_models, 1));
  drawn[report->model] = 1;
  for (guint v = 0; v < report->visits->len; v++)
    drawn[g_array_index (report->visits, Visit, v).model] = 1;
  char as_of[11];
  activering_format_date (report->as_of, as_of);
  g_autofree char *title =
      g_strdup_printf ("%s — %s (%s)", report->id->str, rules->models[report->model].label[language], as_of);
  begin_graph (out, report->id->str, title);
  g_string_append (out, LEGEND);
  for (guint m = 0; m < rules->n_models; m++)
    {
      if (!drawn[m])
        continue;
      g_string_append_printf (out, "  subgraph \"cluster_%s\" {\n    label=", rules->models[m].code);
      quote (out, rules->models[m].label[language]);
      g_string_append (out, "; style=\"rounded\"; color=\"#d1d5db\"; fontsize=11;\n");
      write_model (out, rules, m, language, measures_run_in, report, style_visited, FALSE, "    ");
      g_string_append (out, "  }\n");
    }
  /* The path: one arrow per move, with its date. */
  for (guint v = 1; v < report->visits->len; v++)
    {
      const Visit *before = &g_array_index (report->visits, Visit, v - 1);
      const Visit *visit = &g_array_index (report->visits, Visit, v);
      char date[11];
      activering_format_date (visit->from, date);
      g_string_append (out, "  ");
      node_id (out, &rules->models[before->model], before->phase);
      g_string_append (out, " -> ");
      node_id (out, &rules->models[visit->model], visit->phase);
      g_string_append_printf (out,
                              " [color=\"" CURRENT "\", fontcolor=\"" CURRENT "\", penwidth=2.2, "
                              "constraint=false, label=\"%u: %s\"%s];\n",
                              v, date, before->until != visit->from - 1 ? ", style=dashed" : "");
    }
  g_string_append (out, "}\n");
  return TRUE;
}
