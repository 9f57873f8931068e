/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* human-table.c: a screening table a trajectbegeleider can read at a glance, with totals and the facts that most
 * often keep a decision open. Words come from the rule set where they are knowledge (measure names, fact labels,
 * roles); the few words of the table itself are the tool's own.
 *
 * The whole menu has a dozen measures, so a measure's column is its number and its cell a symbol: the grid fits a
 * terminal, and the totals below, numbered the same way, are its legend. */
#include "config.h"

#include <string.h>

#include "cli-private.h"

typedef struct
{
  const char *lang;
  const char *dossier, *todo, *totals, *needed, *asked_of, *bad_line, *legend, *valid_until;
  const char *outcome[4];
} Words;

static const Words words[] = {
  { "nl",
    "dossier",
    "nog te doen",
    "Totalen",
    "Ontbrekende gegevens die het vaakst een beslissing openhouden",
    "te vragen aan",
    "ongeldige regel",
    "Maatregelen",
    "geldig tot en met",
    { "ja", "nee", "open", "n.v.t." } },
  { "fr",
    "dossier",
    "à faire",
    "Totaux",
    "Données manquantes qui laissent le plus souvent une décision ouverte",
    "à demander à",
    "ligne invalide",
    "Mesures",
    "valable jusqu'au",
    { "oui", "non", "ouvert", "s.o." } },
  { "en",
    "dossier",
    "to do",
    "Totals",
    "Missing facts that most often keep a decision open",
    "ask",
    "bad line",
    "Measures",
    "valid until",
    { "yes", "no", "open", "n/a" } },
};

static const char *const symbols[] = { "✔", "✘", "?", "·" };

static const Words *
words_for (const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].lang, lang) == 0)
      return &words[i];
  return &words[G_N_ELEMENTS (words) - 1];
}

const char *
human_outcome_symbol (ActiveringOutcome outcome)
{
  return symbols[outcome];
}

const char *
human_outcome_word (ActiveringOutcome outcome, const char *lang)
{
  return words_for (lang)->outcome[outcome];
}

#define ID_WIDTH 16
#define CELL_WIDTH 3

struct HumanTable
{
  ActiveringRuleSet *rules;
  const Words *w;
  const char *lang;
  guint n_measures;
  guint64 (*counts)[4];
  guint64 *missing; /* per fact slot */
  guint64 rows, bad;
  GString *line;
};

HumanTable *
human_table_new (ActiveringRuleSet *rules, const char *lang)
{
  HumanTable *t = g_new0 (HumanTable, 1);
  t->rules = rules;
  t->lang = lang;
  t->w = words_for (lang);
  t->n_measures = activering_rule_set_get_n_measures (rules);
  t->counts = g_malloc0 (sizeof (guint64[4]) * MAX (t->n_measures, 1));
  t->missing = g_new0 (guint64, MAX (activering_rule_set_get_n_facts (rules), 1));
  t->line = g_string_new (NULL);
  return t;
}

void
human_table_append_header (HumanTable *t, GString *s)
{
  for (int o = 0; o < 4; o++)
    g_string_append_printf (s, "%s%s %s", o ? "   " : "", symbols[o], t->w->outcome[o]);
  g_string_append (s, "\n\n");
  cli_pad (s, t->w->dossier, ID_WIDTH);
  for (guint m = 0; m < t->n_measures; m++)
    g_string_append_printf (s, "%*u", CELL_WIDTH, m + 1);
  g_string_append (s, "  ");
  g_string_append (s, t->w->todo);
  g_string_append_c (s, '\n');
  for (glong i = 0; i < ID_WIDTH + (glong) t->n_measures * CELL_WIDTH + 2 + (glong) g_utf8_strlen (t->w->todo, -1); i++)
    g_string_append (s, "─");
  g_string_append_c (s, '\n');
}

void
human_table_add (HumanTable *t, const ActiveringEvaluation *ev, GString *s)
{
  cli_pad (s, activering_evaluation_get_id (ev), ID_WIDTH);
  for (guint m = 0; m < t->n_measures; m++)
    {
      ActiveringOutcome outcome = activering_evaluation_get_outcome (ev, m);
      t->counts[m][outcome]++;
      g_string_append_printf (s, "%*s%s", CELL_WIDTH - 1, "", symbols[outcome]);
      if (outcome == ACTIVERING_OUTCOME_UNDETERMINED)
        for (guint i = 0; i < activering_evaluation_get_n_missing (ev, m); i++)
          {
            int slot = activering_rule_set_lookup_fact (t->rules, activering_evaluation_get_missing_fact (ev, m, i));
            if (slot >= 0)
              t->missing[slot]++;
          }
    }
  g_string_append (s, " ");
  for (guint o = 0; o < activering_evaluation_get_n_obligations (ev); o++)
    {
      ActiveringObligationState state = activering_evaluation_get_obligation_state (ev, o);
      if (state == ACTIVERING_OBLIGATION_MET)
        continue;
      GDate due;
      char date[16] = "";
      if (activering_evaluation_get_obligation_due (ev, o, &due))
        g_date_strftime (date, sizeof date, " %Y-%m-%d", &due);
      /* The mark says the state: • due, ⚠ overdue, ? undetermined (then the date is when it falls due, if known). */
      const char *mark = state == ACTIVERING_OBLIGATION_OVERDUE ? "⚠" : state == ACTIVERING_OBLIGATION_DUE ? "•" : "?";
      g_string_append_printf (s, " %s %s%s", mark, activering_evaluation_get_obligation_id (ev, o), date);
    }
  g_string_append_c (s, '\n');
  t->rows++;
}

void
human_table_add_trace (HumanTable *t, const ActiveringEvaluation *ev, GString *s)
{
  char date[16];
  GDate until;
  for (guint m = 0; m < t->n_measures; m++)
    {
      const char *code = activering_rule_set_get_measure_code (t->rules, m);
      ActiveringOutcome outcome = activering_evaluation_get_outcome (ev, m);
      if (activering_evaluation_get_valid_until (ev, m, &until))
        {
          g_date_strftime (date, sizeof date, "%Y-%m-%d", &until);
          g_string_append_printf (s, "%*s%s %s: %s %s\n", ID_WIDTH, "", symbols[outcome], code, t->w->valid_until, date);
        }
      for (guint k = 0; k < activering_evaluation_get_n_changes (ev, m); k++)
        {
          g_autofree char *text = activering_evaluation_dup_change_text (ev, m, k, t->lang);
          g_string_append_printf (s, "%*s%s %s: %s\n", ID_WIDTH, "", symbols[outcome], code,
                                  text ? text : activering_evaluation_get_change_fact (ev, m, k));
        }
    }
  for (guint o = 0; o < activering_evaluation_get_n_obligations (ev); o++)
    if (activering_evaluation_get_obligation_valid_until (ev, o, &until))
      {
        g_date_strftime (date, sizeof date, "%Y-%m-%d", &until);
        g_string_append_printf (s, "%*s• %s: %s %s\n", ID_WIDTH, "", activering_evaluation_get_obligation_id (ev, o),
                                t->w->valid_until, date);
      }
}

void
human_table_add_error (HumanTable *t, guint64 line, GString *out)
{
  g_string_append_printf (out, "%-*s  ✘ %s %" G_GUINT64_FORMAT "\n", ID_WIDTH, "—", t->w->bad_line, line);
  t->bad++;
}

void
human_table_merge (HumanTable *t, const HumanTable *from)
{
  for (guint m = 0; m < t->n_measures; m++)
    for (int o = 0; o < 4; o++)
      t->counts[m][o] += from->counts[m][o];
  for (guint i = 0; i < activering_rule_set_get_n_facts (t->rules); i++)
    t->missing[i] += from->missing[i];
  t->rows += from->rows;
  t->bad += from->bad;
}

typedef struct
{
  guint slot;
  guint64 count;
} Tally;

static int
by_count (gconstpointer a, gconstpointer b)
{
  const Tally *ta = a, *tb = b;
  return ta->count < tb->count ? 1 : ta->count > tb->count ? -1 : (int) ta->slot - (int) tb->slot;
}

void
human_table_append_totals (HumanTable *t, GString *out)
{
  g_string_append_printf (out, "\n%s (%" G_GUINT64_FORMAT ")\n", t->w->totals, t->rows);
  for (guint m = 0; m < t->n_measures; m++)
    {
      g_string_append_printf (out, "  %2u  %-20s", m + 1, activering_rule_set_get_measure_code (t->rules, m));
      for (int o = 0; o < 4; o++)
        g_string_append_printf (out, "  %s %5" G_GUINT64_FORMAT, symbols[o], t->counts[m][o]);
      g_string_append_printf (out, "   %s\n", activering_rule_set_get_measure_label (t->rules, m, t->lang));
    }
  guint n_facts = activering_rule_set_get_n_facts (t->rules);
  g_autofree Tally *tally = g_new0 (Tally, MAX (n_facts, 1));
  guint n = 0;
  for (guint i = 0; i < n_facts; i++)
    if (t->missing[i] > 0)
      tally[n++] = (Tally){ i, t->missing[i] };
  if (n > 0)
    {
      qsort (tally, n, sizeof (Tally), by_count);
      g_string_append_printf (out, "\n%s\n", t->w->needed);
      for (guint i = 0; i < MIN (n, 8); i++)
        {
          const char *role = activering_rule_set_get_fact_supplied_by (t->rules, tally[i].slot);
          g_string_printf (t->line, "  %6" G_GUINT64_FORMAT "  ", tally[i].count);
          cli_pad (t->line, activering_rule_set_get_fact_label (t->rules, tally[i].slot, t->lang), 60);
          g_string_append_printf (t->line, "  %s: %s", t->w->asked_of,
                                  activering_rule_set_get_role_label (t->rules, role, t->lang));
          g_string_append_printf (out, "%s\n", t->line->str);
        }
    }
}

void
human_table_free (HumanTable *t)
{
  if (t == NULL)
    return;
  g_string_free (t->line, TRUE);
  g_free (t->counts);
  g_free (t->missing);
  g_free (t);
}
