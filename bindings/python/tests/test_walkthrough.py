# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The analyst walk-through (examples/python/walkthrough.py) runs on a small synthetic caseload, in Dutch, and
draws its six figures; its words come from the rule set and walkthrough-texts.json, not from codes."""
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("statsmodels")  # Debian python3-statsmodels: the Kaplan–Meier estimates


def test_walkthrough(srcdir, tmp_path):
    script = srcdir / "examples" / "python" / "walkthrough.py"
    run = subprocess.run([sys.executable, str(script), "--count", "1500", "--trajectories", "300",
                          "--lang", "nl", "--out", str(tmp_path)],
                         capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"), timeout=300)
    assert run.returncode == 0, run.stderr
    texts = json.loads((srcdir / "examples" / "python" / "walkthrough-texts.json").read_text(encoding="utf-8"))
    nl = texts["nl"]
    for key in ("heading.by_region", "heading.by_age", "heading.missing", "heading.outflow", "heading.unused"):
        assert nl[key] in run.stdout, key
    assert "dossiers gescreend op 2026-11-22" in run.stdout
    assert "Kaplan–Meier met censuur" in run.stdout and "censored" in run.stdout
    assert "Trajectbegeleider van het OCMW" in run.stdout or "VDAB" in run.stdout  # suppliers, in Dutch
    assert "niet in aanmerking" in run.stdout and "Vlaanderen" in run.stdout  # outcomes and regions in words
    assert "not_eligible" not in run.stdout and "wallonie" not in run.stdout
    for name in ("outcomes_by_measure", "eligibility_by_region_and_age", "missing_facts", "phase_durations",
                 "lasting_outflow", "eligible_unused"):
        png = tmp_path / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    bad = subprocess.run([sys.executable, str(script), "--lang", "de", "--out", str(tmp_path)],
                         capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"), timeout=60)
    assert bad.returncode == 2 and "--lang" in bad.stderr
