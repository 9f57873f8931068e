#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""pandas_baseline.py: the first four measures of the default rule set as plain vectorised pandas, the yardstick
of evaluate_frame (issue 14): what an analyst would write by hand for the same conditions.

It encodes what bench/baseline.c encodes, in the same three-valued logic (a uint8 per row: bit 0 "may be true",
bit 1 "may be false"), from a DataFrame as pandas.json_normalize makes it of the facts documents (dates as
"YYYY-MM-DD" strings, None for an absent or null value, "measures" as a list of runs). Like baseline.c it reads
a null as unknown, and it answers "undetermined" where the region is unknown, where the library may answer
"not_eligible": the two are compared only on the rows the library decides (eligible or not_eligible).

    PYTHONPATH=_build/bindings/python/build pandas_baseline.py CASELOAD.jsonl [--count N]

checks it against activering.evaluate_frame on the caseload and prints both speeds.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd

MEASURES = ["twe_ocmw", "art60", "ibo", "individueel_maatwerk"]
OUTCOMES = ["eligible", "not_eligible", "undetermined", "not_applicable"]
ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, NOT_APPLICABLE = range(4)

# three-valued logic, as baseline.c: bit 0 "may be true", bit 1 "may be false"
KT, KF, KU = np.uint8(1), np.uint8(2), np.uint8(3)
OUTCOME_OF_TRUTH = np.array([UNDETERMINED, ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED], dtype=np.int8)


def k_and(a, b):
    return ((a & b) & 1) | ((a | b) & 2)


def k_or(a, b):
    return ((a | b) & 1) | ((a & b) & 2)


def k_of(known, value):
    return np.where(known, np.where(value, KT, KF), KU).astype(np.uint8)


def day(text):
    return np.datetime64(text, "D")


D_2017_01_01, D_2018_12_31 = day("2017-01-01"), day("2018-12-31")
D_2018_09_01, D_2023_07_01 = day("2018-09-01"), day("2023-07-01")
TWE_MIN_WORK_CAPACITY, TWE_LEARNING_HORIZON_MONTHS = 0.5, 24
IBO_MIN_WEEKS, IBO_MAX_WEEKS, IBO_MIN_HOURS_FRACTION = 4, 26, 0.5
IMW_INDICATION_MAX_YEARS = 5


def screen(frame):
    """The four outcomes of each row of @frame: a DataFrame of categorical columns, with the frame's index."""
    n = len(frame)
    empty = pd.Series([None] * n, index=frame.index, dtype=object)

    def col(name):
        return frame[name] if name in frame.columns else empty

    def dates(name):
        return pd.to_datetime(col(name), format="%Y-%m-%d").to_numpy(dtype="datetime64[D]")

    def known(name):
        return col(name).notna().to_numpy()

    def is_(name, want):  # BOOL_IS: a known boolean equal to @want
        values = col(name)
        return k_of(values.notna().to_numpy(), (values == want).to_numpy())

    def of(name, condition):  # k_of on a fact: known where the cell holds a value
        return k_of(known(name), condition(col(name)).to_numpy())

    as_of = dates("as_of")
    as_of = np.where(np.isnat(as_of), np.datetime64("today", "D"), as_of)
    region = col("region")
    region_known = region.notna().to_numpy()
    vlaanderen = (region == "vlaanderen").to_numpy()

    def exists_in(outcome, listed):  # EXISTS_IN: an unknown region is undetermined, one not listed not applicable
        return np.where(~region_known, UNDETERMINED, np.where(~listed, NOT_APPLICABLE, outcome))

    social_assistance = of("income.status", lambda s: s.isin(["leefloon", "equivalent_leefloon"]))

    # the runs of measures, one row per run
    runs_column = col("measures")
    runs_known = runs_column.notna().to_numpy()
    runs = runs_column.reset_index(drop=True).explode().dropna()
    rows = runs.index.to_numpy()
    runs = pd.DataFrame(runs.tolist(), index=rows, columns=["measure", "start", "end"])
    start = pd.to_datetime(runs["start"], format="%Y-%m-%d").to_numpy(dtype="datetime64[D]")
    end = pd.to_datetime(runs["end"], format="%Y-%m-%d").to_numpy(dtype="datetime64[D]")
    end = np.where(np.isnat(end), np.datetime64("9999-12-31", "D"), end)
    going_on = (start <= as_of[rows]) & (end >= as_of[rows])
    twe_rows = np.zeros(n, dtype=bool)
    twe_rows[rows[going_on & (runs["measure"] == "twe_ocmw").to_numpy()]] = True
    twe_running = np.where(runs_known, np.where(twe_rows, KT, KF), KU).astype(np.uint8)
    art60_going_on = going_on & (runs["measure"] == "art60").to_numpy()
    latest = pd.Series(start[art60_going_on], index=rows[art60_going_on]).groupby(level=0).max()
    old = np.zeros(n, dtype=bool)
    old[latest.index.to_numpy()] = latest.to_numpy() < D_2017_01_01
    art60_old_regime = np.where(as_of > D_2018_12_31, KF, np.where(runs_known, np.where(old, KT, KF), KU))
    art60_old_regime = art60_old_regime.astype(np.uint8)

    # twe_ocmw
    t = social_assistance
    t = k_and(t, is_("vdab.registered", True))
    t = k_and(t, is_("assessment.lacks_work_experience", True))
    t = k_and(t, is_("assessment.lacks_generic_competences", True))
    t = k_and(t, is_("assessment.ready_for_regular_labour_market", False))
    t = k_and(t, of("assessment.regular_labour_market_within_months", lambda s: s <= TWE_LEARNING_HORIZON_MONTHS))
    t = k_and(t, of("work_capacity", lambda s: s >= TWE_MIN_WORK_CAPACITY))
    t = k_and(t, is_("assessment.social_economy_highest_achievable", False))
    t = k_and(t, is_("assessment.technical_training_first", False))
    twe = exists_in(OUTCOME_OF_TRUTH[t], vlaanderen)
    twe = np.where(as_of < D_2017_01_01, NOT_APPLICABLE, twe)

    # art60: exists everywhere, always; the status and the TWE framework apply only in Flanders
    twe_truth = np.where(twe == ELIGIBLE, KT, np.where(twe == UNDETERMINED, KU, KF)).astype(np.uint8)
    elsewhere = k_of(region_known, ~vlaanderen)
    framework = np.where(as_of < D_2017_01_01, KT, KF).astype(np.uint8)
    framework = k_or(k_or(k_or(framework, art60_old_regime), twe_truth), twe_running)
    t = k_or(elsewhere, social_assistance)
    t = k_and(t, is_("social_security.full_unemployment_entitlement", False))
    t = k_and(t, k_or(elsewhere, framework))
    art60 = OUTCOME_OF_TRUTH[t]

    # ibo
    listed = region.isin(["vlaanderen", "brussel"]).to_numpy()
    t = k_and(is_("vdab.registered", True), of("vdab.category", lambda s: s == "nwwz"))
    t = k_and(t, is_("person.legal_residence", True))
    t = k_and(t, of("proposals.ibo.weeks", lambda s: (s >= IBO_MIN_WEEKS) & (s <= IBO_MAX_WEEKS)))
    t = k_and(t, of("proposals.ibo.hours_fraction", lambda s: s >= IBO_MIN_HOURS_FRACTION))
    t = k_and(t, of("proposals.ibo.employer.seat_region", lambda s: s.isin(["vlaanderen", "brussel"])))
    t = k_and(t, is_("proposals.ibo.employer.employed_trainee_before", False))
    ibo = exists_in(OUTCOME_OF_TRUTH[t], listed)
    before_reform = np.where(region_known & ~listed, NOT_APPLICABLE, UNDETERMINED)
    ibo = np.where(as_of < D_2018_09_01, before_reform, ibo)

    # individueel_maatwerk
    t = of("person.domicile_region", lambda s: s == "vlaanderen")
    t = k_and(t, is_("indication.arbeidsbeperking", True))
    t = k_and(t, of("indication.decided_by", lambda s: s == "vdab"))
    t = k_and(t, of("indication.advice", lambda s: s.isin(["individueel_maatwerk", "collectief_maatwerk"])))
    start = dates("proposals.individueel_maatwerk.start")
    on = np.where(np.isnat(start), as_of, start)
    valid_until = dates("indication.valid_until")
    valid = k_of(~np.isnat(valid_until), on <= valid_until)
    decided_on = dates("indication.decided_on")
    month = decided_on.astype("datetime64[M]")
    target = month + 12 * IMW_INDICATION_MAX_YEARS
    last_day = (target + 1).astype("datetime64[D]") - target.astype("datetime64[D]") - 1
    limit = target.astype("datetime64[D]") + np.minimum(decided_on - month.astype("datetime64[D]"), last_day)
    valid = k_and(valid, np.where(np.isnat(decided_on), KU, np.where(on < limit, KT, KF)).astype(np.uint8))
    t = k_and(t, valid)
    t = k_and(t, of("proposals.individueel_maatwerk.employer.kind", lambda s: s != "other_public"))
    t = k_and(t, is_("proposals.individueel_maatwerk.employer.in_difficulty", False))
    imw = exists_in(OUTCOME_OF_TRUTH[t], vlaanderen)
    imw = np.where(as_of < D_2023_07_01, NOT_APPLICABLE, imw)

    result = pd.DataFrame(index=frame.index)
    for code, outcome in zip(MEASURES, (twe, art60, ibo, imw)):
        result[code] = pd.Categorical.from_codes(outcome.astype(np.int8), categories=OUTCOMES)
    return result


def disagreements(baseline, library):
    """{measure: number of rows the library decides (eligible or not_eligible) where @baseline answers otherwise}."""
    found = {}
    for code in MEASURES:
        decided = library[code].isin(["eligible", "not_eligible"]).to_numpy()
        differ = decided & (baseline[code].astype(object).to_numpy() != library[code].astype(object).to_numpy())
        found[code] = int(differ.sum())
    return found


def read_frame(path, count):
    with open(path, encoding="utf-8") as f:
        dicts = [json.loads(line) for _, line in zip(range(count), f) if line.strip()]
    return pd.json_normalize(dicts).drop(columns=["format"])


def main():
    import activering
    parser = argparse.ArgumentParser()
    parser.add_argument("caseload")
    parser.add_argument("--count", type=int, default=100000)
    args = parser.parse_args()
    frame = read_frame(args.caseload, args.count)
    start = time.perf_counter()
    baseline = screen(frame)
    pandas_seconds = time.perf_counter() - start
    start = time.perf_counter()
    library = activering.evaluate_frame(frame, missing=False)
    library_seconds = time.perf_counter() - start
    wrong = disagreements(baseline, library)
    n = len(frame)
    for code in MEASURES:
        decided = int(library[code].isin(["eligible", "not_eligible"]).sum())
        print(f"{code:22} decided by the library: {decided:7}, the pandas baseline differs on {wrong[code]}")
    print(f"pandas baseline {n / pandas_seconds:9.0f} rows/s; evaluate_frame {n / library_seconds:9.0f} rows/s")
    return 1 if any(wrong.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
