/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-error.h: the one error domain of libactivering. */
#ifndef ACTIVERING_ERROR_H
#define ACTIVERING_ERROR_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>

G_BEGIN_DECLS

/**
 * ACTIVERING_ERROR:
 *
 * The GError domain of every error this library reports.
 */
#define ACTIVERING_ERROR (activering_error_quark ())

/**
 * ActiveringError:
 * @ACTIVERING_ERROR_FAILED: anything not listed below
 * @ACTIVERING_ERROR_SYNTAX: not well-formed JSON, an empty document, trailing garbage
 * @ACTIVERING_ERROR_FORMAT: "format" missing, of another kind, or of another major version
 * @ACTIVERING_ERROR_TYPE: a value of the wrong JSON type (an array where an object belongs, …)
 * @ACTIVERING_ERROR_UNKNOWN_KEY: a key the rule set does not declare (the message suggests one)
 * @ACTIVERING_ERROR_INVALID_VALUE: an impossible date, a value outside its enum
 * @ACTIVERING_ERROR_OUT_OF_RANGE: a number outside its declared bounds
 * @ACTIVERING_ERROR_MISSING: a required key is absent
 * @ACTIVERING_ERROR_TOO_LARGE: nesting too deep, a string or a list too long
 * @ACTIVERING_ERROR_UNKNOWN_REF: rule set: a reference to an undeclared fact, parameter, role, measure
 * @ACTIVERING_ERROR_RULE_TYPE: rule set: an expression whose operand types do not fit
 * @ACTIVERING_ERROR_CYCLE: rule set: a definition or measure that depends on itself
 * @ACTIVERING_ERROR_OVERLAP: rule set: two periods of one parameter overlap
 * @ACTIVERING_ERROR_TRANSLATION: rule set: a label or text without one of the rule set's languages
 * @ACTIVERING_ERROR_DUPLICATE: a code defined twice
 * @ACTIVERING_ERROR_IO: a file could not be read
 * @ACTIVERING_ERROR_USAGE: a bad argument: an unknown language or measure code, a bad date
 *
 * Error codes. Append-only: a released code keeps its number and meaning.
 * Every message about a document names the document, the JSON path (as a JSON pointer) and what was expected, for
 * example `facts: /vdab/registered_since: "2025-13-01" is not a valid date`; the document and the path also
 * travel with the error (activering_error_get_document(), activering_error_get_path()). Messages never contain
 * personal data.
 */
typedef enum {
  ACTIVERING_ERROR_FAILED = 0,
  ACTIVERING_ERROR_SYNTAX = 1,
  ACTIVERING_ERROR_FORMAT = 2,
  ACTIVERING_ERROR_TYPE = 3,
  ACTIVERING_ERROR_UNKNOWN_KEY = 4,
  ACTIVERING_ERROR_INVALID_VALUE = 5,
  ACTIVERING_ERROR_OUT_OF_RANGE = 6,
  ACTIVERING_ERROR_MISSING = 7,
  ACTIVERING_ERROR_TOO_LARGE = 8,
  ACTIVERING_ERROR_UNKNOWN_REF = 9,
  ACTIVERING_ERROR_RULE_TYPE = 10,
  ACTIVERING_ERROR_CYCLE = 11,
  ACTIVERING_ERROR_OVERLAP = 12,
  ACTIVERING_ERROR_TRANSLATION = 13,
  ACTIVERING_ERROR_DUPLICATE = 14,
  ACTIVERING_ERROR_IO = 15,
  ACTIVERING_ERROR_USAGE = 16,
} ActiveringError;

/**
 * activering_error_quark:
 *
 * The quark of the %ACTIVERING_ERROR domain ("activering-error-quark"); use the %ACTIVERING_ERROR macro rather than
 * calling this. Its errors also carry the document and the path that activering_error_get_document() and
 * activering_error_get_path() read.
 *
 * Returns: the error domain's quark.
 */
ACTIVERING_AVAILABLE_IN_0_1
GQuark activering_error_quark (void);

/**
 * activering_error_code_to_string:
 * @code: an #ActiveringError (the `code` of a #GError in the %ACTIVERING_ERROR domain)
 *
 * The name of an error code, as the `code` member of an `activering.error/1` document gives it.
 *
 * Returns: (transfer none): the stable snake_case name of @code ("syntax", "unknown_key", …), a static string;
 *   "failed" for a number that is not an #ActiveringError.
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_error_code_to_string (int code);

/**
 * activering_error_get_path:
 * @error: (nullable): an error
 *
 * Where in its document an error is, as a JSON pointer: the path its message names ("/vdab/registered_since";
 * "/" for the document as a whole). No need to parse the message.
 *
 * Returns: (transfer none) (nullable): the path, owned by @error and valid until it is freed; %NULL if @error is
 * %NULL, is not in %ACTIVERING_ERROR, or is not about a place in a document (a file that cannot be read, a bad
 * argument).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_error_get_path (const GError *error);

/**
 * activering_error_get_document:
 * @error: (nullable): an error
 *
 * Which document an error is in: the name its message starts with, either the kind of document ("facts",
 * "rules", …) or the name the caller gave it (a rule file's path, the @document_name of
 * activering_rule_set_new_from_data()).
 *
 * Returns: (transfer none) (nullable): the name, owned by @error and valid until it is freed; %NULL if @error is
 * %NULL, is not in %ACTIVERING_ERROR, or names no document (always when activering_error_get_path() is %NULL).
 */
ACTIVERING_AVAILABLE_IN_0_1
const char *activering_error_get_document (const GError *error);

G_END_DECLS

#endif
