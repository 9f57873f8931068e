# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Trajectories: a client's append-only log of dated events, replayed into a report or drawn as DOT."""
from __future__ import annotations

import json as _json
from typing import Optional

from ._convert import DateLike, Document, _document_bytes, _facts, _gdate, _gstring, _lang, _string, _take_string
from ._native import ffi as _ffi, lib as _lib
from .errors import _new_error, _raise
from .rules import RuleSet, _rules

__all__ = ["Trajectory"]


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
        ptr = _lib.activering_trajectory_new_from_data(r._ptr, data, len(data), error)
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
