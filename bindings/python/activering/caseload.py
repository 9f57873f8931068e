# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A caseload of trajectories as tables (pandas): trajectory_frame, one row per trajectory."""
from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from ._convert import DateLike, _document_bytes, _facts, _gdate, _take_string
from ._native import ffi as _ffi, lib as _lib
from .enums import OUTCOMES
from .errors import Error, _new_error, _raise
from .rules import RuleSet, _rules

if TYPE_CHECKING:  # pandas is optional ("frames"): imported where the tables are made
    import pandas

__all__ = ["trajectory_frame"]

#: The states a trajectory report gives (its "state").
TRAJECTORY_STATES = ("not_started", "open", "closed")
#: The values of an indicator whose unit is "state".
INDICATOR_STATES = ("met", "not_met", "pending", "not_applicable", "undetermined")

Documents = Union[Iterable[Any], str, _os.PathLike]


def _documents(source: Documents, what: str):
    """The documents of @source: an iterable of dicts or JSON texts, or the path of a JSON-lines file."""
    if isinstance(source, (str, _os.PathLike)):
        def lines():
            with open(source, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield line
        return lines()
    if isinstance(source, (bytes, Mapping)):
        raise TypeError(f"{what} must be a list of documents or the path of a JSON-lines file, "
                        f"not one {type(source).__name__}")
    try:
        return iter(source)
    except TypeError:
        raise TypeError(f"{what} must be a list of documents or the path of a JSON-lines file, "
                        f"not {type(source).__name__}") from None


def _facts_by_id(facts) -> dict:
    """{id: facts document} from a mapping of them, a list, or a JSON-lines file (the last one with an id wins)."""
    if facts is None:
        return {}
    if isinstance(facts, Mapping) and "id" not in facts:
        return dict(facts)
    by_id = {}
    for document in _documents(facts, "facts"):
        parsed = _json.loads(document) if isinstance(document, (str, bytes)) else document
        if not isinstance(parsed, Mapping) or not isinstance(parsed.get("id"), str):
            raise TypeError("facts: every facts document needs an \"id\" (a string) to be matched to a trajectory")
        by_id[parsed["id"]] = document
    return by_id


def _id_of(document) -> Optional[str]:
    """The id of a log that did not parse, if it can be read at all."""
    try:
        parsed = _json.loads(document) if isinstance(document, (str, bytes)) else document
        value = parsed.get("id") if isinstance(parsed, Mapping) else None
        return value if isinstance(value, str) else None
    except ValueError:
        return None


def _reports(r: RuleSet, logs: Documents, facts: dict, as_of):
    """(id, report document or None, error message or None, has facts) for each log, replayed in C on one report."""
    report = _ffi.gc(_lib.activering_trajectory_report_new(r._ptr), _lib.activering_trajectory_report_free)
    date = _gdate(as_of)
    for document in _documents(logs, "logs"):
        data = _document_bytes(document, "a trajectory", "activering.trajectory/1")
        error = _new_error()
        trajectory = _lib.activering_trajectory_new_from_data(r._ptr, data, len(data), error)
        if trajectory == _ffi.NULL:
            try:
                _raise(error)
            except Error as e:
                yield _id_of(document), None, str(e), False
            continue
        trajectory = _ffi.gc(trajectory, _lib.activering_trajectory_free)
        id = _ffi.string(_lib.activering_trajectory_get_id(trajectory)).decode()
        matched = facts.get(id)
        try:
            handle = _facts(r, matched) if matched is not None else _ffi.NULL
        except Error as e:
            yield id, None, f"facts of {id}: {e}", False
            continue
        error = _new_error()
        if not _lib.activering_trajectory_report_run(report, trajectory, handle, date, error):
            _raise(error)  # only a bad date, the same for every log
        text = _lib.activering_trajectory_report_to_json(report, _ffi.NULL, 0, error)
        if text == _ffi.NULL:
            _raise(error)
        yield id, _json.loads(_take_string(text)), None, matched is not None


def trajectory_frame(logs: Documents, facts=None, as_of: DateLike = None,
                     rules: Optional[RuleSet] = None) -> "pandas.DataFrame":
    """Replays every trajectory of @logs on @as_of (default today) and returns one row per trajectory, in their
    order, with what its `activering.trajectory-report/1` says as columns.

    @logs: trajectory documents (dicts or JSON texts) in a list or any iterable, or the path of a JSON-lines file.
    @facts (optional): the dossiers' facts documents, matched to the trajectories by "id": a list (or iterable) of
    them, a dict {id: document}, or the path of a JSON-lines file. With facts the checks that need them run, and
    an open trajectory gets its next steps.

    The columns (docs/python.md, "Trajectories as a table"):
    "id", "model", "state" (categorical: not_started, open, closed), "current_model", "current_phase",
    "opened_on", "closed_on" (datetime64; NaT for none), "close_reason", "days_to_first_measure" (Int64),
    "days:<phase>" (Int64: days in each phase of every phase model, 0 for a phase not visited),
    "measure_days:<measure>" (Int64), "running_since:<measure>" (datetime64: the start of a run going on, else NaT),
    "indicator:<id>" for every indicator of the rule set (a categorical of met, not_met, pending, not_applicable,
    undetermined for a state; Int64 for days and counts; Float64 for a rate per month; <NA> for null),
    "next:<measure>" (categorical outcome of each next step; <NA> for a measure that is not one, and in every
    column when the trajectory is not open or has no facts), "has_facts" (bool), "errors" and "warnings" (Int64:
    the violations by severity), and "error": None, or why the log (or its facts) could not be read — such a row
    has <NA> in the other columns, and the rest are replayed."""
    import pandas as pd

    r = _rules(rules)
    if as_of is None:
        as_of = _datetime.date.today()  # one date for every row
    by_id = _facts_by_id(facts)
    models = r.phase_models
    phases = [phase for model in models.values() for phase in model]
    measures = r.measures
    indicators = r.trajectory_indicators
    units = {i: r.indicator_unit(i) for i in indicators}

    rows = []
    for id, report, message, has_facts in _reports(r, logs, by_id, as_of):
        row = {"id": id, "error": message, "has_facts": has_facts}
        if report is not None:
            ind = report["indicators"]
            running = {m["measure"]: m["since"] for m in report["open_measures"]}
            steps = {s["measure"]: s["outcome"] for s in report["next_steps"] or ()}
            severities = [v["severity"] for v in report["violations"]]
            row.update({
                "model": report["model"], "state": report["state"], "current_model": report["current_model"],
                "current_phase": report["current_phase"], "opened_on": ind["opened_on"],
                "closed_on": ind["closed_on"], "close_reason": ind["close_reason"],
                "days_to_first_measure": ind["days_to_first_measure"],
                "errors": severities.count("error"), "warnings": severities.count("warning"),
            })
            days = report["days_per_phase"]
            row.update({f"days:{p}": days.get(p, 0) for p in phases})
            days = report["days_per_measure"]
            row.update({f"measure_days:{m}": days.get(m, 0) for m in measures})
            row.update({f"running_since:{m}": running.get(m) for m in measures})
            row.update({f"indicator:{i}": ind.get(i) for i in indicators})
            row.update({f"next:{m}": steps.get(m) for m in measures})
        rows.append(row)

    def column(name):
        return [row.get(name) for row in rows]

    def integers(name):
        return pd.array(column(name), dtype="Int64")

    def dates(name):
        return pd.to_datetime(pd.Series(column(name), dtype=object), format="%Y-%m-%d")

    def strings(name):
        return pd.array(column(name), dtype="string")

    data = {"id": strings("id"), "model": strings("model"),
            "state": pd.Categorical(column("state"), categories=list(TRAJECTORY_STATES)),
            "current_model": strings("current_model"), "current_phase": strings("current_phase"),
            "opened_on": dates("opened_on"), "closed_on": dates("closed_on"),
            "close_reason": strings("close_reason"), "days_to_first_measure": integers("days_to_first_measure")}
    data.update({f"days:{p}": integers(f"days:{p}") for p in phases})
    data.update({f"measure_days:{m}": integers(f"measure_days:{m}") for m in measures})
    data.update({f"running_since:{m}": dates(f"running_since:{m}") for m in measures})
    for i in indicators:
        name = f"indicator:{i}"
        if units[i] == "state":
            data[name] = pd.Categorical(column(name), categories=list(INDICATOR_STATES))
        else:
            data[name] = pd.array(column(name), dtype="Float64" if units[i] == "per_month" else "Int64")
    data.update({f"next:{m}": pd.Categorical(column(f"next:{m}"), categories=list(OUTCOMES)) for m in measures})
    data.update({"has_facts": pd.array(column("has_facts"), dtype="bool"), "errors": integers("errors"),
                 "warnings": integers("warnings"), "error": pd.Series(column("error"), dtype=object)})
    frame = pd.DataFrame(data)
    frame.attrs["as_of"] = str(as_of)
    return frame
