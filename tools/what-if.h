/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* what-if.h: `activering eligibility --set PATH=VALUE … [--diff]` and `--compare-rules OLD` (what-if.c). */
#pragma once

#include "cli-private.h"

/* The --set assignments, each checked against a rule set's declared facts. */
typedef struct WhatIfChanges WhatIfChanges;

/* Reads one `PATH=VALUE` assignment into its fact path and the value as facts-document JSON. VALUE is JSON as a
 * facts document holds it; for a fact whose JSON value is a string (a date, an enum code, an id) the quotes may
 * be left out, so `income.status=leefloon` is `"leefloon"`; `null` makes the fact blank. FALSE with
 * %ACTIVERING_ERROR_USAGE (no `=`) or %ACTIVERING_ERROR_UNKNOWN_KEY (a path @rules does not declare). */
gboolean what_if_parse_assignment (ActiveringRuleSet *rules, const char *assignment, char **path, char **json,
                                   GError **error);

/* Reads the NULL-terminated @assignments and checks each value against @rules (the error of the first bad one,
 * as activering_facts_set_json() gives it). */
WhatIfChanges *what_if_changes_new (ActiveringRuleSet *rules, char **assignments, GError **error);
void what_if_changes_free (WhatIfChanges *changes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WhatIfChanges, what_if_changes_free)

/* Applies @changes (nullable: none) to a parsed dossier. */
gboolean what_if_changes_apply (const WhatIfChanges *changes, ActiveringFacts *facts, GError **error);

/* What a comparison needs: each dossier is evaluated as given under @old_rules and, with @changes applied, under
 * @new_rules (the same rule set for a plain what-if). */
typedef struct
{
  ActiveringRuleSet *old_rules, *new_rules;
  const WhatIfChanges *changes; /* nullable */
  const GDate *as_of;           /* nullable: each dossier's own */
  const char *lang;
  gboolean human;
} WhatIfOptions;

/* Writes, per dossier of FILE (JSON lines with @jsonl), the `activering.rules-diff/1` document of the two answers
 * (or its --human rendering). Returns the exit status. */
int what_if_compare (const char *path, gboolean jsonl, guint jobs, const WhatIfOptions *options);
