/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* roles-private.h: an organisation document, and the assignment of a dossier's tasks to its roles and actors. */
#pragma once

#include "activering/activering.h"
#include "eval/evaluation-private.h"
#include "rules/rule-set-private.h"
#include "trajectory/trajectory-private.h"

#define ORGANISATION_DOCUMENT "organisation"
#define ORGANISATION_FORMAT "activering.organisation/1"
#define ORGANISATION_MAX_ID 256
#define ORGANISATION_MAX_ACTORS 10000
#define ORGANISATION_MAX_AGREEMENTS 10000

typedef struct
{
  const char *id;
  guint role;
} Actor;

/* A local agreement, e.g. from a start meeting: @actor takes @task, for one dossier or for all. */
typedef struct
{
  guint task;
  guint actor;
  const char *dossier; /* NULL: every dossier */
} Agreement;

struct _ActiveringOrganisation
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  const char *id;
  const char *region; /* NULL if not given */
  guint service;      /* into rules->services */
  const char *external_partner;
  guint8 *policies; /* per policy of the rule set: followed */
  GArray *actors;   /* Actor */
  GArray *agreements;
  guint *n_actors_of_role; /* per role */
  guint *n_agreements_of_task; /* per task: most tasks have none, and are assigned without looking */
  int *first_actor_of_role; /* per role, or -1 */
  GHashTable *actor_by_id;  /* id -> index + 1 */
  GStringChunk *strings;
};

/* The actor with @id (not NUL-terminated: @len bytes), or -1. */
int organisation_actor_index (const ActiveringOrganisation *organisation, const char *id, gsize len);

/* ---- the assignment (assign.c) ---- */

#define NO_ROLE (-1)

/* A role as it answers for a dossier: after substitution, and the actor where one is known. */
typedef struct
{
  gint32 role;            /* NO_ROLE: nobody */
  gint32 actor_index;     /* in the organisation of the run, or -1 */
  const char *actor;      /* the actor's id, in the assignment's actor_text (see settle_actors), or NULL */
  const char *actor_json; /* ,"actor":"…" for the compact document, likewise */
  guint actor_json_len;
} Party;

typedef struct
{
  guint task;
  gboolean active;
  Party responsible, accountable;
  guint consulted_first, n_consulted, informed_first, n_informed; /* into parties */
  gboolean agreed;                                                 /* the responsible comes from an agreement */
} AssignmentRow;

typedef struct
{
  guint task;
  const RoleList *holders; /* the roles it asks for, as the rule set says */
} Gap;

typedef struct
{
  guint task;
  RoleMessage code; /* ROLE_MESSAGE_CLAIMED_TWICE or ROLE_MESSAGE_ROLE_NOT_ALLOWED */
  const RoleList *holders;
  guint actors_first, n_actors; /* into conflict_actors */
  gint32 role;                  /* role_not_allowed: the role of the actor */
} Conflict;

/* A fact still needed, and who is asked for it. */
typedef struct
{
  guint fact;
  guint asked_of; /* the role the rule set names */
  Party who;      /* that role as it answers in this organisation */
} MissingFact;

/* The rule set's text in a compact roles document, written once (roles-compact.c). */
typedef struct
{
  guint offset, len; /* in the pieces' text */
} RolesPiece;
typedef struct _RolesPieces RolesPieces;

struct _ActiveringRoleAssignment
{
  grefcount ref_count; /* see util/boxed-private.h */
  ActiveringRuleSet *rules;
  gboolean has_run;
  GString *id, *organisation_id;
  gint32 as_of;
  gint model, phase; /* -1 without an open trajectory */
  ActiveringRolesFlags flags;
  Party regie;
  GArray *rows, *parties, *gaps, *conflicts, *missing;
  GPtrArray *conflict_actors; /* actor ids (organisation indexes during a run, see settle_actors) */
  GArray *claimants;          /* scratch: the actors agreed for one task (organisation indexes) */
  gint *trajectory_actor;     /* per role: the last actor the trajectory names for it (an organisation index), or -1 */
  gint *fact_supplier;        /* per fact: the role that supplies it */
  guint *answering;           /* per role: the role that does its work in the organisation of this run */
  gint **run_measure;         /* per runs fact: per value, the measure it is, or -1; NULL for other facts */
  guint *runs_facts, n_runs_facts; /* the facts that are measure runs */
  guint8 *running_in_facts;   /* per measure: a run in the facts covers the assignment date */
  guint8 *seen_facts;         /* scratch, per fact */
  /* The ids of the run's actors, copied (the output must not depend on the organisation living) once per run and
   * actor into one reused buffer: no allocation per dossier once it has grown. */
  GString *actor_text;
  guint *actor_stamp;  /* per organisation actor: the run that copied it */
  guint *actor_offset; /* per organisation actor: its id in actor_text, then ,"actor":"…" */
  guint *actor_length; /* per organisation actor: the length of its id, and (in the upper half) of ,"actor":"…" */
  guint n_actor_slots, stamp;
  ActiveringEvaluation *evaluation;
  ActiveringTrajectoryReport *report; /* made when first needed */
  RolesPieces *pieces;                /* made on the first run */
};

/* ---- output (roles-json.c) ---- */

void role_assignment_append_gap_message (const ActiveringRoleAssignment *ra, const Gap *gap, int language,
                                         GString *out);
void role_assignment_append_conflict_message (const ActiveringRoleAssignment *ra, const Conflict *conflict,
                                              int language, GString *out);

/* ---- the compact document's bulk (roles-compact.c) ---- */

RolesPieces *roles_pieces_new (const ActiveringRuleSet *rules);
void roles_pieces_free (RolesPieces *pieces);
#define ROLES_FORMAT "activering.roles/1"

/* The value of "format" and the members after it up to "regie" included, compact, in @language (after a run: needs
 * ra->pieces). */
void roles_compact_append_head (const ActiveringRoleAssignment *ra, int language, GString *out);
/* The "assignments" array, compact, in @language. */
void roles_compact_append_assignments (const ActiveringRoleAssignment *ra, int language, GString *out);
/* The "missing" array, compact. */
void roles_compact_append_missing (const ActiveringRoleAssignment *ra, GString *out);
