# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""what_if: the answer with facts changed, as the changed document gives it, and the difference."""
import copy
import datetime
import json

import pytest

import activering


@pytest.fixture()
def ibo_facts(srcdir):
    with open(srcdir / "examples" / "facts" / "facts-ibo-proposal.json", encoding="utf-8") as f:
        return json.load(f)


def outcomes(result):
    return {m["measure"]: m["outcome"] for m in result["measures"]}


def test_what_if_is_the_changed_document(ibo_facts):
    answer = activering.what_if(ibo_facts, {"proposals.ibo.weeks": 30, "income.status": "equivalent_leefloon",
                                            "barriers": ["debt"], "gpmi.signed_on": None,
                                            "proposals.ibo.start": datetime.date(2026, 12, 14)}, lang="en")
    changed = copy.deepcopy(ibo_facts)
    changed["proposals"]["ibo"].update(weeks=30, start="2026-12-14")
    changed["income"]["status"] = "equivalent_leefloon"
    changed["barriers"] = ["debt"]
    changed["gpmi"]["signed_on"] = None
    assert answer.after == activering.evaluate(changed, lang="en")
    assert answer.before == activering.evaluate(ibo_facts, lang="en")
    assert ibo_facts["proposals"]["ibo"]["weeks"] == 16, "the caller's dict is left alone"


def test_what_if_difference(ibo_facts):
    before, after, difference = activering.what_if(ibo_facts, {"proposals.ibo.weeks": 30})
    assert outcomes(before)["ibo"] == "eligible" and outcomes(after)["ibo"] == "not_eligible"
    assert difference == [{"id": "dossier-0002", "measure": "ibo", "old": "eligible", "new": "not_eligible",
                           "conditions": [{"id": "ibo.duration", "old": "true", "new": "false"}]}]
    assert activering.what_if(ibo_facts, {"proposals.ibo.weeks": 16}).difference == []


def test_what_if_blank_and_unset_are_not_false(ibo_facts):
    blank = activering.what_if(ibo_facts, {"income.status": None})
    unset = activering.what_if(ibo_facts, {"income.status": activering.UNSET})
    for answer, state in ((blank, "blank"), (unset, "unknown")):
        twe = [m for m in answer.after["measures"] if m["measure"] == "twe_ocmw"][0]
        assert twe["outcome"] == "undetermined", twe["outcome"]
        assert {"fact": "income.status", "state": state} in [{k: x[k] for k in ("fact", "state")}
                                                              for x in twe["missing"]]


def test_what_if_agrees_with_the_tool(ibo_facts, caseload):
    # every example dossier: the difference lists exactly the measures whose outcome or conditions moved
    for facts in caseload:
        answer = activering.what_if(facts, {"income.status": "none", "vdab.registered": False})
        moved = {m for m in outcomes(answer.before) if outcomes(answer.before)[m] != outcomes(answer.after)[m]}
        assert moved <= {d["measure"] for d in answer.difference}
        for d in answer.difference:
            assert d["old"] != d["new"] or d["conditions"], d


@pytest.mark.parametrize("changes, error, words", [
    ({"proposals.ibo.wekes": 20}, activering.UnknownKeyError, 'did you mean "proposals.ibo.weeks"?'),
    ({"income.status": "leefloen"}, activering.InvalidValueError, '"leefloen" is not one of: leefloon'),
    ({"proposals.ibo.weeks": -3}, activering.OutOfRangeError, "-3 is out of range"),
    ({"proposals.ibo.weeks": 2.5}, activering.JSONTypeError, "expected a whole number, found 2.5"),
    ({"income.since": "2026-02-30"}, activering.InvalidValueError, "/income.since"),
    ({"vdab.registered": "yes"}, activering.JSONTypeError, "/vdab.registered"),
])
def test_what_if_bad_values(ibo_facts, changes, error, words):
    with pytest.raises(error) as raised:
        activering.what_if(ibo_facts, changes)
    assert words in raised.value.message
    assert raised.value.message.startswith("facts: /")


def test_what_if_argument_types(ibo_facts):
    with pytest.raises(TypeError):
        activering.what_if(ibo_facts, [("proposals.ibo.weeks", 20)])
    with pytest.raises(TypeError):
        activering.what_if(ibo_facts, {1: 20})
