/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* violation-codes.c: the trajectory violation codes and role-assignment findings, their severities and the
 * placeholders of their texts. */
#include "config.h"

#include <string.h>

#include "rules/violation-codes-private.h"

#define P(x) (1u << PLACEHOLDER_##x)

const char *const placeholder_names[N_PLACEHOLDERS] = {
  [PLACEHOLDER_DATE] = "date",
  [PLACEHOLDER_PREVIOUS_DATE] = "previous_date",
  [PLACEHOLDER_CODE] = "code",
  [PLACEHOLDER_MODEL] = "model",
  [PLACEHOLDER_PHASE] = "phase",
  [PLACEHOLDER_FROM_PHASE] = "from_phase",
  [PLACEHOLDER_MEASURE] = "measure",
  [PLACEHOLDER_SINCE] = "since",
  [PLACEHOLDER_CLOSED_ON] = "closed_on",
  [PLACEHOLDER_MAX] = "max",
  [PLACEHOLDER_OVER_SINCE] = "over_since",
  [PLACEHOLDER_DUE] = "due",
  [PLACEHOLDER_TASK] = "task",
  [PLACEHOLDER_ROLE] = "role",
  [PLACEHOLDER_ROLES] = "roles",
  [PLACEHOLDER_ACTOR] = "actor",
  [PLACEHOLDER_ACTORS] = "actors",
  [PLACEHOLDER_FACT] = "fact",
  [PLACEHOLDER_VALUE] = "value",
  [PLACEHOLDER_MIN] = "min",
  [PLACEHOLDER_VALUES] = "values",
};

const ViolationInfo violation_info[N_VIOLATION_CODES] = {
  [VIOLATION_EVENT_OUT_OF_ORDER] = { "event_out_of_order", TRUE, P (DATE) | P (PREVIOUS_DATE) },
  [VIOLATION_NOT_OPEN] = { "not_open", TRUE, P (DATE) },
  [VIOLATION_ALREADY_OPEN] = { "already_open", TRUE, P (DATE) },
  [VIOLATION_EVENT_AFTER_CLOSE] = { "event_after_close", TRUE, P (DATE) | P (CLOSED_ON) },
  [VIOLATION_UNKNOWN_PHASE] = { "unknown_phase", TRUE, P (CODE) | P (MODEL) },
  [VIOLATION_UNKNOWN_MEASURE] = { "unknown_measure", TRUE, P (CODE) },
  [VIOLATION_UNKNOWN_ROLE] = { "unknown_role", TRUE, P (CODE) },
  [VIOLATION_MEASURE_NOT_RUNNING] = { "measure_not_running", TRUE, P (MEASURE) | P (DATE) },
  [VIOLATION_OVERLAPPING_MEASURE] = { "overlapping_measure", TRUE, P (MEASURE) | P (SINCE) },
  [VIOLATION_TRANSITION_NOT_ALLOWED] = { "transition_not_allowed", TRUE, P (FROM_PHASE) | P (PHASE) },
  [VIOLATION_HANDOVER_NOT_ALLOWED] = { "handover_not_allowed", TRUE, P (FROM_PHASE) | P (PHASE) | P (MODEL) },
  [VIOLATION_UNUSUAL_TRANSITION] = { "unusual_transition", FALSE, P (FROM_PHASE) | P (PHASE) },
  [VIOLATION_UNUSUAL_ENTRY_PHASE] = { "unusual_entry_phase", FALSE, P (PHASE) },
  [VIOLATION_SAME_PHASE] = { "same_phase", FALSE, P (PHASE) },
  [VIOLATION_MEASURE_OUTSIDE_PHASE] = { "measure_outside_phase", FALSE, P (MEASURE) | P (PHASE) },
  [VIOLATION_MEASURE_RUNNING_AT_CLOSE] = { "measure_running_at_close", FALSE, P (MEASURE) | P (SINCE) },
  [VIOLATION_LIMIT_EXCEEDED] = { "limit_exceeded", TRUE, P (MEASURE) | P (SINCE) | P (MAX) | P (OVER_SINCE) },
  [VIOLATION_OBLIGATION_OVERDUE] = { "obligation_overdue", TRUE, P (DUE) },
  [VIOLATION_FOLLOW_UP_GAP] = { "follow_up_gap", FALSE, P (SINCE) | P (MAX) | P (OVER_SINCE) },
  [VIOLATION_FOLLOW_UP_MISSING] = { "follow_up_missing", FALSE, P (DATE) | P (SINCE) | P (MAX) | P (OVER_SINCE) },
};

const ViolationInfo role_message_info[N_ROLE_MESSAGES] = {
  [ROLE_MESSAGE_GAP] = { "gap", TRUE, P (TASK) | P (ROLES) },
  [ROLE_MESSAGE_CLAIMED_TWICE] = { "claimed_twice", TRUE, P (TASK) | P (ACTORS) },
  [ROLE_MESSAGE_ROLE_NOT_ALLOWED] = { "role_not_allowed", TRUE, P (TASK) | P (ACTOR) | P (ROLE) | P (ROLES) },
};

int
placeholder_lookup (const char *name, gsize len)
{
  for (int i = 0; i < N_PLACEHOLDERS; i++)
    if (len > 0 && placeholder_names[i][0] == name[0] && strncmp (placeholder_names[i], name, len) == 0
        && placeholder_names[i][len] == '\0')
      return i;
  return -1;
}

gboolean
placeholders_check (const char *text, guint32 allowed, const char **bad, gsize *bad_len)
{
  for (const char *open = strchr (text, '{'); open != NULL; open = strchr (open + 1, '{'))
    {
      const char *close = strchr (open + 1, '}');
      gsize len = close ? (gsize) (close - open - 1) : strlen (open + 1);
      int placeholder = placeholder_lookup (open + 1, len);
      if (close == NULL || placeholder < 0 || !(allowed & (1u << placeholder)))
        {
          *bad = open;
          *bad_len = close ? len + 2 : strlen (open);
          return FALSE;
        }
    }
  return TRUE;
}

void
placeholders_fill (const char *text, PlaceholderFill fill, gconstpointer data, GString *out)
{
  for (const char *p = text; *p;)
    {
      const char *open = strchr (p, '{');
      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      const char *close = strchr (open, '}');
      int placeholder = close ? placeholder_lookup (open + 1, (gsize) (close - open - 1)) : -1;
      if (placeholder < 0)
        {
          g_string_append_c (out, '{');
          p = open + 1;
          continue;
        }
      fill ((Placeholder) placeholder, data, out);
      p = close + 1;
    }
}
