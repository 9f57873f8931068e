# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""What real exports and notebooks hand the package (issue 13): text that is not JSON, dates that are not dates,
mistyped columns, unknown languages, and long batches."""
import datetime
import json

import pandas as pd
import pytest

import activering


def test_not_json_is_a_syntax_error():
    for text in ("not json", "nope", "n"):
        with pytest.raises(activering.JSONSyntaxError, match="malformed JSON at byte 0: expected a JSON value"):
            activering.evaluate(text)
    with pytest.raises(activering.JSONTypeError, match="expected a facts object, found null"):
        activering.evaluate("null")
    bad = activering.evaluate_many(["nope"])[0]
    assert bad["code"] == "syntax" and "malformed JSON" in bad["message"]


def test_byte_order_mark_and_own_members():
    document = '\ufeff{"format": "activering.facts/1", "id": "d-1", "x_export": {"tool": "Excel"}}'
    assert activering.evaluate(document)["id"] == "d-1"
    with pytest.raises(activering.DuplicateError, match="/x_a: the key appears twice"):
        activering.evaluate('{"format": "activering.facts/1", "id": "d-1", "x_a": 1, "x_a": 2}')
    with pytest.raises(activering.InvalidValueError, match="holds \\\\u0000") as caught:
        activering.evaluate({"id": "d-1", "x_name": "Jan\u0000Peeters"})
    assert "Peeters" not in str(caught.value)  # an x_ value is never quoted


@pytest.fixture
def dates_frame():
    return pd.DataFrame({"id": ["iso", "int", "float", "text", "short", "blank"],
                         "income.status": ["leefloon"] * 6,
                         "person.birth_date": ["1990-01-01", 19900101, 19900101.0, "gisteren", "1990-1-1", None]})


def test_frame_rejects_dates_that_are_not_dates(dates_frame):
    result = activering.evaluate_frame(dates_frame).set_index("id")
    errors = result["error"]
    assert errors["iso"] is None and errors["blank"] is None
    # the same words the C parser gives a facts document with that value (its path is /person/birth_date there)
    for row, value in (("int", 19900101), ("text", "gisteren"), ("short", "1990-1-1")):
        expected = activering.evaluate_many([{"id": row, "person": {"birth_date": value}}])[0]["message"]
        assert errors[row].startswith("facts: /person.birth_date: "), errors[row]
        assert errors[row].split(": ", 2)[2] == expected.split(": ", 2)[2], (row, errors[row], expected)
    assert "/person.birth_date" in errors["int"] and "expected a date" in errors["int"]
    assert "/person.birth_date" in errors["float"]
    assert result.loc["int", "twe_ocmw"] != result.loc["int", "twe_ocmw"]  # NaN: the row is in error
    # a column of integers only is not read as nanoseconds since 1970
    only_ints = pd.DataFrame({"id": ["a"], "person.birth_date": [19900101]})
    assert "expected a date" in activering.evaluate_frame(only_ints)["error"].iloc[0]
    # real dates still go the fast way and give the same answers as strings
    as_dates = dates_frame.iloc[:1].assign(**{"person.birth_date": [datetime.date(1990, 1, 1)]})
    assert (activering.evaluate_frame(as_dates)["twe_ocmw"].iloc[0]
            == activering.evaluate_frame(dates_frame.iloc[:1])["twe_ocmw"].iloc[0])


def test_frame_mistyped_column_raises(rules):
    frame = pd.DataFrame({"id": ["a"], "income_status": ["leefloon"], "name_in_the_export": ["kept out"]})
    with pytest.raises(activering.UnknownKeyError, match='column "income_status".*did you mean "income.status"'):
        activering.evaluate_frame(frame)
    with pytest.raises(activering.UnknownKeyError, match='column "vdab.registerd"'):
        activering.evaluate_frame(pd.DataFrame({"id": ["a"], "vdab.registerd": [True]}))
    result = activering.evaluate_frame(frame, ignore_unknown=True)
    assert result.attrs["ignored_columns"] == ["income_status"]
    assert activering.evaluate_frame(frame.drop(columns=["income_status"])).attrs["ignored_columns"] == []


def test_rule_set_getters_refuse_unknown_languages_and_codes(rules):
    calls = [lambda: rules.title("de"), lambda: rules.measure_label("ibo", "de"),
             lambda: rules.fact_label("vdab.registered", "de"), lambda: rules.role_label("vdab.bemiddelaar", "de"),
             lambda: rules.task_label("hold_regie", "de"), lambda: rules.phase_label("ocmw7", "nazorg", "de")]
    for call in calls:
        with pytest.raises(activering.UsageError, match='no texts in "de" \\(it has: nl, fr, en\\)'):
            call()
    for call, what in ((lambda: rules.measure_decided_by("twe"), "measure"), (lambda: rules.fact_type("x"), "fact"),
                       (lambda: rules.fact_supplied_by("x"), "fact"), (lambda: rules.role_label("nobody"), "role"),
                       (lambda: rules.task_label("x"), "task"), (lambda: rules.phase_label("ocmw8", "x"), "phase model"),
                       (lambda: rules.phase_label("ocmw7", "x"), "phase")):
        with pytest.raises(activering.UsageError, match=f"unknown {what} "):
            call()
    assert rules.measure_label("ibo") == rules.measure_label("ibo", "nl")  # None: the first language


def test_progress_callback(caseload):
    seen = []
    documents = caseload * 1500  # 21,000 dossiers: three chunks
    documents = documents[:20999] + ["nope"]
    results = activering.evaluate_many(documents, compact=True, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(10000, 21000), (20000, 21000), (21000, 21000)]
    assert results[-1]["line"] == 21000 and results[-1]["code"] == "syntax"
    assert results[:14] == activering.evaluate_many(caseload, compact=True)
    frame = pd.json_normalize(caseload * 800).drop(columns=["format"])
    seen.clear()
    chunked = activering.evaluate_frame(frame, progress=lambda done, total: seen.append(done))
    assert seen == [10000, 11200]
    whole = activering.evaluate_frame(frame)
    assert chunked["twe_ocmw"].equals(whole["twe_ocmw"]) and list(chunked.columns) == list(whole.columns)
    with pytest.raises(TypeError, match="progress must be"):
        activering.evaluate_many(caseload, progress="yes")


def test_progress_with_tqdm(caseload, capsys):
    pytest.importorskip("tqdm")  # Debian python3-tqdm, installed by scripts/debian-setup.sh
    assert activering.evaluate_many(caseload, progress=True) == activering.evaluate_many(caseload)
    assert "14/14" in capsys.readouterr().err
