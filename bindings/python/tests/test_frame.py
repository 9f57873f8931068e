# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""evaluate_frame: a DataFrame in, a DataFrame out, the same answers as evaluate."""
import json

import numpy as np
import pandas as pd
import pytest

import activering


def flatten(document, prefix=""):
    """A facts document as one flat row: {"income.status": …} (lists, e.g. measures, stay as they are)."""
    row = {}
    for key, value in document.items():
        if isinstance(value, dict):
            row.update(flatten(value, prefix + key + "."))
        else:
            row[prefix + key] = value
    return row


@pytest.fixture(scope="module")
def frame(caseload):
    df = pd.DataFrame([flatten(d) for d in caseload])
    df = df.drop(columns=["format"])
    df["name_in_the_export"] = "ignored"  # not a fact: ignored
    return df.set_index(pd.Index([f"row{i}" for i in range(len(df))]))


def test_frame_equals_evaluate(frame, caseload, rules):
    result = activering.evaluate_frame(frame)
    assert list(result.index) == list(frame.index)
    assert list(result.columns[:1 + len(rules.measures)]) == ["id"] + rules.measures
    assert result["error"].isna().all()
    for i, document in enumerate(caseload):
        expected = {m["measure"]: m["outcome"] for m in activering.evaluate(document)["measures"]}
        assert {m: result[m].iloc[i] for m in rules.measures} == expected
        needed = {f for m in activering.evaluate(document)["measures"] for f in (x["fact"] for x in m["missing"])}
        got = {c[len("missing:"):] for c in result.columns if c.startswith("missing:") and result[c].iloc[i]}
        assert got == needed
    assert isinstance(result["twe_ocmw"].dtype, pd.CategoricalDtype)
    assert list(result["twe_ocmw"].cat.categories) == list(activering.OUTCOMES)


def test_frame_dates_blanks_and_errors(frame):
    df = frame.copy()
    df["person.birth_date"] = pd.to_datetime(df["person.birth_date"])  # datetime64 works like strings
    df.loc["row2", "vdab.registered"] = np.nan  # blank
    df.loc["row3", "income.status"] = "leeflon"  # a bad value: that row carries the error
    result = activering.evaluate_frame(df, missing=False)
    assert result.loc["row3", "error"] == 'facts: /income.status: "leeflon" is not one of the values (did you mean "leefloon"?)' \
        or result.loc["row3", "error"].startswith("facts: /income.status: ")
    assert result.loc[["row3"], "art60"].isna().all()
    assert result.drop(index="row3")["error"].isna().all()
    assert not any(c.startswith("missing:") for c in result.columns)
    same = activering.evaluate_frame(frame, missing=False)
    unchanged = [r for r in frame.index if r not in ("row2", "row3")]
    pd.testing.assert_frame_equal(result.loc[unchanged], same.loc[unchanged])


def test_frame_as_of_and_id_column(frame):
    df = frame.reset_index(drop=True).drop(columns=["as_of"])
    with_column = activering.evaluate_frame(df.assign(as_of="2026-11-22"))
    with_argument = activering.evaluate_frame(df, as_of="2026-11-22")
    pd.testing.assert_frame_equal(with_column, with_argument)
    by_index = activering.evaluate_frame(df.drop(columns=["id"]).set_index(df["id"]), as_of="2026-11-22")
    assert list(by_index["id"]) == list(df["id"])
    empty = activering.evaluate_frame(df.iloc[:0], as_of="2026-11-22")
    assert len(empty) == 0 and "twe_ocmw" in empty.columns


def test_frame_argument_types(caseload):
    with pytest.raises(TypeError, match="takes a pandas DataFrame, not list"):
        activering.evaluate_frame(caseload)


def test_frame_bad_cells_of_every_kind(frame):
    """A bad cell puts its row in error with the facts parser's message, whatever the column's dtype."""
    cases = [
        ("vdab.registered", "yes", "facts: /vdab.registered: "),             # a string in a bool column
        ("work_capacity", "half", "facts: /work_capacity: "),                # a string in a number column
        ("work_capacity", 1.5, "facts: /work_capacity: 1.5 is out of range"),
        ("person.birth_date", "1990-02-30", "facts: /person.birth_date: "),  # an impossible date
        ("income.status", 3, "facts: /income.status: "),                     # a number in an enum column
        ("barriers", ["languag"], "facts: /barriers"),                       # a list with a typo
    ]
    for column, value, message in cases:
        df = frame.copy()
        df[column] = df[column].astype(object)
        df.at["row1", column] = value
        result = activering.evaluate_frame(df, missing=False)
        assert result.loc["row1", "error"].startswith(message), (column, result.loc["row1", "error"])
        assert result.drop(index="row1")["error"].isna().all(), column
        assert pd.isna(result.loc["row1", "ibo"])


def test_frame_kinds_agree(frame):
    """Booleans as a bool dtype, dates as datetime64 or strings, categories: the same answers."""
    df = frame.copy()
    df["person.birth_date"] = pd.to_datetime(df["person.birth_date"])
    df["income.status"] = df["income.status"].astype("category")
    pd.testing.assert_frame_equal(activering.evaluate_frame(df), activering.evaluate_frame(frame))


from hypothesis import HealthCheck, given, settings  # noqa: E402

from test_evaluate import facts_documents  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(__import__("hypothesis").strategies.lists(facts_documents, min_size=1, max_size=8))
def test_frame_equals_evaluate_on_random_facts(documents):
    """Whatever the facts, a DataFrame of them answers as the documents do (or says which row is bad)."""
    frame = pd.json_normalize(documents)
    frame.index = [f"r{i}" for i in range(len(documents))]
    result = activering.evaluate_frame(frame, as_of="2026-11-22")
    for i, document in enumerate(documents):
        row = result.iloc[i]
        try:
            expected = activering.evaluate(document, as_of="2026-11-22")
        except activering.Error as error:
            assert row["error"] is not None, (document, str(error))
            continue
        assert row["error"] is None, row["error"]
        assert {m["measure"]: m["outcome"] for m in expected["measures"]} == {
            m: row[m] for m in activering.RuleSet().measures}


def _set(document, path, value):
    """A copy of @document with the dotted @path set to @value."""
    document = json.loads(json.dumps(document))
    *parents, last = path.split(".")
    node = document
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
    return document


def _as_many(documents, as_of="2026-11-22"):
    """What evaluate_many says of each document: its outcomes, or its error message."""
    out = []
    for result in activering.evaluate_many(documents, as_of=as_of, compact=True):
        out.append(result["message"] if result["format"] == "activering.error/1" else result["outcomes"])
    return out


def _as_frame(frame, rules, as_of="2026-11-22"):
    result = activering.evaluate_frame(frame, as_of=as_of, missing=False)
    return [row["error"] if row["error"] is not None else {m: row[m] for m in rules.measures}
            for _, row in result.iterrows()]


@pytest.mark.parametrize("path, values", [
    # dates: the converters in C take only "YYYY-MM-DD"; anything else goes the general way, and C words the error
    ("person.birth_date", ["1990-02-30", "1990-1-1", " 1990-01-01", "\uff11\uff19\uff19\uff10-01-01", "0000-01-01",
                           "1990-01-01", "2000-02-29", "9999-12-31", None]),
    # enums: strs of any kind (a typo, non-ASCII, an empty one), a number
    ("income.status", ["leefloon", "leeflon", "équivalent", "", "leefloon\u0000", None, 3]),
    # lists as JSON: quotes, backslashes, control characters and non-ASCII in a str; a nested list; numbers
    ("barriers", [["health"], ["he\"alth"], ["back\\slash"], ["tab\there"], ["çava"], [["health"]], [1, 2.5],
                  [], None, "health"]),
    # numbers and bools
    ("work_capacity", [0.5, 1, 2, -0.5, 1.5, True, "0.5", None]),
    ("vdab.registered", [True, False, None, 1, 0, "true", 1.0]),
])
def test_frame_cells_as_documents(caseload, rules, path, values):
    """Every cell, whether the one-pass converter or the general path reads it, answers as the same value in a
    facts document does: the same outcomes, or the same error message."""
    documents = [_set(caseload[i % len(caseload)], path, v) for i, v in enumerate(values)]
    frame = pd.json_normalize(documents).drop(columns=["format"])
    if path == "barriers" or path == "measures":
        frame[path] = pd.Series([d[path] for d in documents], dtype=object)  # json_normalize leaves lists alone
    pointer = "/" + path.replace(".", "/")  # a frame's message names the column, a document's the JSON pointer
    got = [x.replace("/" + path, pointer, 1) if isinstance(x, str) else x for x in _as_frame(frame, rules)]
    assert got == _as_many(documents), path


def test_frame_general_paths_agree(frame, rules):
    """Cells the converters leave to pandas (numpy scalars, date objects, ints as ids, a categorical) give the same
    result as plain Python values."""
    import datetime
    df = frame.reset_index(drop=True)
    expected = activering.evaluate_frame(df, as_of="2026-11-22")
    odd = df.copy()
    odd["person.birth_date"] = [datetime.date.fromisoformat(v) if isinstance(v, str) else v
                                for v in df["person.birth_date"]]
    odd["income.status"] = np.array(df["income.status"].tolist(), dtype=object)
    odd.loc[0, "income.status"] = np.str_(df.loc[0, "income.status"])
    odd["vdab.registered"] = [np.bool_(v) if isinstance(v, bool) else v for v in df["vdab.registered"]]
    odd["region"] = df["region"].astype("category")
    got = activering.evaluate_frame(odd, as_of="2026-11-22")
    pd.testing.assert_frame_equal(got, expected)
    by_number = activering.evaluate_frame(df.assign(id=range(len(df))), as_of="2026-11-22")
    assert list(by_number["id"]) == [str(i) for i in range(len(df))]


def test_frame_many_distinct_enum_strings(frame):
    """More distinct strings in an enum column than the converter tracks: each bad one is still its row's error."""
    df = pd.concat([frame] * 20, ignore_index=True)
    df["income.status"] = [f"status{i}" if i % 2 else "leefloon" for i in range(len(df))]
    result = activering.evaluate_frame(df, as_of="2026-11-22", missing=False)
    assert result["error"].iloc[1].startswith('facts: /income.status: "status1"')
    assert result["error"].iloc[0::2].isna().all() and result["error"].iloc[1::2].notna().all()
