# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Between Python and the C library: documents to JSON bytes, dates to GDates, C strings and GStrings to str, and
a facts document to the C handle every call on a dossier takes."""
from __future__ import annotations

import codecs as _codecs
import datetime as _datetime
import json as _json
from typing import Any, Mapping, Optional, Union

from ._native import ffi as _ffi, lib as _lib
from .errors import UsageError, _new_error, _raise

try:  # Debian's python3-ujson writes JSON about twice as fast as the standard library; optional
    import ujson as _ujson
except ImportError:  # pragma: no cover - depends on the machine
    _ujson = None

FACTS_FORMAT = "activering.facts/1"

Document = Union[Mapping[str, Any], str, bytes]
DateLike = Union[str, _datetime.date, None]


def _string(pointer) -> Optional[str]:
    """A string the library keeps (transfer none), decoded; None for NULL."""
    return None if pointer == _ffi.NULL else _ffi.string(pointer).decode()


def _take_string(pointer) -> str:
    """A string the library allocated (transfer full): decoded, then freed."""
    try:
        return _ffi.string(pointer).decode()
    finally:
        _lib.g_free(pointer)


def _gstring():
    """An empty GString for C to append to, freed with the Python object."""
    return _ffi.gc(_lib.g_string_new(_ffi.NULL), lambda s: _lib.g_string_free(s, 1))


def _text(out) -> str:
    """What a GString holds (decoded straight from C's memory: no copy into bytes first)."""
    return _codecs.utf_8_decode(_ffi.buffer(out.str, out.len), "strict", True)[0]


def _dumps(document) -> str:
    if _ujson is not None:
        try:
            return _ujson.dumps(document, ensure_ascii=False, escape_forward_slashes=False)
        except (TypeError, OverflowError):
            pass  # dates, numpy scalars, huge integers: the standard library below knows what to do or says what
    return _json.dumps(document, ensure_ascii=False, default=_json_default)


def _json_default(value):
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot write a {type(value).__name__} in a facts document")


def _document_bytes(document: Any, what: str, default_format: Optional[str] = None) -> bytes:
    """@document (a dict, or JSON text) as the bytes C reads; a dict without "format" gets @default_format."""
    if isinstance(document, (str, bytes, bytearray)):
        return document.encode() if isinstance(document, str) else bytes(document)
    if isinstance(document, Mapping):
        if default_format is not None and "format" not in document:
            document = {"format": default_format, **document}
        return _dumps(document).encode()
    raise TypeError(f"{what} must be a dict or JSON text, not {type(document).__name__}")


def _gdate(as_of: DateLike):
    """A GDate for @as_of (None: NULL), freed with the Python object."""
    if as_of is None:
        return _ffi.NULL
    if isinstance(as_of, _datetime.datetime):
        as_of = as_of.date()
    if isinstance(as_of, str):
        try:
            as_of = _datetime.date.fromisoformat(as_of)
        except ValueError:
            raise UsageError(f"as_of: \"{as_of}\" is not a date YYYY-MM-DD") from None
    if not isinstance(as_of, _datetime.date):
        raise TypeError(f"as_of must be a date, a 'YYYY-MM-DD' string or None, not {type(as_of).__name__}")
    return _ffi.gc(_lib.g_date_new_dmy(as_of.day, as_of.month, as_of.year), _lib.g_date_free)


def _lang(lang: Optional[str]):
    """@lang for C: NULL (the rule set's first language) or the code's bytes."""
    if lang is None:
        return _ffi.NULL
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a language code such as 'nl', not {type(lang).__name__}")
    return lang.encode()


def _facts(rules, facts: Document):
    """The C handle of a facts document, read against @rules (a RuleSet); freed with the Python object."""
    data = _document_bytes(facts, "facts", FACTS_FORMAT)
    error = _new_error()
    ptr = _lib.activering_facts_new_from_data(rules._ptr, data, len(data), error)
    if ptr == _ffi.NULL:
        _raise(error)
    return _ffi.gc(ptr, _lib.activering_facts_free)
