"""libactivering for Python: screen OCMW dossiers for activation measures, replay trajectories, assign roles.

A thin layer over the C library (cffi, API mode): every answer comes from the same rule set and the same code as
the C API and the `activering` tool. Documents go in as dicts (or JSON text) and come out as dicts, in the shapes
of the data contract (`activering.result/1`, `activering.trajectory-report/1`, `activering.roles/1`, …).

    import activering
    result = activering.evaluate({"id": "d-1", "income": {"status": "leefloon"}}, as_of="2026-11-22")
    frame = activering.evaluate_frame(caseload_dataframe)     # one row per dossier, one column per measure

Nothing here knows a measure, a fact or a role by name: they come from the rule set, so a measure added to a rule
file needs no new binding code.
"""
from __future__ import annotations

import datetime as _datetime
import gc as _gc
import json as _json
import os as _os
import threading as _threading
from typing import Any, Iterable, Mapping, Optional, Union

from ._native import ffi as _ffi, lib as _lib

try:  # Debian's python3-ujson writes JSON about twice as fast as the standard library; optional
    import ujson as _ujson
except ImportError:  # pragma: no cover - depends on the machine
    _ujson = None

__all__ = [
    "Error", "RuleSet", "Trajectory", "Organisation", "evaluate", "evaluate_many", "evaluate_frame",
    "assign_roles", "version", "OUTCOMES",
]

#: The outcomes a measure can have, in the order of the C enum (and of evaluate_frame's categories).
OUTCOMES = ("eligible", "not_eligible", "undetermined", "not_applicable")

_FACTS_FORMAT = "activering.facts/1"
_LINES_COMPACT = 1
_LINES_ERRORS_ONLY = 2
_LINES_ARRAY = 4
_LINES_IDS = 8
_LINES_ERROR = 255
_JSON_PRETTY = 1
_ROLES_ALL_TASKS = 1

Document = Union[Mapping[str, Any], str, bytes]
DateLike = Union[str, _datetime.date, None]


def version() -> str:
    """The version of the C library in use."""
    return _ffi.string(_lib.activering_get_version()).decode()


# ---- errors -------------------------------------------------------------------------------------------------

class Error(Exception):
    """An error of libactivering. `code` is the C error code's name (e.g. "unknown_key"); the message names the
    document and the JSON path, e.g. "facts: /vdab/registered_since: "2025-13-01" is not a valid date"; `path`
    is that JSON path (from activering_error_get_path), or None when the error is not about a place."""

    code = "failed"

    def __init__(self, message: str, path: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.path = path


# Names that would shadow Python's own exceptions get a clearer one.
_RENAMED = {"syntax": "JSONSyntaxError", "type": "JSONTypeError", "io": "FileError"}


def _class_name(code: str) -> str:
    return _RENAMED.get(code) or "".join(part.capitalize() for part in code.split("_")) + "Error"


def _error_classes() -> dict:
    classes = {}
    code = 0
    while True:
        name = _ffi.string(_lib.activering_error_code_to_string(code)).decode()
        if code > 0 and name == "failed":
            break  # past the last code: the library says "failed" for codes it does not know
        doc = f"libactivering error code {code} ({name})."
        cls = type(_class_name(name), (Error,), {"code": name, "__doc__": doc, "__module__": __name__})
        classes[code] = cls
        globals()[cls.__name__] = cls
        __all__.append(cls.__name__)
        code += 1
    return classes


_ERRORS = _error_classes()


def _raise(error_ptr) -> None:
    """Raises the Python exception for the GError in @error_ptr (a GError **), and frees it."""
    error = error_ptr[0]
    if error == _ffi.NULL:
        raise Error("libactivering failed without saying why")
    message = _ffi.string(error.message).decode("utf-8", "replace")
    cls = _ERRORS.get(error.code, Error)
    path = _string(_lib.activering_error_get_path(error))  # borrowed from the error: read before freeing it
    _lib.g_error_free(error)
    raise cls(message, path)


def _new_error():
    return _ffi.new("GError **")


def _string(pointer) -> Optional[str]:
    return None if pointer == _ffi.NULL else _ffi.string(pointer).decode()


def _take_string(pointer) -> str:
    """A string the library allocated (transfer full): decoded, then freed."""
    try:
        return _ffi.string(pointer).decode()
    finally:
        _lib.g_free(pointer)


def _document_bytes(document: Any, what: str, default_format: Optional[str] = None) -> bytes:
    if isinstance(document, (str, bytes, bytearray)):
        return document.encode() if isinstance(document, str) else bytes(document)
    if isinstance(document, Mapping):
        if default_format is not None and "format" not in document:
            document = {"format": default_format, **document}
        return _dumps(document).encode()
    raise TypeError(f"{what} must be a dict or JSON text, not {type(document).__name__}")


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
            raise UsageError(f"as_of: \"{as_of}\" is not a date YYYY-MM-DD") from None  # noqa: F821
    if not isinstance(as_of, _datetime.date):
        raise TypeError(f"as_of must be a date, a 'YYYY-MM-DD' string or None, not {type(as_of).__name__}")
    return _ffi.gc(_lib.g_date_new_dmy(as_of.day, as_of.month, as_of.year), _lib.g_date_free)


def _lang(lang: Optional[str]):
    if lang is None:
        return _ffi.NULL
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a language code such as 'nl', not {type(lang).__name__}")
    return lang.encode()


# ---- rule sets ----------------------------------------------------------------------------------------------

class RuleSet:
    """A loaded rule set: immutable, shareable between threads.

    RuleSet() is the rule set embedded in the library (the Flemish default); RuleSet.from_file(path) and
    RuleSet.from_json(text) load another one, checked and compiled, or raise an Error naming the JSON path."""

    __slots__ = ("_ptr",)

    def __init__(self, _ptr=None):
        if _ptr is None:
            error = _new_error()
            _ptr = _lib.activering_rule_set_new_default(error)
            if _ptr == _ffi.NULL:
                _raise(error)
        self._ptr = _ffi.gc(_ptr, _lib.activering_rule_set_unref)

    @classmethod
    def from_file(cls, path: Union[str, _os.PathLike]) -> "RuleSet":
        """Loads the rule set in the JSON file at @path."""
        error = _new_error()
        ptr = _lib.activering_rule_set_new_from_file(_os.fsencode(path), error)
        if ptr == _ffi.NULL:
            _raise(error)
        return cls(ptr)

    @classmethod
    def from_json(cls, text: Union[str, bytes, Mapping[str, Any]], name: str = "rules.json") -> "RuleSet":
        """Loads a rule set from its JSON text (or a dict); @name names it in error messages."""
        data = _document_bytes(text, "a rule set")
        error = _new_error()
        ptr = _lib.activering_rule_set_new_from_data(data, len(data), name.encode(), error)
        if ptr == _ffi.NULL:
            _raise(error)
        return cls(ptr)

    @property
    def id(self) -> str:
        """The rule set's id, e.g. "be-vlaanderen"."""
        return _string(_lib.activering_rule_set_get_id(self._ptr))

    @property
    def version(self) -> str:
        """The rule set's version, e.g. "2026.11.0"."""
        return _string(_lib.activering_rule_set_get_version(self._ptr))

    @property
    def digest(self) -> str:
        """"sha256:…" of the rule set's text: what every answer is stamped with."""
        return _string(_lib.activering_rule_set_get_digest(self._ptr))

    @property
    def languages(self) -> list:
        """The languages of its labels and texts, e.g. ["nl", "fr", "en"]."""
        codes = _lib.activering_rule_set_get_languages(self._ptr)
        out, i = [], 0
        while codes[i] != _ffi.NULL:
            out.append(_ffi.string(codes[i]).decode())
            i += 1
        return out

    def _text_lang(self, lang: Optional[str]):
        """@lang for a getter: None (the first language) or one of the rule set's, else UsageError, in the words
        evaluate(lang=…) uses, so that a text is never silently None."""
        pointer = _lang(lang)
        if lang is not None and lang not in self.languages:
            raise UsageError(f"rules: the rule set has no texts in \"{lang}\" "  # noqa: F821
                             f"(it has: {', '.join(self.languages)})")
        return pointer

    def title(self, lang: Optional[str] = None) -> str:
        """The rule set's title in @lang (None: its first language); UsageError for a language it lacks."""
        return _string(_lib.activering_rule_set_get_title(self._ptr, self._text_lang(lang)))

    @property
    def measures(self) -> list:
        """The measure codes, in the rule set's order (the columns of evaluate_frame)."""
        return [_string(_lib.activering_rule_set_get_measure_code(self._ptr, i))
                for i in range(_lib.activering_rule_set_get_n_measures(self._ptr))]

    def measure_label(self, code: str, lang: Optional[str] = None) -> str:
        """The label of measure @code in @lang; UsageError for an unknown code or language."""
        index = self._index(self.measures, code, "measure")
        return _string(_lib.activering_rule_set_get_measure_label(self._ptr, index, self._text_lang(lang)))

    def measure_decided_by(self, code: str) -> str:
        """The role that decides on measure @code."""
        index = self._index(self.measures, code, "measure")
        return _string(_lib.activering_rule_set_get_measure_decided_by(self._ptr, index))

    @property
    def facts(self) -> list:
        """The dotted paths of the facts the rule set declares (the columns evaluate_frame reads)."""
        return [_string(_lib.activering_rule_set_get_fact_path(self._ptr, i))
                for i in range(_lib.activering_rule_set_get_n_facts(self._ptr))]

    def fact_label(self, path: str, lang: Optional[str] = None) -> str:
        """The label of the fact at @path in @lang; UsageError for an unknown fact or language."""
        index = self._index(self.facts, path, "fact")
        return _string(_lib.activering_rule_set_get_fact_label(self._ptr, index, self._text_lang(lang)))

    def fact_type(self, path: str) -> str:
        """The type of the fact at @path: "bool", "integer", "number", "date", "enum", "enum_list" or "runs"."""
        index = self._index(self.facts, path, "fact")
        return _string(_lib.activering_rule_set_get_fact_type(self._ptr, index))

    def fact_supplied_by(self, path: str) -> str:
        """The role expected to supply the fact at @path (the `asked_of` of a missing fact)."""
        index = self._index(self.facts, path, "fact")
        return _string(_lib.activering_rule_set_get_fact_supplied_by(self._ptr, index))

    def role_label(self, code: str, lang: Optional[str] = None) -> str:
        """The label of role @code in @lang; UsageError for an unknown role or language."""
        if not isinstance(code, str):
            raise TypeError(f"a role code must be a string, not {type(code).__name__}")
        label = _string(_lib.activering_rule_set_get_role_label(self._ptr, code.encode(), self._text_lang(lang)))
        if label is None:
            raise UsageError(f"unknown role \"{code}\"")  # noqa: F821
        return label

    @property
    def tasks(self) -> list:
        """The task codes of role assignment."""
        return [_string(_lib.activering_rule_set_get_task_code(self._ptr, i))
                for i in range(_lib.activering_rule_set_get_n_tasks(self._ptr))]

    def task_label(self, code: str, lang: Optional[str] = None) -> str:
        """The label of task @code in @lang; UsageError for an unknown task or language."""
        index = self._index(self.tasks, code, "task")
        return _string(_lib.activering_rule_set_get_task_label(self._ptr, index, self._text_lang(lang)))

    @property
    def phase_models(self) -> dict:
        """{model code: [phase codes in their usual order]}."""
        models = {}
        for m in range(_lib.activering_rule_set_get_n_phase_models(self._ptr)):
            code = _string(_lib.activering_rule_set_get_phase_model_code(self._ptr, m))
            models[code] = [_string(_lib.activering_rule_set_get_phase_code(self._ptr, m, p))
                            for p in range(_lib.activering_rule_set_get_n_phases(self._ptr, m))]
        return models

    def phase_label(self, model: str, phase: str, lang: Optional[str] = None) -> str:
        """The label of @phase of phase model @model in @lang; UsageError for an unknown code or language."""
        models = list(self.phase_models)
        m = self._index(models, model, "phase model")
        p = self._index(self.phase_models[model], phase, "phase")
        return _string(_lib.activering_rule_set_get_phase_label(self._ptr, m, p, self._text_lang(lang)))

    @staticmethod
    def _index(codes: list, code: str, what: str) -> int:
        if not isinstance(code, str):
            raise TypeError(f"a {what} code must be a string, not {type(code).__name__}")
        try:
            return codes.index(code)
        except ValueError:
            raise UsageError(f"unknown {what} \"{code}\"") from None  # noqa: F821

    def __repr__(self) -> str:
        return f"<activering.RuleSet {self.id} {self.version} {self.digest[:15]}…>"


_default_lock = _threading.Lock()
_default_rules: Optional[RuleSet] = None


def _rules(rules: Optional[RuleSet]) -> RuleSet:
    global _default_rules
    if rules is not None:
        if not isinstance(rules, RuleSet):
            raise TypeError(f"rules must be an activering.RuleSet, not {type(rules).__name__}")
        return rules
    with _default_lock:
        if _default_rules is None:
            _default_rules = RuleSet()
        return _default_rules


def _facts(rules: RuleSet, facts: Document):
    data = _document_bytes(facts, "facts", _FACTS_FORMAT)
    error = _new_error()
    ptr = _lib.activering_facts_new_from_json(rules._ptr, data, len(data), error)
    if ptr == _ffi.NULL:
        _raise(error)
    return _ffi.gc(ptr, _lib.activering_facts_free)


# ---- eligibility --------------------------------------------------------------------------------------------

def evaluate(facts: Document, as_of: DateLike = None, lang: str = "nl", rules: Optional[RuleSet] = None) -> dict:
    """Screens one dossier for every measure: the `activering.result/1` document as a dict.

    @facts is an `activering.facts/1` document (a dict, or JSON text; "format" may be left out). @as_of is the
    evaluation date (default: the facts' "as_of", or today). Raises an Error subclass for bad facts."""
    r = _rules(rules)
    handle = _facts(r, facts)
    evaluation = _ffi.gc(_lib.activering_evaluation_new(r._ptr), _lib.activering_evaluation_free)
    error = _new_error()
    if not _lib.activering_evaluation_run(evaluation, handle, _gdate(as_of), 0, error):
        _raise(error)
    text = _lib.activering_evaluation_to_json(evaluation, _lang(lang), 0, error)
    if text == _ffi.NULL:
        _raise(error)
    return _json.loads(_take_string(text))


def _batch(documents: Iterable[Document]):
    """The documents as one JSON lines text."""
    if isinstance(documents, (str, bytes, Mapping)) or not hasattr(documents, "__iter__"):
        raise TypeError("evaluate_many takes an iterable of facts documents (dicts or JSON text), "
                        f"not {type(documents).__name__}")
    parts = []
    for document in documents:
        if document.__class__ is str:  # the common cases first: isinstance on typing's Mapping is slow
            text = document
        elif document.__class__ is dict or isinstance(document, Mapping):
            if "format" not in document:
                document = {"format": _FACTS_FORMAT, **document}
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
    return "\n".join(parts).encode(), len(parts)


def _run_lines(rules: RuleSet, data: bytes, as_of, lang, flags, out, outcomes, missing, max_lines):
    rows = _ffi.new("unsigned int *")
    errors = _ffi.new("unsigned int *")
    error = _new_error()
    if not _lib.activering_evaluate_lines(rules._ptr, data, len(data), _gdate(as_of), _lang(lang), flags, out,
                                          outcomes, missing, max_lines, rows, errors, error):
        _raise(error)
    return rows[0], errors[0]


def _gstring():
    return _ffi.gc(_lib.g_string_new(_ffi.NULL), lambda s: _lib.g_string_free(s, 1))


def _text(out) -> str:
    return _ffi.buffer(out.str, out.len)[:].decode()


def evaluate_many(documents: Iterable[Document], as_of: DateLike = None, lang: str = "nl",
                  compact: bool = False, rules: Optional[RuleSet] = None, progress=None) -> list:
    """Screens a whole batch in one call into C: one dict per dossier, in order.

    Each result is an `activering.result/1` document, or with @compact an `activering.outcomes/1` one (only the
    outcomes: the fast path for bulk screening). A bad dossier raises nothing: its entry is an
    `activering.error/1` document {"format", "line", "code", "message", "path"} (line: its 1-based position in
    @documents), and the others are evaluated.

    @progress (a function of (dossiers done, total), or True for a tqdm bar) has the batch go in chunks of 10,000,
    reporting after each; the results are the same."""
    r = _rules(rules)
    if progress is not None and progress is not False:
        if isinstance(documents, (str, bytes, Mapping)) or not hasattr(documents, "__iter__"):
            _batch(documents)  # raises the TypeError
        documents = list(documents)
        report = _progress(progress, len(documents))
        results = []
        for start in range(0, len(documents), _PROGRESS_CHUNK):
            chunk = evaluate_many(documents[start:start + _PROGRESS_CHUNK], as_of, lang, compact, r)
            for result in chunk:
                if result.get("format") == "activering.error/1":
                    result["line"] += start  # the position in the whole batch
            results.extend(chunk)
            report(len(results))
        if not documents:
            report(0)
        return results
    data, n = _batch(documents)
    out = _gstring()
    if not compact:
        _run_lines(r, data, as_of, lang, 0, out, _ffi.NULL, _ffi.NULL, 0)
        text = _text(out)
        return _json.loads("[" + text.replace("\n", ",")[:-1] + "]") if text else []
    # Compact: the outcomes come back as a matrix and each row as "id TAB as_of", so only bad rows are JSON to read.
    measures = r.measures
    k = len(measures)
    cells = _ffi.new("unsigned char[]", max(n, 1) * k)
    rows, _ = _run_lines(r, data, as_of, lang, _LINES_COMPACT | _LINES_IDS, out, cells, _ffi.NULL, max(n, 1))
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


def _progress(progress, total: int):
    """A function of the rows done so far, from @progress: None, a callable(done, total), or True for tqdm."""
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            from tqdm import tqdm
        except ImportError:
            raise UsageError("progress=True needs tqdm (Debian: python3-tqdm); "  # noqa: F821
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


_PROGRESS_CHUNK = 10000  # rows per call into C when progress is reported


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
    import numpy as np
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"evaluate_frame takes a pandas DataFrame, not {type(frame).__name__}")
    r = _rules(rules)
    unknown = _fact_like_columns(frame.columns, r.facts, id_column)
    if unknown and not ignore_unknown:
        column, hint = next(iter(unknown.items()))
        hint = f' (did you mean "{hint}"?)' if hint else ""
        raise UnknownKeyError(f'evaluate_frame: column "{column}" is named like a fact, but the rule set has no '  # noqa: F821
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
    ids = frame[id_column] if id_column in frame.columns else pd.Series(frame.index, index=frame.index)
    ids = ids.astype(str)
    keep = []  # everything C reads must live through the call
    columns = [_texts_column("id", ids.tolist(), keep, plain=True)]
    if "as_of" in frame.columns:
        columns.append(_date_column("as_of", frame["as_of"], keep, plain=True))
    for path in fact_paths:
        if path in frame.columns:
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
    if not _lib.activering_evaluate_columns(
            r._ptr, n, array, len(columns), _gdate(as_of), _ffi.from_buffer("unsigned char[]", outcomes),
            _ffi.from_buffer("unsigned char[]", missing_cells) if missing else _ffi.NULL, out, n_errors, error):
        _raise(error)
    result = pd.DataFrame(index=frame.index)
    result["id"] = ids.to_numpy()
    for m, code in enumerate(measures):
        codes = outcomes[:n, m].astype(np.int16)
        codes[codes == _LINES_ERROR] = -1
        result[code] = pd.Categorical.from_codes(codes, categories=list(OUTCOMES))
    messages = np.full(n, None, dtype=object)
    if n_errors[0]:
        for line in _text(out).splitlines():
            document = _json.loads(line)
            messages[document["line"] - 1] = document["message"]
    result["error"] = messages
    if missing:
        needed = missing_cells[:n].astype(bool)
        for f in np.flatnonzero(needed.any(axis=0)):
            result["missing:" + fact_paths[f]] = needed[:, f]
    return result


_MIN_INT64 = -(2 ** 63)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _texts_column(name, values, keep, plain=False):
    """Row texts for C: each value's JSON (or, @plain, the string itself); "" for a blank."""
    import numpy as np
    dumps = _dumps
    texts = []
    append = texts.append
    for v in values:  # the one per-row loop of evaluate_frame, for lists and odd values only
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


def _date_column(name, column, keep, plain=False):
    """Days for C when every value is a date; otherwise each cell's JSON, so that C says of each bad cell what it
    says of a bad date in a facts document. pandas would read 19900101 as nanoseconds since 1970, and "1990-1-1" as
    a date, where evaluate_many refuses both."""
    import numpy as np
    import pandas as pd
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
    days = np.ascontiguousarray(days)
    keep.append(days)
    return (_keep_name(name, keep), _lib.ACTIVERING_COLUMN_DAYS, _ffi.from_buffer("int64_t[]", days), _ffi.NULL,
            _ffi.NULL, 0)


def _fact_column(path, kind, column, keep):
    """The column as C reads it fastest: numbers, days or category codes; anything else (lists, mixed or bad
    values) as JSON texts, which C checks like a facts document."""
    import numpy as np
    import pandas as pd
    if kind in ("bool", "integer", "number"):
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
        categorical = pd.Categorical(column)
        categories = list(categorical.categories)
        if all(isinstance(c, str) for c in categories):
            codes = np.ascontiguousarray(categorical.codes.astype(np.int32))
            strings = [_ffi.new("char[]", c.encode()) for c in categories]
            table = _ffi.new("char *[]", strings)
            keep.extend((codes, strings, table))
            return (_keep_name(path, keep), _lib.ACTIVERING_COLUMN_CODES, _ffi.from_buffer("int32_t[]", codes),
                    _ffi.NULL, table, len(categories))
    return _texts_column(path, column.tolist(), keep)


def _date_strings(column):
    import pandas as pd
    if pd.api.types.is_datetime64_any_dtype(column):
        strings = column.dt.strftime("%Y-%m-%d")
        return strings.where(column.notna(), None)
    return column


# ---- trajectories -------------------------------------------------------------------------------------------

class Trajectory:
    """A client's trajectory: an append-only log of dated events (`activering.trajectory/1`).

    Trajectory.parse(document) reads a log; Trajectory(id, model) starts an empty one. append() adds an event
    and refuses, with an Error, one that would be an error where it stands. report() replays the log."""

    __slots__ = ("_ptr", "_rules")

    def __init__(self, id: str, model: str, rules: Optional[RuleSet] = None, _ptr=None):
        self._rules = _rules(rules)
        if _ptr is None:
            if not isinstance(id, str) or not isinstance(model, str):
                raise TypeError("Trajectory(id, model) takes two strings")
            error = _new_error()
            _ptr = _lib.activering_trajectory_new(self._rules._ptr, id.encode(), model.encode(), error)
            if _ptr == _ffi.NULL:
                _raise(error)
        self._ptr = _ffi.gc(_ptr, _lib.activering_trajectory_free)

    @classmethod
    def parse(cls, document: Document, rules: Optional[RuleSet] = None) -> "Trajectory":
        """Reads an `activering.trajectory/1` document (a dict or JSON text; "format" may be left out)."""
        r = _rules(rules)
        data = _document_bytes(document, "a trajectory", "activering.trajectory/1")
        error = _new_error()
        ptr = _lib.activering_trajectory_parse(r._ptr, data, len(data), error)
        if ptr == _ffi.NULL:
            _raise(error)
        return cls("", "", r, _ptr=ptr)

    @property
    def id(self) -> str:
        """The dossier's opaque id."""
        return _string(_lib.activering_trajectory_get_id(self._ptr))

    @property
    def model(self) -> str:
        """The phase model the trajectory follows, e.g. "ocmw7"."""
        return _string(_lib.activering_trajectory_get_model(self._ptr))

    def __len__(self) -> int:
        """The number of events in the log."""
        return _lib.activering_trajectory_get_n_events(self._ptr)

    def append(self, event: Document) -> None:
        """Appends one event ({"at": "2026-01-05", "type": "enter_phase", "phase": "screening", …})."""
        data = _document_bytes(event, "an event")
        error = _new_error()
        if not _lib.activering_trajectory_append_event(self._ptr, data, len(data), error):
            _raise(error)

    def to_dict(self) -> dict:
        """The log as an `activering.trajectory/1` document."""
        return _json.loads(_take_string(_lib.activering_trajectory_to_json(self._ptr, 0)))

    def _report(self, as_of, facts):
        report = _ffi.gc(_lib.activering_trajectory_report_new(self._rules._ptr),
                         _lib.activering_trajectory_report_free)
        handle = _facts(self._rules, facts) if facts is not None else _ffi.NULL
        error = _new_error()
        if not _lib.activering_trajectory_report_run(report, self._ptr, handle, _gdate(as_of), error):
            _raise(error)
        return report

    def report(self, as_of: DateLike = None, facts: Optional[Document] = None, lang: str = "nl") -> dict:
        """Replays the log on @as_of (default today): the `activering.trajectory-report/1` document. With @facts,
        the checks that need them run too."""
        report = self._report(as_of, facts)
        error = _new_error()
        text = _lib.activering_trajectory_report_to_json(report, _lang(lang), 0, error)
        if text == _ffi.NULL:
            _raise(error)
        return _json.loads(_take_string(text))

    def dot(self, as_of: DateLike = None, lang: str = "nl") -> str:
        """The client's path drawn on the phase model, as Graphviz DOT."""
        report = self._report(as_of, None)
        out = _gstring()
        error = _new_error()
        if not _lib.activering_trajectory_report_append_dot(report, _lang(lang), out, error):
            _raise(error)
        return _ffi.buffer(out.str, out.len)[:].decode()

    def __repr__(self) -> str:
        return f"<activering.Trajectory {self.id} {self.model}, {len(self)} events>"


# ---- roles --------------------------------------------------------------------------------------------------

class Organisation:
    """How a local authority organises activation (`activering.organisation/1`), parsed against a rule set."""

    __slots__ = ("_ptr", "_rules")

    def __init__(self, document: Document, rules: Optional[RuleSet] = None):
        self._rules = _rules(rules)
        data = _document_bytes(document, "an organisation", "activering.organisation/1")
        error = _new_error()
        ptr = _lib.activering_organisation_parse(self._rules._ptr, data, len(data), error)
        if ptr == _ffi.NULL:
            _raise(error)
        self._ptr = _ffi.gc(ptr, _lib.activering_organisation_free)

    @property
    def id(self) -> str:
        """The organisation's id."""
        return _string(_lib.activering_organisation_get_id(self._ptr))


def assign_roles(facts: Document, organisation: Union[Organisation, Document],
                 trajectory: Union[Trajectory, Document, None] = None, as_of: DateLike = None,
                 lang: str = "nl", all_tasks: bool = False, rules: Optional[RuleSet] = None) -> dict:
    """Who holds the regie and who does what for one dossier: the `activering.roles/1` document.

    @organisation is an Organisation or its document; @trajectory (optional, same dossier id) gives the phase and
    the actors; @all_tasks lists every task of the rule set, each with "active"."""
    r = _rules(rules)
    if not isinstance(organisation, Organisation):
        organisation = Organisation(organisation, r)
    if trajectory is not None and not isinstance(trajectory, Trajectory):
        trajectory = Trajectory.parse(trajectory, r)
    handle = _facts(r, facts)
    assignment = _ffi.gc(_lib.activering_role_assignment_new(r._ptr), _lib.activering_role_assignment_free)
    error = _new_error()
    if not _lib.activering_role_assignment_run(assignment, organisation._ptr, handle,
                                               trajectory._ptr if trajectory is not None else _ffi.NULL,
                                               _gdate(as_of), _ROLES_ALL_TASKS if all_tasks else 0, error):
        _raise(error)
    text = _lib.activering_role_assignment_to_json(assignment, _lang(lang), 0, error)
    if text == _ffi.NULL:
        _raise(error)
    return _json.loads(_take_string(text))
