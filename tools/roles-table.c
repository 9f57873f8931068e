/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* roles-table.c: an assignment as a RACI matrix a start meeting can use: tasks down, the people and organisations
 * involved across, then the gaps, the conflicts and the facts still to be supplied. Task, role and fact names come
 * from the rule set; the few words of the table itself are the tool's own. */
#include "config.h"

#include <string.h>

#include "cli-private.h"

typedef struct
{
  const char *lang;
  const char *title, *phase, *no_phase, *regie, *nobody, *task, *legend, *gaps, *conflicts, *missing, *inactive;
} Words;

static const Words words[] = {
  { "nl", "Rolverdeling", "fase", "geen open traject", "Regie", "niemand", "Taak",
    "R voert uit · A eindverantwoordelijk · C geraadpleegd · I geïnformeerd", "Gaten", "Conflicten",
    "Nog te bezorgen", "(niet actief)" },
  { "fr", "Répartition des rôles", "phase", "pas de parcours ouvert", "Régie", "personne", "Tâche",
    "R réalise · A responsable final · C consulté · I informé", "Lacunes", "Conflits", "Encore à fournir",
    "(inactive)" },
  { "en", "Who does what", "phase", "no open trajectory", "Regie", "nobody", "Task",
    "R does it · A accountable · C consulted · I informed", "Gaps", "Conflicts", "Still to be supplied",
    "(not active)" },
};

#define TASK_WIDTH 44
#define CELL_WIDTH 4

static const char raci_letter[] = { 'R', 'A', 'C', 'I' };

typedef struct
{
  const char *role, *actor;
} Column;

static void
append_party (GString *out, const ActiveringRuleSet *rules, const char *role, const char *actor, const char *lang)
{
  g_string_append (out, activering_rule_set_get_role_label (rules, role, lang));
  if (actor != NULL)
    g_string_append_printf (out, " · %s", actor);
}

static guint
column_of (GArray *columns, const char *role, const char *actor)
{
  for (guint c = 0; c < columns->len; c++)
    {
      const Column *column = &g_array_index (columns, Column, c);
      if (strcmp (column->role, role) == 0 && g_strcmp0 (column->actor, actor) == 0)
        return c;
    }
  Column column = { role, actor };
  g_array_append_val (columns, column);
  return columns->len - 1;
}

static void
append_heading (GString *out, const ActiveringRuleSet *rules, const ActiveringOrganisation *organisation,
                const ActiveringRoleAssignment *ra, const Words *w, const char *lang)
{
  const char *phase = activering_role_assignment_get_phase (ra);
  GDate as_of;
  char date[16];
  activering_role_assignment_get_as_of (ra, &as_of);
  g_date_strftime (date, sizeof date, "%Y-%m-%d", &as_of);
  g_string_append_printf (out, "%s — %s · %s · %s · ", w->title, activering_role_assignment_get_id (ra),
                          activering_organisation_get_id (organisation), date);
  if (phase != NULL)
    {
      const char *model = activering_role_assignment_get_model (ra);
      int m = activering_rule_set_lookup_phase_model (rules, model);
      guint n = activering_rule_set_get_n_phases (rules, (guint) m);
      for (guint p = 0; p < n; p++)
        if (strcmp (activering_rule_set_get_phase_code (rules, (guint) m, p), phase) == 0)
          g_string_append_printf (out, "%s: %s", w->phase, activering_rule_set_get_phase_label (rules, (guint) m, p, lang));
    }
  else
    g_string_append (out, w->no_phase);
  g_string_append_printf (out, "\n%s: ", w->regie);
  const char *role, *actor;
  if (activering_role_assignment_get_regie (ra, &role, &actor))
    append_party (out, rules, role, actor, lang);
  else
    g_string_append (out, w->nobody);
  g_string_append (out, "\n\n");
}

void
roles_table_append (GString *out, ActiveringRuleSet *rules, const ActiveringOrganisation *organisation,
                    const ActiveringRoleAssignment *ra, const char *lang)
{
  const Words *w = &words[G_N_ELEMENTS (words) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].lang, lang) == 0)
      w = &words[i];
  append_heading (out, rules, organisation, ra, w, lang);

  /* The matrix: one column per party, in the order they first appear. */
  guint n = activering_role_assignment_get_n_assignments (ra);
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autofree char *cells = NULL;
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        cells = g_malloc0 ((gsize) MAX (n, 1) * MAX (columns->len, 1));
      for (guint i = 0; i < n; i++)
        for (guint raci = 0; raci < 4; raci++)
          for (guint p = 0; p < activering_role_assignment_get_n_parties (ra, i, raci); p++)
            {
              guint c = column_of (columns, activering_role_assignment_get_party_role (ra, i, raci, p),
                                   activering_role_assignment_get_party_actor (ra, i, raci, p));
              if (pass == 1 && cells[i * columns->len + c] == 0)
                cells[i * columns->len + c] = raci_letter[raci];
            }
    }
  cli_pad (out, w->task, TASK_WIDTH);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (out, "%*u", CELL_WIDTH, c + 1);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      int task = activering_rule_set_lookup_task (rules, activering_role_assignment_get_task (ra, i));
      g_autofree char *label =
          g_strdup_printf ("%s%s%s", activering_rule_set_get_task_label (rules, (guint) task, lang),
                           activering_role_assignment_is_task_active (ra, i) ? "" : " ",
                           activering_role_assignment_is_task_active (ra, i) ? "" : w->inactive);
      cli_pad (out, label, TASK_WIDTH);
      for (guint c = 0; c < columns->len; c++)
        {
          char cell = cells[i * columns->len + c];
          g_string_append_printf (out, "%*s%c", CELL_WIDTH - 1, "", cell ? cell : '.');
        }
      if (activering_role_assignment_get_n_parties (ra, i, ACTIVERING_RACI_RESPONSIBLE) == 0)
        g_string_append (out, "   ✘");
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  for (guint c = 0; c < columns->len; c++)
    {
      const Column *column = &g_array_index (columns, Column, c);
      g_string_append_printf (out, "%*u  ", CELL_WIDTH, c + 1);
      append_party (out, rules, column->role, column->actor, lang);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "%*s  %s\n", CELL_WIDTH, "", w->legend);

  /* What the meeting has to settle. */
  guint n_gaps = activering_role_assignment_get_n_gaps (ra), n_conflicts = activering_role_assignment_get_n_conflicts (ra);
  if (n_gaps > 0)
    g_string_append_printf (out, "\n%s (%u)\n", w->gaps, n_gaps);
  for (guint i = 0; i < n_gaps; i++)
    {
      g_autofree char *message = activering_role_assignment_dup_gap_message (ra, i, lang);
      g_string_append_printf (out, "  ✘ %s\n", message);
    }
  if (n_conflicts > 0)
    g_string_append_printf (out, "\n%s (%u)\n", w->conflicts, n_conflicts);
  for (guint i = 0; i < n_conflicts; i++)
    {
      g_autofree char *message = activering_role_assignment_dup_conflict_message (ra, i, lang);
      g_string_append_printf (out, "  ✘ %s\n", message);
    }
  guint n_missing = activering_role_assignment_get_n_missing (ra);
  if (n_missing > 0)
    g_string_append_printf (out, "\n%s (%u)\n", w->missing, n_missing);
  for (guint i = 0; i < n_missing; i++)
    {
      const char *role, *actor;
      const char *fact = activering_role_assignment_get_missing (ra, i, &role, &actor);
      int slot = activering_rule_set_lookup_fact (rules, fact);
      g_string_append (out, "  ? ");
      g_string_append (out, activering_rule_set_get_fact_label (rules, (guint) slot, lang));
      g_string_append (out, " → ");
      append_party (out, rules, role, actor, lang);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}
