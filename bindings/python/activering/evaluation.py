# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Screening dossiers: evaluate (one), evaluate_many (a batch in one call into C), and what the batch calls share
with evaluate_frame: the outcome codes and progress in chunks."""
from __future__ import annotations

import gc as _gc
import json as _json
from typing import Iterable, Mapping, Optional

from ._convert import DateLike, Document, FACTS_FORMAT, _dumps, _facts, _gdate, _gstring, _lang, _take_string, _text
from ._native import ffi as _ffi, lib as _lib
from .enums import OUTCOMES
from .errors import UsageError, _new_error, _raise
from .rules import RuleSet, _rules

__all__ = ["evaluate", "evaluate_many"]

# ActiveringLinesFlags, and the outcome code of a line in error (ACTIVERING_LINES_ERROR).
_LINES_COMPACT = 1
_LINES_IDS = 8
_LINES_TRACE = 16
_EVALUATE_TRACE = 2  # ActiveringEvaluateFlags
_LINES_ERROR = 255

_PROGRESS_CHUNK = 10000  # rows per call into C when progress is reported


def evaluate(facts: Document, as_of: DateLike = None, lang: str = "nl", rules: Optional[RuleSet] = None,
             trace: bool = False) -> dict:
    """Screens one dossier for every measure: the `activering.result/1` document as a dict.

    @facts is an `activering.facts/1` document (a dict, or JSON text; "format" may be left out). @as_of is the
    evaluation date (default: the facts' "as_of", or today). With @trace, the result also carries what a case file
    keeps: "trace" (the values read and what decided each condition), "valid_until" on each measure and obligation,
    and "to_change" on measures that are not eligible. Raises an Error subclass for bad facts."""
    r = _rules(rules)
    return _result(r, _facts(r, facts), as_of, lang, trace)


def _result(rules: RuleSet, handle, as_of: DateLike, lang: str, trace: bool = False) -> dict:
    """The result document of the parsed facts @handle (see _convert._facts), traced with @trace."""
    evaluation = _ffi.gc(_lib.activering_evaluation_new(rules._ptr), _lib.activering_evaluation_free)
    error = _new_error()
    if not _lib.activering_evaluation_run(evaluation, handle, _gdate(as_of), _EVALUATE_TRACE if trace else 0, error):
        _raise(error)
    text = _lib.activering_evaluation_to_json(evaluation, _lang(lang), 0, error)
    if text == _ffi.NULL:
        _raise(error)
    return _json.loads(_take_string(text))


def _batch(documents: Iterable[Document]):
    """The documents as one JSON lines text (bytes, or C memory) and its length, and how many documents there are.
    A list of dicts of plain values is written by _cells.c in one pass; anything else here, in Python."""
    if documents.__class__ is list and documents and documents[0].__class__ is dict:
        length = _ffi.new("size_t *")
        # the list's address (id() in CPython): C reads the dicts with the GIL held, while the list lives here
        text = _lib.activering_py_cells_facts(_ffi.cast("void *", id(documents)), FACTS_FORMAT.encode(), length)
        if text != _ffi.NULL:
            return _ffi.gc(text, _lib.activering_py_cells_free), length[0], len(documents)
    parts = _batch_lines(documents)
    data = "\n".join(parts).encode()
    return data, len(data), len(parts)


def _batch_lines(documents: Iterable[Document]) -> list:
    """The documents as JSON texts of one line each."""
    if isinstance(documents, (str, bytes, Mapping)) or not hasattr(documents, "__iter__"):
        raise TypeError("evaluate_many takes an iterable of facts documents (dicts or JSON text), "
                        f"not {type(documents).__name__}")
    parts = []
    for document in documents:
        if document.__class__ is str:  # the common cases first: isinstance on typing's Mapping is slow
            text = document
        elif document.__class__ is dict or isinstance(document, Mapping):
            if "format" not in document:
                document = {"format": FACTS_FORMAT, **document}
            text = _dumps(document)
        elif isinstance(document, (str, bytes, bytearray)):
            text = document.decode() if isinstance(document, (bytes, bytearray)) else document
        else:
            raise TypeError(f"each facts document must be a dict or JSON text, not {type(document).__name__}")
        if "\n" in text:
            text = text.replace("\n", " ")  # JSON allows a newline only between tokens: one line each
        if not text.strip():
            text = '""'  # an empty document stays in its place, as an error
        parts.append(text)
    return parts


def _batch_options(as_of, lang, flags, out, outcomes, missing, max_rows, keep):
    """An ActiveringBatchOptions for a batch call; what its pointers point to is kept alive in @keep."""
    options = _ffi.new("ActiveringBatchOptions *")
    error = _new_error()
    if not _lib.activering_batch_options_init(options, _lib.ACTIVERING_BATCH_OPTIONS_VERSION, error):
        _raise(error)
    date = _gdate(as_of)
    code = _lang(lang)
    code = _ffi.new("char[]", code) if code != _ffi.NULL else code
    keep.extend((date, code, outcomes, missing))
    options.as_of, options.lang, options.flags, options.out = date, code, flags, out
    options.outcomes, options.missing, options.max_rows = outcomes, missing, max_rows
    return options


def _run_lines(rules: RuleSet, data: bytes, as_of, lang, flags, out, outcomes, missing, max_rows, length=None):
    rows = _ffi.new("unsigned int *")
    errors = _ffi.new("unsigned int *")
    error = _new_error()
    keep = []
    options = _batch_options(as_of, lang, flags, out, outcomes, missing, max_rows, keep)
    if not _lib.activering_evaluate_lines(rules._ptr, data, len(data) if length is None else length, options, rows,
                                          errors, error):
        _raise(error)
    return rows[0], errors[0]


def evaluate_many(documents: Iterable[Document], as_of: DateLike = None, lang: str = "nl",
                  compact: bool = False, rules: Optional[RuleSet] = None, progress=None, trace: bool = False) -> list:
    """Screens a whole batch in one call into C: one dict per dossier, in order.

    Each result is an `activering.result/1` document, or with @compact an `activering.outcomes/1` one (only the
    outcomes: the fast path for bulk screening). With @trace each result document carries the trace, as
    evaluate() gives it (not with @compact, which has no room for it: a UsageError). A bad dossier raises nothing: its entry is an
    `activering.error/1` document {"format", "line", "code", "message", "path"} (line: its 1-based position in
    @documents), and the others are evaluated.

    @progress (a function of (dossiers done, total), or True for a tqdm bar) has the batch go in chunks of 10,000,
    reporting after each; the results are the same."""
    r = _rules(rules)
    if trace and compact:
        raise UsageError("evaluate_many: trace=True needs full result documents, not compact=True")
    if progress is not None and progress is not False:
        if isinstance(documents, (str, bytes, Mapping)) or not hasattr(documents, "__iter__"):
            _batch(documents)  # raises the TypeError
        documents = list(documents)
        report = _progress(progress, len(documents))
        results = []
        for start in range(0, len(documents), _PROGRESS_CHUNK):
            chunk = evaluate_many(documents[start:start + _PROGRESS_CHUNK], as_of, lang, compact, r, trace=trace)
            for result in chunk:
                if result.get("format") == "activering.error/1":
                    result["line"] += start  # the position in the whole batch
            results.extend(chunk)
            report(len(results))
        if not documents:
            report(0)
        return results
    if not compact:
        return _full_results(r, _batch_lines(documents), as_of, lang, _LINES_TRACE if trace else 0)
    data, length, n = _batch(documents)
    out = _gstring()
    # Compact: the outcomes come back as a matrix and each row as "id TAB as_of", so only bad rows are JSON to read.
    measures = r.measures
    k = len(measures)
    cells = _ffi.new("unsigned char[]", max(n, 1) * k)
    rows, _ = _run_lines(r, data, as_of, lang, _LINES_COMPACT | _LINES_IDS, out, cells, _ffi.NULL, max(n, 1),
                         length)
    codes = _ffi.unpack(cells, rows * k)
    names = [OUTCOMES[c] if c < len(OUTCOMES) else None for c in range(256)]
    results = []
    append = results.append
    collecting = _gc.isenabled()
    _gc.disable()  # a cycle collection per 700 new dicts would rescan every object the caller holds
    try:
        for row, line in enumerate(_text(out).split("\n")[:rows]):
            if line.startswith("{"):
                append(_json.loads(line))
                continue
            id_, when = line.split("\t")
            append({"format": "activering.outcomes/1", "id": id_, "as_of": when,
                    "outcomes": dict(zip(measures, [names[c] for c in codes[row * k:row * k + k]]))})
    finally:
        if collecting:
            _gc.enable()
    return results


_FULL_CHUNK = 1000  # full result documents (about 30 kB each) per call into C: a chunk's text stays small


def _full_results(r: RuleSet, lines: list, as_of, lang, flags: int = 0) -> list:
    """The result document of each line, as dicts: C writes a chunk of them, Python reads them one line at a time
    (faster than one array of them all, and the text of only one chunk is held) with the cycle collector off, which
    would otherwise rescan every dict made so far, again and again."""
    results = []
    collecting = _gc.isenabled()
    _gc.disable()
    try:
        for start in range(0, len(lines), _FULL_CHUNK):
            out = _gstring()
            _run_lines(r, "\n".join(lines[start:start + _FULL_CHUNK]).encode(), as_of, lang, flags, out, _ffi.NULL,
                       _ffi.NULL, 0)
            # json.loads on each line's bytes: decoding line by line stays in the cache (faster than one str)
            chunk = list(map(_json.loads, _ffi.buffer(out.str, out.len)[:].split(b"\n")[:-1]))
            if start:
                for result in chunk:
                    if result.get("format") == "activering.error/1":
                        result["line"] += start  # the position in the whole batch
            results.extend(chunk)
    finally:
        if collecting:
            _gc.enable()
    return results


def _progress(progress, total: int):
    """A function of the rows done so far, from @progress: None, a callable(done, total), or True for tqdm."""
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            from tqdm import tqdm
        except ImportError:
            raise UsageError("progress=True needs tqdm (Debian: python3-tqdm); "
                             "or pass a function of (done, total)") from None
        bar = tqdm(total=total, unit="dossier")

        def update(done):
            bar.update(done - bar.n)
            if done >= total:
                bar.close()
        return update
    if not callable(progress):
        raise TypeError(f"progress must be True, None or a function of (done, total), not {type(progress).__name__}")
    return lambda done: progress(done, total)
