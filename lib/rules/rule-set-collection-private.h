/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rule-set-collection-private.h: building a rule set's history from rule sets already loaded. */
#pragma once

#include "rules/rule-set-private.h"

/* Sorts @n rule sets (each with its file name in @files, or @files NULL) by the day they come into force and checks
 * them as one history; errors name @document (the directory) and the files. A reference to each is taken. */
ActiveringRuleSetCollection *rule_set_collection_build (const char *document, ActiveringRuleSet *const *rule_sets,
                                                        const char *const *files, guint n, GError **error);

/* The index of the rule set in force on @day, or -1. */
int rule_set_collection_lookup_day (const ActiveringRuleSetCollection *collection, gint32 day);
