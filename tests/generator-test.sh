#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# generator-test.sh: bench/gen-trajectories.py. Without --follow-up it still writes, byte for byte, the logs the
# golden files were made from (tests/golden/trajectories.jsonl is its --count 200 --events 15 --seed 7). With
# --follow-up it is deterministic for a seed, every log replays without an error other than the IBO and TWE limits
# it breaks on purpose, every follow-up event type and kind is there, some logs are closed, reopened or still open
# on the report date, and --facts writes one facts document per log with its id, plus partners whose
# household.partner_id points back.
#
# Uses $ACTIVERING, $top_srcdir and $PYTHON, exported by 'make check'. Exit status 0 if all checks pass, 1 otherwise.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
PYTHON=${PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3
GEN=$top_srcdir/bench/gen-trajectories.py

if [ ! -x "$ACTIVERING" ]; then
  echo "generator-test: $ACTIVERING is not an executable" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import json' 2>/dev/null; then
  echo "generator-test: no Python to run the generator ($PYTHON); skipped"
  exit 77
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/generator-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

fail () {
  echo "generator-test: $*" >&2
  exit 1
}

"$PYTHON" "$GEN" --count 200 --events 15 --seed 7 > "$TMP/default.jsonl" || fail "the default run failed"
cmp -s "$TMP/default.jsonl" "$top_srcdir/tests/golden/trajectories.jsonl" \
  || fail "without --follow-up the output is no longer that of tests/golden/trajectories.jsonl"

for run in a b; do
  "$PYTHON" "$GEN" --follow-up --count 400 --seed 11 --facts "$TMP/facts-$run.jsonl" > "$TMP/logs-$run.jsonl" \
    || fail "--follow-up run $run failed"
done
cmp -s "$TMP/logs-a.jsonl" "$TMP/logs-b.jsonl" || fail "--follow-up: two runs with one seed differ (logs)"
cmp -s "$TMP/facts-a.jsonl" "$TMP/facts-b.jsonl" || fail "--follow-up: two runs with one seed differ (facts)"
"$PYTHON" "$GEN" --facts "$TMP/x" --count 1 > /dev/null 2>&1 && fail "--facts without --follow-up was accepted"

"$ACTIVERING" trajectory --jsonl --as-of 2026-11-22 --facts "$TMP/facts-a.jsonl" "$TMP/logs-a.jsonl" \
  > "$TMP/reports.jsonl" 2> "$TMP/stderr" || fail "the generated logs did not replay: $(head -n 3 "$TMP/stderr")"
# the only warning: the partners that no trajectory follows
grep -v 'facts documents match no trajectory' "$TMP/stderr" | grep . && fail "unexpected messages on replay"

"$PYTHON" - "$TMP/logs-a.jsonl" "$TMP/facts-a.jsonl" "$TMP/reports.jsonl" <<'PY' || exit 1
import collections, json, sys

logs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
facts = {d["id"]: d for d in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
reports = [json.loads(line) for line in open(sys.argv[3], encoding="utf-8")]
problems = []
seen = collections.Counter()
for log in logs:
    for event in log["events"]:
        seen[event["type"]] += 1
        seen[event["type"] + ":" + event.get("channel", event.get("kind", ""))] += 1
        if event["at"] > "2026-11-22":
            problems.append(f"{log['id']}: an event after the report date")
for needed in ("contact:in_person", "contact:phone", "contact:video", "contact:home_visit", "contact:written",
               "vdab_report:non_cooperation", "vdab_report:no_show", "vdab_report:progress", "decision:sanction",
               "decision:no_sanction", "decision:warning", "handover", "reopen", "close"):
    if not seen[needed]:
        problems.append(f"no {needed} event in 400 logs")
states = collections.Counter(r["state"] for r in reports)
if len(reports) != len(logs) or states["open"] < 40 or states["closed"] < 40:
    problems.append(f"reports: {len(reports)} for {len(logs)} logs, states {dict(states)}")
for r in reports:
    for v in r["violations"]:
        if v["severity"] == "error" and v["code"] != "limit_exceeded":
            problems.append(f"{r['id']}: {v['code']}: {v['message']}")
if not any(r["indicators"]["outflow.reentries"] for r in reports):
    problems.append("no re-entry")
ids = [log["id"] for log in logs]
if ids != list(facts)[:len(ids)]:
    problems.append("the facts documents do not come in the logs' order with their ids")
couples = {i: d["household"]["partner_id"] for i, d in facts.items() if "household" in d}
for i, partner in couples.items():
    if couples.get(partner) != i:
        problems.append(f"{i}: partner {partner} does not point back")
alone = [p for p in couples if p not in set(ids)]
if len(couples) < 20 or not alone or len(alone) == len(couples):
    problems.append(f"couples: {len(couples)} dossiers, {len(alone)} partners without a trajectory")
for problem in problems[:10]:
    print("generator-test:", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "generator-test: all checks passed"
