/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* roles-json.c: what a role assignment found, as typed getters, messages and the `activering.roles/1` document. */
#include "config.h"

#include <string.h>

#include "json/json-writer-private.h"
#include "roles/roles-private.h"
#include "util/dates-private.h"
#include "util/scan-private.h"


/* ---- messages ---- */

typedef struct
{
  const ActiveringRoleAssignment *ra;
  guint task;
  const RoleList *holders;
  gint32 role;
  const char *const *actors;
  guint n_actors;
  int language;
} MessageContext;

static void
append_holders (const ActiveringRuleSet *rules, const RoleList *holders, int language, GString *out)
{
  for (guint i = 0; i < holders->n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, rules->roles[holders->roles[i]].label[language]);
    }
}

static void
append_placeholder (Placeholder placeholder, gconstpointer data, GString *out)
{
  const MessageContext *c = data;
  const ActiveringRuleSet *rules = c->ra->rules;
  switch (placeholder)
    {
    case PLACEHOLDER_TASK: g_string_append (out, rules->tasks[c->task].label[c->language]); break;
    case PLACEHOLDER_ROLES: append_holders (rules, c->holders, c->language, out); break;
    case PLACEHOLDER_ROLE:
      if (c->role != NO_ROLE)
        g_string_append (out, rules->roles[c->role].label[c->language]);
      break;
    case PLACEHOLDER_ACTOR:
    case PLACEHOLDER_ACTORS:
      for (guint i = 0; i < c->n_actors; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          g_string_append (out, c->actors[i]);
        }
      break;
    default: break;
    }
}

void
role_assignment_append_gap_message (const ActiveringRoleAssignment *ra, const Gap *gap, int language, GString *out)
{
  MessageContext context = { ra, gap->task, gap->holders, NO_ROLE, NULL, 0, language };
  placeholders_fill (ra->rules->role_messages[ROLE_MESSAGE_GAP][language], append_placeholder, &context, out);
}

void
role_assignment_append_conflict_message (const ActiveringRoleAssignment *ra, const Conflict *conflict, int language,
                                         GString *out)
{
  const char *const *actors = (const char *const *) &ra->conflict_actors->pdata[conflict->actors_first];
  MessageContext context = { ra, conflict->task, conflict->holders, conflict->role, actors, conflict->n_actors,
                             language };
  placeholders_fill (ra->rules->role_messages[conflict->code][language], append_placeholder, &context, out);
}

/* ---- getters ---- */

#define CHECK_RUN(ra, fallback) g_return_val_if_fail ((ra) != NULL && (ra)->has_run, fallback)

static const char *
role_code (const ActiveringRoleAssignment *ra, gint32 role)
{
  return role == NO_ROLE ? NULL : ra->rules->roles[role].code;
}

const char *
activering_role_assignment_get_id (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, NULL);
  return ra->id->str;
}

void
activering_role_assignment_get_as_of (const ActiveringRoleAssignment *ra, GDate *out)
{
  g_return_if_fail (ra != NULL && ra->has_run && out != NULL);
  activering_days_to_gdate (ra->as_of, out);
}

guint
activering_role_assignment_get_n_missing (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, 0);
  return ra->missing->len;
}

const char *
activering_role_assignment_get_missing (const ActiveringRoleAssignment *ra, guint index, const char **role,
                                        const char **actor)
{
  CHECK_RUN (ra, NULL);
  g_return_val_if_fail (index < ra->missing->len, NULL);
  const MissingFact *missing = &g_array_index (ra->missing, MissingFact, index);
  if (role != NULL)
    *role = role_code (ra, missing->who.role);
  if (actor != NULL)
    *actor = missing->who.actor;
  return ra->rules->facts[missing->fact].path;
}

const char *
activering_role_assignment_get_phase (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, NULL);
  return ra->phase >= 0 ? ra->rules->models[ra->model].phases[ra->phase].code : NULL;
}

const char *
activering_role_assignment_get_model (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, NULL);
  return ra->model >= 0 ? ra->rules->models[ra->model].code : NULL;
}

gboolean
activering_role_assignment_get_regie (const ActiveringRoleAssignment *ra, const char **role, const char **actor)
{
  CHECK_RUN (ra, FALSE);
  if (role != NULL)
    *role = role_code (ra, ra->regie.role);
  if (actor != NULL)
    *actor = ra->regie.actor;
  return ra->regie.role != NO_ROLE;
}

guint
activering_role_assignment_get_n_assignments (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, 0);
  return ra->rows->len;
}

static const AssignmentRow *
row_at (const ActiveringRoleAssignment *ra, guint index)
{
  return ra->has_run && index < ra->rows->len ? &g_array_index (ra->rows, AssignmentRow, index) : NULL;
}

const char *
activering_role_assignment_get_task (const ActiveringRoleAssignment *ra, guint index)
{
  CHECK_RUN (ra, NULL);
  const AssignmentRow *row = row_at (ra, index);
  g_return_val_if_fail (index_in_range (row), NULL);
  return row ? ra->rules->tasks[row->task].code : NULL;
}

gboolean
activering_role_assignment_is_task_active (const ActiveringRoleAssignment *ra, guint index)
{
  CHECK_RUN (ra, FALSE);
  const AssignmentRow *row = row_at (ra, index);
  g_return_val_if_fail (index_in_range (row), FALSE);
  return row != NULL && row->active;
}

/* The parties of @row for @raci: a pointer to the first and their number. */
static const Party *
parties_of (const ActiveringRoleAssignment *ra, const AssignmentRow *row, ActiveringRaci raci, guint *n)
{
  switch (raci)
    {
    case ACTIVERING_RACI_RESPONSIBLE:
      *n = row->responsible.role != NO_ROLE;
      return &row->responsible;
    case ACTIVERING_RACI_ACCOUNTABLE: *n = 1; return &row->accountable;
    case ACTIVERING_RACI_CONSULTED:
      *n = row->n_consulted;
      return row->n_consulted ? &g_array_index (ra->parties, Party, row->consulted_first) : NULL;
    case ACTIVERING_RACI_INFORMED:
      *n = row->n_informed;
      return row->n_informed ? &g_array_index (ra->parties, Party, row->informed_first) : NULL;
    default: *n = 0; return NULL;
    }
}

guint
activering_role_assignment_get_n_parties (const ActiveringRoleAssignment *ra, guint index, ActiveringRaci raci)
{
  CHECK_RUN (ra, 0);
  const AssignmentRow *row = row_at (ra, index);
  g_return_val_if_fail (index_in_range (row), 0);
  guint n = 0;
  if (row != NULL)
    parties_of (ra, row, raci, &n);
  return n;
}

static const Party *
party_at (const ActiveringRoleAssignment *ra, guint index, ActiveringRaci raci, guint party)
{
  const AssignmentRow *row = row_at (ra, index);
  guint n = 0;
  const Party *parties = row ? parties_of (ra, row, raci, &n) : NULL;
  return party < n ? &parties[party] : NULL;
}

const char *
activering_role_assignment_get_party_role (const ActiveringRoleAssignment *ra, guint index, ActiveringRaci raci,
                                           guint party)
{
  CHECK_RUN (ra, NULL);
  const Party *p = party_at (ra, index, raci, party);
  g_return_val_if_fail (index_in_range (p), NULL);
  return p ? role_code (ra, p->role) : NULL;
}

const char *
activering_role_assignment_get_party_actor (const ActiveringRoleAssignment *ra, guint index, ActiveringRaci raci,
                                            guint party)
{
  CHECK_RUN (ra, NULL);
  const Party *p = party_at (ra, index, raci, party);
  g_return_val_if_fail (index_in_range (p), NULL);
  return p ? p->actor : NULL;
}

guint
activering_role_assignment_get_n_gaps (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, 0);
  return ra->gaps->len;
}

const char *
activering_role_assignment_get_gap_task (const ActiveringRoleAssignment *ra, guint index)
{
  CHECK_RUN (ra, NULL);
  g_return_val_if_fail (index < ra->gaps->len, NULL);
  return ra->rules->tasks[g_array_index (ra->gaps, Gap, index).task].code;
}

guint
activering_role_assignment_get_n_conflicts (const ActiveringRoleAssignment *ra)
{
  CHECK_RUN (ra, 0);
  return ra->conflicts->len;
}

const char *
activering_role_assignment_get_conflict_task (const ActiveringRoleAssignment *ra, guint index)
{
  CHECK_RUN (ra, NULL);
  g_return_val_if_fail (index < ra->conflicts->len, NULL);
  return ra->rules->tasks[g_array_index (ra->conflicts, Conflict, index).task].code;
}

const char *
activering_role_assignment_get_conflict_code (const ActiveringRoleAssignment *ra, guint index)
{
  CHECK_RUN (ra, NULL);
  g_return_val_if_fail (index < ra->conflicts->len, NULL);
  return role_message_info[g_array_index (ra->conflicts, Conflict, index).code].code;
}

char *
activering_role_assignment_dup_gap_message (const ActiveringRoleAssignment *ra, guint index, const char *lang)
{
  CHECK_RUN (ra, NULL);
  g_return_val_if_fail (index < ra->gaps->len, NULL);
  int language = rule_set_language_index (ra->rules, lang);
  if (language < 0)
    return NULL;
  GString *out = g_string_new (NULL);
  role_assignment_append_gap_message (ra, &g_array_index (ra->gaps, Gap, index), language, out);
  return g_string_free (out, FALSE);
}

char *
activering_role_assignment_dup_conflict_message (const ActiveringRoleAssignment *ra, guint index, const char *lang)
{
  CHECK_RUN (ra, NULL);
  g_return_val_if_fail (index < ra->conflicts->len, NULL);
  int language = rule_set_language_index (ra->rules, lang);
  if (language < 0)
    return NULL;
  GString *out = g_string_new (NULL);
  role_assignment_append_conflict_message (ra, &g_array_index (ra->conflicts, Conflict, index), language, out);
  return g_string_free (out, FALSE);
}

/* ---- the document ---- */

static void
write_party (JsonWriter *w, const ActiveringRoleAssignment *ra, const Party *party)
{
  if (party->role == NO_ROLE)
    {
      json_writer_null (w);
      return;
    }
  json_writer_begin_object (w);
  json_writer_member_string (w, "role", role_code (ra, party->role));
  if (party->actor != NULL)
    json_writer_member_string (w, "actor", party->actor);
  json_writer_end_object (w);
}

static void
write_parties (JsonWriter *w, const ActiveringRoleAssignment *ra, const char *key, guint first, guint n)
{
  json_writer_key (w, key);
  json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    write_party (w, ra, &g_array_index (ra->parties, Party, first + i));
  json_writer_end_array (w);
}

static void
write_assignments (JsonWriter *w, const ActiveringRoleAssignment *ra, int language)
{
  const ActiveringRuleSet *rules = ra->rules;
  json_writer_key (w, "assignments");
  json_writer_begin_array (w);
  for (guint i = 0; i < ra->rows->len; i++)
    {
      const AssignmentRow *row = &g_array_index (ra->rows, AssignmentRow, i);
      const Task *task = &rules->tasks[row->task];
      json_writer_begin_object (w);
      json_writer_member_string (w, "task", task->code);
      json_writer_member_string (w, "label", task->label[language]);
      json_writer_key (w, "active");
      json_writer_bool (w, row->active);
      json_writer_key (w, "single_holder");
      json_writer_bool (w, task->single_holder);
      json_writer_key (w, "responsible");
      write_party (w, ra, &row->responsible);
      json_writer_key (w, "agreed");
      json_writer_bool (w, row->agreed);
      json_writer_key (w, "accountable");
      write_party (w, ra, &row->accountable);
      write_parties (w, ra, "consulted", row->consulted_first, row->n_consulted);
      write_parties (w, ra, "informed", row->informed_first, row->n_informed);
      rule_set_write_legal_basis (w, ra->rules, &task->legal_basis, language);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

static void
write_findings (JsonWriter *w, const ActiveringRoleAssignment *ra, int language)
{
  const ActiveringRuleSet *rules = ra->rules;
  json_writer_key (w, "gaps");
  json_writer_begin_array (w);
  for (guint i = 0; i < ra->gaps->len; i++)
    {
      const Gap *gap = &g_array_index (ra->gaps, Gap, i);
      json_writer_begin_object (w);
      json_writer_member_string (w, "task", rules->tasks[gap->task].code);
      json_writer_key (w, "roles");
      json_writer_begin_array (w);
      for (guint h = 0; h < gap->holders->n; h++)
        json_writer_string (w, rules->roles[gap->holders->roles[h]].code);
      json_writer_end_array (w);
      json_writer_key (w, "message");
      gsize message = json_writer_begin_text (w);
      role_assignment_append_gap_message (ra, gap, language, w->out);
      json_writer_end_text (w, message);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
  json_writer_key (w, "conflicts");
  json_writer_begin_array (w);
  for (guint i = 0; i < ra->conflicts->len; i++)
    {
      const Conflict *conflict = &g_array_index (ra->conflicts, Conflict, i);
      json_writer_begin_object (w);
      json_writer_member_string (w, "task", rules->tasks[conflict->task].code);
      json_writer_member_string (w, "code", role_message_info[conflict->code].code);
      json_writer_key (w, "actors");
      json_writer_begin_array (w);
      for (guint a = 0; a < conflict->n_actors; a++)
        json_writer_string (w, g_ptr_array_index (ra->conflict_actors, conflict->actors_first + a));
      json_writer_end_array (w);
      json_writer_key (w, "message");
      gsize message = json_writer_begin_text (w);
      role_assignment_append_conflict_message (ra, conflict, language, w->out);
      json_writer_end_text (w, message);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

static void
write_missing (JsonWriter *w, const ActiveringRoleAssignment *ra)
{
  const ActiveringRuleSet *rules = ra->rules;
  json_writer_key (w, "missing");
  json_writer_begin_array (w);
  for (guint i = 0; i < ra->missing->len; i++)
    {
      const MissingFact *missing = &g_array_index (ra->missing, MissingFact, i);
      json_writer_begin_object (w);
      json_writer_member_string (w, "fact", rules->facts[missing->fact].path);
      json_writer_member_string (w, "asked_of", rules->roles[missing->asked_of].code);
      json_writer_key (w, "who");
      write_party (w, ra, &missing->who);
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

gboolean
activering_role_assignment_append_json (const ActiveringRoleAssignment *ra, const char *lang,
                                        ActiveringJsonFlags flags, GString *out, GError **error)
{
  g_return_val_if_fail (ra != NULL && out != NULL, FALSE);
  if (!ra->has_run)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "roles: nothing has been assigned yet");
      return FALSE;
    }
  int language = rule_set_output_language (ra->rules, lang, "roles", error);
  if (language < 0)
    return FALSE;
  JsonWriter writer;
  JsonWriter *w = &writer;
  json_writer_init (w, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (w);
  if (w->pretty)
    {
      json_writer_member_string (w, "format", ROLES_FORMAT);
      json_writer_member_string (w, "id", ra->id->str);
      json_writer_member_date (w, "as_of", ra->as_of);
      json_writer_member_string (w, "lang", ra->rules->languages[language]);
      rule_set_write_stamp (w, ra->rules);
      json_writer_member_string (w, "organisation", ra->organisation_id->str);
      json_writer_member_string (w, "model", activering_role_assignment_get_model (ra));
      json_writer_member_string (w, "phase", activering_role_assignment_get_phase (ra));
      json_writer_key (w, "regie");
      write_party (w, ra, &ra->regie);
      write_assignments (w, ra, language);
    }
  else
    {
      /* The rule set's text written once (roles-compact.c). The writer takes what follows "format" up to the
       * assignments as the value of "format", so that it goes on with a comma. */
      json_writer_key (w, "format");
      json_writer_raw (w, "");
      roles_compact_append_head (ra, language, out);
      activering_string_append (out, ",\"assignments\":", 15);
      roles_compact_append_assignments (ra, language, out);
    }
  /* for the messages of gaps and conflicts: most dossiers have none, and pay no allocation */
  write_findings (w, ra, language);
  if (w->pretty)
    write_missing (w, ra);
  else
    {
      json_writer_key (w, "missing");
      json_writer_raw (w, "");
      roles_compact_append_missing (ra, out);
    }
  json_writer_end_object (w);
  return TRUE;
}

char *
activering_role_assignment_to_json (const ActiveringRoleAssignment *ra, const char *lang, ActiveringJsonFlags flags,
                                    GError **error)
{
  g_return_val_if_fail (ra != NULL, NULL);
  GString *out = g_string_sized_new (4096);
  if (!activering_role_assignment_append_json (ra, lang, flags, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}
