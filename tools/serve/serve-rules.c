/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-rules.c: the rule set in use, swapped whole when a reload loads and checks a new one. A rule set is
 * immutable and reference-counted: a request takes a reference when it starts and keeps answering from that set,
 * whatever is swapped in meanwhile; the old set is freed with its last request. */
#include "config.h"

#include "serve-private.h"

struct ServeRules
{
  GMutex lock; /* guards current only: the swap and the taking of a reference */
  ActiveringRuleSet *current;
  char *path;
  guint reloads, refused; /* atomic */
};

ServeRules *
serve_rules_new (ActiveringRuleSet *rules, const char *path)
{
  ServeRules *holder = g_new0 (ServeRules, 1);
  g_mutex_init (&holder->lock);
  holder->current = activering_rule_set_ref (rules);
  holder->path = g_strdup (path);
  return holder;
}

void
serve_rules_free (ServeRules *holder)
{
  if (holder == NULL)
    return;
  activering_rule_set_unref (holder->current);
  g_mutex_clear (&holder->lock);
  g_free (holder->path);
  g_free (holder);
}

ActiveringRuleSet *
serve_rules_dup (ServeRules *holder)
{
  g_mutex_lock (&holder->lock);
  ActiveringRuleSet *rules = activering_rule_set_ref (holder->current);
  g_mutex_unlock (&holder->lock);
  return rules;
}

const char *
serve_rules_get_path (ServeRules *holder)
{
  return holder->path;
}

gboolean
serve_rules_reload (ServeRules *holder, GError **error)
{
  /* loading and checking happen before the lock: requests go on meanwhile */
  ActiveringRuleSet *rules = holder->path != NULL ? activering_rule_set_new_from_file (holder->path, error)
                                                  : activering_rule_set_new_default (error);
  if (rules == NULL)
    {
      g_atomic_int_inc (&holder->refused);
      return FALSE;
    }
  g_mutex_lock (&holder->lock);
  ActiveringRuleSet *old = holder->current;
  holder->current = rules;
  g_mutex_unlock (&holder->lock);
  activering_rule_set_unref (old);
  g_atomic_int_inc (&holder->reloads);
  return TRUE;
}

void
serve_rules_get_reloads (ServeRules *holder, guint64 *done, guint64 *refused)
{
  *done = (guint) g_atomic_int_get (&holder->reloads);
  *refused = (guint) g_atomic_int_get (&holder->refused);
}
