/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* violation-codes-private.h: what replaying a trajectory can find wrong, what a role assignment can find missing or
 * clashing, and the placeholders their messages use.
 *
 * The codes are part of the trajectory-report and roles contracts (docs/trajectories.md, docs/roles.md); their
 * texts are data (`trajectory_messages`, the checks' texts and `organisation.messages`), in every language of the
 * rule set.
 */
#pragma once

#include <glib.h>

typedef enum
{
  VIOLATION_EVENT_OUT_OF_ORDER,
  VIOLATION_NOT_OPEN,
  VIOLATION_ALREADY_OPEN,
  VIOLATION_EVENT_AFTER_CLOSE,
  VIOLATION_UNKNOWN_PHASE,
  VIOLATION_UNKNOWN_MEASURE,
  VIOLATION_UNKNOWN_ROLE,
  VIOLATION_MEASURE_NOT_RUNNING,
  VIOLATION_OVERLAPPING_MEASURE,
  VIOLATION_TRANSITION_NOT_ALLOWED,
  VIOLATION_HANDOVER_NOT_ALLOWED,
  VIOLATION_UNUSUAL_TRANSITION,
  VIOLATION_UNUSUAL_ENTRY_PHASE,
  VIOLATION_SAME_PHASE,
  VIOLATION_MEASURE_OUTSIDE_PHASE,
  VIOLATION_MEASURE_RUNNING_AT_CLOSE,
  /* Codes whose texts come from the rule set's trajectory checks rather than from `trajectory_messages`. */
  VIOLATION_LIMIT_EXCEEDED,
  VIOLATION_OBLIGATION_OVERDUE,
  VIOLATION_FOLLOW_UP_GAP,     /* a `gap` check */
  VIOLATION_FOLLOW_UP_MISSING, /* a `followed_by` check */
  N_VIOLATION_CODES
} ViolationCode;

#define N_MESSAGE_CODES VIOLATION_LIMIT_EXCEEDED

typedef enum
{
  PLACEHOLDER_DATE,
  PLACEHOLDER_PREVIOUS_DATE,
  PLACEHOLDER_CODE,
  PLACEHOLDER_MODEL,
  PLACEHOLDER_PHASE,
  PLACEHOLDER_FROM_PHASE,
  PLACEHOLDER_MEASURE,
  PLACEHOLDER_SINCE,
  PLACEHOLDER_CLOSED_ON,
  PLACEHOLDER_MAX,
  PLACEHOLDER_OVER_SINCE,
  PLACEHOLDER_DUE,
  PLACEHOLDER_TASK,
  PLACEHOLDER_ROLE,
  PLACEHOLDER_ROLES,
  PLACEHOLDER_ACTOR,
  PLACEHOLDER_ACTORS,
  PLACEHOLDER_FACT,  /* change messages (rule-set-private.h) */
  PLACEHOLDER_VALUE,
  PLACEHOLDER_MIN,
  PLACEHOLDER_VALUES,
  N_PLACEHOLDERS
} Placeholder;

typedef struct
{
  const char *code;
  gboolean is_error;    /* the severity of codes whose check does not set it */
  guint32 placeholders; /* bit set of the placeholders its text may use */
} ViolationInfo;

extern const ViolationInfo violation_info[N_VIOLATION_CODES];

/* What a role assignment reports: a task nobody can take, and the two kinds of conflict. */
typedef enum
{
  ROLE_MESSAGE_GAP,
  ROLE_MESSAGE_CLAIMED_TWICE,
  ROLE_MESSAGE_ROLE_NOT_ALLOWED,
  N_ROLE_MESSAGES
} RoleMessage;

extern const ViolationInfo role_message_info[N_ROLE_MESSAGES];
extern const char *const placeholder_names[N_PLACEHOLDERS];

/* The placeholder named by @name (@len bytes, without braces), or -1. */
int placeholder_lookup (const char *name, gsize len);

/* Checks that every "{…}" in @text is a placeholder of @allowed; on failure sets *@bad to the offending one
 * (pointing into @text) and *@bad_len. */
gboolean placeholders_check (const char *text, guint32 allowed, const char **bad, gsize *bad_len);

/* Writes @text to @out with each "{placeholder}" replaced by what @fill appends for it (the placeholders were
 * checked when the rule set was loaded; an unknown one is copied as written). */
typedef void (*PlaceholderFill) (Placeholder placeholder, gconstpointer data, GString *out);
void placeholders_fill (const char *text, PlaceholderFill fill, gconstpointer data, GString *out);
