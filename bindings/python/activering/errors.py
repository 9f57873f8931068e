# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The exceptions of libactivering: one class per C error code (ActiveringError in activering-error.h).

Every class derives from Error, whose `code` is the C code's stable name and whose `path` is the JSON path the
error is about. The classes are written out, so that editors and type checkers see them; tests/test_errors.py
checks that they match the C library's codes, number for number.
"""
from __future__ import annotations

from typing import Optional

from ._native import ffi as _ffi, lib as _lib

__all__ = [
    "Error", "FailedError", "JSONSyntaxError", "FormatError", "JSONTypeError", "UnknownKeyError",
    "InvalidValueError", "OutOfRangeError", "MissingError", "TooLargeError", "UnknownRefError", "RuleTypeError",
    "CycleError", "OverlapError", "TranslationError", "DuplicateError", "FileError", "UsageError",
]


class Error(Exception):
    """An error of libactivering. `code` is the C error code's name (e.g. "unknown_key"); the message names the
    document and the JSON path, e.g. "facts: /vdab/registered_since: "2025-13-01" is not a valid date"; `path`
    is that JSON path (from activering_error_get_path), or None when the error is not about a place."""

    __module__ = "activering"  # where users catch it from, in tracebacks and pickles
    code = "failed"

    def __init__(self, message: str, path: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.path = path


# The names follow the C codes ("unknown_key": UnknownKeyError), except where they would shadow Python's own
# exceptions (SyntaxError, TypeError, IOError).

class FailedError(Error):
    """libactivering error code 0 (failed): anything no other code covers."""
    __module__ = "activering"
    code = "failed"


class JSONSyntaxError(Error):
    """libactivering error code 1 (syntax): not well-formed JSON, an empty document, trailing garbage."""
    __module__ = "activering"
    code = "syntax"


class FormatError(Error):
    """libactivering error code 2 (format): "format" missing, of another kind, or of another major version."""
    __module__ = "activering"
    code = "format"


class JSONTypeError(Error):
    """libactivering error code 3 (type): a value of the wrong JSON type (an array where an object belongs, …)."""
    __module__ = "activering"
    code = "type"


class UnknownKeyError(Error):
    """libactivering error code 4 (unknown_key): a key the rule set does not declare (the message suggests one)."""
    __module__ = "activering"
    code = "unknown_key"


class InvalidValueError(Error):
    """libactivering error code 5 (invalid_value): an impossible date, a value outside its enum."""
    __module__ = "activering"
    code = "invalid_value"


class OutOfRangeError(Error):
    """libactivering error code 6 (out_of_range): a number outside its declared bounds."""
    __module__ = "activering"
    code = "out_of_range"


class MissingError(Error):
    """libactivering error code 7 (missing): a required key is absent."""
    __module__ = "activering"
    code = "missing"


class TooLargeError(Error):
    """libactivering error code 8 (too_large): nesting too deep, a string or a list too long."""
    __module__ = "activering"
    code = "too_large"


class UnknownRefError(Error):
    """libactivering error code 9 (unknown_ref): a rule set refers to an undeclared fact, parameter, role or
    measure."""
    __module__ = "activering"
    code = "unknown_ref"


class RuleTypeError(Error):
    """libactivering error code 10 (rule_type): a rule set's expression whose operand types do not fit."""
    __module__ = "activering"
    code = "rule_type"


class CycleError(Error):
    """libactivering error code 11 (cycle): a rule set's definition or measure that depends on itself."""
    __module__ = "activering"
    code = "cycle"


class OverlapError(Error):
    """libactivering error code 12 (overlap): two periods of one parameter of a rule set overlap."""
    __module__ = "activering"
    code = "overlap"


class TranslationError(Error):
    """libactivering error code 13 (translation): a rule set's label or text lacks one of its languages."""
    __module__ = "activering"
    code = "translation"


class DuplicateError(Error):
    """libactivering error code 14 (duplicate): a code defined twice."""
    __module__ = "activering"
    code = "duplicate"


class FileError(Error):
    """libactivering error code 15 (io): a file could not be read."""
    __module__ = "activering"
    code = "io"


class UsageError(Error):
    """libactivering error code 16 (usage): a bad argument: an unknown language or measure code, a bad date."""
    __module__ = "activering"
    code = "usage"


#: The classes by C error code (ActiveringError), in the order of its numbers.
BY_CODE = (
    FailedError, JSONSyntaxError, FormatError, JSONTypeError, UnknownKeyError, InvalidValueError, OutOfRangeError,
    MissingError, TooLargeError, UnknownRefError, RuleTypeError, CycleError, OverlapError, TranslationError,
    DuplicateError, FileError, UsageError,
)


def _new_error():
    """A GError ** for a C call to fill in."""
    return _ffi.new("GError **")


def _raise(error_ptr) -> None:
    """Raises the Python exception for the GError in @error_ptr (a GError **), and frees it."""
    error = error_ptr[0]
    if error == _ffi.NULL:
        raise Error("libactivering failed without saying why")
    message = _ffi.string(error.message).decode("utf-8", "replace")
    cls = BY_CODE[error.code] if 0 <= error.code < len(BY_CODE) else Error
    path = _lib.activering_error_get_path(error)  # borrowed from the error: read before freeing it
    path = None if path == _ffi.NULL else _ffi.string(path).decode()
    _lib.g_error_free(error)
    raise cls(message, path)
