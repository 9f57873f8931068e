# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""evaluate and evaluate_many: results, errors per dossier, argument types, and properties over random facts."""
import datetime
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import activering

EXPECTED_01 = {"twe_ocmw": "eligible", "art60": "eligible", "ibo": "undetermined", "individueel_maatwerk": "not_eligible",
               "wijk_werken": "undetermined", "activeringstraject": "undetermined", "ama": "undetermined",
               "collectief_maatwerk": "not_eligible", "werkervaringsstage": "undetermined", "ibo_plus": "undetermined",
               "gemeenschapsdienst": "undetermined"}


def outcomes(result):
    return {m["measure"]: m["outcome"] for m in result["measures"]}


def test_evaluate_one(twe_facts, rules):
    result = activering.evaluate(twe_facts, lang="en")
    assert result["format"] == "activering.result/1"
    assert result["id"] == "dossier-0001" and result["as_of"] == "2026-11-22"
    assert result["ruleset"] == {"id": rules.id, "version": rules.version, "digest": rules.digest}
    assert outcomes(result)["twe_ocmw"] == "eligible"
    assert all(c["legal_basis"] for m in result["measures"] for c in m["conditions"])


def test_evaluate_inputs(twe_facts):
    text = json.dumps(twe_facts)
    assert activering.evaluate(text) == activering.evaluate(twe_facts)
    assert activering.evaluate(text.encode()) == activering.evaluate(twe_facts)
    without_format = {k: v for k, v in twe_facts.items() if k != "format"}
    assert activering.evaluate(without_format) == activering.evaluate(twe_facts)
    later = activering.evaluate(twe_facts, as_of=datetime.date(2027, 1, 15))
    assert later["as_of"] == "2027-01-15"
    assert activering.evaluate(twe_facts, as_of="2027-01-15") == later
    text = lambda result: result["measures"][0]["conditions"][0]["text"]  # noqa: E731
    assert text(activering.evaluate(twe_facts, lang="fr")) != text(activering.evaluate(twe_facts, lang="nl"))


def test_evaluate_errors(twe_facts):
    with pytest.raises(activering.UnknownKeyError) as caught:
        activering.evaluate({"id": "d", "regio": "vlaanderen"})
    assert caught.value.path == "/regio" and caught.value.code == "unknown_key"
    assert 'did you mean "region"' in str(caught.value)
    with pytest.raises(activering.InvalidValueError):
        activering.evaluate({"id": "d", "vdab": {"registered_since": "2025-13-01"}})
    with pytest.raises(activering.UsageError, match="not a date"):
        activering.evaluate(twe_facts, as_of="22/11/2026")
    with pytest.raises(activering.UsageError, match="no texts in"):
        activering.evaluate(twe_facts, lang="de")
    with pytest.raises(TypeError, match="facts must be a dict or JSON text, not int"):
        activering.evaluate(5)
    with pytest.raises(TypeError, match="as_of must be a date"):
        activering.evaluate(twe_facts, as_of=20261122)
    with pytest.raises(TypeError, match="rules must be an activering.RuleSet"):
        activering.evaluate(twe_facts, rules="be-vlaanderen")


def test_evaluate_many_matches_the_caseload(caseload):
    results = activering.evaluate_many(caseload)
    assert [r["id"] for r in results] == [d["id"] for d in caseload]
    assert outcomes(results[0]) == EXPECTED_01
    compact = activering.evaluate_many(caseload, compact=True)
    assert [c["format"] for c in compact] == ["activering.outcomes/1"] * len(caseload)
    assert [c["outcomes"] for c in compact] == [outcomes(r) for r in results]


def test_evaluate_many_reports_bad_dossiers_and_goes_on(caseload):
    batch = [caseload[0], {"id": "bad", "regio": "x"}, json.dumps(caseload[1]), caseload[2]]
    results = activering.evaluate_many(batch, compact=True)
    assert len(results) == 4
    assert results[1] == {"format": "activering.error/1", "line": 2, "code": "unknown_key",
                          "message": 'facts: /regio: unknown key "regio" (did you mean "region"?)', "path": "/regio"}
    assert [results[i]["id"] for i in (0, 2, 3)] == [caseload[0]["id"], caseload[1]["id"], caseload[2]["id"]]
    # a document given as pretty JSON text still makes one line
    pretty = json.dumps(caseload[3], indent=2)
    assert activering.evaluate_many([pretty])[0]["id"] == caseload[3]["id"]
    assert activering.evaluate_many([]) == []
    # an empty or broken text keeps its place, as an error
    results = activering.evaluate_many(["", '{"id": "x",\n "regio": 1', caseload[0]], compact=True)
    assert [r["format"] for r in results] == ["activering.error/1", "activering.error/1", "activering.outcomes/1"]
    assert (results[0]["line"], results[1]["line"], results[2]["id"]) == (1, 2, caseload[0]["id"])
    assert activering.evaluate_many(iter(caseload[:2]), compact=True) == activering.evaluate_many(caseload[:2], compact=True)


def test_evaluate_many_argument_types(caseload):
    with pytest.raises(TypeError, match="iterable of facts documents"):
        activering.evaluate_many(caseload[0])
    with pytest.raises(TypeError, match="iterable of facts documents"):
        activering.evaluate_many(7)
    with pytest.raises(TypeError, match="each facts document must be a dict or JSON text, not list"):
        activering.evaluate_many([caseload[0], [1, 2]])


# ---- properties ----

REGIONS = ["vlaanderen", "brussel", "wallonie", "ostbelgien"]
dates = st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2030, 12, 31)).map(str)
maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731

facts_documents = st.fixed_dictionaries(
    {"id": st.text(alphabet="abcdefghij-0123456789", min_size=1, max_size=12)},
    optional={
        "region": maybe(st.sampled_from(REGIONS)),
        "person": st.fixed_dictionaries({}, optional={"birth_date": maybe(dates),
                                                      "domicile_region": st.sampled_from(REGIONS),
                                                      "legal_residence": st.booleans()}),
        "income": st.fixed_dictionaries({}, optional={
            "status": st.sampled_from(["leefloon", "equivalent_leefloon", "werkloosheidsuitkering", "none"]),
            "decision_date": dates}),
        "vdab": st.fixed_dictionaries({}, optional={"registered": maybe(st.booleans()),
                                                    "category": st.sampled_from(["nwwz", "other"]),
                                                    "registered_since": dates}),
        "work_capacity": maybe(st.floats(min_value=0, max_value=1)),
        "assessment": st.fixed_dictionaries({}, optional={
            "lacks_work_experience": st.booleans(), "ready_for_regular_labour_market": st.booleans(),
            "regular_labour_market_within_months": st.integers(min_value=0, max_value=60),
            "social_economy_highest_achievable": st.booleans()}),
        "barriers": st.lists(st.sampled_from(["housing", "language", "debt", "health"]), unique=True),
        "dutch_level": st.sampled_from(["none", "A1", "A2", "B1", "B2"]),
        "measures": st.lists(st.fixed_dictionaries({"measure": st.sampled_from(["twe_ocmw", "art60", "ibo"]),
                                                    "start": dates, "end": st.none()}), max_size=2),
        "x_note": st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20),  # \u0000 is refused even in x_
    })

# Anything JSON can hold, to make sure bad documents come back as errors and never crash.
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                           lambda children: st.lists(children, max_size=3)
                           | st.dictionaries(st.sampled_from(["id", "region", "income", "status", "vdab", "x", "measures"]),
                                             children, max_size=4),
                           max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(facts_documents, min_size=1, max_size=6))
def test_evaluate_many_equals_evaluate_one_by_one(documents):
    many = activering.evaluate_many(documents, as_of="2026-11-22", lang="en")
    one_by_one = [activering.evaluate(d, as_of="2026-11-22", lang="en") for d in documents]
    assert many == one_by_one
    compact = activering.evaluate_many(documents, as_of="2026-11-22", compact=True)
    assert [c["outcomes"] for c in compact] == [outcomes(r) for r in one_by_one]
    assert [c["id"] for c in compact] == [r["id"] for r in one_by_one]
    for result in many:
        for measure in result["measures"]:
            if measure["outcome"] == "not_eligible":
                assert any(c["state"] == "false" for c in measure["conditions"])
            if measure["outcome"] == "undetermined":
                assert measure["missing"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["id", "region", "income", "vdab", "person", "measures", "as_of", "x_y",
                                        "work_capacity", "barriers"]), json_values, max_size=6))
def test_random_documents_never_crash(document):
    results = activering.evaluate_many([document, {"id": "ok"}], as_of="2026-11-22", compact=True)
    assert len(results) == 2 and results[1]["id"] == "ok"
    first = results[0]
    if first["format"] == "activering.error/1":
        assert first["line"] == 1 and first["path"].startswith("/") and first["message"].startswith("facts: ")
        with pytest.raises(activering.Error) as caught:
            activering.evaluate(document, as_of="2026-11-22")
        assert caught.value.code == first["code"] and str(caught.value) == first["message"]
    else:
        assert set(first["outcomes"].values()) <= set(activering.OUTCOMES)


def test_many_dicts_written_in_c_as_in_python(caseload):
    """A list of dicts is written to JSON in C (_cells.c); odd values (a date object, a numpy scalar, a tuple, a
    string with quotes, backslashes, control characters and non-ASCII) answer as their JSON text does."""
    import numpy as np
    documents = [dict(d) for d in caseload]
    for d in documents[:3]:
        d.pop("format", None)  # "format" may be left out
    documents[3] = {**documents[3], "id": 'quote"back\\slash\ttab\u00e9\u2028'}
    documents[4] = {**documents[4], "barriers": ("health",)}
    documents[5] = {**documents[5], "as_of": datetime.date(2026, 11, 22)}  # the whole batch goes the Python way
    texts = [json.dumps({"format": "activering.facts/1", **d}, default=str) for d in documents]
    assert activering.evaluate_many(documents, compact=True) == activering.evaluate_many(texts, compact=True)
    del documents[5], texts[5]  # now C writes it all
    assert activering.evaluate_many(documents, compact=True) == activering.evaluate_many(texts, compact=True)
    assert activering.evaluate_many(documents) == activering.evaluate_many(texts)
    documents[6] = {**documents[6], "work_capacity": np.float64(0.5)}
    texts[6] = json.dumps({"format": "activering.facts/1", **documents[6]}, default=float)
    assert activering.evaluate_many(documents, compact=True) == activering.evaluate_many(texts, compact=True)


def test_evaluate_trace(twe_facts):
    plain = activering.evaluate(twe_facts, lang="en")
    traced = activering.evaluate(twe_facts, lang="en", trace=True)
    assert "trace" not in plain and set(traced["trace"]) == {"facts", "parameters", "definitions", "conditions"}
    assert all("valid_until" in m for m in traced["measures"]) and all("valid_until" in o for o in traced["obligations"])
    # the trace adds members; everything else is as without it
    stripped = json.loads(json.dumps(traced))
    del stripped["trace"]
    for item in stripped["measures"] + stripped["obligations"]:
        item.pop("valid_until")
        item.pop("to_change", None)
    assert stripped == plain
    # the same facts and date give the same trace, one by one and in a batch
    assert activering.evaluate(twe_facts, lang="en", trace=True) == traced
    assert activering.evaluate_many([twe_facts, twe_facts], lang="en", trace=True) == [traced, traced]
    known = {f["fact"]: f for f in traced["trace"]["facts"]}
    assert known["income.status"] == {"fact": "income.status", "state": "known", "value": twe_facts["income"]["status"]}
    with pytest.raises(activering.UsageError):
        activering.evaluate_many([twe_facts], trace=True, compact=True)


def test_evaluate_trace_to_change():
    facts = {"id": "ibo-30", "as_of": "2026-11-22", "region": "vlaanderen", "proposals": {"ibo": {"weeks": 30}},
             "vdab": {"registered": True, "category": "nwwz"}, "person": {"legal_residence": True}}
    ibo = [m for m in activering.evaluate(facts, lang="en", trace=True)["measures"] if m["measure"] == "ibo"][0]
    assert ibo["outcome"] == "not_eligible" and ibo["valid_until"] is None
    (change,) = [c for c in ibo["to_change"] if c["condition"] == "ibo.duration"]
    assert change["facts"][0]["needs"] == {"between": [4, 26]}
    assert change["facts"][0]["text"].endswith("must be between 4 and 26; 30 given")
