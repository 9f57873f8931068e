/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-facts.h: what is known about one dossier (document `activering.facts/1`).
 *
 * Facts are parsed straight into the compact form the rule set needs, and validated against the facts the
 * rule set declares. An absent key is *unknown*, a key set to null is *blank*: both stay distinct from false.
 * An #ActiveringFacts may be parsed into again and again (one dossier after another) without allocating.
 * One #ActiveringFacts belongs to one thread at a time.
 */
#ifndef ACTIVERING_FACTS_H
#define ACTIVERING_FACTS_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>

G_BEGIN_DECLS

/**
 * ActiveringFacts:
 *
 * What is known about one dossier: an `activering.facts/1` document parsed against a rule set. Opaque; made with
 * activering_facts_new() or activering_facts_new_from_data(), refilled with activering_facts_parse(), freed with
 * activering_facts_free(). A copy made by a language binding shares the object (it takes a reference) and is
 * released with the same activering_facts_free().
 */
typedef struct _ActiveringFacts ActiveringFacts;

/**
 * ActiveringFactState:
 * @ACTIVERING_FACT_KNOWN: the fact has a value
 * @ACTIVERING_FACT_UNKNOWN: the key is absent (nobody asked yet)
 * @ACTIVERING_FACT_BLANK: the key is null (asked, but not known)
 *
 * The state of one fact of a dossier. Neither unknown nor blank is false: a condition that needs such a fact is
 * itself unknown.
 */
typedef enum {
  ACTIVERING_FACT_KNOWN = 0,
  ACTIVERING_FACT_UNKNOWN = 1,
  ACTIVERING_FACT_BLANK = 2,
} ActiveringFactState;

/**
 * activering_fact_state_to_string:
 * @state: a fact state
 *
 * The name of a fact state, as the documents the library writes give it.
 *
 * Returns: (transfer none): "known", "unknown" or "blank", a static string; "unknown" for a value that is not an
 *   #ActiveringFactState.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_fact_state_to_string (ActiveringFactState state);

/**
 * activering_facts_new:
 * @rules: the rule set whose declared facts the documents are checked against; a reference is kept
 *
 * Makes an empty facts object, to be filled with activering_facts_parse(), one dossier after another.
 *
 * Returns: (transfer full): an empty facts object (no id, no `as_of`, every fact unknown); free with
 *   activering_facts_free().
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringFacts *activering_facts_new (ActiveringRuleSet *rules);

/**
 * activering_facts_parse:
 * @facts: the facts object to refill; what it held before is dropped
 * @data: (nullable): one `activering.facts/1` document as UTF-8 JSON; need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated (@data may be %NULL only with a
 *   @length of 0, which is an empty document)
 * @error: return location for a #GError, or %NULL
 *
 * Refills @facts from a document, without allocating once warmed up (the `_parse` of docs/api-conventions.md).
 * Errors (domain %ACTIVERING_ERROR) name the JSON path, e.g. `facts: /vdab/registered_since: "2025-13-01" is
 * not a valid date`: %ACTIVERING_ERROR_SYNTAX (malformed or empty), %ACTIVERING_ERROR_FORMAT,
 * %ACTIVERING_ERROR_TYPE, %ACTIVERING_ERROR_UNKNOWN_KEY (with a "did you mean" suggestion; keys starting
 * with `x_` are accepted and ignored), %ACTIVERING_ERROR_INVALID_VALUE, %ACTIVERING_ERROR_OUT_OF_RANGE,
 * %ACTIVERING_ERROR_MISSING (no `id`), %ACTIVERING_ERROR_DUPLICATE (a key twice in one object),
 * %ACTIVERING_ERROR_TOO_LARGE. A document without `format` is a %ACTIVERING_ERROR_FORMAT error. Error messages
 * are one line of valid UTF-8 whatever the input held. On error @facts is left empty.
 *
 * Returns: %TRUE on success; %FALSE with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_parse (ActiveringFacts *facts, const char *data, gssize length, GError **error);

/**
 * activering_facts_new_from_data:
 * @rules: the rule set whose declared facts the document is checked against; a reference is kept
 * @data: (nullable): one `activering.facts/1` document as UTF-8 JSON; need not be NUL-terminated
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated (@data may be %NULL only with a
 *   @length of 0, which is an empty document)
 * @error: return location for a #GError, or %NULL; the errors of activering_facts_parse() (domain
 *   %ACTIVERING_ERROR: %ACTIVERING_ERROR_SYNTAX, %ACTIVERING_ERROR_FORMAT, %ACTIVERING_ERROR_TYPE,
 *   %ACTIVERING_ERROR_UNKNOWN_KEY, %ACTIVERING_ERROR_INVALID_VALUE, %ACTIVERING_ERROR_OUT_OF_RANGE,
 *   %ACTIVERING_ERROR_MISSING, %ACTIVERING_ERROR_DUPLICATE, %ACTIVERING_ERROR_TOO_LARGE)
 *
 * activering_facts_new() followed by activering_facts_parse(): a new facts object holding one document.
 *
 * Returns: (transfer full) (nullable): the facts, free with activering_facts_free(); %NULL with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringFacts *activering_facts_new_from_data (ActiveringRuleSet *rules,
                                                 const char *data,
                                                 gssize length,
                                                 GError **error);

/**
 * activering_facts_free:
 * @facts: (nullable) (transfer full): the facts object to free
 *
 * Frees @facts and drops its rule-set reference. Accepts %NULL. (A binding's copy shares the object: it is freed
 * with its last reference.)
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_facts_free (ActiveringFacts *facts);

/**
 * activering_facts_get_rule_set:
 * @facts: a facts object
 *
 * The rule set @facts was made for (the one given to activering_facts_new()).
 *
 * Returns: (transfer none): the rule set, owned by @facts and valid as long as it is (take a reference with
 *   activering_rule_set_ref() to keep it longer).
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringRuleSet *activering_facts_get_rule_set (const ActiveringFacts *facts);

/**
 * activering_facts_get_id:
 * @facts: a facts object
 *
 * The dossier's id: the document's `id`, opaque to the library.
 *
 * Returns: (transfer none) (nullable): the id, owned by @facts and valid until it is parsed into again or freed;
 *   %NULL before a successful parse (a new object, or one whose last parse failed).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_facts_get_id (const ActiveringFacts *facts);

/**
 * activering_facts_get_as_of:
 * @facts: a facts object
 * @out: (out caller-allocates): the caller's #GDate, set to the document's `as_of` date
 *
 * The date the document says it describes the dossier on, which activering_evaluation_run() evaluates on
 * when it is given no date.
 *
 * Returns: %TRUE if the document has an `as_of`; %FALSE (and @out untouched) if not, or before a successful
 *   parse.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_get_as_of (const ActiveringFacts *facts, GDate *out);

/**
 * activering_facts_get_state:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, e.g. "vdab.registered"
 *
 * Whether the dossier gives a fact. An unknown path is not a programmer's error: it gets the fallback, with no
 * critical.
 *
 * Returns: whether the fact is known, unknown (absent) or blank (null); %ACTIVERING_FACT_UNKNOWN for a path
 * the rule set does not declare.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringFactState activering_facts_get_state (const ActiveringFacts *facts, const char *path);

/**
 * activering_facts_get_string:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, of type `id` (e.g. "household.partner_id") or `enum`
 *
 * The value of a fact whose value is a string: an opaque id, or the code of an enum value. An unknown path, or a
 * fact of another type, is not a programmer's error: it gets %NULL, with no critical.
 *
 * Returns: (transfer none) (nullable): the value, owned by @facts (an enum value's code: by the rule set) and
 *   valid until @facts is parsed into again or freed; %NULL when the fact is not known (unknown or blank), is not
 *   declared, or is of another type.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_facts_get_string (const ActiveringFacts *facts, const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringFacts, activering_facts_free)

G_END_DECLS

#endif
