#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# report-test.sh: `activering report` (docs/caseload-report.md): the hand-made caseload through the tool, bad input
# with its messages and exit statuses, usage errors, --list-ids, the counts adding up on generated caseloads, and
# the Kaplan–Meier estimates against statsmodels' SurvfuncRight on a generated caseload with censoring.
#
# Uses $ACTIVERING and $top_srcdir (exported by 'make check') and /usr/bin/python3 with statsmodels (Debian's
# python3-statsmodels, listed in scripts/debian-setup.sh). Exit status 0 if every check passes, 1 otherwise.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
PYTHON=/usr/bin/python3
HAND=$top_srcdir/tests/caseload

TMP=$(mktemp -d "${TMPDIR:-/tmp}/report-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

failures=0
fail () {
  echo "FAIL: $*"
  if [ -s "$TMP/err" ]; then head -n 10 "$TMP/err" | sed 's/^/  | /'; fi
  failures=$((failures + 1))
}
run () {
  "$ACTIVERING" "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
}
# json_is POINTER EXPECTED: the value at a JSON pointer of $TMP/out, as JSON, is EXPECTED.
json_is () {
  got=$("$PYTHON" -c '
import json, sys
value = json.load(open(sys.argv[1]))
for part in sys.argv[2].split("/")[1:]:
    value = value[int(part)] if isinstance(value, list) else value[part]
print(json.dumps(value, ensure_ascii=False))' "$TMP/out" "$1") || { fail "no $1 in the report"; return; }
  [ "$got" = "$2" ] || fail "$1 is $got, expected $2"
}

# ---- the hand-made caseload (worked out in tests/check-caseload.c) ----
run report --trajectories "$HAND/hand-trajectories.jsonl" --facts "$HAND/hand-facts.jsonl" --as-of 2026-06-30 \
  --by year --lang en
[ "$status" -eq 0 ] || fail "hand caseload: exit status $status"
json_is /dossiers/total 45
json_is /dossiers/facts_only 10
json_is /cohorts/1/days_to_first_measure/median 106
json_is /cohorts/1/days_in_phase/1/estimate/q3 null
json_is /follow_up/couples/flagged 5
json_is /measures/0/label '"Temporary work experience through the OCMW (TWE-OCMW)"'
grep -q '"ids"' "$TMP/out" && fail "ids without --list-ids"
grep -q 'h-0' "$TMP/out" && fail "a dossier id without --list-ids"
[ -s "$TMP/err" ] && fail "hand caseload: unexpected messages"

# the same in French, from standard input, with ids
"$ACTIVERING" report --trajectories - --facts "$HAND/hand-facts.jsonl" --as-of 2026-06-30 --by year --lang fr \
  --list-ids < "$HAND/hand-trajectories.jsonl" > "$TMP/out" 2> "$TMP/err" || fail "stdin: exit status $?"
json_is /lang '"fr"'
json_is /cohorts/1/days_in_phase/0/label '"Conditions préalables"'
json_is /ids/couples_flagged/0 '["h-01-1", "p-01-1"]'
json_is /ids/reports_without_decision/4 '"h-05-5"'

# small cells
run report --trajectories "$HAND/hand-one-trajectories.jsonl" --facts "$HAND/hand-one-facts.jsonl" \
  --as-of 2026-06-30 --by year
json_is /dossiers/closed '"<5"'
json_is /cohorts/1/lasting_outflow/rate '"<5"'
json_is /cohorts/3/trajectories 6

# ---- bad input: reported with its line number, left out, the report still written, exit status 1 ----
{
  head -n 2 "$HAND/hand-trajectories.jsonl"
  echo '{"format":"activering.trajectory/1","id":"bad-1","model":"ocmw7","events":[{"at":"2026-13-01","type":"open","phase":"screening"}]}'
  echo 'not json'
  sed -n 3p "$HAND/hand-trajectories.jsonl"
} > "$TMP/bad.jsonl"
run report --trajectories "$TMP/bad.jsonl" --as-of 2026-06-30
[ "$status" -eq 1 ] || fail "bad lines: exit status $status, expected 1"
grep -q 'bad.jsonl: line 3: .*events/0/at' "$TMP/err" || fail "bad lines: no message naming line 3 and the path"
grep -q 'bad.jsonl: line 4: ' "$TMP/err" || fail "bad lines: no message for line 4"
json_is /dossiers/bad_lines 2
json_is /dossiers/trajectories '"<5"'
# a bad facts document: the whole run stops (the facts are checked before any trajectory), exit status 1
printf '%s\n{"format":"activering.facts/1","id":"x","income":{"status":"rich"}}\n' \
  "$(head -n 1 "$HAND/hand-facts.jsonl")" > "$TMP/bad-facts.jsonl"
run report --trajectories "$HAND/hand-trajectories.jsonl" --facts "$TMP/bad-facts.jsonl" --as-of 2026-06-30
[ "$status" -eq 1 ] || fail "bad facts: exit status $status, expected 1"
grep -q 'line 2' "$TMP/err" && grep -q 'income/status' "$TMP/err" || fail "bad facts: no message with line 2 and the path"
[ -s "$TMP/out" ] && fail "bad facts: a report was written"
# a trajectory without facts: a warning with its line, the report still written
run report --trajectories "$HAND/hand-trajectories.jsonl" --facts "$HAND/hand-one-facts.jsonl" --as-of 2026-06-30
[ "$status" -eq 0 ] || fail "unmatched: exit status $status"
grep -q 'line 8: warning: no facts document has the id "h-01-2"' "$TMP/err" || fail "unmatched: no warning for line 8"
json_is /dossiers/with_facts 7
# a missing file
run report --trajectories "$TMP/nothing.jsonl"
[ "$status" -eq 1 ] || fail "missing file: exit status $status"
grep -q 'nothing.jsonl' "$TMP/err" || fail "missing file: no message naming it"
# an organisation that does not parse
echo '{"format":"activering.organisation/1"' > "$TMP/bad-org.json"
run report --trajectories "$HAND/hand-trajectories.jsonl" --organisation "$TMP/bad-org.json"
[ "$status" -eq 1 ] || fail "bad organisation: exit status $status"
grep -q 'bad-org.json' "$TMP/err" || fail "bad organisation: no message naming it"

# ---- usage errors: exit status 2 and a message ----
usage () {
  expected=$1
  shift
  run report "$@"
  [ "$status" -eq 2 ] || fail "report $*: exit status $status, expected 2"
  grep -q -- "$expected" "$TMP/err" || fail "report $*: no message \"$expected\""
}
usage 'report needs --trajectories FILE' --as-of 2026-06-30
usage 'report takes no file argument' "$HAND/hand-trajectories.jsonl"
usage '--by week: expected quarter, month or year' --trajectories "$HAND/hand-trajectories.jsonl" --by week
usage '2026-02-30' --trajectories "$HAND/hand-trajectories.jsonl" --as-of 2026-02-30
usage 'de' --trajectories "$HAND/hand-trajectories.jsonl" --lang de

# ---- --html writes the page; an unwritable path is an error ----
run report --trajectories "$HAND/hand-trajectories.jsonl" --as-of 2026-06-30 --html "$TMP/page.html"
[ "$status" -eq 0 ] && [ -s "$TMP/page.html" ] || fail "--html: no page (status $status)"
run report --trajectories "$HAND/hand-trajectories.jsonl" --as-of 2026-06-30 --html "$TMP/no/such/dir/page.html"
[ "$status" -eq 1 ] || fail "--html into a missing directory: exit status $status"
grep -q 'page.html' "$TMP/err" || fail "--html into a missing directory: no message"

# ---- generated caseloads: the counts add up, and Kaplan–Meier agrees with statsmodels ----
for seed in 3 11; do
  "$PYTHON" "$top_srcdir/bench/gen-trajectories.py" --count 1500 --events 14 --seed $seed > "$TMP/gen.jsonl"
  "$ACTIVERING" report --trajectories "$TMP/gen.jsonl" --as-of 2024-06-30 --by year > "$TMP/gen-report.json" \
    2> "$TMP/err" || fail "generated (seed $seed): exit status $?"
  "$ACTIVERING" trajectory --jsonl --as-of 2024-06-30 "$TMP/gen.jsonl" > "$TMP/gen-reports.jsonl" 2>> "$TMP/err" \
    || fail "generated (seed $seed): trajectory failed"
  "$PYTHON" - "$TMP/gen-report.json" "$TMP/gen-reports.jsonl" <<'PY' || fail "generated caseload (seed $seed)"
import json, sys
import numpy as np
from statsmodels.duration.survfunc import SurvfuncRight

report = json.load(open(sys.argv[1]))
trajectories = [json.loads(line) for line in open(sys.argv[2])]
problems = []
def check(what, got, expected):
    if got != expected:
        problems.append(f"{what}: {got!r}, expected {expected!r}")

# the counts add up
d = report["dossiers"]
check("dossiers", d["total"], len(trajectories))
check("trajectories", d["trajectories"], d["not_started"] + d["open"] + d["closed"])
cohorts, all_ = report["cohorts"][:-1], report["cohorts"][-1]
check("cohort totals", sum(c["trajectories"] for c in cohorts if isinstance(c["trajectories"], int)) + 4 * sum(
    1 for c in cohorts if c["trajectories"] == "<5") >= all_["trajectories"], True)
check("all = open + closed", all_["trajectories"], all_["open"] + all_["closed"])
check("all open", all_["open"], d["open"])
check("phase_now adds up to open", sum(p["count"] for p in all_["phase_now"] if isinstance(p["count"], int))
      + sum(4 for p in all_["phase_now"] if p["count"] == "<5") >= all_["open"], True)
exact = [p["count"] for p in all_["phase_now"]]
if "<5" not in exact:
    check("phase_now = open", sum(exact), all_["open"])
for c in cohorts:
    if "<5" not in (c["trajectories"], c["open"], c["closed"]):
        check(c["period"] + " = open + closed", c["trajectories"], c["open"] + c["closed"])
check("lasting outflow met", all_["lasting_outflow"]["met"],
      sum(1 for t in trajectories if t["indicators"]["outflow.lasting"] == "met"))
if not d["closed"] or d["closed"] == "<5":
    problems.append("the generated caseload should have closed trajectories")

# Kaplan–Meier against statsmodels, from the trajectory reports (docs/caseload-report.md for the definitions)
as_of = np.datetime64("2024-06-30")
def days(a, b):
    return int((np.datetime64(b) - np.datetime64(a)) / np.timedelta64(1, "D"))
def compare(name, estimate, durations, events):
    durations, events = np.array(durations, float), np.array(events, float)
    check(name + " n", estimate["n"], len(durations))
    check(name + " events", estimate["events"], int(events.sum()))
    if events.sum() == 0:
        return
    sf = SurvfuncRight(durations, events)
    compared.append(name)
    for key, p in (("q1", 0.25), ("median", 0.5), ("q3", 0.75)):
        q = sf.quantile(p)
        # a tie: statsmodels' curve lands within rounding of the level (see docs/caseload-report.md)
        if np.any(np.abs(sf.surv_prob - (1 - p)) < 1e-9):
            continue
        check(f"{name} {key}", estimate[key], None if np.isnan(q) else int(q))
    for point in estimate["curve"]:
        t = point["day"]
        s = sf.surv_prob[sf.surv_times <= t]
        expected = float(s[-1]) if len(s) else 1.0
        if abs(point["survival"] - expected) > 6e-5:
            problems.append(f"{name} S({t}) = {point['survival']}, statsmodels {expected:.6f}")
        check(f"{name} at risk on day {t}", point["at_risk"], int(np.sum(durations >= t)))

compared = []
started = [t for t in trajectories if t["state"] != "not_started"]
first, first_event, phase_durations = [], [], {}
for t in started:
    ind = t["indicators"]
    end = t["as_of"] if t["state"] == "open" else ind["closed_on"]
    if ind["days_to_first_measure"] is not None:
        first.append(ind["days_to_first_measure"]); first_event.append(1)
    else:
        first.append(days(ind["opened_on"], end)); first_event.append(0)
    for visit in t["path"]:
        phase_durations.setdefault(visit["phase"], ([], []))
        phase_durations[visit["phase"]][0].append(visit["days"])
        phase_durations[visit["phase"]][1].append(0 if visit["until"] is None else 1)
compare("days to first measure", all_["days_to_first_measure"], first, first_event)
check("phases", sorted(p["phase"] for p in all_["days_in_phase"]), sorted(phase_durations))
for p in all_["days_in_phase"]:
    if p["estimate"]["n"] != "<5":
        compare("days in " + p["phase"], p["estimate"], *phase_durations[p["phase"]])
censored = sum(1 for e in first_event if e == 0)
if censored == 0 or censored == len(first_event):
    problems.append("the generated caseload should mix censored and completed durations")
if len(compared) < 5:
    problems.append(f"only {len(compared)} estimates compared with statsmodels")
for problem in problems:
    print("  " + problem)
sys.exit(1 if problems else 0)
PY
done

if [ "$failures" -gt 0 ]; then
  echo "report-test: $failures failure(s)"
  exit 1
fi
echo "report-test: all checks passed"
