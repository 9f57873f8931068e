/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* roles-compact.c: the bulk of a compact roles document (its assignments and missing facts) from pieces written once.
 *
 * A roles document is mostly the rule set's own text: each task's code, label and legal basis, each role's code,
 * each fact's path. Escaping them again for every dossier was most of the time `roles --jsonl` took (issue 14), so
 * an assignment writes them once per rule set and language, the first time it runs, through the same JSON writer
 * as the rest; a document then copies them and escapes only what comes from the organisation (actor ids). The
 * indented form for people keeps the plain writer (roles-json.c). The pieces are the assignment's own, like its
 * other scratch buffers: the rule set stays immutable.
 */
#include "config.h"

#include <string.h>

#include "json/json-writer-private.h"
#include "roles/roles-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/scan-private.h"

#define PUT_LITERAL(out, s) activering_string_append ((out), (s), sizeof (s) - 1)

struct _RolesPieces
{
  GString *text;
  guint n_languages;
  RolesPiece *head;        /* per language: "activering.roles/1","id": (the value of "format" on) */
  RolesPiece *stamp;       /* per language: ,"lang":"…","ruleset":{…},"organisation": */
  RolesPiece *task_head;   /* per task and language: {"task":"…","label":"…","active": */
  RolesPiece *task_middle; /* per task: ,"single_holder":…,"responsible": */
  RolesPiece *task_tail;   /* per task and language: ,"legal_basis":"…"} (and "legal_basis_lang" if it falls back) */
  RolesPiece *role;        /* per role: "code" */
  RolesPiece *fact_head;   /* per fact: {"fact":"path","asked_of": */
};

/* @scratch, less its first @skip bytes, then @suffix, as a piece of @p->text. */
static RolesPiece
keep_piece (RolesPieces *p, const GString *scratch, gsize skip, const char *suffix)
{
  RolesPiece piece = { (guint) p->text->len, 0 };
  g_string_append_len (p->text, scratch->str + skip, (gssize) (scratch->len - skip));
  g_string_append (p->text, suffix);
  piece.len = (guint) (p->text->len - piece.offset);
  return piece;
}

RolesPieces *
roles_pieces_new (const ActiveringRuleSet *rules)
{
  RolesPieces *p = g_new0 (RolesPieces, 1);
  guint n_languages = MAX (rules->n_languages, 1);
  p->text = g_string_sized_new (16384);
  p->n_languages = n_languages;
  p->head = g_new0 (RolesPiece, n_languages);
  p->stamp = g_new0 (RolesPiece, n_languages);
  p->task_head = g_new0 (RolesPiece, MAX (rules->n_tasks, 1) * n_languages);
  p->task_middle = g_new0 (RolesPiece, MAX (rules->n_tasks, 1));
  p->task_tail = g_new0 (RolesPiece, MAX (rules->n_tasks, 1) * n_languages);
  p->role = g_new0 (RolesPiece, MAX (rules->n_roles, 1));
  p->fact_head = g_new0 (RolesPiece, MAX (rules->n_facts, 1));
  g_autoptr (GString) scratch = g_string_new (NULL);
  JsonWriter writer;
  JsonWriter *w = &writer;
  for (guint l = 0; l < rules->n_languages; l++)
    {
      g_string_truncate (scratch, 0);
      json_writer_init (w, scratch, FALSE);
      json_writer_string (w, ROLES_FORMAT);
      p->head[l] = keep_piece (p, scratch, 0, ",\"id\":");
      /* an object holding the language and the stamp, less its braces */
      g_string_truncate (scratch, 0);
      json_writer_init (w, scratch, FALSE);
      json_writer_begin_object (w);
      json_writer_member_string (w, "lang", rules->languages[l]);
      rule_set_write_stamp (w, rules);
      g_string_overwrite (scratch, 0, ",");
      p->stamp[l] = keep_piece (p, scratch, 0, ",\"organisation\":");
    }
  for (guint t = 0; t < rules->n_tasks; t++)
    {
      const Task *task = &rules->tasks[t];
      for (guint l = 0; l < rules->n_languages; l++)
        {
          g_string_truncate (scratch, 0);
          json_writer_init (w, scratch, FALSE);
          json_writer_begin_object (w);
          json_writer_member_string (w, "task", task->code);
          json_writer_member_string (w, "label", task->label[l]);
          p->task_head[t * n_languages + l] = keep_piece (p, scratch, 0, ",\"active\":");
          /* an object holding only the legal basis, less its opening brace */
          g_string_truncate (scratch, 0);
          json_writer_init (w, scratch, FALSE);
          json_writer_begin_object (w);
          rule_set_write_legal_basis (w, rules, &task->legal_basis, (int) l);
          json_writer_end_object (w);
          g_string_erase (scratch, 0, 1);
          if (scratch->len > 1)
            g_string_prepend_c (scratch, ',');
          p->task_tail[t * n_languages + l] = keep_piece (p, scratch, 0, "");
        }
      g_string_assign (scratch, task->single_holder ? ",\"single_holder\":true" : ",\"single_holder\":false");
      p->task_middle[t] = keep_piece (p, scratch, 0, ",\"responsible\":");
    }
  for (guint r = 0; r < rules->n_roles; r++)
    {
      g_string_truncate (scratch, 0);
      activering_append_quoted (scratch, rules->roles[r].code, strlen (rules->roles[r].code), G_MAXSIZE);
      p->role[r] = keep_piece (p, scratch, 0, "");
    }
  for (guint f = 0; f < rules->n_facts; f++)
    {
      g_string_truncate (scratch, 0);
      json_writer_init (w, scratch, FALSE);
      json_writer_begin_object (w);
      json_writer_member_string (w, "fact", rules->facts[f].path);
      p->fact_head[f] = keep_piece (p, scratch, 0, ",\"asked_of\":");
    }
  return p;
}

void
roles_pieces_free (RolesPieces *p)
{
  if (p == NULL)
    return;
  g_string_free (p->text, TRUE);
  g_free (p->head);
  g_free (p->stamp);
  g_free (p->task_head);
  g_free (p->task_middle);
  g_free (p->task_tail);
  g_free (p->role);
  g_free (p->fact_head);
  g_free (p);
}

static inline void
put (GString *out, const RolesPieces *p, RolesPiece piece)
{
  activering_string_append (out, p->text->str + piece.offset, piece.len);
}

static inline void
put_bool (GString *out, gboolean value)
{
  if (value)
    PUT_LITERAL (out, "true");
  else
    PUT_LITERAL (out, "false");
}

/* As write_party in roles-json.c: null, {"role":"…"} or {"role":"…","actor":"…"}. */
static void
put_party (GString *out, const RolesPieces *p, const Party *party)
{
  if (party->role == NO_ROLE)
    {
      PUT_LITERAL (out, "null");
      return;
    }
  PUT_LITERAL (out, "{\"role\":");
  put (out, p, p->role[party->role]);
  if (party->actor != NULL)
    activering_string_append (out, party->actor_json, party->actor_json_len);
  activering_string_append (out, "}", 1);
}

static void
put_parties (GString *out, const ActiveringRoleAssignment *ra, guint first, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        activering_string_append (out, ",", 1);
      put_party (out, ra->pieces, &g_array_index (ra->parties, Party, first + i));
    }
}

static void
put_code_or_null (GString *out, const char *code)
{
  if (code == NULL)
    PUT_LITERAL (out, "null");
  else
    activering_append_quoted (out, code, strlen (code), G_MAXSIZE);
}

void
roles_compact_append_head (const ActiveringRoleAssignment *ra, int language, GString *out)
{
  const RolesPieces *p = ra->pieces;
  char date[11];
  put (out, p, p->head[language]);
  activering_append_quoted (out, ra->id->str, ra->id->len, G_MAXSIZE);
  PUT_LITERAL (out, ",\"as_of\":\"");
  activering_format_date (ra->as_of, date);
  activering_string_append (out, date, 10);
  activering_string_append (out, "\"", 1);
  put (out, p, p->stamp[language]);
  activering_append_quoted (out, ra->organisation_id->str, ra->organisation_id->len, G_MAXSIZE);
  PUT_LITERAL (out, ",\"model\":");
  put_code_or_null (out, activering_role_assignment_get_model (ra));
  PUT_LITERAL (out, ",\"phase\":");
  put_code_or_null (out, activering_role_assignment_get_phase (ra));
  PUT_LITERAL (out, ",\"regie\":");
  put_party (out, p, &ra->regie);
}

void
roles_compact_append_assignments (const ActiveringRoleAssignment *ra, int language, GString *out)
{
  const RolesPieces *p = ra->pieces;
  activering_string_append (out, "[", 1);
  for (guint i = 0; i < ra->rows->len; i++)
    {
      const AssignmentRow *row = &g_array_index (ra->rows, AssignmentRow, i);
      guint at = row->task * p->n_languages + (guint) language;
      if (i > 0)
        activering_string_append (out, ",", 1);
      put (out, p, p->task_head[at]);
      put_bool (out, row->active);
      put (out, p, p->task_middle[row->task]);
      put_party (out, p, &row->responsible);
      PUT_LITERAL (out, ",\"agreed\":");
      put_bool (out, row->agreed);
      PUT_LITERAL (out, ",\"accountable\":");
      put_party (out, p, &row->accountable);
      PUT_LITERAL (out, ",\"consulted\":[");
      put_parties (out, ra, row->consulted_first, row->n_consulted);
      PUT_LITERAL (out, "],\"informed\":[");
      put_parties (out, ra, row->informed_first, row->n_informed);
      activering_string_append (out, "]", 1);
      put (out, p, p->task_tail[at]);
    }
  activering_string_append (out, "]", 1);
}

void
roles_compact_append_missing (const ActiveringRoleAssignment *ra, GString *out)
{
  const RolesPieces *p = ra->pieces;
  activering_string_append (out, "[", 1);
  for (guint i = 0; i < ra->missing->len; i++)
    {
      const MissingFact *missing = &g_array_index (ra->missing, MissingFact, i);
      if (i > 0)
        activering_string_append (out, ",", 1);
      put (out, p, p->fact_head[missing->fact]);
      put (out, p, p->role[missing->asked_of]);
      PUT_LITERAL (out, ",\"who\":");
      put_party (out, p, &missing->who);
      activering_string_append (out, "}", 1);
    }
  activering_string_append (out, "]", 1);
}
