#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench-python.py: how fast the Python package screens a caseload, against the command-line tool on the same file
and against plain vectorised pandas (bench/pandas_baseline.py) on the same frame.

    PYTHONPATH=bindings/python/build bench-python.py --cli tools/activering CASELOAD.jsonl

Times (a) activering.evaluate_many(dicts, compact=True), (a') the same from JSON text lines (as read from a
JSON-lines export: no serialising in Python), (b) evaluate_many with full result documents (on 10,000 dossiers),
(c) activering.evaluate_frame(df) without and (d) with the missing-fact columns, (p) the pandas baseline (the first
four measures, vectorised by hand; checked to agree with (c) on every row the library decides), (t) two threads
each screening a frame with evaluate_frame, against the same two frames one after the other, and (e) the tool's
`eligibility --jsonl --compact --jobs 1 FILE > /dev/null`. Preparing the input (reading the JSON lines into dicts,
and into a DataFrame with pandas.json_normalize, the shape of a case-management export) is not timed.

Each figure is the best of --repeat runs (default 3), in dossiers per second of wall time and per CPU second (the
process's user + system time; the tool's from its rusage). On a machine shared with other work the wall figures
are noisy; the CPU figures less so, but a loaded machine slows them too (caches, memory bandwidth).

Goals (issue 14): evaluate_frame at least as fast as the pandas baseline, measured in the same run; evaluate_many
with full documents at least 30,000 dicts/s; two threads close to 2x one; evaluate_many (compact) and
evaluate_frame at least half the tool's speed.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time

import pandas as pd

import activering

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pandas_baseline  # noqa: E402


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best(function, repeat, cpu_clock=time.process_time):
    """(wall seconds, CPU seconds) of the fastest of @repeat runs."""
    runs = []
    for _ in range(repeat):
        cpu, start = cpu_clock(), time.perf_counter()
        function()
        runs.append((time.perf_counter() - start, cpu_clock() - cpu))
    return min(runs)


def in_threads(functions):
    threads = [threading.Thread(target=f) for f in functions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


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
    full = dicts[:10000]  # full documents are ~30 kB each: a tenth of the caseload tells the rate

    # the pandas baseline must agree with the library wherever the library decides
    library = activering.evaluate_frame(frame, missing=False)
    wrong = pandas_baseline.disagreements(pandas_baseline.screen(frame), library)
    status = 0
    if any(wrong.values()):
        print(f"bench-python: the pandas baseline disagrees with evaluate_frame on decided rows: {wrong}")
        status = 1

    r = args.repeat
    rows = [
        ("(a) evaluate_many, dicts, compact outcomes", n,
         best(lambda: activering.evaluate_many(dicts, compact=True), r)),
        ("(a') evaluate_many, JSON lines, compact outcomes", n,
         best(lambda: activering.evaluate_many(texts, compact=True), r)),
        ("(b) evaluate_many, dicts, full result documents", len(full), best(lambda: activering.evaluate_many(full), 1)),
        ("(c) evaluate_frame, outcomes", n, best(lambda: activering.evaluate_frame(frame, missing=False), r)),
        ("(d) evaluate_frame, outcomes + missing facts", n, best(lambda: activering.evaluate_frame(frame), r)),
        ("(p) pandas baseline, 4 measures (c has 11)", n, best(lambda: pandas_baseline.screen(frame), r)),
    ]
    one_after_other = best(lambda: [activering.evaluate_frame(frame, missing=False) for _ in range(2)], r)
    two_threads = best(lambda: in_threads([lambda: activering.evaluate_frame(frame, missing=False)] * 2), r)
    rows.append(("(t1) evaluate_frame on 2 frames, one after other", 2 * n, one_after_other))
    rows.append(("(t2) evaluate_frame on 2 frames, 2 threads", 2 * n, two_threads))
    # Is the GIL released in C? The main thread counts loop turns while a thread screens the JSON lines (nearly all
    # of it in one C call); were the GIL held, the count would stall for the length of the call.
    def turns(seconds=None, thread=None):
        count, start = 0, time.perf_counter()
        if thread is not None:
            thread.start()
        while (thread.is_alive() if thread is not None else time.perf_counter() - start < seconds):
            count += 1
        return count / (time.perf_counter() - start)
    alone = turns(0.5)
    during = turns(thread=threading.Thread(target=lambda: activering.evaluate_many(texts, compact=True)))
    command = [args.cli, "eligibility", "--jsonl", "--compact", "--jobs", "1", subset]
    cli = best(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL), r, children_cpu)
    rows.append(("(e) activering eligibility --jsonl --compact --jobs 1", n, cli))

    print(f"bench-python: {n} dossiers from {args.caseload}; library {activering.version()}; "
          f"Python {sys.version.split()[0]}, pandas {pd.__version__}; best of {r}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (wall figures are noisy on a shared "
          f"machine)\n")
    print(f"{'':52} {'dossiers/s':>11} {'per CPU s':>11} {'vs the tool':>12} {'cores busy':>11}")
    rate = {}
    for name, count, (wall, cpu) in rows:
        key = name.split()[0]
        rate[key] = (count / wall, count / cpu if cpu > 0 else float("inf"))
        print(f"{name:52} {count / wall:11.0f} {rate[key][1]:11.0f} {(cli[0] / n) / (wall / count):11.2f}x "
              f"{cpu / wall:11.2f}")

    def goal(what, value, target, unit):
        met = value >= target
        print(f"  goal: {what:52} {value:10.2f} {unit}, goal {target:g}: ratio {value / target:.2f}  "
              f"{'[goal met]' if met else '[GOAL MISSED]'}")
        return met

    print()
    goal("evaluate_frame (c) / pandas baseline (p), wall", rate["(c)"][0] / rate["(p)"][0], 1.0, "x")
    goal("evaluate_frame (c) / pandas baseline (p), CPU", rate["(c)"][1] / rate["(p)"][1], 1.0, "x")
    goal("evaluate_many full documents (b), wall", rate["(b)"][0] / 1000, 30, "k dicts/s")
    goal("evaluate_many full documents (b), CPU", rate["(b)"][1] / 1000, 30, "k dicts/s")
    goal("two threads (t2) / one after the other (t1), wall", rate["(t2)"][0] / rate["(t1)"][0], 1.8, "x")
    goal("evaluate_many compact (a) / the tool (e), wall", rate["(a)"][0] / rate["(e)"][0], 0.5, "x")
    goal("evaluate_frame (c) / the tool (e), wall", rate["(c)"][0] / rate["(e)"][0], 0.5, "x")
    print(f"  the GIL: the main thread ran {during / alone:.0%} of its loop turns while another thread screened "
          f"JSON lines in C (0% if C held the GIL; less than 100% where the two share one core)")
    print("  (CPU time is the sum over all threads; \"cores busy\" is CPU over wall time: two threads can only beat one "
          "where the machine has a core to spare, which a loaded machine shows as cores busy under 1)")
    os.unlink(subset)
    return status


if __name__ == "__main__":
    sys.exit(main())
