#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: CC0-1.0
"""A caseload through libactivering, for analysts: who is within reach of which measure, which missing facts keep
decisions open (and who should supply them), and how long clients stay in each phase — with a figure for each.

The caseload and the trajectories are synthetic, made by the project's own generators (bench/gen-caseload.py and
bench/gen-trajectories.py, deterministic for a seed); no real person is in them. Replace `load_caseload` by your
case-management export (a DataFrame whose columns are fact paths such as "income.status") to run it on yours.

    python3 examples/python/walkthrough.py --count 20000 --out figures/

Needs the activering package (bindings/python) and Debian's python3-pandas and python3-matplotlib.
"""
import argparse
import datetime as dt
import json
import pathlib
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")  # files, not windows
import matplotlib.patches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import activering  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
BENCH = HERE.parent.parent / "bench"
AS_OF = "2026-11-22"


def generate(script, **options):
    """JSON lines from one of the project's generators."""
    args = [sys.executable, str(BENCH / script)] + [f"--{k}={v}" for k, v in options.items()]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def load_caseload(count, seed):
    """The caseload as one flat row per dossier: nested facts become dotted columns ("income.status")."""
    return pd.json_normalize(generate("gen-caseload.py", count=count, seed=seed)).drop(columns=["format"])


def age_band(birth_dates, on):
    age = (pd.Timestamp(on) - pd.to_datetime(birth_dates, errors="coerce")).dt.days // 365.25
    return pd.cut(age, bins=[0, 25, 35, 45, 55, 67], right=False, labels=["<25", "25-34", "35-44", "45-54", "55-66"])


def shares(screened, by, measures):
    """The share of dossiers eligible for each measure, per group."""
    eligible = pd.DataFrame({m: screened[m] == "eligible" for m in measures})
    eligible[by.name] = by  # same index as the screened frame; keeps the order of ordered groups
    return eligible.groupby(by.name, observed=True).mean()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000, help="dossiers in the synthetic caseload")
    parser.add_argument("--trajectories", type=int, default=2000, help="synthetic trajectories")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lang", default="en", help="language of the labels: nl, fr or en")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("figures"), help="where the PNGs go")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rules = activering.RuleSet()
    label = lambda measure: rules.measure_label(measure, args.lang)  # noqa: E731
    print(f"rule set {rules.id} {rules.version} ({rules.digest[:19]}…), library {activering.version()}")

    # 1. Screen the whole caseload in one call.
    caseload = load_caseload(args.count, args.seed)
    screened = activering.evaluate_frame(caseload, as_of=AS_OF)
    measures = rules.measures
    print(f"\n{len(screened)} dossiers screened on {AS_OF}; {screened['error'].notna().sum()} with bad data\n")
    counts = pd.DataFrame({label(m): screened[m].value_counts().reindex(activering.OUTCOMES, fill_value=0)
                           for m in measures}).T
    print(counts.to_string())
    ax = counts.plot.barh(stacked=True, figsize=(9, 4), color=["#2e7d32", "#c62828", "#f9a825", "#9e9e9e"])
    ax.set_xlabel("dossiers")
    ax.set_title("Within reach: outcome per measure")
    plt.tight_layout()
    plt.savefig(args.out / "outcomes_by_measure.png", dpi=120)
    plt.close()

    # 2. Eligibility shares by region and by age band.
    by_region = shares(screened, caseload["region"].rename("region"), measures)
    by_age = shares(screened, age_band(caseload["person.birth_date"], AS_OF).rename("age band"), measures)
    print("\nShare eligible, by region\n" + by_region.round(3).to_string())
    print("\nShare eligible, by age band\n" + by_age.round(3).to_string())
    fig, axes = plt.subplots(1, 2, figsize=(12, 4), sharey=True)
    for ax, table, title in ((axes[0], by_region, "by region"), (axes[1], by_age, "by age band")):
        table.rename(columns=label).plot.bar(ax=ax, rot=0)
        ax.set_title(f"Share eligible {title}")
        ax.set_ylim(0, 1)
    plt.tight_layout()
    plt.savefig(args.out / "eligibility_by_region_and_age.png", dpi=120)
    plt.close()

    # 3. The data-quality map: which missing facts keep most decisions open, and who should supply them.
    missing = screened.filter(like="missing:").sum().sort_values(ascending=False).head(12)
    facts = [c[len("missing:"):] for c in missing.index]
    table = pd.DataFrame({
        "fact": [rules.fact_label(f, args.lang) for f in facts],
        "dossiers": missing.to_numpy(),
        "ask": [rules.role_label(rules.fact_supplied_by(f), args.lang) for f in facts],
    })
    print("\nMissing facts that most often leave a decision undetermined\n" + table.to_string(index=False))
    # one colour per role that supplies the facts, so the figure says whom to ask
    palette = dict(zip(table["ask"].unique(), plt.cm.tab10.colors))
    fig, ax = plt.subplots(figsize=(11, 6))
    rows = table.iloc[::-1]
    ax.barh(rows["fact"], rows["dossiers"], color=[palette[a] for a in rows["ask"]])
    fig.legend(handles=[matplotlib.patches.Patch(color=c, label=a) for a, c in palette.items()], title="ask",
               loc="lower center", ncol=2, fontsize="small")
    ax.set_xlabel("dossiers with an undetermined decision for want of it")
    ax.set_title("Missing facts that keep decisions open, and who supplies them")
    plt.tight_layout(rect=(0, 0.12, 1, 1))
    plt.savefig(args.out / "missing_facts.png", dpi=120)
    plt.close()

    # 4. Phase durations from trajectories.
    logs = generate("gen-trajectories.py", count=args.trajectories, events=40, seed=args.seed)
    days = []
    for log in logs:
        report = activering.Trajectory.parse(log, rules).report(as_of="2029-12-31", lang=args.lang)
        for phase, n in report["days_per_phase"].items():
            days.append({"model": report["model"], "phase": phase, "days": n})
    durations = pd.DataFrame(days)
    ocmw7 = rules.phase_models["ocmw7"]
    summary = (durations[durations["model"] == "ocmw7"].groupby("phase")["days"]
               .describe()[["count", "25%", "50%", "75%"]].reindex(ocmw7).dropna())
    print("\nDays per phase (ocmw7 trajectories)\n" + summary.to_string())
    data = [durations[(durations["model"] == "ocmw7") & (durations["phase"] == p)]["days"] for p in summary.index]
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.boxplot(data, labels=[rules.phase_label("ocmw7", p, args.lang) for p in summary.index], showfliers=False)
    ax.set_ylabel("days")
    ax.set_title("Time spent per phase (7-phase OCMW model)")
    plt.xticks(rotation=20, ha="right")
    plt.tight_layout()
    plt.savefig(args.out / "phase_durations.png", dpi=120)
    plt.close()
    print(f"\nfigures written to {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
