# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A caseload of trajectories as tables (pandas): trajectory_frame, one row per trajectory, and caseload_report,
the library's caseload report as one DataFrame per section."""
from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from ._convert import DateLike, _document_bytes, _facts, _gdate, _gstring, _lang, _take_string, _text
from ._native import ffi as _ffi, lib as _lib
from .enums import OUTCOMES
from .errors import Error, JSONSyntaxError, MissingError, UsageError, _new_error, _raise
from .rules import RuleSet, _rules

if TYPE_CHECKING:  # pandas is optional ("frames"): imported where the tables are made
    import pandas

__all__ = ["trajectory_frame", "caseload_report"]

#: The states a trajectory report gives (its "state").
TRAJECTORY_STATES = ("not_started", "open", "closed")
#: The values of an indicator whose unit is "state".
INDICATOR_STATES = ("met", "not_met", "pending", "not_applicable", "undetermined")

Documents = Union[Iterable[Any], str, _os.PathLike]


def _numbered(source: Documents, what: str):
    """(number, document) for the documents of @source: an iterable of dicts or JSON texts (numbered from 1), or the
    path of a JSON-lines file (numbered by line; blank lines are skipped)."""
    if isinstance(source, (str, _os.PathLike)):
        def lines():
            with open(source, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if line.strip():
                        yield number, line
        return lines()
    if isinstance(source, (bytes, Mapping)):
        raise TypeError(f"{what} must be a list of documents or the path of a JSON-lines file, "
                        f"not one {type(source).__name__}")
    try:
        return enumerate(source, 1)
    except TypeError:
        raise TypeError(f"{what} must be a list of documents or the path of a JSON-lines file, "
                        f"not {type(source).__name__}") from None


def _documents(source: Documents, what: str):
    """The documents of @source (see _numbered)."""
    return (document for _, document in _numbered(source, what))


def _facts_by_id(facts) -> dict:
    """{id: facts document} from a mapping of them, a list, or a JSON-lines file (the last one with an id wins)."""
    if facts is None:
        return {}
    if isinstance(facts, Mapping) and "id" not in facts:
        return dict(facts)
    by_id = {}
    where = "line" if isinstance(facts, (str, _os.PathLike)) else "document"
    for number, document in _numbered(facts, "facts"):
        try:
            parsed = _json.loads(document) if isinstance(document, (str, bytes)) else document
        except ValueError as e:
            raise JSONSyntaxError(f"facts: {where} {number}: not JSON: {e}") from None
        if not isinstance(parsed, Mapping) or not isinstance(parsed.get("id"), str):
            raise MissingError(f"facts: {where} {number}: /id: a facts document needs an \"id\" (a string) to be "
                               "matched to a trajectory", "/id")
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


def _replay(r: RuleSet, logs: Documents, facts: dict, as_of, matched: Optional[set] = None):
    """Replays each log of @logs in C on @as_of, on one report: yields (id, report, facts handle, error), where
    report is None and error says why for a log (or its facts) that could not be read, and the facts handle is
    NULL without facts. The ids of the facts used are added to @matched."""
    report = _ffi.gc(_lib.activering_trajectory_report_new(r._ptr), _lib.activering_trajectory_report_free)
    date = _gdate(as_of)
    for document in _documents(logs, "logs"):
        data = _document_bytes(document, "a trajectory", "activering.trajectory/1")
        error = _new_error()
        trajectory = _lib.activering_trajectory_new_from_data(r._ptr, data, len(data), error)
        if trajectory == _ffi.NULL:
            yield _id_of(document), None, _ffi.NULL, _message(error)
            continue
        trajectory = _ffi.gc(trajectory, _lib.activering_trajectory_free)
        id = _ffi.string(_lib.activering_trajectory_get_id(trajectory)).decode()
        handle = _ffi.NULL
        if id in facts:
            try:
                handle = _facts(r, facts[id])
            except Error as e:
                yield id, None, _ffi.NULL, f"facts of {id}: {e}"
                continue
            if matched is not None:
                matched.add(id)
        error = _new_error()
        if not _lib.activering_trajectory_report_run(report, trajectory, handle, date, error):
            _raise(error)  # only a bad date, the same for every log
        yield id, report, handle, None


def _message(error) -> str:
    try:
        _raise(error)
    except Error as e:
        return str(e)
    raise AssertionError("unreachable")  # pragma: no cover


def _report_document(report) -> dict:
    error = _new_error()
    text = _lib.activering_trajectory_report_to_json(report, _ffi.NULL, 0, error)
    if text == _ffi.NULL:
        _raise(error)
    return _json.loads(_take_string(text))


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
    for id, handle, facts_handle, message in _replay(r, logs, by_id, as_of):
        row = {"id": id, "error": message, "has_facts": facts_handle != _ffi.NULL}
        if handle is not None:
            report = _report_document(handle)
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


SMALL = "<5"  # a count of 1 to 4 dossiers in the report (docs/caseload-report.md, "Small cells")


def _number(value):
    """A count or rate of the report: "<5" (a small cell) becomes None, as null does."""
    return None if value == SMALL else value


def _frame(rows: list, columns: dict) -> "pandas.DataFrame":
    """A DataFrame of @rows (dicts) with @columns {name: kind}: "count" (Int64), "rate" (Float64), "date"
    (datetime64), "text" (string) or "list" (object)."""
    import pandas as pd

    data = {}
    for name, kind in columns.items():
        values = [row.get(name) for row in rows]
        if kind == "count":
            data[name] = pd.array([_number(v) for v in values], dtype="Int64")
        elif kind == "rate":
            data[name] = pd.array([_number(v) for v in values], dtype="Float64")
        elif kind == "date":
            data[name] = pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d")
        elif kind == "text":
            data[name] = pd.array(values, dtype="string")
        else:
            data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=list(columns))


_ESTIMATE = {"n": "count", "events": "count", "censored": "count", "q1": "count", "median": "count", "q3": "count"}
_WHERE = {"period": "text", "quantity": "text", "model": "text", "phase": "text", "label": "text"}


def _estimates(cohorts: list):
    """The survival estimates of every cohort, one row each, and their curves, one row per point."""
    estimates, curves = [], []
    for cohort in cohorts:
        found = [("days_to_first_measure", None, cohort["days_to_first_measure"]),
                 ("days_to_lasting_outflow", None, cohort["days_to_lasting_outflow"])]
        found += [("days_in_phase", p, p["estimate"]) for p in cohort["days_in_phase"]]
        for quantity, phase, estimate in found:
            where = {"period": cohort["period"], "quantity": quantity}
            if phase is not None:
                where.update(model=phase["model"], phase=phase["phase"], label=phase["label"])
            estimates.append({**where, **{k: estimate[k] for k in _ESTIMATE}})
            curves += [{**where, **point} for point in estimate["curve"]]
    return (_frame(estimates, {**_WHERE, **_ESTIMATE}),
            _frame(curves, {**_WHERE, "day": "count", "at_risk": "count", "survival": "rate"}))


def _flat(document: Mapping, prefix: str = "") -> dict:
    """Nested members as dotted keys ("lasting_outflow.rate"), as pandas.json_normalize names them."""
    out = {}
    for key, value in document.items():
        if isinstance(value, Mapping):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def _sections(document: dict) -> dict:
    """The caseload report document as one DataFrame per section."""
    import pandas as pd

    cohort_columns = {"period": "text", "from": "date", "until": "date", "trajectories": "count", "open": "count",
                      "closed": "count"}
    for part, members in (("lasting_outflow", ("met", "pending", "not_met")),
                          ("reentry", ("ever_closed", "reentered")), ("timely_work", ("met", "not_met", "pending"))):
        cohort_columns.update({f"{part}.{m}": "count" for m in members})
        cohort_columns[f"{part}.rate"] = "rate"
    cohorts = document["cohorts"]
    estimates, curves = _estimates(cohorts)
    follow_up = document["follow_up"]
    gap = follow_up["contact_gap"]
    sections = {
        "report": _frame([{"format": document["format"], "as_of": document["as_of"], "by": document["by"],
                           "lang": document["lang"], **_flat(document["ruleset"], "ruleset.")}],
                         {"format": "text", "as_of": "date", "by": "text", "lang": "text", "ruleset.id": "text",
                          "ruleset.version": "text", "ruleset.digest": "text"}),
        "notes": pd.DataFrame({"note": pd.array(document["notes"], dtype="string")}),
        "dossiers": _frame([document["dossiers"]], {k: "count" for k in document["dossiers"]}),
        "cohorts": _frame([_flat(c) for c in cohorts], cohort_columns),
        "phase_now": _frame([{"period": c["period"], **p} for c in cohorts for p in c["phase_now"]],
                            {"period": "text", "model": "text", "phase": "text", "label": "text", "count": "count"}),
        "survival": estimates,
        "survival_curves": curves,
        "measures": _frame(document["measures"], {"measure": "text", "label": "text", "population": "count",
                                                  "eligible": "count", "undetermined": "count", "ran": "count",
                                                  "eligible_never_ran": "count"}),
        "follow_up": _frame([_flat({k: v for k, v in gap.items() if k != "bins"}, "contact_gap.")
                             | _flat(follow_up["reports_without_decision"], "reports_without_decision.")
                             | _flat(follow_up["couples"], "couples.")],
                            {"contact_gap.population": "count", "contact_gap.no_contact": "count",
                             "contact_gap.warned": "count", "reports_without_decision.trajectories": "count",
                             "reports_without_decision.reports": "count", "couples.open_with_partner": "count",
                             "couples.flagged": "count", "couples.partner_unknown": "count"}),
        "contact_gap": _frame(gap["bins"], {"from": "count", "until": "count", "count": "count"}),
        "data_quality": _frame(document["data_quality"], {"fact": "text", "label": "text", "dossiers": "count",
                                                          "decisions": "count", "supplied_by": "text",
                                                          "supplied_by_label": "text", "actors": "list"}),
    }
    sections["data_quality"].attrs["other"] = document["data_quality_other"]
    if "ids" in document:
        ids = document["ids"]
        rows = [{"list": "couples_flagged", "id": a, "partner_id": b} for a, b in ids["couples_flagged"]]
        rows += [{"list": name, "id": i} for name in ("reports_without_decision", "contact_gap_warned")
                 for i in ids[name]]
        rows += [{"list": "eligible_never_ran", "measure": m, "id": i}
                 for m, listed in ids["eligible_never_ran"].items() for i in listed]
        sections["ids"] = _frame(rows, {"list": "text", "measure": "text", "id": "text", "partner_id": "text"})
    return sections


def caseload_report(logs: Documents, facts=None, as_of: DateLike = None, by: str = "quarter",
                    organisation=None, lang: str = "nl", list_ids: bool = False, html=None,
                    rules: Optional[RuleSet] = None) -> dict:
    """The caseload report (`activering.caseload-report/1`, docs/caseload-report.md) of @logs on @as_of (default
    today), as a dict of DataFrames, one per section of the document (docs/python.md, "The caseload report").

    @logs and @facts are as for trajectory_frame; facts documents that match no trajectory count as dossiers
    without one (for couples). @by: "quarter", "month" or "year", the cohorts' periods. @organisation (an
    Organisation or its document) names who supplies each missing fact. @lang: the language of labels and notes.
    @list_ids adds the "ids" frame (the dossiers behind some counts; for use inside the OCMW only). @html: a path
    to also write the report's self-contained HTML page to.

    The aggregation is the library's (ActiveringCaseload), fed with the trajectory reports made in C: the same
    figures as `activering report`. A count of 1 to 4 dossiers, which the document writes as "<5", is <NA> in these
    frames, as a null is. A log (or its facts) that cannot be read counts in dossiers.bad_lines, and the "errors"
    frame says which (position in @logs, id if readable, message)."""
    from .roles import Organisation

    r = _rules(rules)
    if as_of is None:
        as_of = _datetime.date.today()
    if not isinstance(by, str):
        raise TypeError(f"by must be \"quarter\", \"month\" or \"year\", not {type(by).__name__}")
    period = _ffi.new("ActiveringCaseloadPeriod *")
    if not _lib.activering_caseload_period_from_string(by.encode(), period):
        raise UsageError(f"by: \"{by}\" is not one of quarter, month, year")
    error = _new_error()
    caseload = _lib.activering_caseload_new(r._ptr, _gdate(as_of), period[0], error)
    if caseload == _ffi.NULL:
        _raise(error)
    caseload = _ffi.gc(caseload, _lib.activering_caseload_free)
    if list_ids and not _lib.activering_caseload_set_list_ids(caseload, True, error):
        _raise(error)
    if organisation is not None:
        if not isinstance(organisation, Organisation):
            organisation = Organisation(organisation, r)
        _lib.activering_caseload_set_organisation(caseload, organisation._ptr)

    by_id = _facts_by_id(facts)
    matched, errors = set(), []
    for position, (id, report, facts_handle, message) in enumerate(_replay(r, logs, by_id, as_of, matched)):
        if report is None:
            errors.append({"position": position, "id": id, "message": message})
            _lib.activering_caseload_add_unreadable(caseload)
        elif not _lib.activering_caseload_add(caseload, report, facts_handle, error):
            _raise(error)
    for id in sorted(set(by_id) - matched):
        try:
            handle = _facts(r, by_id[id])
        except Error as e:
            errors.append({"position": None, "id": id, "message": f"facts of {id}: {e}"})
            _lib.activering_caseload_add_unreadable(caseload)
            continue
        if not _lib.activering_caseload_add_facts(caseload, handle, error):
            _raise(error)

    text = _lib.activering_caseload_to_json(caseload, _lang(lang), 0, error)
    if text == _ffi.NULL:
        _raise(error)
    sections = _sections(_json.loads(_take_string(text)))
    sections["errors"] = _frame(errors, {"position": "count", "id": "text", "message": "text"})
    if html is not None:
        page = _gstring()
        if not _lib.activering_caseload_append_html(caseload, _lang(lang), page, error):
            _raise(error)
        with open(html, "w", encoding="utf-8") as f:
            f.write(_text(page))
    return sections
