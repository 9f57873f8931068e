# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Screening a pandas DataFrame: evaluate_frame, with the columns going to C as typed arrays."""
from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Optional

from ._convert import DateLike, _dumps, _gstring, _text
from ._native import ffi as _ffi, lib as _lib
from .enums import OUTCOMES
from .errors import UnknownKeyError, _new_error, _raise
from .evaluation import _PROGRESS_CHUNK, _batch_options, _progress
from .rules import RuleSet, _rules

if TYPE_CHECKING:  # pandas and numpy are optional ("frames"): imported where evaluate_frame needs them
    import pandas

__all__ = ["evaluate_frame"]

_MIN_INT64 = -(2 ** 63)  # a blank date in a column of days (pandas' NaT)


def _fact_like_columns(columns, fact_paths: list, id_column: str) -> dict:
    """{column: suggestion or None} for the columns named like a fact path that are not one of @fact_paths: dotted
    snake_case ("income.stauts"), or close to a fact's path ("income_status"). A typo would otherwise drop the
    column without a word and leave every row undetermined."""
    import difflib
    import re
    facts = set(fact_paths)
    found = {}
    for column in columns:
        if not isinstance(column, str) or column in facts or column in (id_column, "as_of") or column.startswith("x_"):
            continue
        close = difflib.get_close_matches(column, fact_paths, n=1, cutoff=0.8)
        if close or re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", column):
            found[column] = close[0] if close else None
    return found


def evaluate_frame(frame: "pandas.DataFrame", as_of: DateLike = None, missing: bool = True, id_column: str = "id",
                   rules: Optional[RuleSet] = None, ignore_unknown: bool = False,
                   progress=None) -> "pandas.DataFrame":
    """Screens a pandas DataFrame: one row per dossier in, one row per dossier out, with the same index.

    The input's columns are fact paths ("income.status", "person.birth_date", …, as pandas.json_normalize makes
    them from facts documents; dates as datetime64 or "YYYY-MM-DD" strings; NaN or None for an empty cell, which is
    an absent fact, as a key left out of a document is), an "id"
    column (@id_column; default: the index) and an optional "as_of" column; other columns are ignored. The result
    has the "id", one categorical column per measure (eligible, not_eligible, undetermined, not_applicable; NaN for
    a row in error), an "error" column (None, or the message naming the bad value, e.g.
    'facts: /income.status: "leeflon" is not one of: …'), and with @missing one boolean "missing:<fact>" column for
    each fact that some row still needs for a decision.

    A date column whose cells are not dates (integers such as 19900101, floats, free text) is checked cell by cell
    by C: each bad cell's row gets the error a facts document with that value would get. A column named like a fact
    path that is not a fact of the rule set ("income_status", "vdab.registerd") raises UnknownKeyError with a
    suggestion; with @ignore_unknown it is left out, and the result's attrs["ignored_columns"] lists such columns.

    The columns go to C as typed arrays (numbers, days, category codes; JSON only for lists), and the whole frame
    is evaluated in one call; with @progress (a function of (rows done, total rows), or True for a tqdm bar) it goes
    in chunks of 10,000 rows, reporting after each."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"evaluate_frame takes a pandas DataFrame, not {type(frame).__name__}")
    r = _rules(rules)
    unknown = _fact_like_columns(frame.columns, r.facts, id_column)
    if unknown and not ignore_unknown:
        column, hint = next(iter(unknown.items()))
        hint = f' (did you mean "{hint}"?)' if hint else ""
        raise UnknownKeyError(f'evaluate_frame: column "{column}" is named like a fact, but the rule set has no '
                              f'such fact{hint}; pass ignore_unknown=True to leave it out', None)
    report = _progress(progress, len(frame))
    if report is not None and len(frame) > _PROGRESS_CHUNK:
        parts = []
        for start in range(0, len(frame), _PROGRESS_CHUNK):
            parts.append(evaluate_frame(frame.iloc[start:start + _PROGRESS_CHUNK], as_of, missing, id_column, r,
                                        ignore_unknown=True))
            report(min(start + _PROGRESS_CHUNK, len(frame)))
        result = pd.concat(parts)
        for code in r.measures:
            result[code] = pd.Categorical(result[code], categories=list(OUTCOMES))
        for column in [c for c in result.columns if isinstance(c, str) and c.startswith("missing:")]:
            result[column] = result[column].fillna(False).astype(bool)  # a chunk where no row needed it
        result.attrs["ignored_columns"] = list(unknown)
        return result
    result = _evaluate_frame_at_once(frame, as_of, missing, id_column, r)
    result.attrs["ignored_columns"] = list(unknown)
    if report is not None:
        report(len(frame))
    return result


def _evaluate_frame_at_once(frame, as_of, missing, id_column, r):
    import numpy as np
    import pandas as pd

    measures, fact_paths = r.measures, r.facts
    n = len(frame)
    keep = []  # everything C reads must live through the call
    if id_column in frame.columns:
        ids = frame[id_column]
        column = _cells_texts("id", ids, keep, json=False)  # a column of str: as it is
        if column is None:
            ids = ids.astype(str)
    else:
        ids, column = pd.Series(frame.index, index=frame.index).astype(str), None
    columns = [column if column is not None else _texts_column("id", ids.tolist(), keep, plain=True)]
    if "as_of" in frame.columns:
        columns.append(_date_column("as_of", frame["as_of"], keep, plain=True))
    present = set(frame.columns)
    for path in fact_paths:
        if path in present:
            columns.append(_fact_column(path, r.fact_type(path), frame[path], keep))
    array = _ffi.new("ActiveringColumn[]", len(columns))
    for i, (name, kind, values, text, codes, n_codes) in enumerate(columns):
        array[i].name, array[i].kind, array[i].values = name, kind, values
        array[i].text, array[i].codes, array[i].n_codes = text, codes, n_codes
    outcomes = np.empty((max(n, 1), len(measures)), dtype=np.uint8)
    missing_cells = np.empty((max(n, 1), len(fact_paths)), dtype=np.uint8) if missing else None
    out = _gstring()
    n_errors = _ffi.new("unsigned int *")
    error = _new_error()
    options = _batch_options(as_of, None, 0, out, _ffi.from_buffer("unsigned char[]", outcomes),
                             _ffi.from_buffer("unsigned char[]", missing_cells) if missing else _ffi.NULL, n, keep)
    if not _lib.activering_evaluate_columns(r._ptr, n, array, len(columns), options, n_errors, error):
        _raise(error)
    # The result in one go: a categorical per measure straight from the outcome codes (ACTIVERING_LINES_ERROR, 255,
    # is -1 as int8: NaN), the error messages, the missing facts.
    data = {"id": ids.to_numpy()}
    codes = outcomes[:n].view(np.int8)
    dtype = pd.CategoricalDtype(list(OUTCOMES))
    for m, code in enumerate(measures):
        data[code] = pd.Categorical.from_codes(codes[:, m], dtype=dtype)
    messages = np.full(n, None, dtype=object)
    if n_errors[0]:
        for line in _text(out).splitlines():
            document = _json.loads(line)
            messages[document["line"] - 1] = document["message"]
    data["error"] = messages
    if missing:
        needed = missing_cells[:n].astype(bool)
        for f in np.flatnonzero(needed.any(axis=0)):
            data["missing:" + fact_paths[f]] = needed[:, f]
    return pd.DataFrame(data, index=frame.index)


def _cells(column):
    """The cells of an object column as C reads them (an array of PyObject pointers), or None for another dtype."""
    import numpy as np
    if column.dtype != object:
        return None
    cells = column.to_numpy(dtype=object, copy=False)
    if not cells.flags.c_contiguous:
        cells = np.ascontiguousarray(cells)
    return cells


def _cells_texts(name, column, keep, json=True):
    """A texts column written by _cells.c in one pass (each cell's JSON, or with not @json the str itself), or None
    when a cell needs the general path."""
    import numpy as np
    cells = _cells(column)
    if cells is None:
        return None
    offsets = np.empty(len(cells) + 1, dtype=np.int64)
    length = _ffi.new("size_t *")
    text = _lib.activering_py_cells_texts(_ffi.cast("void *", cells.ctypes.data), len(cells), json,
                                          _ffi.from_buffer("int64_t[]", offsets), length)
    if text == _ffi.NULL:
        return None
    text = _ffi.gc(text, _lib.activering_py_cells_free)
    keep.extend((offsets, text))
    return (_keep_name(name, keep), _lib.ACTIVERING_COLUMN_TEXTS, _ffi.from_buffer("int64_t[]", offsets), text,
            _ffi.NULL, 0)


def _texts_column(name, values, keep, plain=False):
    """Row texts for C: each value's JSON (or, @plain, the string itself); "" for a blank."""
    import numpy as np
    dumps = _dumps
    texts = []
    append = texts.append
    for v in values:  # the general path: a per-row loop, for cells _cells.c leaves (numpy arrays, dates, …)
        if v is None or (v.__class__ is float and v != v):
            append("")
        elif plain:
            append(str(v))
        elif v.__class__ is list and not v:
            append("[]")
        else:
            append(dumps(v))
    joined = "".join(texts)
    if joined.isascii():
        text = joined.encode()
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    else:
        encoded = [t.encode() for t in texts]
        text = b"".join(encoded)
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    text = text or b"\0"
    keep.extend((offsets, text))
    return (_keep_name(name, keep), _lib.ACTIVERING_COLUMN_TEXTS, _ffi.from_buffer("int64_t[]", offsets),
            _ffi.from_buffer("char[]", text), _ffi.NULL, 0)


def _keep_name(name, keep):
    pointer = _ffi.new("char[]", name.encode())
    keep.append(pointer)
    return pointer


def _days(name, days, keep):
    keep.append(days)
    return (_keep_name(name, keep), _lib.ACTIVERING_COLUMN_DAYS, _ffi.from_buffer("int64_t[]", days), _ffi.NULL,
            _ffi.NULL, 0)


def _date_column(name, column, keep, plain=False):
    """Days for C when every value is a date; otherwise each cell's JSON, so that C says of each bad cell what it
    says of a bad date in a facts document. pandas would read 19900101 as nanoseconds since 1970, and "1990-1-1" as
    a date, where evaluate_many refuses both."""
    import numpy as np
    import pandas as pd
    cells = _cells(column)
    if cells is not None:  # "YYYY-MM-DD" strings and empty cells, the common case, in one pass in C
        days = np.empty(len(cells), dtype=np.int64)
        if _lib.activering_py_cells_days(_ffi.cast("void *", cells.ctypes.data), len(cells),
                                         _ffi.from_buffer("int64_t[]", days)):
            return _days(name, days, keep)
    if not pd.api.types.is_datetime64_any_dtype(column):
        inferred = pd.api.types.infer_dtype(column, skipna=True)
        if inferred == "string":
            strict = column.dropna().str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
        else:
            strict = inferred in ("empty", "date", "datetime")
        if not strict:
            return _texts_column(name, column.tolist(), keep, plain=plain)
        try:
            column = pd.to_datetime(column, format="%Y-%m-%d", errors="raise")
        except (ValueError, TypeError):
            return _texts_column(name, column.tolist(), keep, plain=plain)  # C says which value is wrong
    days = column.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    days[column.isna().to_numpy()] = _MIN_INT64
    return _days(name, np.ascontiguousarray(days), keep)


def _codes(path, codes, categories, keep):
    """A codes column: @codes (-1 for an empty cell) index @categories (str)."""
    import numpy as np
    strings = [_ffi.new("char[]", c.encode()) for c in categories]
    table = _ffi.new("char *[]", strings)
    codes = np.ascontiguousarray(codes, dtype=np.int32)
    keep.extend((codes, strings, table))
    return (_keep_name(path, keep), _lib.ACTIVERING_COLUMN_CODES, _ffi.from_buffer("int32_t[]", codes), _ffi.NULL,
            table, len(categories))


def _fact_column(path, kind, column, keep):
    """The column as C reads it fastest: numbers, days or category codes; anything else (lists, mixed or bad
    values) as JSON texts, which C checks like a facts document. An object column goes through _cells.c in one
    pass where its cells are the plain kind (str, bool, float, None); otherwise pandas infers what it holds."""
    import numpy as np
    import pandas as pd
    cells = _cells(column)
    if kind in ("bool", "integer", "number"):
        if cells is not None:
            numbers = np.empty(len(cells), dtype=np.float64)
            if _lib.activering_py_cells_numbers(_ffi.cast("void *", cells.ctypes.data), len(cells), kind == "bool",
                                                _ffi.from_buffer("double[]", numbers)):
                keep.append(numbers)
                return (_keep_name(path, keep), _lib.ACTIVERING_COLUMN_NUMBERS, _ffi.from_buffer("double[]", numbers),
                        _ffi.NULL, _ffi.NULL, 0)
        inferred = pd.api.types.infer_dtype(column, skipna=True)
        expected = ("boolean", "empty") if kind == "bool" else ("integer", "floating", "mixed-integer-float", "empty")
        if inferred not in expected:
            return _texts_column(path, column.tolist(), keep)  # "yes" for a bool, 1 for a date: C says what it expects
        try:
            numbers = np.ascontiguousarray(column.astype("float64").to_numpy(dtype=np.float64, na_value=np.nan))
        except (ValueError, TypeError):
            return _texts_column(path, column.tolist(), keep)
        keep.append(numbers)
        return (_keep_name(path, keep), _lib.ACTIVERING_COLUMN_NUMBERS, _ffi.from_buffer("double[]", numbers),
                _ffi.NULL, _ffi.NULL, 0)
    if kind == "date":
        return _date_column(path, column, keep)
    if kind == "enum":
        if cells is not None:
            codes = np.empty(len(cells), dtype=np.int32)
            first = np.empty(256, dtype=np.int64)
            n_codes = _ffi.new("unsigned int *")
            if _lib.activering_py_cells_codes(_ffi.cast("void *", cells.ctypes.data), len(cells),
                                              _ffi.from_buffer("int32_t[]", codes), _ffi.from_buffer("int64_t[]", first),
                                              256, n_codes):
                return _codes(path, codes, [cells[i] for i in first[:n_codes[0]]], keep)
        if isinstance(column.dtype, pd.CategoricalDtype):
            categorical = column.array
        else:
            categorical = pd.Categorical(column)
        categories = list(categorical.categories)
        if all(isinstance(c, str) for c in categories):
            return _codes(path, categorical.codes, categories, keep)
    column_texts = _cells_texts(path, column, keep)
    if column_texts is not None:
        return column_texts
    return _texts_column(path, column.tolist(), keep)
