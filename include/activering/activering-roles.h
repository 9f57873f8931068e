/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-roles.h: who does what for a dossier, in a given organisation.
 *
 * An #ActiveringOrganisation is an `activering.organisation/1` document: how a local authority organises
 * activation (its own dedicated staff, staff combining tasks, or an external service), its policies, the actors it
 * lists by role, and the agreements of a start meeting (docs/roles.md). An #ActiveringRoleAssignment answers, for
 * one dossier (its facts and, optionally, its trajectory) in one organisation: who holds the regie, and for each
 * task that matters now who is responsible, accountable, consulted and informed, by role and, where the
 * organisation says, by actor; which tasks nobody can take (gaps) and which are claimed twice or given to a role
 * that may not hold them (conflicts). It serialises to `activering.roles/1`.
 *
 * The tasks, their roles and the effect of each organisation variant are data in the rule set ("tasks" and
 * "organisation", docs/rule-language.md). Both objects belong to one thread at a time; the rule set behind them may
 * be shared. An assignment is reusable: run it on one dossier after another. Strings returned are owned by the
 * object they come from and stay valid until it is run again or freed.
 *
 * Indexes run from 0 to the count the matching `get_n_*` getter returns. An index out of range is a programmer's
 * error: a GLib critical, and the getter returns its fallback (%NULL, 0 or %FALSE), leaving out-parameters untouched
 * (docs/api-conventions.md, "Indexes").
 */
#ifndef ACTIVERING_ROLES_H
#define ACTIVERING_ROLES_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-facts.h>
#include <activering/activering-evaluation.h>
#include <activering/activering-trajectory.h>

G_BEGIN_DECLS

typedef struct _ActiveringOrganisation ActiveringOrganisation;
typedef struct _ActiveringRoleAssignment ActiveringRoleAssignment;

/**
 * ActiveringRaci:
 * @ACTIVERING_RACI_RESPONSIBLE: does the task (at most one party; none when the task is a gap)
 * @ACTIVERING_RACI_ACCOUNTABLE: answers for it (one party)
 * @ACTIVERING_RACI_CONSULTED: is asked before (any number)
 * @ACTIVERING_RACI_INFORMED: is told after (any number)
 *
 * The four parts of an assignment.
 */
typedef enum {
  ACTIVERING_RACI_RESPONSIBLE = 0,
  ACTIVERING_RACI_ACCOUNTABLE = 1,
  ACTIVERING_RACI_CONSULTED = 2,
  ACTIVERING_RACI_INFORMED = 3,
} ActiveringRaci;

/**
 * ActiveringRolesFlags:
 * @ACTIVERING_ROLES_DEFAULT: list the tasks that are active for the dossier now
 * @ACTIVERING_ROLES_ALL_TASKS: list every task of the rule set, each marked active or not
 */
typedef enum {
  ACTIVERING_ROLES_DEFAULT = 0,
  ACTIVERING_ROLES_ALL_TASKS = 1 << 0,
} ActiveringRolesFlags;

/**
 * activering_raci_to_string:
 *
 * Returns: (transfer none): "responsible", "accountable", "consulted" or "informed".
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_raci_to_string (ActiveringRaci raci);

/* ---- the organisation ---- */

/**
 * activering_organisation_new_from_data:
 * @rules: the rule set whose roles, tasks, activation services and policies the document uses (a reference is kept)
 * @data: the UTF-8 JSON text of an `activering.organisation/1` document; need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for a #GError, or %NULL: an #ACTIVERING_ERROR naming the JSON path (an unknown role,
 *   activation service, policy or task, with a suggestion; duplicate actor ids; an external service without its
 *   partner's name; …)
 *
 * Parses and checks an organisation document.
 *
 * Returns: (transfer full) (nullable): the organisation, free with activering_organisation_free(); %NULL with
 *   @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringOrganisation *activering_organisation_new_from_data (ActiveringRuleSet *rules, const char *data,
                                                               gssize length, GError **error);
/**
 * activering_organisation_free:
 *
 * Frees @organisation (%NULL is allowed).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_organisation_free (ActiveringOrganisation *organisation);
/**
 * activering_organisation_get_id:
 *
 * Returns: (transfer none): the organisation's id.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_id (const ActiveringOrganisation *organisation);
/**
 * activering_organisation_get_activation_service:
 *
 * Returns: (transfer none): e.g. "internal_dedicated".
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_activation_service (const ActiveringOrganisation *organisation);
/**
 * activering_organisation_get_external_partner:
 *
 * Returns: (transfer none) (nullable): the partner's name.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_external_partner (const ActiveringOrganisation *organisation);
/**
 * activering_organisation_has_policy:
 * @organisation: the organisation
 * @code: a policy code of the rule set
 *
 * Returns: %TRUE if the organisation follows policy @code; %FALSE if not, or for a code the rule set does not have.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_organisation_has_policy (const ActiveringOrganisation *organisation, const char *code);
/**
 * activering_organisation_get_n_actors:
 *
 * Returns: the number of actors the organisation lists.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_organisation_get_n_actors (const ActiveringOrganisation *organisation);
/**
 * activering_organisation_get_actor_id:
 *
 * Returns: (transfer none) (nullable): actor @index's id, or %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_actor_id (const ActiveringOrganisation *organisation, guint index);
/**
 * activering_organisation_get_actor_role:
 *
 * Returns: (transfer none) (nullable): actor @index's role code.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_actor_role (const ActiveringOrganisation *organisation, guint index);

/* ---- the assignment ---- */

/**
 * activering_role_assignment_new:
 * @rules: the rule set (a reference is kept)
 *
 * Returns: (transfer full): an empty assignment, to run; free with activering_role_assignment_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRoleAssignment *activering_role_assignment_new (ActiveringRuleSet *rules);
/**
 * activering_role_assignment_free:
 *
 * Frees @assignment (%NULL is allowed).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_role_assignment_free (ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_run:
 * @assignment: the assignment to fill (its previous content is replaced)
 * @organisation: the organisation, parsed with the same rule set
 * @facts: the dossier's facts, parsed with the same rule set
 * @trajectory: (nullable): the dossier's trajectory (same id as @facts), for its current phase, its running measures
 *   and the actors its events name; %NULL if there is none
 * @as_of: (nullable): the date to assign on; %NULL: the facts' `as_of`, or today
 * @flags: #ActiveringRolesFlags
 * @error: return location for an #ACTIVERING_ERROR_USAGE error (another rule set, another dossier, a bad date)
 *
 * Evaluates the dossier, replays its trajectory, and assigns every task.
 * Returns: %TRUE on success.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_run (ActiveringRoleAssignment *assignment,
                                         const ActiveringOrganisation *organisation, const ActiveringFacts *facts,
                                         const ActiveringTrajectory *trajectory, const GDate *as_of,
                                         ActiveringRolesFlags flags, GError **error);

/**
 * activering_role_assignment_get_id:
 *
 * Returns: (transfer none): the dossier's id.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_id (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_as_of:
 *
 * Sets @out to the date the assignment was made on.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_role_assignment_get_as_of (const ActiveringRoleAssignment *assignment, GDate *out);
/**
 * activering_role_assignment_get_phase:
 *
 * Returns: (transfer none) (nullable): the current phase, if a trajectory is open.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_phase (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_model:
 *
 * Returns: (transfer none) (nullable): the model of the current phase.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_model (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_regie:
 * @role: (out) (transfer none) (optional): the role holding the regie
 * @actor: (out) (transfer none) (optional) (nullable): the actor, where the organisation names one
 *
 * Returns: %TRUE if someone holds the regie; %FALSE if nobody can (a gap), leaving the outputs %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_get_regie (const ActiveringRoleAssignment *assignment, const char **role,
                                               const char **actor);
/**
 * activering_role_assignment_get_n_assignments:
 *
 * Returns: the number of tasks listed (active ones, or all).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_assignments (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_task:
 *
 * Returns: (transfer none) (nullable): the task code of assignment @index.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_task (const ActiveringRoleAssignment *assignment, guint index);
/**
 * activering_role_assignment_is_task_active:
 * @assignment: the assignment
 * @index: which assignment, 0 <= @index < activering_role_assignment_get_n_assignments()
 *
 * Returns: %TRUE if the task of assignment @index is active for the dossier now; %FALSE if not, and for an index out
 *   of range (docs/api-conventions.md, "Indexes").
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_is_task_active (const ActiveringRoleAssignment *assignment, guint index);
/**
 * activering_role_assignment_get_n_parties:
 *
 * Returns: how many parties assignment @index has for @raci.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_parties (const ActiveringRoleAssignment *assignment, guint index,
                                                ActiveringRaci raci);
/**
 * activering_role_assignment_get_party_role:
 *
 * Returns: (transfer none) (nullable): the role of party @party.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_party_role (const ActiveringRoleAssignment *assignment, guint index,
                                                       ActiveringRaci raci, guint party);
/**
 * activering_role_assignment_get_party_actor:
 * Returns: (transfer none) (nullable): the actor of party @party, or %NULL when the organisation names none (or
 * several, with nothing in the trajectory or the agreements to choose between them).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_party_actor (const ActiveringRoleAssignment *assignment, guint index,
                                                        ActiveringRaci raci, guint party);
/**
 * activering_role_assignment_get_n_gaps:
 *
 * Returns: the number of active tasks that nobody can take.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_gaps (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_gap_task:
 *
 * Returns: (transfer none) (nullable): the task of gap @index.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_gap_task (const ActiveringRoleAssignment *assignment, guint index);
/**
 * activering_role_assignment_get_n_conflicts:
 *
 * Returns: the number of conflicts found in the agreements.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_conflicts (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_conflict_task:
 *
 * Returns: (transfer none) (nullable): the task of conflict @index.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_conflict_task (const ActiveringRoleAssignment *assignment, guint index);
/**
 * activering_role_assignment_get_conflict_code:
 * Returns: (transfer none) (nullable): "claimed_twice" (a single-holder task agreed to several actors) or
 * "role_not_allowed" (a task agreed to an actor whose role may not hold it).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_conflict_code (const ActiveringRoleAssignment *assignment, guint index);
/**
 * activering_role_assignment_dup_gap_message:
 * @assignment: an assignment that has run
 * @index: a gap, below activering_role_assignment_get_n_gaps()
 * @lang: (nullable): a language of the rule set; %NULL: its first
 *
 * Returns: (transfer full) (nullable): the gap explained in @lang; free with g_free(); %NULL for an unknown
 * language (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_role_assignment_dup_gap_message (const ActiveringRoleAssignment *assignment, guint index,
                                                  const char *lang);
/**
 * activering_role_assignment_dup_conflict_message:
 * @assignment: an assignment that has run
 * @index: a conflict, below activering_role_assignment_get_n_conflicts()
 * @lang: (nullable): a language of the rule set; %NULL: its first
 *
 * Returns: (transfer full) (nullable): the conflict explained in @lang; free with g_free(); %NULL for an unknown
 * language (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_role_assignment_dup_conflict_message (const ActiveringRoleAssignment *assignment, guint index,
                                                       const char *lang);

/**
 * activering_role_assignment_get_n_missing:
 * Returns: the number of facts some measure still needs for a decision (each counted once).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_missing (const ActiveringRoleAssignment *assignment);
/**
 * activering_role_assignment_get_missing:
 * @assignment: the assignment, after a run
 * @index: which missing fact, 0 <= @index < activering_role_assignment_get_n_missing()
 * @role: (out) (transfer none) (optional): the role that supplies it here (the fact's `supplied_by` role as the
 *   organisation has it: an external service's trajectbegeleider in place of the OCMW's, …)
 * @actor: (out) (transfer none) (optional) (nullable): the actor, where one can be told
 *
 * Returns: (transfer none) (nullable): the fact's path, or %NULL for an index out of range (@role and @actor then
 *   untouched). The role the rule set names is the `asked_of` of the eligibility result, so both answers agree.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_missing (const ActiveringRoleAssignment *assignment, guint index,
                                                    const char **role, const char **actor);

/**
 * activering_role_assignment_append_json:
 * @lang: (nullable): the language of labels and messages (%NULL: the rule set's first language)
 * @out: the string to append the `activering.roles/1` document to
 * @error: return location for an #ACTIVERING_ERROR_USAGE error (a language the rule set lacks, not run yet)
 *
 * Returns: %TRUE on success.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_append_json (const ActiveringRoleAssignment *assignment, const char *lang,
                                                 ActiveringJsonFlags flags, GString *out, GError **error);
/**
 * activering_role_assignment_to_json:
 *
 * Returns: (transfer full) (nullable): the document; free with g_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_role_assignment_to_json (const ActiveringRoleAssignment *assignment, const char *lang,
                                          ActiveringJsonFlags flags, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringOrganisation, activering_organisation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringRoleAssignment, activering_role_assignment_free)

G_END_DECLS

#endif
