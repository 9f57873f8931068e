# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Trajectory (parse, append, report, DOT) and assign_roles."""
import json

import pytest

import activering


@pytest.fixture(scope="module")
def log(srcdir):
    return json.loads((srcdir / "examples" / "trajectories" / "dossier-0042.json").read_text(encoding="utf-8"))


def test_parse_report_and_dot(log):
    t = activering.Trajectory.parse(log)
    assert (t.id, t.model, len(t)) == ("dossier-0042", "ocmw7", len(log["events"]))
    assert t.to_dict() == log
    report = t.report(as_of="2026-03-02", lang="en")
    assert report["format"] == "activering.trajectory-report/1"
    assert report["current_phase"] == "screening" and report["state"] == "open"
    assert report["open_measures"] == [{"measure": "art60", "since": "2025-10-01"}]
    dot = t.dot(as_of="2026-03-02", lang="fr")
    assert dot.startswith("digraph") and "screening" in dot
    assert "dossier-0042" in repr(t)


def test_build_event_by_event(log):
    t = activering.Trajectory("dossier-9", "ocmw7")
    t.append({"at": "2026-01-05", "type": "open", "phase": "randvoorwaarden"})
    t.append('{"at": "2026-02-01", "type": "enter_phase", "phase": "screening"}')
    with pytest.raises(activering.Error) as caught:
        t.append({"at": "2026-01-20", "type": "enter_phase", "phase": "nazorg"})
    assert "2026-01-20" in str(caught.value)
    assert len(t) == 2  # the refused event left the log as it was
    with pytest.raises(activering.UnknownKeyError):
        t.append({"at": "2026-03-01", "type": "note", "txt": "x"})
    with pytest.raises(TypeError, match="an event must be a dict or JSON text"):
        t.append(3)
    assert t.report(as_of="2026-03-01")["days_per_phase"] == {"randvoorwaarden": 27, "screening": 29}


def test_trajectory_errors():
    with pytest.raises(activering.UnknownRefError, match="unknown phase model"):
        activering.Trajectory.parse({"id": "x", "model": "ocmw9", "events": []})
    with pytest.raises(activering.MissingError):
        activering.Trajectory.parse({"id": "x", "events": []})
    with pytest.raises(TypeError):
        activering.Trajectory(1, "ocmw7")


def test_assign_roles(srcdir, organisation, log):
    facts = json.loads((srcdir / "examples" / "facts" / "facts-0042-roles.json").read_text(encoding="utf-8"))
    roles = activering.assign_roles(facts, organisation, trajectory=log, lang="en")
    assert roles["format"] == "activering.roles/1"
    assert roles["phase"] == "screening"
    assert roles["regie"] == {"role": "ocmw.maatschappelijk_werker", "actor": "mw-an"}
    tasks = {a["task"]: a for a in roles["assignments"]}
    assert tasks["screen_twe"]["responsible"] == {"role": "ocmw.trajectbegeleider", "actor": "tb-jan"}
    everything = activering.assign_roles(facts, activering.Organisation(organisation),
                                         trajectory=activering.Trajectory.parse(log), all_tasks=True)
    assert len(everything["assignments"]) == len(activering.RuleSet().tasks)
    small = dict(organisation, actors=[{"id": "mw-an", "role": "ocmw.maatschappelijk_werker"}], agreements=[])
    gaps = activering.assign_roles(facts, small, lang="en")["gaps"]
    assert "screen_twe" in [g["task"] for g in gaps]


def test_roles_errors(organisation, twe_facts):
    with pytest.raises(activering.MissingError, match="external_partner"):
        activering.Organisation(dict(organisation, activation_service="external"))
    with pytest.raises(activering.UsageError, match="another dossier"):
        activering.assign_roles(twe_facts, organisation, trajectory={"id": "someone-else", "model": "ocmw7", "events": []})
    with pytest.raises(TypeError, match="an organisation must be a dict or JSON text"):
        activering.assign_roles(twe_facts, 3)
