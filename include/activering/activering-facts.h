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

/**
 * activering_facts_set_json:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, e.g. "proposals.ibo.weeks"
 * @json: (nullable): the new value as the JSON a facts document would hold at @path, e.g. `20`, `"leefloon"`,
 *   `"2026-03-01"`, `["debt"]` or `null` (blank); need not be NUL-terminated
 * @length: the length of @json in bytes, or -1 if it is NUL-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Changes one fact of a dossier, for a what-if: the value is read and checked exactly as the same value in a
 * facts document would be (activering_facts_parse()), and replaces what the fact held. This is the one setter
 * for every type, lists and measure runs included; the typed setters below write their value as JSON and call
 * it. `null` makes the fact *blank* (asked, not known); activering_facts_unset() makes it *unknown* (absent);
 * neither is false. The dossier's id and `as_of` are not facts and cannot be set here.
 *
 * Errors (domain %ACTIVERING_ERROR), with the messages of the document reader, e.g. `facts: /proposals.ibo.weeks:
 * -3 is out of range (expected a number of at least 0)`: %ACTIVERING_ERROR_UNKNOWN_KEY (a path the rule set does
 * not declare, with a "did you mean"), %ACTIVERING_ERROR_SYNTAX (empty or malformed JSON),
 * %ACTIVERING_ERROR_TYPE (a value of the wrong type), %ACTIVERING_ERROR_INVALID_VALUE (not one of an enum's
 * values, not a valid date), %ACTIVERING_ERROR_OUT_OF_RANGE (outside the declared minimum and maximum). On error
 * the fact keeps the value it had.
 *
 * Returns: %TRUE on success; %FALSE with @error set.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_json (ActiveringFacts *facts, const char *path, const char *json, gssize length,
                                    GError **error);

/**
 * activering_facts_set_boolean:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, of type `bool`
 * @value: the new value
 * @error: return location for a #GError, or %NULL
 *
 * Sets a `bool` fact; activering_facts_set_json() with `true` or `false`, and its errors (a fact of another type
 * is %ACTIVERING_ERROR_TYPE).
 *
 * Returns: %TRUE on success; %FALSE with @error set (the fact unchanged).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_boolean (ActiveringFacts *facts, const char *path, gboolean value, GError **error);

/**
 * activering_facts_set_integer:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, of type `integer` or `number`
 * @value: the new value
 * @error: return location for a #GError, or %NULL
 *
 * Sets a whole-number fact (or a `number` fact to a whole number); activering_facts_set_json() and its errors:
 * %ACTIVERING_ERROR_OUT_OF_RANGE outside the declared range, %ACTIVERING_ERROR_TYPE for a fact of another type.
 *
 * Returns: %TRUE on success; %FALSE with @error set (the fact unchanged).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_integer (ActiveringFacts *facts, const char *path, gint64 value, GError **error);

/**
 * activering_facts_set_number:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, of type `number` (or `integer`, for a whole @value)
 * @value: the new value, finite
 * @error: return location for a #GError, or %NULL
 *
 * Sets a `number` fact; activering_facts_set_json() and its errors: %ACTIVERING_ERROR_OUT_OF_RANGE outside the
 * declared range or for an infinite or NaN @value, %ACTIVERING_ERROR_TYPE for a fact of another type or a
 * fraction given to an `integer` fact.
 *
 * Returns: %TRUE on success; %FALSE with @error set (the fact unchanged).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_number (ActiveringFacts *facts, const char *path, double value, GError **error);

/**
 * activering_facts_set_date:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, of type `date`
 * @date: the new value
 * @error: return location for a #GError, or %NULL
 *
 * Sets a `date` fact; activering_facts_set_json() with the date as `"YYYY-MM-DD"`, and its errors (an invalid
 * #GDate is %ACTIVERING_ERROR_INVALID_VALUE).
 *
 * Returns: %TRUE on success; %FALSE with @error set (the fact unchanged).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_date (ActiveringFacts *facts, const char *path, const GDate *date, GError **error);

/**
 * activering_facts_set_string:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set, of type `enum`, `id` or `date`
 * @value: the new value: one of an enum's codes, an opaque id, or a date `YYYY-MM-DD` (UTF-8)
 * @error: return location for a #GError, or %NULL
 *
 * Sets a fact whose JSON value is a string; activering_facts_set_json() with @value as a JSON string, and its
 * errors: %ACTIVERING_ERROR_INVALID_VALUE for a code the enum does not have (with the allowed codes and a "did
 * you mean"), a bad id or date, or text that is not UTF-8; %ACTIVERING_ERROR_TYPE for a fact of another type.
 *
 * Returns: %TRUE on success; %FALSE with @error set (the fact unchanged).
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_string (ActiveringFacts *facts, const char *path, const char *value, GError **error);

/**
 * activering_facts_set_blank:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set
 * @error: return location for a #GError, or %NULL
 *
 * Makes a fact *blank*: asked, but not known, as `null` in a facts document. A condition that needs it stays
 * unknown, and the result lists it as missing with the state `blank`.
 *
 * Returns: %TRUE on success; %FALSE with %ACTIVERING_ERROR_UNKNOWN_KEY for a path the rule set does not declare.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_set_blank (ActiveringFacts *facts, const char *path, GError **error);

/**
 * activering_facts_unset:
 * @facts: a facts object
 * @path: a dotted fact path declared by the rule set
 * @error: return location for a #GError, or %NULL
 *
 * Makes a fact *unknown*, as if its key were absent from the document (not false, and not blank).
 *
 * Returns: %TRUE on success; %FALSE with %ACTIVERING_ERROR_UNKNOWN_KEY for a path the rule set does not declare.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_facts_unset (ActiveringFacts *facts, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringFacts, activering_facts_free)

G_END_DECLS

#endif
