# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""trajectory_frame: one row per trajectory, with figures worked out by hand, the column types, the inputs it
takes, a bad log among good ones, and agreement with Trajectory.report() on generated logs."""
import json
import subprocess
import sys

import pandas as pd
import pytest

import activering

# Open 2025-01-01 in screening, work experience from 2025-02-01 with a TWE, one contact, a VDAB report of
# non-cooperation with no decision (the log of test_trajectory_human in tests/cli-test.sh).
D7 = {"format": "activering.trajectory/1", "id": "d-7", "model": "ocmw7", "events": [
    {"at": "2025-01-01", "type": "open", "phase": "screening", "by": "ocmw.trajectbegeleider"},
    {"at": "2025-01-10", "type": "contact", "channel": "phone", "by": "ocmw.trajectbegeleider"},
    {"at": "2025-02-01", "type": "enter_phase", "phase": "werkervaring_opleiding"},
    {"at": "2025-02-01", "type": "start_measure", "measure": "twe_ocmw"},
    {"at": "2025-03-01", "type": "vdab_report", "kind": "non_cooperation"}]}
D7_FACTS = {"format": "activering.facts/1", "id": "d-7", "income": {"status": "leefloon"}}
# Closed with lasting work on 2025-01-31, reopened a month later: a re-entry, so not lasting outflow.
BACK = {"format": "activering.trajectory/1", "id": "back", "model": "ocmw7", "events": [
    {"at": "2024-11-01", "type": "open", "phase": "screening"},
    {"at": "2025-01-31", "type": "close", "reason": "duurzaam_werk"},
    {"at": "2025-03-01", "type": "reopen", "phase": "screening"}]}
BAD = '{"format": "activering.trajectory/1", "id": "broken", "model": "ocmw7", "events": [' \
      '{"at": "2025-13-01", "type": "open", "phase": "screening"}]}'


@pytest.fixture(scope="module")
def d42(srcdir):
    return json.loads((srcdir / "examples" / "trajectories" / "dossier-0042.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def frame(d42):
    return activering.trajectory_frame([D7, d42, BACK, BAD], facts=[D7_FACTS], as_of="2025-04-30")


def test_rows_worked_out_by_hand(frame):
    assert frame["id"].tolist() == ["d-7", "dossier-0042", "back", "broken"]
    d7 = frame.iloc[0]
    assert (d7["state"], d7["current_model"], d7["current_phase"]) == ("open", "ocmw7", "werkervaring_opleiding")
    assert d7["opened_on"] == pd.Timestamp("2025-01-01") and pd.isna(d7["closed_on"])
    # 2025-01-01 to 01-31 in screening, 02-01 to 04-30 in work experience (dates count inclusively)
    assert (d7["days:screening"], d7["days:werkervaring_opleiding"], d7["days:randvoorwaarden"]) == (31, 89, 0)
    assert d7["days_to_first_measure"] == 31
    assert d7["measure_days:twe_ocmw"] == 89 and d7["running_since:twe_ocmw"] == pd.Timestamp("2025-02-01")
    assert pd.isna(d7["running_since:art60"])
    # one contact in 120 days open: 1 / (120 / 30.4375) = 0.2536; the last one 110 days before 04-30; VDAB's
    # first action (its report) 59 days after the opening; no art. 60 within 2 months of the TWE
    assert d7["indicator:follow_up.contacts_per_month"] == 0.25
    assert d7["indicator:follow_up.days_since_last_contact"] == 110
    assert d7["indicator:follow_up.days_to_first_vdab_action"] == 59
    assert d7["indicator:twe_ocmw.timely_work"] == "not_met"
    assert d7["indicator:outflow.lasting"] == "not_applicable" and d7["indicator:outflow.reentries"] == 0
    # no contact for more than 31 days, no decision within 30 days on the report
    assert (d7["errors"], d7["warnings"]) == (0, 2)
    assert d7["has_facts"] and d7["error"] is None


def test_next_steps_are_the_reports(frame):
    report = activering.Trajectory.parse(D7).report(as_of="2025-04-30", facts=D7_FACTS)
    expected = {s["measure"]: s["outcome"] for s in report["next_steps"]}
    assert expected
    got = {c[len("next:"):]: v for c, v in frame.iloc[0].items() if c.startswith("next:") and not pd.isna(v)}
    assert got == expected
    # Without facts, or not open: no next steps at all.
    assert frame.iloc[1].filter(like="next:").isna().all() and frame.iloc[2].filter(like="next:").isna().all()


def test_not_started_closed_and_reopened(frame):
    # dossier-0042 on 2025-04-30: opened 2025-06-01, so not started yet.
    d42 = frame.iloc[1]
    assert d42["state"] == "not_started" and pd.isna(d42["current_phase"]) and pd.isna(d42["opened_on"])
    assert d42["days:randvoorwaarden"] == 0 and not d42["has_facts"]
    back = frame.iloc[2]
    assert back["state"] == "open" and back["indicator:outflow.reentries"] == 1
    assert back["indicator:outflow.lasting"] == "not_met"  # reopened within the period
    # 2024-11-01 to 2025-01-31 (30 + 31 + 31 days), then 2025-03-01 to 04-30 (31 + 30)
    assert back["days:screening"] == 92 + 61
    assert back["opened_on"] == pd.Timestamp("2024-11-01") and pd.isna(back["closed_on"])


def test_closed(d42):
    row = activering.trajectory_frame([d42], as_of="2027-12-31").iloc[0]
    assert row["state"] == "closed" and row["close_reason"] == "duurzaam_werk"
    assert row["closed_on"] == pd.Timestamp("2027-04-01")
    # randvoorwaarden 2025-06-01..08-14, screening 08-15..2026-10-01, nazorg 2026-10-02..2027-04-01
    assert (row["days:randvoorwaarden"], row["days:screening"], row["days:nazorg"]) == (75, 413, 182)
    assert row["indicator:outflow.lasting"] == "met"  # six months passed without a reopening


def test_a_bad_log_is_a_row_with_its_error(frame):
    bad = frame.iloc[3]
    assert bad["id"] == "broken"
    assert "/events/0/at" in bad["error"] and "2025-13-01" in bad["error"]
    assert pd.isna(bad["state"]) and pd.isna(bad["days:screening"]) and pd.isna(bad["errors"])


def test_column_types(frame, rules):
    assert str(frame["state"].dtype) == "category"
    assert list(frame["state"].cat.categories) == ["not_started", "open", "closed"]
    for name in ("opened_on", "closed_on", "running_since:art60"):
        assert str(frame[name].dtype).startswith("datetime64"), name
    for name in ("days:screening", "measure_days:art60", "days_to_first_measure", "errors",
                 "indicator:outflow.reentries", "indicator:follow_up.days_since_last_contact"):
        assert str(frame[name].dtype) == "Int64", name
    assert str(frame["indicator:follow_up.contacts_per_month"].dtype) == "Float64"
    assert list(frame["next:art60"].cat.categories) == list(activering.OUTCOMES)
    assert str(frame["indicator:twe_ocmw.timely_work"].dtype) == "category"
    # every phase of every model, every measure, every indicator
    for phases in rules.phase_models.values():
        assert all(f"days:{p}" in frame for p in phases)
    assert all(f"indicator:{i}" in frame for i in rules.trajectory_indicators)
    assert all(f"next:{m}" in frame and f"measure_days:{m}" in frame for m in rules.measures)
    assert rules.indicator_unit("follow_up.contacts_per_month") == "per_month"
    assert rules.indicator_label("outflow.lasting", "en").startswith("Lasting outflow")
    with pytest.raises(activering.UsageError):
        rules.indicator_unit("no.such")


def test_inputs(tmp_path, frame, d42):
    logs = tmp_path / "logs.jsonl"
    logs.write_text("".join(json.dumps(d) + "\n" for d in (D7, d42, BACK)) + BAD + "\n", encoding="utf-8")
    facts = tmp_path / "facts.jsonl"
    facts.write_text(json.dumps(D7_FACTS) + "\n", encoding="utf-8")
    for logs_arg, facts_arg in ((logs, facts), (str(logs), {"d-7": D7_FACTS}),
                                ((json.dumps(d) for d in (D7, d42, BACK, json.loads(BAD.replace("13", "12")))),
                                 [json.dumps(D7_FACTS)])):
        other = activering.trajectory_frame(logs_arg, facts=facts_arg, as_of="2025-04-30")
        pd.testing.assert_frame_equal(other.iloc[:3], frame.iloc[:3])
    empty = activering.trajectory_frame([], as_of="2025-04-30")
    assert len(empty) == 0 and "days:screening" in empty
    with pytest.raises(TypeError, match="a list of documents"):
        activering.trajectory_frame(D7)
    with pytest.raises(activering.MissingError, match="facts: document 1: /id: "):
        activering.trajectory_frame([D7], facts=[{"income": {}}])
    bad_facts = tmp_path / "bad-facts.jsonl"
    bad_facts.write_text(json.dumps(D7_FACTS) + "\n{nope\n", encoding="utf-8")
    with pytest.raises(activering.JSONSyntaxError, match="facts: line 2: not JSON"):
        activering.trajectory_frame([D7], facts=bad_facts)
    with pytest.raises(activering.UsageError):
        activering.trajectory_frame([D7], as_of="2025-02-30")
    # bad facts for one dossier: that row says so, the others are replayed
    rows = activering.trajectory_frame([D7, BACK], facts={"d-7": {"id": "d-7", "region": "mars"}},
                                       as_of="2025-04-30")
    assert "facts of d-7" in rows["error"][0] and "/region" in rows["error"][0] and rows["error"][1] is None


def test_agrees_with_the_reports_on_generated_logs(srcdir, tmp_path):
    facts = tmp_path / "facts.jsonl"
    out = subprocess.run([sys.executable, str(srcdir / "bench" / "gen-trajectories.py"), "--follow-up", "--count",
                          "80", "--seed", "5", "--facts", str(facts)], check=True, capture_output=True, text=True)
    logs = [json.loads(line) for line in out.stdout.splitlines()]
    by_id = {d["id"]: d for d in map(json.loads, facts.read_text(encoding="utf-8").splitlines())}
    frame = activering.trajectory_frame(logs, facts=facts, as_of="2026-11-22")
    assert frame["error"].isna().all() and len(frame) == 80
    assert set(frame["state"]) >= {"open", "closed"}
    for log, (_, row) in zip(logs, frame.iterrows()):
        report = activering.Trajectory.parse(log).report(as_of="2026-11-22", facts=by_id[log["id"]])
        assert row["state"] == report["state"] and row["current_phase"] == report["current_phase"]
        for phase, days in report["days_per_phase"].items():
            assert row[f"days:{phase}"] == days
        phases = [p for model in activering.RuleSet().phase_models.values() for p in model]
        assert sum(row[f"days:{p}"] for p in phases) == sum(report["days_per_phase"].values())
        for key, value in report["indicators"].items():
            name = key if key in row.index else f"indicator:{key}"
            got = row[name]
            if value is None:
                assert pd.isna(got), (log["id"], key)
            elif key.endswith("_on"):
                assert got == pd.Timestamp(value), (log["id"], key)
            else:
                assert got == value, (log["id"], key, got, value)
        steps = {s["measure"]: s["outcome"] for s in report["next_steps"] or ()}
        assert {m: row[f"next:{m}"] for m in steps} == steps
        assert row["errors"] + row["warnings"] == len(report["violations"])
