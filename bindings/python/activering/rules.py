# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Rule sets: RuleSet, and the default one every call falls back on."""
from __future__ import annotations

import json as _json
import os as _os
import threading as _threading
from typing import Any, Mapping, Optional, Union

from ._convert import _document_bytes, _lang, _string, _take_string
from ._native import ffi as _ffi, lib as _lib
from .errors import UsageError, _new_error, _raise

__all__ = ["RuleSet"]


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
            raise UsageError(f"rules: the rule set has no texts in \"{lang}\" "
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
        """The type of the fact at @path: "bool", "integer", "number", "date", "enum", "enum_list", "runs" or "id"."""
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
            raise UsageError(f"unknown role \"{code}\"")
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

    @property
    def schema_formats(self) -> list:
        """The document formats schema() describes, e.g. "activering.facts/1"."""
        formats = _lib.activering_schema_list_formats()
        out, i = [], 0
        while formats[i] != _ffi.NULL:
            out.append(_ffi.string(formats[i]).decode())
            i += 1
        return out

    def schema(self, format: str, lang: Optional[str] = None) -> dict:
        """The JSON Schema (draft 2020-12) of the documents of @format with this rule set (docs/schemas.md): its
        facts, codes and labels, the descriptions in @lang (None: the first language). UsageError for a format not
        in schema_formats or a language the rule set lacks."""
        if not isinstance(format, str):
            raise TypeError(f"a document format must be a string, not {type(format).__name__}")
        error = _new_error()
        text = _lib.activering_rule_set_dup_schema(self._ptr, format.encode(), _lang(lang), error)
        if text == _ffi.NULL:
            _raise(error)
        return _json.loads(_take_string(text))

    @property
    def trajectory_indicators(self) -> list:
        """The ids of the trajectory indicators, in the rule set's order (the keys of a report's "indicators" after
        its four fixed ones, and the indicator:<id> columns of trajectory_frame)."""
        return [_string(_lib.activering_rule_set_get_trajectory_indicator_id(self._ptr, i))
                for i in range(_lib.activering_rule_set_get_n_trajectory_indicators(self._ptr))]

    def indicator_label(self, id: str, lang: Optional[str] = None) -> str:
        """The label of trajectory indicator @id in @lang; UsageError for an unknown id or language."""
        index = self._index(self.trajectory_indicators, id, "trajectory indicator")
        return _string(_lib.activering_rule_set_get_trajectory_indicator_label(self._ptr, index,
                                                                               self._text_lang(lang)))

    def indicator_unit(self, id: str) -> str:
        """What trajectory indicator @id takes: "state" (met, not_met, pending, not_applicable, undetermined),
        "days", "count" or "per_month"."""
        index = self._index(self.trajectory_indicators, id, "trajectory indicator")
        return _string(_lib.activering_rule_set_get_trajectory_indicator_unit(self._ptr, index))

    @staticmethod
    def _index(codes: list, code: str, what: str) -> int:
        if not isinstance(code, str):
            raise TypeError(f"a {what} code must be a string, not {type(code).__name__}")
        try:
            return codes.index(code)
        except ValueError:
            raise UsageError(f"unknown {what} \"{code}\"") from None

    def __repr__(self) -> str:
        return f"<activering.RuleSet {self.id} {self.version} {self.digest[:15]}…>"


_default_lock = _threading.Lock()
_default_rules: Optional[RuleSet] = None


def _rules(rules: Optional[RuleSet]) -> RuleSet:
    """The rule set a call runs against: @rules, or the embedded default, loaded once and shared by every thread."""
    global _default_rules
    if rules is not None:
        if not isinstance(rules, RuleSet):
            raise TypeError(f"rules must be an activering.RuleSet, not {type(rules).__name__}")
        return rules
    with _default_lock:
        if _default_rules is None:
            _default_rules = RuleSet()
        return _default_rules
