# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The analyst walk-through (examples/python/walkthrough.py) runs on a small synthetic caseload and draws its
four figures."""
import os
import subprocess
import sys


def test_walkthrough(srcdir, tmp_path):
    script = srcdir / "examples" / "python" / "walkthrough.py"
    run = subprocess.run([sys.executable, str(script), "--count", "1500", "--trajectories", "60",
                          "--lang", "nl", "--out", str(tmp_path)],
                         capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"), timeout=300)
    assert run.returncode == 0, run.stderr
    for section in ("dossiers screened", "Share eligible, by region", "Share eligible, by age band",
                    "Missing facts that most often", "Days per phase"):
        assert section in run.stdout
    assert "Trajectbegeleider van het OCMW" in run.stdout or "VDAB" in run.stdout  # suppliers, in Dutch
    for name in ("outcomes_by_measure", "eligibility_by_region_and_age", "missing_facts", "phase_durations"):
        png = tmp_path / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
