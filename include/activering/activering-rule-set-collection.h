/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-rule-set-collection.h: a rule set's history, one file per period in force.
 *
 * Law changes on known dates. A vendor keeps last year's rule file and this year's: each declares the days it is
 * in force (`in_force` in the rule language, docs/rule-language.md), and a dossier is answered by the file in
 * force on its date. A collection holds every file of one rule set `id`, sorted by date, and is checked when it is
 * made: no two files in force on the same day, no day between the first and the last without one. A rule set
 * without `in_force` is a history of one, in force on every day. Like a rule set, a collection is immutable once
 * made and may be shared by any number of threads. Indexes follow docs/api-conventions.md.
 */
#ifndef ACTIVERING_RULE_SET_COLLECTION_H
#define ACTIVERING_RULE_SET_COLLECTION_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>

G_BEGIN_DECLS

/**
 * ActiveringRuleSetCollection:
 *
 * The history of one rule set: its files, each in force for a period, sorted by the first day they are in force.
 * Opaque and immutable; made with activering_rule_set_collection_new(),
 * activering_rule_set_collection_new_default() or activering_rule_set_collection_new_from_directory(), shared with
 * activering_rule_set_collection_ref() and released with activering_rule_set_collection_unref().
 */
typedef struct _ActiveringRuleSetCollection ActiveringRuleSetCollection;

/**
 * activering_rule_set_collection_new:
 * @rules: the one rule set of the history; a reference is kept
 *
 * A history of one: @rules answers every dossier its `in_force` period covers (every dossier, when it has none).
 *
 * Returns: (transfer full): a new collection, to release with activering_rule_set_collection_unref().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSetCollection *activering_rule_set_collection_new (ActiveringRuleSet *rules);

/**
 * activering_rule_set_collection_new_default:
 * @error: return location for a #GError, or %NULL
 *
 * The history of one that holds the rule set compiled into the library (activering_rule_set_new_default()).
 *
 * Returns: (transfer full) (nullable): a new collection, to release with activering_rule_set_collection_unref();
 *   %NULL with @error set only if the library itself is broken.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSetCollection *activering_rule_set_collection_new_default (GError **error);

/**
 * activering_rule_set_collection_new_from_directory:
 * @path: a directory holding the rule files (`*.json`; other files are left alone) of one rule set's history
 * @error: return location for a #GError, or %NULL
 *
 * Loads every `*.json` file of @path as a rule set (activering_rule_set_new_from_file()) and checks them as one
 * history. Errors (domain %ACTIVERING_ERROR), each naming the files and dates concerned: %ACTIVERING_ERROR_IO (the
 * directory cannot be read), %ACTIVERING_ERROR_MISSING (no rule file; with more than one file, a file without
 * `in_force`), %ACTIVERING_ERROR_INVALID_VALUE (files of different `id`s; a gap: days between two files that
 * neither is in force on), %ACTIVERING_ERROR_OVERLAP (two files in force on the same day),
 * %ACTIVERING_ERROR_DUPLICATE (two files of the same `version`), and any error of a file's own loading.
 *
 * Returns: (transfer full) (nullable): a new collection, to release with activering_rule_set_collection_unref();
 *   %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSetCollection *activering_rule_set_collection_new_from_directory (const char *path, GError **error);

/**
 * activering_rule_set_collection_ref:
 * @collection: a collection
 *
 * Takes a reference (thread-safe).
 *
 * Returns: (transfer full): @collection.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSetCollection *activering_rule_set_collection_ref (ActiveringRuleSetCollection *collection);

/**
 * activering_rule_set_collection_unref:
 * @collection: (nullable) (transfer full): a collection
 *
 * Drops a reference, and frees the collection (and its references to its rule sets) with the last. Accepts %NULL.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_rule_set_collection_unref (ActiveringRuleSetCollection *collection);

/**
 * activering_rule_set_collection_get_id:
 * @collection: a collection
 *
 * The `id` every rule set of the history shares.
 *
 * Returns: (transfer none): the id, owned by @collection.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_collection_get_id (const ActiveringRuleSetCollection *collection);

/**
 * activering_rule_set_collection_get_n_rule_sets:
 * @collection: a collection
 *
 * How many rule sets (files) the history holds: 1 or more.
 *
 * Returns: the count.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint activering_rule_set_collection_get_n_rule_sets (const ActiveringRuleSetCollection *collection);

/**
 * activering_rule_set_collection_get_rule_set:
 * @collection: a collection
 * @index: a rule set's index, from 0 (the earliest in force) to activering_rule_set_collection_get_n_rule_sets()
 *
 * One rule set of the history.
 *
 * Returns: (transfer none): the rule set, owned by @collection (take a reference with activering_rule_set_ref() to
 *   keep it longer); %NULL for an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_rule_set_collection_get_rule_set (const ActiveringRuleSetCollection *collection,
                                                                guint index);

/**
 * activering_rule_set_collection_get_file:
 * @collection: a collection
 * @index: a rule set's index
 *
 * The name of the file a rule set was loaded from, within the directory.
 *
 * Returns: (transfer none) (nullable): the file name (e.g. "be-vlaanderen-2027.json"), owned by @collection;
 *   %NULL for a rule set not loaded from a directory (activering_rule_set_collection_new()) or an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_rule_set_collection_get_file (const ActiveringRuleSetCollection *collection, guint index);

/**
 * activering_rule_set_collection_get_in_force:
 * @collection: a collection
 * @index: a rule set's index
 * @from: (out caller-allocates) (optional): set to the first day the rule set is in force
 * @until: (out caller-allocates) (optional): set to the last day it is in force (left untouched while it has no end)
 *
 * The period a rule set of the history is in force (its `in_force`), both days included.
 *
 * Returns: %TRUE if the rule set declares `in_force` (then @from is set); %FALSE for one in force on every day, or
 *   an index out of range.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_rule_set_collection_get_in_force (const ActiveringRuleSetCollection *collection,
                                                      guint index,
                                                      GDate *from,
                                                      GDate *until);

/**
 * activering_rule_set_collection_lookup_version:
 * @collection: a collection
 * @version: a rule set version, e.g. "2026.12.0"
 *
 * The rule set of the history with this `version` (versions are unique in a history).
 *
 * Returns: its index, or -1 if no rule set of the history has it.
 */
ACTIVERING_AVAILABLE_IN_0_1
int activering_rule_set_collection_lookup_version (const ActiveringRuleSetCollection *collection, const char *version);

/**
 * activering_rule_set_collection_lookup_date:
 * @collection: a collection
 * @date: a day
 *
 * The rule set of the history in force on @date.
 *
 * Returns: its index, or -1 if none is in force then (before the history starts or after it ends).
 */
ACTIVERING_AVAILABLE_IN_0_1
int activering_rule_set_collection_lookup_date (const ActiveringRuleSetCollection *collection, const GDate *date);

/**
 * activering_rule_set_collection_select:
 * @collection: a collection
 * @facts: (nullable): an `activering.facts/1` document as UTF-8 JSON; need not be NUL-terminated
 * @length: the length of @facts in bytes, or -1 if it is NUL-terminated
 * @as_of: (nullable): the evaluation date, if the caller gives one
 * @error: return location for a #GError, or %NULL
 *
 * The rule set that answers a dossier: the one in force on @as_of, or without it on the document's `as_of`, or
 * without that today (the date activering_evaluation_run() evaluates on). The document is only read as far as
 * its `as_of`, and not at all for a history of one in force on every day: a single rule set costs nothing here.
 * It is not checked (activering_facts_parse() with the rule set returned does that).
 *
 * Returns: (transfer none) (nullable): the rule set, owned by @collection; %NULL with %ACTIVERING_ERROR_INVALID_VALUE
 *   when none is in force on that date (e.g. `facts: /as_of: no file of rule set be-vlaanderen is in force on
 *   2019-03-01 (its history starts on 2025-01-01)`).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_rule_set_collection_select (const ActiveringRuleSetCollection *collection,
                                                          const char *facts,
                                                          gssize length,
                                                          const GDate *as_of,
                                                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringRuleSetCollection, activering_rule_set_collection_unref)

G_END_DECLS

#endif
