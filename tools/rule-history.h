/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rule-history.h: --rules FILE|DIR as a rule set's history, and a batch worker's facts and evaluation per file of
 * it (rule-history.c). */
#pragma once

#include "cli-private.h"

/* Loads --rules: a directory as a history (activering_rule_set_collection_new_from_directory), a file or NULL (the
 * embedded rule set) as a history of one; prints the error and returns NULL. */
ActiveringRuleSetCollection *cli_load_history (const char *path);

/* A worker's facts object and evaluation for each rule set of a history, made on first use. */
typedef struct RuleHistoryWorker RuleHistoryWorker;
RuleHistoryWorker *rule_history_worker_new (ActiveringRuleSetCollection *history);
void rule_history_worker_free (RuleHistoryWorker *worker);
/* Parses a facts document with the rule set in force on @as_of (nullable: the document's date, else today), and
 * hands out that rule set's facts object (parsed) and evaluation (to run). */
gboolean rule_history_worker_parse (RuleHistoryWorker *worker, const char *text, gsize length, const GDate *as_of,
                                    ActiveringFacts **facts, ActiveringEvaluation **evaluation, GError **error);

/* Whether every file of @history lists the same measures in the same order (the columns of the --human table);
 * prints the error if not. */
gboolean cli_same_measures (ActiveringRuleSetCollection *history);
