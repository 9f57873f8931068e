#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: CC0-1.0
"""A caseload through libactivering, for analysts: who is within reach of which measure, which missing facts keep
decisions open (and who should supply them), how long clients stay in each phase, how fast cohorts flow out into
lasting work, and which measures people are eligible for but never get — with a figure for each.

The caseload and the trajectories are synthetic, made by the project's own generators (bench/gen-caseload.py and
bench/gen-trajectories.py --follow-up, deterministic for a seed); no real person is in them. Replace
`load_caseload` and `load_trajectories` by your case-management export (a DataFrame whose columns are fact paths
such as "income.status"; trajectory logs and facts documents as JSON lines) to run it on yours.

Durations are survival estimates: a trajectory still open on the report date has not finished its phase, so its
time there is censored, not complete. Kaplan–Meier (statsmodels' SurvfuncRight for the phases; the library's
caseload report for the outflow) counts it as "at least this long".

    python3 examples/python/walkthrough.py --count 20000 --lang nl --out figures/

Needs the activering package (bindings/python) and Debian's python3-pandas, python3-matplotlib and
python3-statsmodels. The figures' words are the rule set's labels and walkthrough-texts.json, in --lang.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import textwrap

import matplotlib

matplotlib.use("Agg")  # files, not windows
import matplotlib.patches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from statsmodels.duration.survfunc import SurvfuncRight  # noqa: E402

import activering  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
BENCH = HERE.parent.parent / "bench"
AS_OF = "2026-11-22"
# Okabe & Ito's palette, told apart with the common colour-vision deficiencies
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442"]
OUTCOME_COLOURS = {"eligible": "#0072B2", "not_eligible": "#D55E00", "undetermined": "#F0E442",
                   "not_applicable": "#BBBBBB"}


def generate(script, *flags, **options):
    """The text of one of the project's generators."""
    args = [sys.executable, str(BENCH / script), *flags] + [f"--{k.replace('_', '-')}={v}" for k, v in options.items()]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def load_caseload(count, seed):
    """The caseload as one flat row per dossier: nested facts become dotted columns ("income.status")."""
    documents = [json.loads(line) for line in generate("gen-caseload.py", count=count, seed=seed).splitlines()]
    return pd.json_normalize(documents).drop(columns=["format"])


def load_trajectories(count, seed, folder):
    """Trajectory logs up to the report date with their follow-up events, and the facts of the same dossiers
    (some with a partner), as two JSON-lines files."""
    facts = folder / "facts.jsonl"
    logs = folder / "trajectories.jsonl"
    logs.write_text(generate("gen-trajectories.py", "--follow-up", count=count, seed=seed, as_of=AS_OF,
                             facts=facts), encoding="utf-8")
    return logs, facts


def wrap(text, width=38):
    return "\n".join(textwrap.wrap(text, width)) or text


def age_band(birth_dates, on):
    age = (pd.Timestamp(on) - pd.to_datetime(birth_dates, errors="coerce")).dt.days // 365.25
    return pd.cut(age, bins=[0, 25, 35, 45, 55, 67], right=False, labels=["<25", "25-34", "35-44", "45-54", "55-66"])


def shares(screened, by, measures):
    """The share of dossiers eligible for each measure, per group (groups as columns, measures as rows)."""
    eligible = pd.DataFrame({m: screened[m] == "eligible" for m in measures})
    eligible[by.name] = by  # same index as the screened frame; keeps the order of ordered groups
    table = eligible.groupby(by.name, observed=True).mean()
    return table.reindex([g for g in by.cat.categories if g in table.index]).T  # in the groups' own order


def save(fig, path):
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)


def outcomes_figure(counts, words, out):
    """Stacked bars of the outcomes per measure, the legend beside the plot."""
    fig, ax = plt.subplots(figsize=(11, 5.5))
    left = pd.Series(0, index=counts.index)
    rows = counts.iloc[::-1]
    names = [wrap(name, 45) for name in rows.index]
    for outcome in activering.OUTCOMES:
        ax.barh(names, rows[outcome], left=left[rows.index], color=OUTCOME_COLOURS[outcome],
                edgecolor="white", linewidth=0.5, label=words["outcome"][outcome])
        left[rows.index] += rows[outcome]
    ax.set_xlabel(words["dossiers"])
    ax.set_ylabel(words["measure"])
    ax.set_title(words["outcomes_title"].format(n=f"{int(counts.iloc[0].sum()):,}".replace(",", words["thousands"]),
                                                     date=AS_OF), loc="left")
    ax.legend(title=words["outcome_legend"], loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    save(fig, out)


def shares_figure(tables, words, out):
    """The share eligible per measure and group, as two heat maps with the values written in the cells."""
    fig, axes = plt.subplots(1, len(tables), figsize=(13, 6), sharey=True,
                             gridspec_kw={"width_ratios": [t.shape[1] for _, t in tables]})
    for ax, (xlabel, table) in zip(axes, tables):
        image = ax.imshow(table.to_numpy(dtype=float), cmap="cividis", vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(table.shape[1]), table.columns)
        ax.set_yticks(range(table.shape[0]), [wrap(name, 45) for name in table.index])
        ax.set_xlabel(xlabel)
        for (i, j), value in pd.DataFrame(table.to_numpy(dtype=float)).stack().items():
            ax.text(j, i, f"{value:.0%}", ha="center", va="center", fontsize=8,
                    color="black" if value > 0.55 else "white")
    axes[0].set_ylabel(words["measure"])
    fig.colorbar(image, ax=axes, label=words["share_eligible"], shrink=0.8, format=matplotlib.ticker.PercentFormatter(1))
    fig.suptitle(words["share_title"], x=0.02, ha="left")
    save(fig, out)


def missing_figure(table, words, out):
    """The facts that keep most decisions open, coloured by who supplies them, the legend beside the bars."""
    palette = dict(zip(table["ask"].unique(), OKABE_ITO))
    fig, ax = plt.subplots(figsize=(11, 6))
    rows = table.iloc[::-1]
    ax.barh([wrap(f, 60) for f in rows["fact"]], rows["dossiers"], color=[palette[a] for a in rows["ask"]])
    ax.legend(handles=[matplotlib.patches.Patch(color=c, label=wrap(a, 40)) for a, c in palette.items()],
              title=words["ask"], loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")
    ax.set_xlabel(words["missing_axis"])
    ax.set_ylabel(words["fact"])
    ax.set_title(words["missing_title"], loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    save(fig, out)


def phase_survival(frame, phases):
    """Per phase of the model: statsmodels' Kaplan–Meier estimate of the days in it. A trajectory counts in each
    phase it visited, with its days there; the time is complete unless the trajectory is still open in that phase
    on the report date (censored)."""
    estimates = {}
    for phase in phases:
        days = frame[f"days:{phase}"]
        visited = frame[days.fillna(0) > 0]
        if len(visited) < 5:
            continue
        still = (visited["state"] == "open") & (visited["current_phase"] == phase)
        estimates[phase] = SurvfuncRight(visited[f"days:{phase}"].astype(float).to_numpy(),
                                         (~still).astype(int).to_numpy())
    return estimates


def phases_figure(estimates, rules, lang, words, out):
    fig, ax = plt.subplots(figsize=(11, 5.5))
    for colour, (phase, km) in zip(OKABE_ITO, estimates.items()):
        label = rules.phase_label("ocmw7", phase, lang)
        ax.step(km.surv_times, km.surv_prob, where="post", color=colour, label=label)
        censored = km.time[km.status == 0]
        if len(censored):  # a + where a censored time falls on the curve
            at = pd.Series(km.surv_prob, index=km.surv_times).reindex(censored, method="ffill").fillna(1.0)
            ax.plot(censored, at, "+", color=colour, markersize=5, alpha=0.6)
        median = km.quantile(0.5)
        if median == median:  # not NaN: the curve crossed one half
            ax.plot([median, median], [0, 0.5], ":", color=colour, linewidth=1)
    ax.axhline(0.5, color="#999999", linewidth=0.6)
    ax.set_xlabel(words["days_in_phase"])
    ax.set_ylabel(words["still_in_phase"])
    ax.set_ylim(0, 1.02)
    ax.set_xlim(0, 720)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1))
    ax.set_title(words["phases_title"], loc="left")
    ax.text(0, -0.16, words["phases_note"].format(date=AS_OF), transform=ax.transAxes, fontsize=9, va="top")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    save(fig, out)


def outflow_figure(curves, words, out):
    """1 − S(t) of the library's Kaplan–Meier estimate of the time to lasting outflow, one line per cohort."""
    outflow = curves[(curves["quantity"] == "days_to_lasting_outflow") & (curves["period"] != "all")]
    fig, ax = plt.subplots(figsize=(11, 5.5))
    periods = sorted(outflow["period"].unique())[-7:]  # the most recent seven: the palette's yellow is too pale
    for colour, period in zip(OKABE_ITO, periods):
        curve = outflow[outflow["period"] == period]
        ax.step(curve["day"], 1 - curve["survival"], where="post", color=colour, label=period)
    ax.set_xlabel(words["days_since_opening"])
    ax.set_ylabel(words["share_outflow"])
    ax.set_ylim(0, None)
    ax.set_xlim(0, None)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1))
    ax.set_title(words["outflow_title"], loc="left")
    ax.text(0, -0.14, words["outflow_note"].format(date=AS_OF), transform=ax.transAxes, fontsize=9, va="top")
    ax.legend(title=words["cohort"], loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    save(fig, out)


def unused_figure(measures, words, out):
    """Per measure, the open trajectories eligible for it: those that ran it and those that never did. A small
    cell ("<5", <NA>) is drawn as nothing and written as "<5"."""
    rows = measures[measures["eligible"].fillna(1) > 0].iloc[::-1]
    eligible, never = rows["eligible"], rows["eligible_never_ran"]
    split = eligible.notna() & never.notna()
    fig, ax = plt.subplots(figsize=(11, 0.55 * len(rows) + 1.8))
    labels = [wrap(label, 50) for label in rows["label"]]
    ax.barh(labels, (eligible - never).where(split, 0), color=OKABE_ITO[0], label=words["eligible_ran"])
    ax.barh(labels, never.where(split, 0), left=(eligible - never).where(split, 0), color=OKABE_ITO[1],
            label=words["eligible_never_ran"])
    ax.barh(labels, eligible.where(~split & eligible.notna(), 0), color="#DDDDDD", hatch="//", edgecolor="#999999",
            label=words["unused_split_small"])
    step = 0.01 * (1 if pd.isna(eligible.max()) else eligible.max())  # the annotation's gap after its bar
    for y, (e, n) in enumerate(zip(eligible, never)):
        text = words["unused_annotation"].format(never=words["small"] if pd.isna(n) else int(n),
                                                 eligible=words["small"] if pd.isna(e) else int(e))
        ax.text((0 if pd.isna(e) else e) + step, y, text, va="center", fontsize=8)
    ax.set_xlabel(words["open_trajectories"])
    ax.set_ylabel(words["measure"])
    ax.set_title(words["unused_title"].format(date=AS_OF), loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    save(fig, out)


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
    texts = json.loads((HERE / "walkthrough-texts.json").read_text(encoding="utf-8"))
    if args.lang not in texts:
        parser.error(f"--lang: one of {', '.join(k for k in texts if k != 'note')}")
    words = texts[args.lang]
    label = lambda measure: rules.measure_label(measure, args.lang)  # noqa: E731
    print(f"rule set {rules.id} {rules.version} ({rules.digest[:19]}…), library {activering.version()}")

    # 1. Screen the whole caseload in one call.
    caseload = load_caseload(args.count, args.seed)
    screened = activering.evaluate_frame(caseload, as_of=AS_OF)
    measures = rules.measures
    print(f"\n{len(screened)} " + words["heading.screened"].format(date=AS_OF, bad=screened["error"].notna().sum()))
    counts = pd.DataFrame({label(m): screened[m].value_counts().reindex(activering.OUTCOMES, fill_value=0)
                           for m in measures}).T
    print(counts.rename(columns=words["outcome"]).to_string())
    outcomes_figure(counts, words, args.out / "outcomes_by_measure.png")

    # 2. Eligibility shares by region and by age band (regions in words, not codes).
    names = words["region"]
    regions = pd.Series(pd.Categorical(caseload["region"].map(names), categories=list(names.values())),
                        index=caseload.index, name=rules.fact_label("region", args.lang))
    by_region = shares(screened, regions, measures).rename(index=label)
    by_age = shares(screened, age_band(caseload["person.birth_date"], AS_OF).rename(words["age_band"]),
                    measures).rename(index=label)
    print(f"\n{words['heading.by_region']}\n" + by_region.round(3).to_string())
    print(f"\n{words['heading.by_age']}\n" + by_age.round(3).to_string())
    shares_figure([(regions.name, by_region), (words["age_band"], by_age)], words,
                  args.out / "eligibility_by_region_and_age.png")

    # 3. The data-quality map: which missing facts keep most decisions open, and who should supply them.
    missing = screened.filter(like="missing:").sum().sort_values(ascending=False).head(12)
    facts = [c[len("missing:"):] for c in missing.index]
    table = pd.DataFrame({
        "fact": [rules.fact_label(f, args.lang) for f in facts],
        "dossiers": missing.to_numpy(),
        "ask": [rules.role_label(rules.fact_supplied_by(f), args.lang) for f in facts],
    })
    print(f"\n{words['heading.missing']}\n" + table.to_string(index=False))
    missing_figure(table, words, args.out / "missing_facts.png")

    with tempfile.TemporaryDirectory() as folder:
        logs, facts_file = load_trajectories(args.trajectories, args.seed, pathlib.Path(folder))
        # 4. Time per phase: Kaplan–Meier over the trajectories of the 7-phase model, censored where still running.
        frame = activering.trajectory_frame(logs, facts=facts_file, as_of=AS_OF, rules=rules)
        ocmw7 = rules.phase_models["ocmw7"]
        estimates = phase_survival(frame[frame["model"] == "ocmw7"], ocmw7)
        summary = pd.DataFrame({
            rules.phase_label("ocmw7", p, args.lang): {
                "n": len(km.time), "events": int(km.status.sum()), "censored": int((km.status == 0).sum()),
                "q1": km.quantile(0.25), "median": km.quantile(0.5), "q3": km.quantile(0.75)}
            for p, km in estimates.items()}).T.astype("Int64")  # whole days; <NA>: the curve did not get there
        print(f"\n{words['heading.phases']} ({AS_OF})\n"
              + summary.astype(object).where(summary.notna(), words["not_reached"]).to_string())
        phases_figure(estimates, rules, args.lang, words, args.out / "phase_durations.png")

        # 5. and 6. The caseload report: lasting outflow per cohort, and eligible but never used per measure.
        report = activering.caseload_report(logs, facts=facts_file, as_of=AS_OF, by="year", lang=args.lang,
                                            rules=rules)
    outflow = report["survival"].query("quantity == 'days_to_lasting_outflow'")
    print(f"\n{words['heading.outflow']}\n"
          + outflow[["period", "n", "events", "censored", "q1", "median", "q3"]].to_string(index=False))
    outflow_figure(report["survival_curves"], words, args.out / "lasting_outflow.png")
    print(f"\n{words['heading.unused']}\n" + report["measures"].drop(columns="measure").to_string(index=False))
    unused_figure(report["measures"], words, args.out / "eligible_unused.png")
    print("\n" + words["written"].format(dir=args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
