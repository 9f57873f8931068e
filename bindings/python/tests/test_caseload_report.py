# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""caseload_report: the caseload report as DataFrames, on a hand-made caseload whose figures are worked out here,
and the same figures as `activering report` on a generated one."""
import json
import os
import pathlib
import subprocess
import sys

import pandas as pd
import pytest

import activering

AS_OF = "2025-12-31"


def log(id, *events):
    return {"format": "activering.trajectory/1", "id": id, "model": "ocmw7",
            "events": [{"at": "2025-01-01", "type": "open", "phase": "screening"}, *events]}


def caseload():
    """Five dossiers of each kind, all opened on 2025-01-01 (so one cohort of 2025): A closed with lasting work on
    2025-03-01 (day 59) and not back; B closed with work on 04-01 and reopened on 06-01 (a re-entry); C on art. 60
    from 02-01 (day 31) with a contact on 12-01; D open without anything, with a partner on leefloon who has no
    trajectory. C and D have facts; the partners are facts only."""
    logs, facts = [], []
    for k in range(5):
        logs.append(log(f"a{k}", {"at": "2025-03-01", "type": "close", "reason": "duurzaam_werk"}))
        logs.append(log(f"b{k}", {"at": "2025-04-01", "type": "close", "reason": "duurzaam_werk"},
                        {"at": "2025-06-01", "type": "reopen", "phase": "screening"}))
        logs.append(log(f"c{k}", {"at": "2025-02-01", "type": "start_measure", "measure": "art60"},
                        {"at": "2025-12-01", "type": "contact", "channel": "phone", "by": "ocmw.trajectbegeleider"}))
        logs.append(log(f"d{k}"))
        facts.append({"format": "activering.facts/1", "id": f"c{k}", "income": {"status": "leefloon"}})
        facts.append({"format": "activering.facts/1", "id": f"d{k}", "income": {"status": "leefloon"},
                      "household": {"partner_id": f"p{k}"}})
        facts.append({"format": "activering.facts/1", "id": f"p{k}", "income": {"status": "leefloon"},
                      "household": {"partner_id": f"d{k}"}})
    return logs, facts


@pytest.fixture(scope="module")
def report():
    logs, facts = caseload()
    return activering.caseload_report(logs + ['{"id": "broken"'], facts=facts, as_of=AS_OF, by="year", lang="en",
                                      list_ids=True)


def test_dossiers_and_cohorts_by_hand(report):
    d = report["dossiers"].iloc[0]
    assert (d["total"], d["trajectories"], d["facts_only"], d["with_facts"]) == (25, 20, 5, 10)
    assert (d["not_started"], d["open"], d["closed"]) == (0, 15, 5)
    assert d["bad_lines"] == 1  # lines, not dossiers: never "<5"
    cohorts = report["cohorts"].set_index("period")
    assert list(cohorts.index) == ["2025", "all"]
    c = cohorts.loc["2025"]
    assert c["from"] == pd.Timestamp("2025-01-01") and c["until"] == pd.Timestamp("2025-12-31")
    assert (c["trajectories"], c["open"], c["closed"]) == (20, 15, 5)
    # lasting outflow: A met (six months without a reopening), B not met (reopened), 5 of 20
    assert (c["lasting_outflow.met"], c["lasting_outflow.not_met"], c["lasting_outflow.pending"]) == (5, 5, 0)
    assert c["lasting_outflow.rate"] == 0.25
    # re-entry: A and B were closed, B came back
    assert (c["reentry.ever_closed"], c["reentry.reentered"], c["reentry.rate"]) == (10, 5, 0.5)
    # no TWE anywhere: timely work has no case, and no rate
    assert (c["timely_work.met"], c["timely_work.not_met"]) == (0, 0) and pd.isna(c["timely_work.rate"])
    assert cohorts.loc["all", "trajectories"] == 20
    now = report["phase_now"].query("period == '2025'")
    assert now.set_index("phase")["count"].to_dict() == {"screening": 15}
    assert now["label"].iloc[0] == "Trajectory guidance and screening"


def test_survival_by_hand(report):
    s = report["survival"].query("period == '2025'").set_index("quantity")
    first = s.loc["days_to_first_measure"]
    # C's art. 60 on day 31 (5 events); A censored at its close, B and D at the report date. S(31) = 15/20 = 0.75
    # is not below 0.75, and nothing falls after: every quartile is not reached (<NA>).
    assert (first["n"], first["events"], first["censored"]) == (20, 5, 15)
    assert pd.isna(first["q1"]) and pd.isna(first["median"]) and pd.isna(first["q3"])
    outflow = s.loc["days_to_lasting_outflow"]
    assert (outflow["n"], outflow["events"], outflow["censored"]) == (20, 5, 15)
    curve = report["survival_curves"].query("period == '2025' and quantity == 'days_to_lasting_outflow'")
    assert curve["day"].tolist()[:3] == [0, 30, 60]
    assert curve["survival"].tolist()[:3] == [1.0, 1.0, 0.75]  # A's five events on day 59
    assert curve["at_risk"].tolist()[:3] == [20, 20, 15]
    # screening: B's first visit ended at its close (91 days), A's at its close (59): ten events
    screening = report["survival"].query("period == '2025' and phase == 'screening'").iloc[0]
    assert (screening["events"], screening["n"]) == (10, 25)  # 20 first visits and B's 5 second ones


def test_measures_follow_up_and_couples_by_hand(report):
    art60 = report["measures"].set_index("measure").loc["art60"]
    assert art60["population"] == 10 and art60["ran"] == 5  # open with facts: C and D; C ran it
    assert art60["label"] == "Employment under article 60, § 7"
    f = report["follow_up"].iloc[0]
    # open: B, C, D; only C had a contact (30 days before the report date), after a gap of 334 days
    assert (f["contact_gap.population"], f["contact_gap.no_contact"], f["contact_gap.warned"]) == (15, 10, 5)
    assert report["contact_gap"].iloc[0].tolist() == [0, 30, 5]
    assert (f["reports_without_decision.trajectories"], f["reports_without_decision.reports"]) == (0, 0)
    # D is open, its partner on leefloon has no trajectory
    assert (f["couples.open_with_partner"], f["couples.flagged"], f["couples.partner_unknown"]) == (5, 5, 0)
    ids = report["ids"]
    couples = ids.query("list == 'couples_flagged'")
    assert sorted(zip(couples["id"], couples["partner_id"])) == [(f"d{k}", f"p{k}") for k in range(5)]
    assert sorted(ids.query("list == 'contact_gap_warned'")["id"]) == [f"c{k}" for k in range(5)]


def test_errors_types_and_usage(report):
    assert report["errors"]["position"].tolist() == [20]
    assert "JSON" in report["errors"]["message"][0] or "trajectory" in report["errors"]["message"][0]
    assert str(report["cohorts"]["open"].dtype) == "Int64"
    assert str(report["cohorts"]["lasting_outflow.rate"].dtype) == "Float64"
    assert str(report["cohorts"]["from"].dtype).startswith("datetime64")
    assert str(report["survival"]["median"].dtype) == "Int64"
    assert report["report"]["by"][0] == "year" and report["report"]["as_of"][0] == pd.Timestamp(AS_OF)
    assert len(report["notes"]) >= 1
    logs, facts = caseload()
    no_ids = activering.caseload_report(logs, facts=facts, as_of=AS_OF)
    assert "ids" not in no_ids and no_ids["report"]["lang"][0] == "nl"
    assert no_ids["measures"]["label"][1] == activering.RuleSet().measure_label("art60", "nl")
    with pytest.raises(activering.UsageError, match="quarter, month, year"):
        activering.caseload_report(logs, by="week")
    with pytest.raises(activering.UsageError):
        activering.caseload_report(logs, lang="de")
    with pytest.raises(TypeError):
        activering.caseload_report(logs, by=3)


def test_same_figures_as_the_tool(srcdir, tmp_path):
    logs, facts = tmp_path / "logs.jsonl", tmp_path / "facts.jsonl"
    out = subprocess.run([sys.executable, str(srcdir / "bench" / "gen-trajectories.py"), "--follow-up", "--count",
                          "300", "--seed", "9", "--facts", str(facts)], check=True, capture_output=True, text=True)
    logs.write_text(out.stdout, encoding="utf-8")
    tool = pathlib.Path(os.environ.get("ACTIVERING", srcdir / "_build" / "tools" / "activering"))
    if not tool.exists():
        pytest.skip(f"no activering tool at {tool}")
    run = subprocess.run([str(tool), "report", "--trajectories", str(logs), "--facts", str(facts), "--as-of",
                          "2026-11-22", "--lang", "fr"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    page = tmp_path / "page.html"
    report = activering.caseload_report(logs, facts=facts, as_of="2026-11-22", lang="fr", html=page)
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")

    def same(got, value):  # "<5" and null are <NA> in the frames
        return pd.isna(got) if value in ("<5", None) else got == value

    assert all(same(report["dossiers"].iloc[0][k], v) for k, v in document["dossiers"].items())
    assert len(report["cohorts"]) == len(document["cohorts"])
    for (_, row), cohort in zip(report["cohorts"].iterrows(), document["cohorts"]):
        assert row["period"] == cohort["period"]
        for key in ("trajectories", "open", "closed"):
            assert same(row[key], cohort[key]), (cohort["period"], key)
        assert same(row["lasting_outflow.rate"], cohort["lasting_outflow"]["rate"])
        assert same(row["reentry.reentered"], cohort["reentry"]["reentered"])
    for (_, row), measure in zip(report["measures"].iterrows(), document["measures"]):
        assert row["measure"] == measure["measure"] and row["label"] == measure["label"]
        for key in ("population", "eligible", "ran", "eligible_never_ran"):
            assert same(row[key], measure[key]), (measure["measure"], key)
    n_estimates = sum(2 + len(c["days_in_phase"]) for c in document["cohorts"])
    assert len(report["survival"]) == n_estimates
    assert report["notes"]["note"].tolist() == document["notes"]
