/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* assign.c: who does what for one dossier in one organisation (docs/roles.md, "How an assignment is made").
 *
 * For each task the rule set's default assignment is changed, in this order, by the current phase model, the
 * organisation's activation service and its policies; the task is active if one of its triggers holds for the
 * dossier (its phase, its running measures, its eligibility outcomes, a condition on its facts). Each role then
 * answers as the organisation has it: a role the service substitutes is replaced, a role nobody holds falls back
 * where the service says, and the actor is the one the trajectory last named for the role, the one agreed at a
 * start meeting, or the organisation's only actor with that role.
 */
#include "config.h"

#include <string.h>

#include "roles/roles-private.h"
#include "util/dates-private.h"
#include "util/boxed-private.h"

/* A task's assignment after every change that applies to this organisation and phase. */
typedef struct
{
  const RoleList *holders, *consulted, *informed;
  guint accountable;
  gboolean always, enabled;
  const TaskTrigger *triggers;
  guint n_triggers;
} Effective;

static void
apply_patch (Effective *e, const TaskPatch *patch)
{
  if (patch->has_holders)
    e->holders = &patch->holders;
  if (patch->has_accountable)
    e->accountable = patch->accountable;
  if (patch->has_consulted)
    e->consulted = &patch->consulted;
  if (patch->has_informed)
    e->informed = &patch->informed;
  if (patch->has_active)
    {
      e->always = patch->always;
      e->triggers = patch->triggers;
      e->n_triggers = patch->n_triggers;
    }
  if (patch->has_enabled)
    e->enabled = patch->enabled;
}

static void
apply_variant (Effective *e, const OrganisationVariant *variant, guint task)
{
  for (guint o = 0; o < variant->n_overrides; o++)
    if (variant->overrides[o].task == task)
      apply_patch (e, &variant->overrides[o].patch);
}

static Effective
effective_task (const ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, guint t)
{
  const ActiveringRuleSet *rules = ra->rules;
  const Task *task = &rules->tasks[t];
  Effective e = { 0 };
  apply_patch (&e, &task->base);
  if (task->by_model != NULL && ra->model >= 0)
    apply_patch (&e, &task->by_model[ra->model]);
  apply_variant (&e, &rules->services[org->service], t);
  for (guint p = 0; p < rules->n_policies; p++)
    if (org->policies[p])
      apply_variant (&e, &rules->policies[p], t);
  return e;
}

/* ---- roles as they answer in the organisation ---- */

static gboolean
role_present (const ActiveringOrganisation *org, guint role)
{
  return org->rules->roles[role].always || org->n_actors_of_role[role] > 0;
}

/* The role that does @role's work here: substituted by the service or a policy, or standing in for it when the
 * organisation has nobody in it. Worked out once per run for every role (see answering_role). */
static guint
find_answering_role (const ActiveringOrganisation *org, guint role)
{
  const ActiveringRuleSet *rules = org->rules;
  const OrganisationVariant *service = &rules->services[org->service];
  if (service->substitute != NULL && service->substitute[role] >= 0)
    role = (guint) service->substitute[role];
  for (guint p = 0; p < rules->n_policies; p++)
    if (org->policies[p] && rules->policies[p].substitute != NULL && rules->policies[p].substitute[role] >= 0)
      role = (guint) rules->policies[p].substitute[role];
  if (role_present (org, role))
    return role;
  if (service->fallback != NULL && service->fallback[role] >= 0 && role_present (org, (guint) service->fallback[role]))
    return (guint) service->fallback[role];
  for (guint p = 0; p < rules->n_policies; p++)
    {
      const int *fallback = org->policies[p] ? rules->policies[p].fallback : NULL;
      if (fallback != NULL && fallback[role] >= 0 && role_present (org, (guint) fallback[role]))
        return (guint) fallback[role];
    }
  return role;
}

static inline guint
answering_role (const ActiveringRoleAssignment *ra, guint role)
{
  return ra->answering[role];
}

/* @role with the organisation's actor @actor (or -1): the ids are copied once the run is over (settle_actors). */
static inline Party
party_with (gint32 role, int actor)
{
  return (Party){ role, actor, NULL, NULL, 0 };
}

/* @role as a party: the role that answers for it, and its actor where one can be told. */
static Party
party_of (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, guint role)
{
  guint answering = answering_role (ra, role);
  int actor = ra->trajectory_actor[answering];
  if (actor < 0 && org->n_actors_of_role[answering] == 1)
    actor = org->first_actor_of_role[answering];
  return party_with ((gint32) answering, actor);
}

/* ---- when a task is active ---- */

/* Which measures a run in the facts covers on the assignment date: once per run, not once per trigger. */
static void
collect_runs_in_facts (ActiveringRoleAssignment *ra, const ActiveringFacts *facts)
{
  memset (ra->running_in_facts, 0, MAX (ra->rules->n_measures, 1));
  for (guint i = 0; i < ra->n_runs_facts; i++)
    {
      guint f = ra->runs_facts[i];
      if (facts->state[f] != ACTIVERING_FACT_KNOWN)
        continue;
      for (guint r = 0; r < facts->run_count[f]; r++)
        {
          const Run *run = &g_array_index (facts->runs, Run, facts->run_first[f] + r);
          gint measure = ra->run_measure[f][run->measure];
          if (run->start <= ra->as_of && run->end >= ra->as_of && measure >= 0)
            ra->running_in_facts[measure] = 1;
        }
    }
}

static gboolean
measure_running (const ActiveringRoleAssignment *ra, const ActiveringFacts *facts, gboolean replayed, guint measure)
{
  if (replayed && ra->report->state == ACTIVERING_TRAJECTORY_OPEN && ra->report->running[measure] >= 0)
    return TRUE;
  (void) facts;
  return ra->running_in_facts[measure];
}

static gboolean
trigger_holds (const ActiveringRoleAssignment *ra, const ActiveringFacts *facts, gboolean replayed,
               const TaskTrigger *trigger)
{
  const ActiveringRuleSet *rules = ra->rules;
  if (trigger->n_phases > 0)
    {
      gboolean in_phase = FALSE;
      guint32 here = (guint32) ra->model << 16 | (guint32) ra->phase;
      for (guint i = 0; ra->phase >= 0 && i < trigger->n_phases; i++)
        in_phase |= trigger->phases[i] == here;
      if (!in_phase)
        return FALSE;
    }
  if (trigger->measures != NULL)
    {
      gboolean any = FALSE;
      for (guint m = 0; m < rules->n_measures && !any; m++)
        any = trigger->measures[m] && measure_running (ra, facts, replayed, m);
      if (!any)
        return FALSE;
    }
  if (trigger->outcomes != NULL)
    {
      gboolean any = FALSE;
      for (guint m = 0; m < rules->n_measures && !any; m++)
        any = (trigger->outcomes[m] >> ra->evaluation->outcomes[m]) & 1;
      if (!any)
        return FALSE;
    }
  if (trigger->when_node >= 0)
    {
      const Value *when = &ra->evaluation->values[trigger->when_node];
      if (!when->known || !when->i)
        return FALSE;
    }
  return TRUE;
}

static gboolean
task_active (const ActiveringRoleAssignment *ra, const ActiveringFacts *facts, gboolean replayed, const Effective *e)
{
  if (!e->enabled)
    return FALSE;
  if (e->always)
    return TRUE;
  for (guint i = 0; i < e->n_triggers; i++)
    if (trigger_holds (ra, facts, replayed, &e->triggers[i]))
      return TRUE;
  return FALSE;
}

/* ---- agreements ---- */

/* Whether an actor in @role may be responsible for a task with these @holders (as they answer here). */
static gboolean
may_hold (const ActiveringRoleAssignment *ra, const RoleList *holders, guint role)
{
  for (guint h = 0; h < holders->n; h++)
    if (holders->roles[h] == role || answering_role (ra, holders->roles[h]) == role)
      return TRUE;
  return FALSE;
}

/* @actors: organisation indexes, made ids by settle_actors. */
static void
add_conflict (ActiveringRoleAssignment *ra, guint task, RoleMessage code, const RoleList *holders, gint32 role,
              const guint *actors, guint n_actors)
{
  Conflict conflict = { task, code, holders, ra->conflict_actors->len, n_actors, role };
  for (guint i = 0; i < n_actors; i++)
    g_ptr_array_add (ra->conflict_actors, GUINT_TO_POINTER (actors[i]));
  g_array_append_val (ra->conflicts, conflict);
}

/* The actor agreed for task @t in this dossier, if any may hold it; conflicts are recorded on the way. */
static int
agreed_actor (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, guint t, const Effective *e)
{
  if (org->n_agreements_of_task[t] == 0)
    return -1;
  GArray *claimants = ra->claimants;
  g_array_set_size (claimants, 0);
  for (guint a = 0; a < org->agreements->len; a++)
    {
      const Agreement *agreement = &g_array_index (org->agreements, Agreement, a);
      if (agreement->task != t || (agreement->dossier != NULL && strcmp (agreement->dossier, ra->id->str) != 0))
        continue;
      const Actor *actor = &g_array_index (org->actors, Actor, agreement->actor);
      if (!may_hold (ra, e->holders, actor->role))
        {
          guint id = agreement->actor;
          add_conflict (ra, t, ROLE_MESSAGE_ROLE_NOT_ALLOWED, e->holders, (gint32) actor->role, &id, 1);
          continue;
        }
      gboolean repeated = FALSE;
      for (guint i = 0; i < claimants->len; i++)
        repeated |= g_array_index (claimants, guint, i) == agreement->actor;
      if (!repeated)
        g_array_append_val (claimants, agreement->actor);
    }
  if (ra->rules->tasks[t].single_holder && claimants->len > 1)
    {
      add_conflict (ra, t, ROLE_MESSAGE_CLAIMED_TWICE, e->holders, NO_ROLE, (const guint *) (void *) claimants->data,
                    claimants->len);
    }
  return claimants->len > 0 ? (int) g_array_index (claimants, guint, 0) : -1;
}

/* ---- assigning ---- */

static void
add_parties (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, const RoleList *roles,
             const Party *responsible, guint *first, guint *n)
{
  *first = ra->parties->len;
  *n = 0;
  for (guint i = 0; roles != NULL && i < roles->n; i++)
    {
      if (!role_present (org, answering_role (ra, roles->roles[i])))
        continue; /* nobody here to consult or inform in that role */
      Party party = party_of (ra, org, roles->roles[i]);
      gboolean repeated = party.role == responsible->role;
      for (guint j = 0; j < *n; j++)
        repeated |= g_array_index (ra->parties, Party, *first + j).role == party.role;
      if (repeated)
        continue;
      g_array_append_val (ra->parties, party);
      (*n)++;
    }
}

static void
assign_task (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, const ActiveringFacts *facts,
             gboolean replayed, guint t)
{
  Effective e = effective_task (ra, org, t);
  gboolean active = task_active (ra, facts, replayed, &e);
  int agreed = agreed_actor (ra, org, t, &e);
  gboolean listed = active || (ra->flags & ACTIVERING_ROLES_ALL_TASKS) || (int) t == ra->rules->regie_task;
  if (!listed)
    return;
  AssignmentRow row = { .task = t, .active = active, .responsible = party_with (NO_ROLE, -1) };
  if (agreed >= 0)
    {
      row.responsible = party_with ((gint32) g_array_index (org->actors, Actor, agreed).role, agreed);
      row.agreed = TRUE;
    }
  for (guint h = 0; !row.agreed && h < e.holders->n; h++)
    if (role_present (org, answering_role (ra, e.holders->roles[h])))
      {
        row.responsible = party_of (ra, org, e.holders->roles[h]);
        break;
      }
  if (row.responsible.role == NO_ROLE && active)
    {
      Gap gap = { t, e.holders };
      g_array_append_val (ra->gaps, gap);
    }
  row.accountable = party_of (ra, org, e.accountable);
  add_parties (ra, org, e.consulted, &row.responsible, &row.consulted_first, &row.n_consulted);
  add_parties (ra, org, e.informed, &row.responsible, &row.informed_first, &row.n_informed);
  if ((int) t == ra->rules->regie_task)
    {
      ra->regie = row.responsible;
      if (!active && !(ra->flags & ACTIVERING_ROLES_ALL_TASKS))
        return; /* the regie is reported on its own */
    }
  g_array_append_val (ra->rows, row);
}

/* The facts still needed by some measure, each once, with the role asked for it and who that is here. */
static void
collect_missing (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org)
{
  const ActiveringRuleSet *rules = ra->rules;
  const ActiveringEvaluation *ev = ra->evaluation;
  memset (ra->seen_facts, 0, rules->n_facts);
  for (guint m = 0; m < rules->n_measures; m++)
    for (guint i = 0; i < ev->missing[m].n; i++)
      {
        guint slot = ev->missing[m].slots[i];
        if (ra->seen_facts[slot]++)
          continue;
        guint role = (guint) ra->fact_supplier[slot];
        MissingFact missing = { slot, role, party_of (ra, org, role) };
        g_array_append_val (ra->missing, missing);
      }
}

/* The actor each role last acted through in the trajectory (up to the assignment date), if the organisation lists
 * that actor in that role. */
static void
collect_trajectory_actors (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org,
                           const ActiveringTrajectory *trajectory)
{
  for (guint r = 0; r < ra->rules->n_roles; r++)
    ra->trajectory_actor[r] = -1;
  for (guint i = 0; trajectory != NULL && i < trajectory->events->len; i++)
    {
      const Event *event = &g_array_index (trajectory->events, Event, i);
      if (event->at > ra->as_of)
        break;
      if (event->role < 0 || event->actor == NULL)
        continue;
      int actor = organisation_actor_index (org, event->actor, strlen (event->actor));
      if (actor >= 0 && g_array_index (org->actors, Actor, actor).role == (guint) event->role)
        ra->trajectory_actor[event->role] = actor;
    }
}

/* Both lengths fit in 16 bits: an escaped character takes at most six bytes. */
G_STATIC_ASSERT (ORGANISATION_MAX_ID * 6 + 16 < 0xFFFF);

/* The offset in actor_text of organisation actor @actor's id, followed by its ,"actor":"…": copied on first use in
 * this run. */
static guint
actor_copy (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, guint actor)
{
  if (ra->actor_stamp[actor] != ra->stamp)
    {
      const char *id = g_array_index (org->actors, Actor, actor).id;
      gsize len = strlen (id);
      GString *text = ra->actor_text;
      ra->actor_stamp[actor] = ra->stamp;
      ra->actor_offset[actor] = (guint) text->len;
      g_string_append_len (text, id, (gssize) len);
      g_string_append_len (text, "\0,\"actor\":", 10);
      activering_append_quoted (text, id, len, G_MAXSIZE);
      ra->actor_length[actor] = (guint) len | (guint) (text->len - ra->actor_offset[actor] - len - 1) << 16;
      g_string_append_c (text, '\0');
    }
  return ra->actor_offset[actor];
}

static void
settle_party (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org, Party *party, gboolean point)
{
  if (party->actor_index < 0)
    return;
  guint offset = actor_copy (ra, org, (guint) party->actor_index);
  if (!point)
    return;
  guint lengths = ra->actor_length[party->actor_index];
  party->actor = ra->actor_text->str + offset;
  party->actor_json = party->actor + (lengths & 0xFFFF) + 1;
  party->actor_json_len = lengths >> 16;
}

/* Copies the ids of the actors the run named into actor_text, then points the parties at them (a second pass: the
 * buffer may move while it grows). */
static void
settle_actors (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org)
{
  if (ra->n_actor_slots < org->actors->len)
    {
      ra->n_actor_slots = org->actors->len;
      ra->actor_stamp = g_renew (guint, ra->actor_stamp, ra->n_actor_slots);
      ra->actor_offset = g_renew (guint, ra->actor_offset, ra->n_actor_slots);
      ra->actor_length = g_renew (guint, ra->actor_length, ra->n_actor_slots);
      memset (ra->actor_stamp, 0, sizeof (guint) * ra->n_actor_slots);
    }
  if (++ra->stamp == 0)
    {
      memset (ra->actor_stamp, 0, sizeof (guint) * ra->n_actor_slots);
      ra->stamp = 1;
    }
  g_string_truncate (ra->actor_text, 0);
  for (int point = 0; point < 2; point++)
    {
      settle_party (ra, org, &ra->regie, point);
      for (guint i = 0; i < ra->rows->len; i++)
        {
          AssignmentRow *row = &g_array_index (ra->rows, AssignmentRow, i);
          settle_party (ra, org, &row->responsible, point);
          settle_party (ra, org, &row->accountable, point);
        }
      for (guint i = 0; i < ra->parties->len; i++)
        settle_party (ra, org, &g_array_index (ra->parties, Party, i), point);
      for (guint i = 0; i < ra->missing->len; i++)
        settle_party (ra, org, &g_array_index (ra->missing, MissingFact, i).who, point);
      for (guint i = 0; i < ra->conflict_actors->len; i++)
        {
          guint offset = actor_copy (ra, org, GPOINTER_TO_UINT (ra->conflict_actors->pdata[i]));
          if (point)
            ra->conflict_actors->pdata[i] = ra->actor_text->str + offset;
        }
    }
}

static gboolean
fail_usage (GError **error, const char *message)
{
  g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_USAGE, "roles: %s", message);
  return FALSE;
}

gboolean
activering_role_assignment_run (ActiveringRoleAssignment *ra, const ActiveringOrganisation *org,
                                const ActiveringFacts *facts, const ActiveringTrajectory *trajectory,
                                const GDate *as_of, ActiveringRolesFlags flags, GError **error)
{
  g_return_val_if_fail (ra != NULL && org != NULL && facts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  const ActiveringRuleSet *rules = ra->rules;
  ra->has_run = FALSE;
  if (org->rules != rules || facts->rules != rules || (trajectory != NULL && trajectory->rules != rules))
    return fail_usage (error, "the organisation, the facts and the trajectory must use the assignment's rule set");
  if (trajectory != NULL && (!facts->has_id || strcmp (trajectory->id, facts->id) != 0))
    return fail_usage (error, "the trajectory is of another dossier than the facts");
  if (!activering_evaluation_run (ra->evaluation, facts, as_of, ACTIVERING_EVALUATE_DEFAULT, error))
    return FALSE;
  ra->as_of = ra->evaluation->as_of;
  gboolean replayed = FALSE;
  ra->model = ra->phase = -1;
  if (trajectory != NULL)
    {
      if (ra->report == NULL)
        ra->report = activering_trajectory_report_new (ra->rules);
      GDate day;
      activering_days_to_gdate (ra->as_of, &day);
      if (!activering_trajectory_report_run (ra->report, trajectory, NULL, &day, error))
        return FALSE;
      replayed = TRUE;
      if (ra->report->state == ACTIVERING_TRAJECTORY_OPEN && ra->report->current_phase >= 0)
        {
          ra->model = ra->report->current_model;
          ra->phase = ra->report->current_phase;
        }
    }
  if (ra->pieces == NULL)
    ra->pieces = roles_pieces_new (rules);
  g_string_assign (ra->id, facts->has_id ? facts->id : "");
  g_string_assign (ra->organisation_id, org->id);
  ra->flags = flags;
  ra->regie = party_with (NO_ROLE, -1);
  g_array_set_size (ra->rows, 0);
  g_array_set_size (ra->parties, 0);
  g_array_set_size (ra->gaps, 0);
  g_array_set_size (ra->conflicts, 0);
  g_array_set_size (ra->missing, 0);
  g_ptr_array_set_size (ra->conflict_actors, 0);
  collect_trajectory_actors (ra, org, trajectory);
  collect_runs_in_facts (ra, facts);
  for (guint r = 0; r < rules->n_roles; r++)
    ra->answering[r] = find_answering_role (org, r);
  for (guint t = 0; t < rules->n_tasks; t++)
    assign_task (ra, org, facts, replayed, t);
  collect_missing (ra, org);
  settle_actors (ra, org);
  ra->has_run = TRUE;
  return TRUE;
}

ActiveringRoleAssignment *
activering_role_assignment_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  ActiveringRoleAssignment *ra = g_new0 (ActiveringRoleAssignment, 1);
  g_ref_count_init (&ra->ref_count);
  ra->rules = activering_rule_set_ref (rules);
  ra->id = g_string_new (NULL);
  ra->organisation_id = g_string_new (NULL);
  ra->rows = g_array_new (FALSE, FALSE, sizeof (AssignmentRow));
  ra->parties = g_array_new (FALSE, FALSE, sizeof (Party));
  ra->gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  ra->conflicts = g_array_new (FALSE, FALSE, sizeof (Conflict));
  ra->missing = g_array_new (FALSE, FALSE, sizeof (MissingFact));
  ra->conflict_actors = g_ptr_array_new ();
  ra->claimants = g_array_new (FALSE, FALSE, sizeof (guint));
  ra->trajectory_actor = g_new (gint, MAX (rules->n_roles, 1));
  ra->seen_facts = g_new0 (guint8, MAX (rules->n_facts, 1));
  ra->answering = g_new0 (guint, MAX (rules->n_roles, 1));
  /* What the hot path would otherwise look up by name: who supplies each fact, which measure each run value is. */
  ra->fact_supplier = g_new0 (gint, MAX (rules->n_facts, 1));
  ra->run_measure = g_new0 (gint *, MAX (rules->n_facts, 1));
  for (guint f = 0; f < rules->n_facts; f++)
    {
      const FactDecl *fact = &rules->facts[f];
      ra->fact_supplier[f] = MAX (rule_set_role_index (rules, fact->supplied_by, strlen (fact->supplied_by)), 0);
      if (fact->type != TYPE_RUNS)
        continue;
      ra->run_measure[f] = g_new (gint, MAX (fact->n_values, 1));
      for (guint v = 0; v < fact->n_values; v++)
        {
          const char *code = rules->symbols[fact->values[v]];
          ra->run_measure[f][v] = rule_set_measure_index (rules, code, strlen (code));
        }
    }
  ra->runs_facts = g_new0 (guint, MAX (rules->n_facts, 1));
  for (guint f = 0; f < rules->n_facts; f++)
    if (ra->run_measure[f] != NULL)
      ra->runs_facts[ra->n_runs_facts++] = f;
  ra->running_in_facts = g_new0 (guint8, MAX (rules->n_measures, 1));
  ra->actor_text = g_string_sized_new (256);
  ra->evaluation = activering_evaluation_new (rules);
  ra->model = ra->phase = -1;
  return ra;
}

void
activering_role_assignment_free (ActiveringRoleAssignment *ra)
{
  ACTIVERING_BOXED_RELEASE (ra);
  activering_evaluation_free (ra->evaluation);
  activering_trajectory_report_free (ra->report);
  roles_pieces_free (ra->pieces);
  g_string_free (ra->id, TRUE);
  g_string_free (ra->organisation_id, TRUE);
  g_array_free (ra->rows, TRUE);
  g_array_free (ra->parties, TRUE);
  g_array_free (ra->gaps, TRUE);
  g_array_free (ra->conflicts, TRUE);
  g_array_free (ra->missing, TRUE);
  g_ptr_array_free (ra->conflict_actors, TRUE);
  g_array_free (ra->claimants, TRUE);
  g_free (ra->trajectory_actor);
  g_free (ra->seen_facts);
  g_free (ra->answering);
  g_free (ra->fact_supplier);
  for (guint f = 0; f < ra->rules->n_facts; f++)
    g_free (ra->run_measure[f]);
  g_free (ra->run_measure);
  g_free (ra->runs_facts);
  g_free (ra->running_in_facts);
  g_string_free (ra->actor_text, TRUE);
  g_free (ra->actor_stamp);
  g_free (ra->actor_offset);
  g_free (ra->actor_length);
  activering_rule_set_unref (ra->rules);
  g_free (ra);
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringRoleAssignment, activering_role_assignment)
