#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench-python.py: how fast the Python package screens a caseload, against the command-line tool on the same file.

    PYTHONPATH=bindings/python/build bench-python.py --cli tools/activering CASELOAD.jsonl

Times (a) activering.evaluate_many(dicts, compact=True), (a') the same from JSON text lines (as read from a
JSON-lines export: no serialising in Python), (b) evaluate_many with full result documents (on 10,000 dossiers),
(c) activering.evaluate_frame(df) without and (d) with the missing-fact columns, and (e) the tool's
`eligibility --jsonl --compact FILE > /dev/null`. Preparing the input (reading the JSON lines into dicts, and into a
DataFrame with pandas.json_normalize, the shape of a case-management export) is not timed. The goal: at least half
the tool's speed. Best of --repeat runs (default 3); one core.
"""
import argparse
import json
import subprocess
import sys
import time

import pandas as pd

import activering


def best(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("caseload")
    parser.add_argument("--cli", required=True, help="the activering tool")
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with open(args.caseload, encoding="utf-8") as f:
        lines = [line for _, line in zip(range(args.count), f) if line.strip()]
    dicts = [json.loads(line) for line in lines]
    frame = pd.json_normalize(dicts).drop(columns=["format"])
    n = len(dicts)
    subset = args.caseload + ".bench-python"
    with open(subset, "w", encoding="utf-8") as f:
        f.writelines(lines)
    activering.evaluate_many(dicts[:100], compact=True)  # warm up: the rule set loads once
    texts = [line.rstrip("\n") for line in lines]
    full = dicts[:10000]  # full documents are ~12 kB each: a tenth of the caseload tells the rate
    rows = [
        ("(a) evaluate_many, dicts, compact outcomes", best(lambda: activering.evaluate_many(dicts, compact=True), args.repeat)),
        ("(a') evaluate_many, JSON lines, compact outcomes", best(lambda: activering.evaluate_many(texts, compact=True), args.repeat)),
        ("(b) evaluate_many, dicts, full result documents", best(lambda: activering.evaluate_many(full), 1) * n / len(full)),
        ("(c) evaluate_frame, outcomes", best(lambda: activering.evaluate_frame(frame, missing=False), args.repeat)),
        ("(d) evaluate_frame, outcomes + missing facts", best(lambda: activering.evaluate_frame(frame), args.repeat)),
    ]
    command = [args.cli, "eligibility", "--jsonl", "--compact", "--jobs", "1", subset]
    cli = best(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL), args.repeat)
    rows.append(("(e) activering eligibility --jsonl --compact --jobs 1", cli))
    print(f"bench-python: {n} dossiers from {args.caseload}; library {activering.version()}; "
          f"Python {sys.version.split()[0]}, pandas {pd.__version__}; best of {args.repeat}\n")
    print(f"{'':48} {'dossiers/s':>12} {'vs the tool':>12}")
    for name, seconds in rows:
        print(f"{name:48} {n / seconds:12.0f} {cli / seconds:11.2f}x")
    print("\ngoal: evaluate_many (compact) and evaluate_frame at least 0.5x the tool")
    return 0


if __name__ == "__main__":
    sys.exit(main())
