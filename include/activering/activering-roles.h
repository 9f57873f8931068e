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

/**
 * ActiveringOrganisation:
 *
 * How one local authority organises activation: an `activering.organisation/1` document read against a rule set
 * (activering_organisation_new_from_data()). Opaque; one thread at a time; free with activering_organisation_free().
 */
typedef struct _ActiveringOrganisation ActiveringOrganisation;
/**
 * ActiveringRoleAssignment:
 *
 * Who does what for one dossier in one organisation, on a date: the regie, and who is responsible, accountable,
 * consulted and informed for each task, with the gaps and conflicts found (activering_role_assignment_run()).
 * Opaque and reusable; one thread at a time; free with activering_role_assignment_free().
 */
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
 *
 * Which tasks activering_role_assignment_run() lists (the assignments activering_role_assignment_get_n_assignments()
 * counts).
 */
typedef enum {
  ACTIVERING_ROLES_DEFAULT = 0,
  ACTIVERING_ROLES_ALL_TASKS = 1 << 0,
} ActiveringRolesFlags;

/**
 * activering_raci_to_string:
 * @raci: a part of an assignment
 *
 * The code `activering.roles/1` documents give @raci.
 *
 * Returns: (transfer none): "responsible", "accountable", "consulted" or "informed", a static string
 *   ("responsible" for a value outside #ActiveringRaci).
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
 * Parses and checks an organisation document. Errors (domain %ACTIVERING_ERROR): %ACTIVERING_ERROR_SYNTAX,
 * %ACTIVERING_ERROR_FORMAT, %ACTIVERING_ERROR_TYPE, %ACTIVERING_ERROR_MISSING and %ACTIVERING_ERROR_TOO_LARGE for a
 * malformed document; %ACTIVERING_ERROR_INVALID_VALUE for an unknown role, activation service or task, or a bad
 * value; %ACTIVERING_ERROR_UNKNOWN_KEY for an unknown key or policy; %ACTIVERING_ERROR_DUPLICATE for a key or an
 * actor given twice; %ACTIVERING_ERROR_UNKNOWN_REF for an agreement naming an actor the document does not list;
 * %ACTIVERING_ERROR_USAGE for a rule set that defines no tasks.
 *
 * Returns: (transfer full) (nullable): the organisation, free with activering_organisation_free(); %NULL with
 *   @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringOrganisation *activering_organisation_new_from_data (ActiveringRuleSet *rules, const char *data,
                                                               gssize length, GError **error);

/**
 * activering_organisation_free:
 * @organisation: (nullable) (transfer full): the organisation, or %NULL
 *
 * Frees @organisation (%NULL is allowed). The rule set it holds a reference to is released.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_organisation_free (ActiveringOrganisation *organisation);

/**
 * activering_organisation_get_id:
 * @organisation: the organisation
 *
 * The organisation's `id`, as its document gives it.
 *
 * Returns: (transfer none): the organisation's id, owned by @organisation.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_id (const ActiveringOrganisation *organisation);

/**
 * activering_organisation_get_activation_service:
 * @organisation: the organisation
 *
 * How the organisation provides activation: one of the activation services the rule set defines (docs/roles.md).
 *
 * Returns: (transfer none): the service's code, e.g. "internal_dedicated", owned by the rule set.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_activation_service (const ActiveringOrganisation *organisation);

/**
 * activering_organisation_get_external_partner:
 * @organisation: the organisation
 *
 * Who provides activation when the organisation has an external service do it.
 *
 * Returns: (transfer none) (nullable): the partner's name, owned by @organisation; %NULL if the document names none.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_external_partner (const ActiveringOrganisation *organisation);

/**
 * activering_organisation_has_policy:
 * @organisation: the organisation
 * @code: a policy code of the rule set
 *
 * Whether the organisation's document turns policy @code on. An unknown code is not an error (no critical).
 *
 * Returns: %TRUE if the organisation follows policy @code; %FALSE if not, or for a code the rule set does not have.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_organisation_has_policy (const ActiveringOrganisation *organisation, const char *code);

/**
 * activering_organisation_get_n_actors:
 * @organisation: the organisation
 *
 * The number of actors (each with an id and a role), the bound of the actor getters' index.
 *
 * Returns: the number of actors the organisation lists.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_organisation_get_n_actors (const ActiveringOrganisation *organisation);

/**
 * activering_organisation_get_actor_id:
 * @organisation: the organisation
 * @index: the actor, 0 <= @index < activering_organisation_get_n_actors()
 *
 * The id of actor @index, as assignments name it.
 *
 * Returns: (transfer none) (nullable): actor @index's id, owned by @organisation; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_actor_id (const ActiveringOrganisation *organisation, guint index);

/**
 * activering_organisation_get_actor_role:
 * @organisation: the organisation
 * @index: the actor, 0 <= @index < activering_organisation_get_n_actors()
 *
 * The role actor @index holds.
 *
 * Returns: (transfer none) (nullable): actor @index's role code, owned by the rule set; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_organisation_get_actor_role (const ActiveringOrganisation *organisation, guint index);

/* ---- the assignment ---- */

/**
 * activering_role_assignment_new:
 * @rules: the rule set (a reference is kept)
 *
 * An empty assignment, to fill with activering_role_assignment_run() before reading it: its getters are a programmer's
 * error until then (a critical and the fallback), and its documents fail with %ACTIVERING_ERROR_USAGE.
 *
 * Returns: (transfer full): an empty assignment, to run; free with activering_role_assignment_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRoleAssignment *activering_role_assignment_new (ActiveringRuleSet *rules);

/**
 * activering_role_assignment_free:
 * @assignment: (nullable) (transfer full): the assignment, or %NULL
 *
 * Frees @assignment (%NULL is allowed). The rule set it holds a reference to is released.
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
 * Evaluates the dossier, replays its trajectory, and assigns every task. On failure the assignment is left as if it
 * had never run.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%ACTIVERING_ERROR_USAGE).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_run (ActiveringRoleAssignment *assignment,
                                         const ActiveringOrganisation *organisation, const ActiveringFacts *facts,
                                         const ActiveringTrajectory *trajectory, const GDate *as_of,
                                         ActiveringRolesFlags flags, GError **error);

/**
 * activering_role_assignment_get_id:
 * @assignment: the assignment, after a run
 *
 * The dossier the assignment is for.
 *
 * Returns: (transfer none): the dossier's id (the facts' `id`; "" if they have none), owned by @assignment.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_id (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_as_of:
 * @assignment: the assignment, after a run
 * @out: (out caller-allocates): the date to set
 *
 * Sets @out to the date the assignment was made on (left untouched before a run).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_role_assignment_get_as_of (const ActiveringRoleAssignment *assignment, GDate *out);

/**
 * activering_role_assignment_get_phase:
 * @assignment: the assignment, after a run
 *
 * The phase the dossier's trajectory is in on the assignment date, which decides which tasks are active.
 *
 * Returns: (transfer none) (nullable): the current phase, if a trajectory is open, owned by the rule set; %NULL
 *   without a trajectory or when it is not open.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_phase (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_model:
 * @assignment: the assignment, after a run
 *
 * The phase model of activering_role_assignment_get_phase().
 *
 * Returns: (transfer none) (nullable): the model of the current phase, owned by the rule set; %NULL when
 *   activering_role_assignment_get_phase() is %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_model (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_regie:
 * @assignment: the assignment, after a run
 * @role: (out) (transfer none) (optional) (nullable): the role holding the regie, owned by the rule set
 * @actor: (out) (transfer none) (optional) (nullable): the actor, where the organisation names one, owned by
 *   @assignment
 *
 * Who holds the regie of the dossier (docs/roles.md).
 *
 * Returns: %TRUE if someone holds the regie; %FALSE if nobody can (a gap), leaving the outputs %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_get_regie (const ActiveringRoleAssignment *assignment, const char **role,
                                               const char **actor);

/**
 * activering_role_assignment_get_n_assignments:
 * @assignment: the assignment, after a run
 *
 * The number of tasks listed, the bound of the per-task getters' index.
 *
 * Returns: the number of tasks listed (active ones, or all with %ACTIVERING_ROLES_ALL_TASKS).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_assignments (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_task:
 * @assignment: the assignment, after a run
 * @index: which assignment, 0 <= @index < activering_role_assignment_get_n_assignments()
 *
 * The task assignment @index is about.
 *
 * Returns: (transfer none) (nullable): the task code of assignment @index, owned by the rule set; %NULL for an index
 *   out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_task (const ActiveringRoleAssignment *assignment, guint index);

/**
 * activering_role_assignment_is_task_active:
 * @assignment: the assignment
 * @index: which assignment, 0 <= @index < activering_role_assignment_get_n_assignments()
 *
 * Whether the task of assignment @index applies to the dossier now (always, without %ACTIVERING_ROLES_ALL_TASKS).
 *
 * Returns: %TRUE if the task of assignment @index is active for the dossier now; %FALSE if not, and for an index out
 *   of range (docs/api-conventions.md, "Indexes").
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_is_task_active (const ActiveringRoleAssignment *assignment, guint index);

/**
 * activering_role_assignment_get_n_parties:
 * @assignment: the assignment, after a run
 * @index: which assignment, 0 <= @index < activering_role_assignment_get_n_assignments()
 * @raci: which part of it
 *
 * The number of parties in one part of an assignment, the bound of the @party index of
 * activering_role_assignment_get_party_role() and activering_role_assignment_get_party_actor().
 *
 * Returns: how many parties assignment @index has for @raci (at most 1 responsible, none for a gap; 1 accountable);
 *   0 for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_parties (const ActiveringRoleAssignment *assignment, guint index,
                                                ActiveringRaci raci);

/**
 * activering_role_assignment_get_party_role:
 * @assignment: the assignment, after a run
 * @index: which assignment, 0 <= @index < activering_role_assignment_get_n_assignments()
 * @raci: which part of it
 * @party: which party, 0 <= @party < activering_role_assignment_get_n_parties()
 *
 * The role a party of an assignment acts in.
 *
 * Returns: (transfer none) (nullable): the role of party @party, owned by the rule set; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_party_role (const ActiveringRoleAssignment *assignment, guint index,
                                                       ActiveringRaci raci, guint party);

/**
 * activering_role_assignment_get_party_actor:
 * @assignment: the assignment, after a run
 * @index: which assignment, 0 <= @index < activering_role_assignment_get_n_assignments()
 * @raci: which part of it
 * @party: which party, 0 <= @party < activering_role_assignment_get_n_parties()
 *
 * The actor behind a party of an assignment, where it can be told.
 *
 * Returns: (transfer none) (nullable): the actor of party @party, owned by @assignment; %NULL when the organisation
 *   names none (or several, with nothing in the trajectory or the agreements to choose between them), and for an
 *   index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_party_actor (const ActiveringRoleAssignment *assignment, guint index,
                                                        ActiveringRaci raci, guint party);

/**
 * activering_role_assignment_get_n_gaps:
 * @assignment: the assignment, after a run
 *
 * The number of gaps, the bound of the gap getters' index.
 *
 * Returns: the number of active tasks that nobody can take.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_gaps (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_gap_task:
 * @assignment: the assignment, after a run
 * @index: a gap, 0 <= @index < activering_role_assignment_get_n_gaps()
 *
 * The task of a gap: active, with no role in the organisation to take it.
 *
 * Returns: (transfer none) (nullable): the task of gap @index, owned by the rule set; %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_gap_task (const ActiveringRoleAssignment *assignment, guint index);

/**
 * activering_role_assignment_get_n_conflicts:
 * @assignment: the assignment, after a run
 *
 * The number of conflicts, the bound of the conflict getters' index.
 *
 * Returns: the number of conflicts found in the agreements.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_conflicts (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_conflict_task:
 * @assignment: the assignment, after a run
 * @index: a conflict, 0 <= @index < activering_role_assignment_get_n_conflicts()
 *
 * The task a conflict is about.
 *
 * Returns: (transfer none) (nullable): the task of conflict @index, owned by the rule set; %NULL for an index out of
 *   range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_conflict_task (const ActiveringRoleAssignment *assignment, guint index);

/**
 * activering_role_assignment_get_conflict_code:
 * @assignment: the assignment, after a run
 * @index: a conflict, 0 <= @index < activering_role_assignment_get_n_conflicts()
 *
 * What kind of conflict @index is.
 *
 * Returns: (transfer none) (nullable): "claimed_twice" (a single-holder task agreed to several actors) or
 *   "role_not_allowed" (a task agreed to an actor whose role may not hold it), a static string; %NULL for an index
 *   out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_conflict_code (const ActiveringRoleAssignment *assignment, guint index);

/**
 * activering_role_assignment_dup_gap_message:
 * @assignment: an assignment that has run
 * @index: a gap, below activering_role_assignment_get_n_gaps()
 * @lang: (nullable): a language of the rule set; %NULL: its first
 *
 * Gap @index explained, for people.
 *
 * Returns: (transfer full) (nullable): the gap explained in @lang; free with g_free(); %NULL for an unknown
 *   language (or an index out of range).
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
 * Conflict @index explained, for people.
 *
 * Returns: (transfer full) (nullable): the conflict explained in @lang; free with g_free(); %NULL for an unknown
 *   language (or an index out of range).
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_role_assignment_dup_conflict_message (const ActiveringRoleAssignment *assignment, guint index,
                                                       const char *lang);

/**
 * activering_role_assignment_get_n_missing:
 * @assignment: the assignment, after a run
 *
 * The facts that still hold up a decision, and who should supply them: the bound of
 * activering_role_assignment_get_missing()'s index.
 *
 * Returns: the number of facts some measure still needs for a decision (each counted once).
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_role_assignment_get_n_missing (const ActiveringRoleAssignment *assignment);

/**
 * activering_role_assignment_get_missing:
 * @assignment: the assignment, after a run
 * @index: which missing fact, 0 <= @index < activering_role_assignment_get_n_missing()
 * @role: (out) (transfer none) (optional): the role that supplies it here (the fact's `supplied_by` role as the
 *   organisation has it: an external service's trajectbegeleider in place of the OCMW's, …), owned by the rule set
 * @actor: (out) (transfer none) (optional) (nullable): the actor, where one can be told, owned by @assignment
 *
 * A fact some measure still needs, and who is to supply it in this organisation.
 *
 * Returns: (transfer none) (nullable): the fact's path, owned by the rule set; %NULL for an index out of range
 *   (@role and @actor then untouched). The role the rule set names is the `asked_of` of the eligibility result, so
 *   both answers agree.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_role_assignment_get_missing (const ActiveringRoleAssignment *assignment, guint index,
                                                    const char **role, const char **actor);

/**
 * activering_role_assignment_append_json:
 * @assignment: the assignment, after a run
 * @lang: (nullable): the language of labels and messages (%NULL: the rule set's first language)
 * @flags: #ActiveringJsonFlags
 * @out: the string to append the `activering.roles/1` document to (nothing on failure)
 * @error: return location for an #ACTIVERING_ERROR_USAGE error (a language the rule set lacks, not run yet)
 *
 * Writes the assignment as an `activering.roles/1` document.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%ACTIVERING_ERROR_USAGE).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_role_assignment_append_json (const ActiveringRoleAssignment *assignment, const char *lang,
                                                 ActiveringJsonFlags flags, GString *out, GError **error);

/**
 * activering_role_assignment_to_json:
 * @assignment: the assignment, after a run
 * @lang: (nullable): the language of labels and messages (%NULL: the rule set's first language)
 * @flags: #ActiveringJsonFlags
 * @error: return location for a #GError, or %NULL
 *
 * Like activering_role_assignment_append_json(), into a new string.
 *
 * Returns: (transfer full) (nullable): the document; free with g_free(); %NULL with @error set as for
 *   activering_role_assignment_append_json().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_role_assignment_to_json (const ActiveringRoleAssignment *assignment, const char *lang,
                                          ActiveringJsonFlags flags, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringOrganisation, activering_organisation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringRoleAssignment, activering_role_assignment_free)

G_END_DECLS

#endif
