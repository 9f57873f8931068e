#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# cli-test.sh: the `activering` command-line tool against the contract (shared/contract/README.md §6).
#
# Uses $ACTIVERING (the tool) and $top_srcdir (for the examples and the rule file), both exported by
# 'make check'. Each check is a function run in a subshell; it fails by calling `fail`. Exit status 0 if all
# checks pass, 1 otherwise.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
PYTHON=/usr/bin/python3
EXAMPLES=$top_srcdir/examples
RULES=$top_srcdir/data/rules/be-vlaanderen.json
# The measures of the default rule set, read from it: the tool must answer for every one.
MEASURES=$(/usr/bin/python3 -c 'import json, sys; print(" ".join(m["code"] for m in json.load(open(sys.argv[1]))["measures"]))' "$RULES")

if [ ! -x "$ACTIVERING" ]; then
  echo "cli-test: $ACTIVERING is not an executable" >&2
  exit 1
fi
if [ ! -x "$PYTHON" ]; then
  echo "cli-test: $PYTHON is needed to validate JSON" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

# ---- helpers --------------------------------------------------------------------------------------------

fail () {
  echo "  $*"
  if [ -s "$TMP/err" ]; then
    echo "  --- stderr:"
    head -n 20 "$TMP/err" | sed 's/^/  | /'
  fi
  exit 1
}

# run ARGS…: runs the tool; stdout in $TMP/out, stderr in $TMP/err, exit status in $status.
run () {
  "$ACTIVERING" "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
}

# run_stdin FILE ARGS…: the same with FILE on standard input.
run_stdin () {
  input=$1
  shift
  "$ACTIVERING" "$@" <"$input" >"$TMP/out" 2>"$TMP/err"
  status=$?
}

expect_status () {
  [ "$status" -eq "$1" ] || fail "expected exit status $1, got $status"
}

stderr_has () {
  grep -F -q -e "$1" "$TMP/err" || fail "standard error lacks \"$1\""
}

stdout_has () {
  grep -F -q -e "$1" "$TMP/out" || fail "standard output lacks \"$1\""
}

stdout_empty () {
  [ ! -s "$TMP/out" ] || fail "standard output is not empty: $(head -c 200 "$TMP/out")"
}

stderr_empty () {
  [ ! -s "$TMP/err" ] || fail "standard error is not empty"
}

# py FILE SCRIPT [ARGS…]: runs a Python check on FILE (available as sys.argv[1]); the script raises to fail.
py () {
  file=$1
  script=$2
  shift 2
  "$PYTHON" -c "$script" "$file" "$@" 2>"$TMP/py-err" || {
    tail -n 5 "$TMP/py-err" | sed 's/^/  py: /'
    fail "the Python check on $(basename "$file") failed"
  }
}

# A Python prelude: J(path) loads one JSON document, L(path) the JSON lines of a file.
PRELUDE='
import json, sys
def J(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
def L(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
MEASURES = [m["code"] for m in json.load(open("'"$RULES"'", encoding="utf-8"))["measures"]]
OUTCOMES = {"eligible", "not_eligible", "undetermined", "not_applicable"}
def check_result(d, expected_id=None):
    assert d["format"] == "activering.result/1", d["format"]
    assert isinstance(d["id"], str) and d["id"], d.get("id")
    if expected_id is not None:
        assert d["id"] == expected_id, (d["id"], expected_id)
    assert len(d["as_of"]) == 10, d["as_of"]
    codes = [m["measure"] for m in d["measures"]]
    assert sorted(codes) == sorted(MEASURES), codes
    for m in d["measures"]:
        assert m["outcome"] in OUTCOMES, m["outcome"]
        assert isinstance(m["label"], str) and m["label"], m
        assert isinstance(m["conditions"], list), m
        for c in m["conditions"]:
            assert c["state"] in ("true", "false", "unknown"), c
        if m["outcome"] == "not_applicable" or "reason" in m:
            assert m["conditions"] == [] and m["missing"] == [] and m["limits"] == [], m
        if m["outcome"] == "not_eligible":
            assert any(c["state"] == "false" for c in m["conditions"]), m["measure"]
def check_outcomes(d):
    assert d["format"] == "activering.outcomes/1", d["format"]
    assert isinstance(d["id"], str) and d["id"]
    assert sorted(d["outcomes"]) == sorted(MEASURES), d["outcomes"]
    assert all(v in OUTCOMES for v in d["outcomes"].values()), d["outcomes"]
'

# Non-blank lines of a file.
count_lines () {
  grep -c -v '^[[:space:]]*$' "$1"
}

# ---- eligibility: JSON results --------------------------------------------------------------------------

test_eligibility_examples_give_result_json () {
  n=0
  for facts in "$EXAMPLES"/facts/*.json; do
    [ -f "$facts" ] || fail "no examples in $EXAMPLES/facts"
    id=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$facts") ||
      fail "cannot read the id of $facts"
    run eligibility "$facts"
    expect_status 0
    py "$TMP/out" "$PRELUDE
check_result(J(sys.argv[1]), sys.argv[2])" "$id"
    n=$((n + 1))
  done
  [ "$n" -ge 3 ] || fail "expected at least 3 examples, found $n"
}

test_eligibility_twe_example_outcomes () {
  run eligibility "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
check_result(d, 'dossier-0001')
assert d['as_of'] == '2026-11-22', d['as_of']
m = {x['measure']: x for x in d['measures']}
assert m['twe_ocmw']['outcome'] == 'eligible', m['twe_ocmw']['outcome']
assert d['ruleset']['id'] == 'be-vlaanderen', d['ruleset']
assert d['ruleset']['digest'].startswith('sha256:'), d['ruleset']"
}

test_eligibility_reads_stdin () {
  run_stdin "$EXAMPLES/facts/facts-twe-eligible.json" eligibility -
  expect_status 0
  py "$TMP/out" "$PRELUDE
check_result(J(sys.argv[1]), 'dossier-0001')"
  run_stdin "$EXAMPLES/facts/facts-twe-eligible.json" eligibility
  expect_status 0
  py "$TMP/out" "$PRELUDE
check_result(J(sys.argv[1]), 'dossier-0001')"
}

test_eligibility_as_of_overrides () {
  run eligibility --as-of 2027-03-01 "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1]); check_result(d)
assert d['as_of'] == '2027-03-01', d['as_of']"
  run eligibility --as-of=2024-02-29 "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1]); check_result(d)
assert d['as_of'] == '2024-02-29', d['as_of']"
}

test_eligibility_lang_changes_texts () {
  facts=$EXAMPLES/facts/facts-twe-eligible.json
  for lang in nl fr en; do
    run eligibility --lang "$lang" "$facts"
    expect_status 0
    cp "$TMP/out" "$TMP/result-$lang.json"
  done
  # The default is Dutch.
  run eligibility "$facts"
  expect_status 0
  cmp -s "$TMP/out" "$TMP/result-nl.json" || fail "the default language is not nl"
  py "$RULES" "$PRELUDE
rules = J(sys.argv[1])
labels = {m['code']: m['label'] for m in rules['measures']}
texts = {}
for lang in ('nl', 'fr', 'en'):
    d = J(sys.argv[2] + '/result-' + lang + '.json')
    check_result(d, 'dossier-0001')
    for m in d['measures']:
        assert m['label'] == labels[m['measure']][lang], (lang, m['measure'], m['label'])
    texts[lang] = [c['text'] for m in d['measures'] for c in m['conditions']]
    assert texts[lang] and all(isinstance(t, str) and t for t in texts[lang]), lang
# Same conditions, different words: every condition text differs between the languages.
assert len(texts['nl']) == len(texts['fr']) == len(texts['en'])
for a, b in (('nl', 'fr'), ('nl', 'en'), ('fr', 'en')):
    same = [x for x, y in zip(texts[a], texts[b]) if x == y]
    assert not same, (a, b, same[:2])" "$TMP"
}

test_eligibility_lang_unknown_is_usage_error () {
  run eligibility --lang de "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 2
  stderr_has '"de"'
  stdout_empty
  run eligibility --lang "" "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 2
  run eligibility --lang NL "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 2
}

test_eligibility_bad_as_of_is_usage_error () {
  for date in bad 2025-02-30 2025-13-01 2023-02-29 2025-1-01 2025-01-01x " 2025-01-01" 0000-01-01 ""; do
    run eligibility --as-of "$date" "$EXAMPLES/facts/facts-twe-eligible.json"
    [ "$status" -eq 2 ] || fail "--as-of \"$date\": expected exit status 2, got $status"
    [ ! -s "$TMP/out" ] || fail "--as-of \"$date\": something on standard output"
  done
  run eligibility --as-of bad "$EXAMPLES/facts/facts-twe-eligible.json"
  stderr_has "--as-of"
}

test_eligibility_as_of_exact_form () {
  # Dates are exactly YYYY-MM-DD: no signs, no blanks inside, no short years padded by blanks.
  run eligibility --as-of 2025-01-01 "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  for date in "2025-+1-01" "2025-01-+1" "2025-01- 1" "+025-01-01" " 202-01-01" "2025- 1-01"; do
    run eligibility --as-of "$date" "$EXAMPLES/facts/facts-twe-eligible.json"
    [ "$status" -eq 2 ] || fail "--as-of \"$date\": expected exit status 2, got $status ($(head -c 120 "$TMP/out"))"
  done
}

test_unknown_command_is_usage_error () {
  run frobnicate
  expect_status 2
  stderr_has "frobnicate"
  stdout_empty
  run
  expect_status 2
  run eligibility --no-such-option "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 2
  run eligibility "$EXAMPLES/facts/facts-twe-eligible.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 2
}

# ---- eligibility: bad input -----------------------------------------------------------------------------

test_eligibility_empty_file () {
  : >"$TMP/empty.json"
  run eligibility "$TMP/empty.json"
  expect_status 1
  stderr_has "empty document"
  stdout_empty
  printf ' \n\t\n' >"$TMP/blank.json"
  run eligibility "$TMP/blank.json"
  expect_status 1
  stderr_has "empty document"
}

test_eligibility_missing_file () {
  run eligibility "$TMP/no-such-file.json"
  expect_status 1
  stderr_has "no-such-file.json"
  stdout_empty
}

test_eligibility_bad_document_names_path () {
  printf '{"format":"activering.facts/1","id":"bad-1","vdab":{"registered_since":"2025-13-01"}}\n' >"$TMP/bad.json"
  run eligibility "$TMP/bad.json"
  expect_status 1
  stderr_has 'facts: /vdab/registered_since: "2025-13-01" is not a valid date'
  stdout_empty
  printf '{"format":"activering.facts/1","id":"bad-2","vdab":{"registred":true}}' >"$TMP/bad.json"
  run eligibility "$TMP/bad.json"
  expect_status 1
  stderr_has "/vdab/registred"
  stderr_has 'did you mean "registered"'
  stdout_empty
}

# ---- eligibility --jsonl --------------------------------------------------------------------------------

test_jsonl_caseload () {
  n=$(count_lines "$EXAMPLES/caseload.jsonl")
  [ "$n" -ge 10 ] || fail "the caseload has only $n lines"
  run eligibility --jsonl "$EXAMPLES/caseload.jsonl"
  expect_status 0
  stderr_empty
  py "$TMP/out" "$PRELUDE
results = L(sys.argv[1])
inputs = L(sys.argv[2])
assert len(results) == len(inputs), (len(results), len(inputs))
for r, i in zip(results, inputs):
    check_result(r, i['id'])" "$EXAMPLES/caseload.jsonl"
  # One document per line: no pretty-printing.
  [ "$(wc -l <"$TMP/out")" -eq "$n" ] || fail "expected $n output lines, got $(wc -l <"$TMP/out")"
}

test_jsonl_bad_lines_reported_rest_processed () {
  # Line 3: malformed JSON; line 7: an impossible date. The other lines are good.
  awk 'NR == 3 { print "{\"format\":\"activering.facts/1\",\"id\":\"broken\","; next }
       NR == 7 { n = sub(/"birth_date":"[0-9-]*"/, "\"birth_date\":\"2025-02-30\""); if (!n) exit 3 }
       { print }' "$EXAMPLES/caseload.jsonl" >"$TMP/caseload-bad.jsonl" || fail "cannot build the bad caseload"
  grep -q '"2025-02-30"' "$TMP/caseload-bad.jsonl" || fail "line 7 was not changed"
  n=$(count_lines "$TMP/caseload-bad.jsonl")
  run eligibility --jsonl "$TMP/caseload-bad.jsonl"
  expect_status 1
  stderr_has "line 3"
  stderr_has "line 7"
  stderr_has '/person/birth_date: "2025-02-30" is not a valid date'
  [ "$(grep -c 'line [0-9]' "$TMP/err")" -eq 2 ] || fail "expected exactly 2 bad lines reported"
  grep 'line 3' "$TMP/err" | grep -q 'malformed JSON' || fail "line 3 is not reported as malformed JSON"
  py "$TMP/out" "$PRELUDE
results = L(sys.argv[1])
with open(sys.argv[2], encoding='utf-8') as f:
    lines = [l for l in f if l.strip()]
good = [json.loads(l)['id'] for k, l in enumerate(lines, 1) if k not in (3, 7)]
assert len(results) == len(good), (len(results), len(good))
for r, i in zip(results, good):
    check_result(r, i)" "$TMP/caseload-bad.jsonl"
  [ "$(wc -l <"$TMP/out")" -eq $((n - 2)) ] || fail "expected $((n - 2)) result lines"
}

test_jsonl_blank_lines_crlf_and_no_final_newline () {
  {
    printf '\n'
    sed -n 1p "$EXAMPLES/caseload.jsonl" | tr -d '\n'
    printf '\r\n   \n\n'
    sed -n 2p "$EXAMPLES/caseload.jsonl" | tr -d '\n'
  } >"$TMP/odd.jsonl"
  run eligibility --jsonl "$TMP/odd.jsonl"
  expect_status 0
  py "$TMP/out" "$PRELUDE
results = L(sys.argv[1])
assert [r['id'] for r in results] == ['voorbeeld-01', 'voorbeeld-02'], [r['id'] for r in results]"
}

test_jsonl_too_long_line_skipped () {
  # Line 2 is longer than the 1 MiB a batch line may have: it is reported and skipped, the batch goes on, and
  # memory stays bounded (the reader never holds the whole line).
  {
    sed -n 1p "$EXAMPLES/caseload.jsonl"
    printf '{"format":"activering.facts/1","id":"huge","x_padding":"'
    head -c 2097152 /dev/zero | tr '\0' a
    printf '"}\n'
    sed -n 2p "$EXAMPLES/caseload.jsonl"
  } >"$TMP/long.jsonl"
  run eligibility --jsonl --compact "$TMP/long.jsonl"
  expect_status 1
  stderr_has "line 2: longer than 1048576 bytes, skipped"
  [ "$(grep -c 'line [0-9]' "$TMP/err")" -eq 1 ] || fail "expected exactly 1 bad line reported"
  py "$TMP/out" "$PRELUDE
results = L(sys.argv[1])
assert [r['id'] for r in results] == ['voorbeeld-01', 'voorbeeld-02'], [r['id'] for r in results]"
}

test_jsonl_compact_outcomes () {
  n=$(count_lines "$EXAMPLES/caseload.jsonl")
  run eligibility --jsonl --compact "$EXAMPLES/caseload.jsonl"
  expect_status 0
  [ "$(wc -l <"$TMP/out")" -eq "$n" ] || fail "expected $n lines, got $(wc -l <"$TMP/out")"
  py "$TMP/out" "$PRELUDE
outs = L(sys.argv[1])
inputs = L(sys.argv[2])
assert [o['id'] for o in outs] == [i['id'] for i in inputs]
for o in outs:
    check_outcomes(o)
    assert set(o) == {'format', 'id', 'as_of', 'outcomes'}, sorted(o)" "$EXAMPLES/caseload.jsonl"
  # The compact outcomes agree with the full results.
  run eligibility --jsonl "$EXAMPLES/caseload.jsonl"
  expect_status 0
  cp "$TMP/out" "$TMP/full.jsonl"
  run eligibility --jsonl --compact "$EXAMPLES/caseload.jsonl"
  py "$TMP/out" "$PRELUDE
for o, r in zip(L(sys.argv[1]), L(sys.argv[2])):
    assert o['outcomes'] == {m['measure']: m['outcome'] for m in r['measures']}, o['id']" "$TMP/full.jsonl"
  # A single document in compact form: one line.
  run eligibility --compact "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  [ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "compact output of one document is not one line"
  py "$TMP/out" "$PRELUDE
check_outcomes(J(sys.argv[1]))"
}

# ---- eligibility --human --------------------------------------------------------------------------------

test_human_table () {
  run eligibility --human --jsonl "$EXAMPLES/caseload.jsonl"
  expect_status 0
  stdout_has "Totalen"
  for code in $MEASURES; do
    stdout_has "$code"
  done
  stdout_has "voorbeeld-01"
  run eligibility --human "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  stdout_has "Totalen"
  stdout_has "dossier-0001"
  run eligibility --human --lang en "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  stdout_has "Totals"
  if grep -q "Totalen" "$TMP/out"; then fail "--lang en still prints Dutch"; fi
}

# ---- eligibility --trace --------------------------------------------------------------------------------

# A dossier whose IBO proposal is too long, on a date its parameters are known for.
trace_dossier () {
  cat >"$TMP/ibo.json" <<'JSON'
{"format": "activering.facts/1", "id": "trace-1", "as_of": "2026-11-22", "region": "vlaanderen",
 "person": {"birth_date": "1990-05-14", "domicile_region": "vlaanderen", "legal_residence": true},
 "income": {"status": "leefloon", "since": "2026-02-02", "decision_date": "2026-02-16"},
 "gpmi": {"exemption": "none"}, "proposals": {"ibo": {"weeks": 30}}}
JSON
}

test_eligibility_trace () {
  trace_dossier
  run eligibility --trace --lang en "$TMP/ibo.json"
  expect_status 0
  cp "$TMP/out" "$TMP/first"
  run eligibility --trace --lang en "$TMP/ibo.json"
  cmp -s "$TMP/first" "$TMP/out" || fail "two runs on the same facts and date give different traces"
  "$PYTHON" - "$TMP/out" <<'PY' || fail "the traced result lacks what --trace adds"
import json, sys
r = json.load(open(sys.argv[1]))
t = r["trace"]
assert {"facts", "parameters", "definitions", "conditions"} <= set(t), t.keys()
weeks = [f for f in t["facts"] if f["fact"] == "proposals.ibo.weeks"][0]
assert weeks == {"fact": "proposals.ibo.weeks", "state": "known", "value": 30}, weeks
assert [f for f in t["facts"] if f["fact"] == "vdab.registered"][0]["state"] == "unknown"
p = [p for p in t["parameters"] if p["parameter"] == "ibo.max_weeks"][0]
assert p["value"] == 26 and "valid_from" in p and "valid_to" in p and p["legal_basis"], p
ibo = [m for m in r["measures"] if m["measure"] == "ibo"][0]
assert ibo["outcome"] == "not_eligible" and ibo["valid_until"] is None, ibo
change = [c for c in ibo["to_change"] if c["condition"] == "ibo.duration"][0]["facts"][0]
assert change["needs"] == {"between": [4, 26]}, change
assert change["text"].endswith("must be between 4 and 26; 30 given"), change["text"]
gpmi = [o for o in r["obligations"] if o["id"] == "gpmi.deadline"][0]
assert gpmi["state"] == "overdue" and gpmi["valid_until"] is None, gpmi
PY
  run eligibility --lang en "$TMP/ibo.json"
  "$PYTHON" - "$TMP/out" <<'PY' || fail "a result without --trace carries trace members"
import json, sys
r = json.load(open(sys.argv[1]))
assert "trace" not in r
assert not any("valid_until" in m or "to_change" in m for m in r["measures"] + r["obligations"])
PY
  run eligibility --trace --human --lang nl "$TMP/ibo.json"
  expect_status 0
  stdout_has "moet tussen 4 en 26 liggen; 30 opgegeven"
  run eligibility --trace --compact "$TMP/ibo.json"
  expect_status 2
  stderr_has "--trace and --compact"
}

# ---- rules ----------------------------------------------------------------------------------------------

test_rules_list () {
  run rules list
  expect_status 0
  for code in $MEASURES; do
    grep -q -E "^[[:space:]]*${code}[[:space:]]" "$TMP/out" || fail "rules list lacks $code"
  done
  stdout_has "be-vlaanderen"
  run rules --lang en list
  stdout_has "hold_regie                  Coordinate the file (regie): the fixed contact person"
  stdout_has "decide_sanction             Decide on a sanction"
}

test_rules_show_ibo () {
  run rules show ibo
  expect_status 0
  stdout_has '"conditions"'
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['code'] == 'ibo', d.get('code')
assert isinstance(d['conditions'], list) and d['conditions'], d.get('conditions')"
}

test_rules_show_nosuch () {
  run rules show nosuch
  expect_status 2
  stderr_has "nosuch"
  stdout_empty
  run rules frobnicate
  expect_status 2
}

test_version () {
  run --version
  expect_status 0
  head -n 1 "$TMP/out" | grep -q -E '^activering [0-9]+\.[0-9]+\.[0-9]+' || fail "no version on the first line"
  version=$(head -n 1 "$TMP/out" | sed 's/^activering //')
  if [ -n "$top_builddir" ] && [ -f "$top_builddir/config.h" ]; then
    expected=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
    [ "$version" = "$expected" ] || fail "--version says $version, configure says $expected"
  fi
  # The results carry the same library version.
  run eligibility "$EXAMPLES/facts/facts-twe-eligible.json"
  py "$TMP/out" "$PRELUDE
assert J(sys.argv[1])['library']['version'] == sys.argv[2], J(sys.argv[1])['library']" "$version"
}

test_broken_rules_file () {
  sed 's/"fact": "vdab\.registered"/"fact": "vdab.registred"/' "$RULES" >"$TMP/broken-rules.json"
  grep -q '"vdab\.registred"' "$TMP/broken-rules.json" || fail "the rule file was not changed"
  cmp -s "$RULES" "$TMP/broken-rules.json" && fail "the rule file was not changed"
  run eligibility --rules "$TMP/broken-rules.json" "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 1
  stdout_empty
  stderr_has "/measures/"
  stderr_has "did you mean"
  stderr_has '"vdab.registered"'
  stderr_has "broken-rules.json"
  run rules --rules "$TMP/broken-rules.json" list
  expect_status 1
  stderr_has "/measures/"
  # The untouched copy loads.
  cp "$RULES" "$TMP/rules.json"
  run eligibility --rules "$TMP/rules.json" "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  run eligibility --rules "$TMP/no-such-rules.json" "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 1
  stderr_has "no-such-rules.json"
}

# ---- trajectory ---------------------------------------------------------------------------------------

TRAJ=$EXAMPLES/trajectories

test_trajectory_example_report () {
  run trajectory --as-of 2026-11-22 "$TRAJ/dossier-0042.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['format'] == 'activering.trajectory-report/1', d['format']
assert d['id'] == 'dossier-0042' and d['as_of'] == '2026-11-22'
assert d['state'] == 'open' and d['current_phase'] == 'nazorg', d
assert d['days_per_phase'] == {'randvoorwaarden': 75, 'screening': 413, 'nazorg': 52}, d['days_per_phase']
assert [(v['event'], v['code']) for v in d['violations']] == [(2, 'measure_outside_phase'), (4, 'unusual_transition')]
assert all(v['message'] for v in d['violations'])"
}

test_trajectory_handover_example () {
  run trajectory --as-of 2025-11-30 --lang en "$TRAJ/dossier-0107-outreach.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['model'] == 'outreach6' and d['current_model'] == 'ocmw7', d
assert d['current_phase'] == 'werkervaring_opleiding' and d['violations'] == [], d
assert d['indicators']['twe_ocmw.timely_work'] == 'met', d['indicators']
assert [m['measure'] for m in d['open_measures']] == ['twe_ocmw', 'art60'], d['open_measures']"
}

test_trajectory_jsonl_reports_bad_lines_and_goes_on () {
  "$PYTHON" -c "
import json, sys
good = json.load(open(sys.argv[1]))
bad_date = dict(good, id='dossier-bad-date', events=[dict(good['events'][0], at='2025-13-01')])
lines = [json.dumps(good), '{\"format\": ', json.dumps(dict(good, id='dossier-0043')), json.dumps(bad_date)]
open(sys.argv[2], 'w').write('\\n'.join(lines) + '\\n')" "$TRAJ/dossier-0042.json" "$TMP/batch.jsonl" || fail "cannot write the batch"
  run trajectory --jsonl --as-of 2026-11-22 "$TMP/batch.jsonl"
  expect_status 1
  stderr_has "line 2: trajectory: "
  stderr_has 'line 4: trajectory: /events/0/at: "2025-13-01" is not a valid date'
  [ "$(count_lines "$TMP/out")" -eq 2 ] || fail "expected 2 reports, got $(count_lines "$TMP/out")"
  py "$TMP/out" "$PRELUDE
ids = [d['id'] for d in L(sys.argv[1])]
assert ids == ['dossier-0042', 'dossier-0043'], ids"
}

test_trajectory_bad_document () {
  printf '{"format": "activering.facts/1", "id": "x", "model": "ocmw7", "events": []}' >"$TMP/t.json"
  run trajectory "$TMP/t.json"
  expect_status 1
  stderr_has 'trajectory: /format: "activering.facts/1" is not a trajectory document (expected "activering.trajectory/1")'
  stdout_empty
}

test_trajectory_usage_errors () {
  run trajectory
  expect_status 2
  run trajectory --as-of 2026-02-30 "$TRAJ/dossier-0042.json"
  expect_status 2
  run trajectory --lang de "$TRAJ/dossier-0042.json"
  expect_status 2
}

test_trajectory_facts_feed_the_checks () {
  cat >"$TMP/facts.jsonl" <<'JSON'
{"format": "activering.facts/1", "id": "dossier-0107", "social_security": {"full_unemployment_entitlement": true}}
{"format": "activering.facts/1", "id": "someone-else", "social_security": {"full_unemployment_entitlement": false}}
JSON
  run trajectory --as-of 2025-11-30 --facts "$TMP/facts.jsonl" "$TRAJ/dossier-0107-outreach.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
v = [(v['event'], v['code'], v.get('check')) for v in d['violations']]
assert v == [(7, 'limit_exceeded', 'art60.unemployment_entitlement')], v
assert d['violations'][0]['legal_basis'], d['violations'][0]"
  printf '{"format": "activering.facts/1", "id": "x", "region": "mars"}\n' >"$TMP/bad-facts.json"
  run trajectory --facts "$TMP/bad-facts.json" "$TRAJ/dossier-0042.json"
  expect_status 1
  stderr_has 'facts: /region: '
  # In JSON lines, the bad line is named.
  printf '{"format": "activering.facts/1", "id": "a"}\n{"format": "activering.facts/1", "id": "b", "region": "mars"}\n' \
    >"$TMP/bad-facts.jsonl"
  run trajectory --facts "$TMP/bad-facts.jsonl" "$TRAJ/dossier-0042.json"
  expect_status 1
  stderr_has "bad-facts.jsonl: line 2: facts: /region: "
  stdout_empty
}

# --human: a client whose figures are worked out by hand. Open 2025-01-01 in screening, work experience from
# 2025-02-01: on 2025-04-30, 31 and 89 days; one contact in 120 days open is 1 / (120 / 30.4375) = 0.25 a month,
# the last 110 days ago; VDAB's first action (its report) after 59 days; no art. 60 within 2 months of the TWE:
# timely work not met; no contact after 2025-01-10 and no decision on the report: two warnings.
test_trajectory_human () {
  cat >"$TMP/h.json" <<'JSON'
{"format": "activering.trajectory/1", "id": "d-7", "model": "ocmw7", "events": [
 {"at": "2025-01-01", "type": "open", "phase": "screening", "by": "ocmw.trajectbegeleider"},
 {"at": "2025-01-10", "type": "contact", "channel": "phone", "by": "ocmw.trajectbegeleider"},
 {"at": "2025-02-01", "type": "enter_phase", "phase": "werkervaring_opleiding"},
 {"at": "2025-02-01", "type": "start_measure", "measure": "twe_ocmw"},
 {"at": "2025-03-01", "type": "vdab_report", "kind": "non_cooperation"}]}
JSON
  printf '{"format": "activering.facts/1", "id": "d-7", "income": {"status": "leefloon"}, "person": {"birth_date": "1960-01-01"}}\n' \
    >"$TMP/hf.json"
  run trajectory --human --lang en --as-of 2025-04-30 --facts "$TMP/hf.json" "$TMP/h.json"
  expect_status 0
  stderr_empty
  stdout_has "Trajectory d-7 · 7-phase OCMW activation model · on 2025-04-30"
  stdout_has "open since 2025-01-01 · phase now: Work experience and training"
  grep -Eq '^  Trajectory guidance and screening +31  █+$' "$TMP/out" || fail "screening: 31 days"
  grep -Eq '^  Work experience and training +89  █+ ◀$' "$TMP/out" || fail "work experience: 89 days, current"
  stdout_has "  since 2025-02-01 (89 days)       Temporary work experience through the OCMW (TWE-OCMW)"
  stdout_has "  not met         Timely work:"
  stdout_has "  0.25            Contacts per month the trajectory was open"
  stdout_has "  110             Days since the last contact"
  stdout_has "  59              Days from the opening to VDAB's first action"
  stdout_has "  0               Re-entry: reopenings after a close"
  stdout_has "Errors and warnings (2)"
  stdout_has "  ⚠ event 1: No contact with the client since 2025-01-10"
  stdout_has "  ⚠ event 4: VDAB reported non-cooperation on 2025-03-01"
  # the next steps and their outcomes are those of the JSON report, in its order
  run trajectory --lang en --as-of 2025-04-30 --facts "$TMP/hf.json" "$TMP/h.json"
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
marks = {'eligible': '✔', 'not_eligible': '✘', 'undetermined': '?', 'not_applicable': '·'}
assert d['next_steps'], d['next_steps']
print(' '.join(marks[s['outcome']] for s in d['next_steps']))" >"$TMP/steps"
  run trajectory --human --lang en --as-of 2025-04-30 --facts "$TMP/hf.json" "$TMP/h.json"
  sed -n '/^Next steps$/,/^$/p' "$TMP/out" | sed -n 's/^  \([^ ]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//' >"$TMP/marks"
  echo >>"$TMP/marks"
  cmp -s "$TMP/steps" "$TMP/marks" || fail "next steps: $(cat "$TMP/marks") in the table, $(cat "$TMP/steps") in the JSON"
  stdout_has "  ? open          Employment under article 60, § 7"
  # In Dutch and French: the rule set's labels, the decimal comma; without facts, no next steps but a word why.
  run trajectory --human --as-of 2025-04-30 "$TMP/h.json"
  expect_status 0
  stdout_has "open sinds 2025-01-01 · fase nu: Werkervaring en opleiding"
  stdout_has "  0,25            Contacten per maand dat het traject openstond"
  stdout_has "  niet behaald    Tijdig werk:"
  stdout_has "Volgende stappen"
  stdout_has "  geen gegevens van het dossier (--facts)"
  run trajectory --human --lang fr --as-of 2025-04-30 --facts "$TMP/hf.json" "$TMP/h.json"
  stdout_has "phase actuelle : Expérience professionnelle et formation"
  stdout_has "Prochaines étapes"
  # Closed: the reason and the last phase, no next steps; in JSON lines, one report per trajectory.
  tr -d '\n' <"$TRAJ/dossier-0042.json" >"$TMP/two.jsonl"
  printf '\n' >>"$TMP/two.jsonl"
  tr -d '\n' <"$TMP/h.json" >>"$TMP/two.jsonl"
  printf '\n' >>"$TMP/two.jsonl"
  run trajectory --human --lang en --as-of 2029-12-31 --jsonl "$TMP/two.jsonl"
  expect_status 0
  stdout_has "Trajectory dossier-0042 · 7-phase OCMW activation model · on 2029-12-31"
  stdout_has "closed on 2027-04-01 (duurzaam_werk) · last phase: Aftercare"
  stdout_has "Trajectory d-7 "
  [ "$(grep -c '^Next steps$' "$TMP/out")" = 1 ] || fail "a closed trajectory has no next steps"
  # It is an output of its own.
  run trajectory --human --dot "$TMP/h.json"
  expect_status 2
  stderr_has "--dot and --human"
  run trajectory --human --facts "$TMP/hf.json" --list-unmatched "$TMP/h.json"
  expect_status 2
  stderr_has "--list-unmatched writes JSON"
}

# A diagram that Graphviz cannot render fails here.
render_dot () {
  command -v dot >/dev/null 2>&1 || fail "Graphviz 'dot' is missing (scripts/debian-setup.sh installs graphviz)"
  dot -Tsvg "$TMP/out" >"$TMP/out.svg" 2>"$TMP/dot-err" || { cat "$TMP/dot-err"; fail "dot cannot render the diagram"; }
  [ ! -s "$TMP/dot-err" ] || { cat "$TMP/dot-err"; fail "dot warns about the diagram"; }
}

test_trajectory_dot_renders () {
  run trajectory --dot --as-of 2026-11-22 "$TRAJ/dossier-0042.json"
  expect_status 0
  stdout_has 'digraph "dossier-0042"'
  stdout_has "Nazorg"
  render_dot
  run trajectory --dot --lang fr --as-of 2025-11-30 "$TRAJ/dossier-0107-outreach.json"
  expect_status 0
  stdout_has "cluster_outreach6"
  stdout_has "cluster_ocmw7"
  render_dot
  grep -q "Suivi" "$TMP/out.svg" || fail "the French diagram lacks a French label"
}

test_rules_show_model () {
  run rules show-model ocmw7 --dot --lang en
  expect_status 0
  stdout_has "digraph"
  stdout_has "Aftercare"
  render_dot
  run rules show-model outreach6
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert [p['code'] for p in d['phases']] == ['toeleiding', 'contactlegging', 'contextvoorwaarden', 'orientering',
                                            'warme_overdracht', 'opvolging'], d['phases']"
  run rules show-model ocmw9
  expect_status 2
  stderr_has 'no phase model "ocmw9"'
  run rules list
  stdout_has "outreach6"
}

# ---- roles ----------------------------------------------------------------------------------------------

ORGS=$EXAMPLES/organisations

test_roles_example_with_trajectory () {
  run roles --organisation "$ORGS/ocmw-voorbeeld.json" --trajectory "$TRAJ/dossier-0042.json" \
    "$EXAMPLES/facts/facts-0042-roles.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['format'] == 'activering.roles/1', d['format']
assert (d['id'], d['organisation'], d['model'], d['phase']) == ('dossier-0042', 'ocmw-voorbeeld', 'ocmw7', 'screening'), d
assert d['regie'] == {'role': 'ocmw.maatschappelijk_werker', 'actor': 'mw-an'}, d['regie']
tasks = {a['task']: a for a in d['assignments']}
assert tasks['hold_regie']['agreed'] is True
assert tasks['screen_twe']['responsible'] == {'role': 'ocmw.trajectbegeleider', 'actor': 'tb-jan'}
assert tasks['employ_art60']['responsible'] == {'role': 'ocmw'}
assert all(a['active'] for a in d['assignments'])
assert d['gaps'] == [] and d['conflicts'] == []
assert d['ruleset']['id'] == 'be-vlaanderen'
assert any(m['fact'] == 'work_capacity' and m['asked_of'] == 'ocmw.trajectbegeleider' for m in d['missing'])"
}

test_roles_missing_agrees_with_eligibility () {
  # The role asked for a missing fact is the same in both answers.
  run eligibility "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 0
  cp "$TMP/out" "$TMP/result.json"
  run roles --organisation "$ORGS/ocmw-extern.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
roles = J(sys.argv[1]); result = J(sys.argv[2])
asked = {m['fact']: m['asked_of'] for r in result['measures'] for m in r['missing']}
mine = {m['fact']: m['asked_of'] for m in roles['missing']}
assert asked == mine, (asked, mine)
who = {m['fact']: m['who'] for m in roles['missing']}
assert who['work_capacity'] == {'role': 'external_partner.trajectbegeleider', 'actor': 'ext-tom'}, who" "$TMP/result.json"
}

test_roles_all_and_human () {
  run roles --all --organisation "$ORGS/ocmw-voorbeeld.json" "$EXAMPLES/facts/facts-twe-eligible.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert len(d['assignments']) == len(J('$RULES')['tasks']), len(d['assignments'])
assert any(not a['active'] for a in d['assignments'])"
  run roles --human --lang fr --organisation "$ORGS/ocmw-extern.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 0
  stdout_has 'Répartition des rôles — dossier-0003 · ocmw-klein'
  stdout_has 'Régie: Assistant social du CPAS · mw-lies'
  stdout_has 'R réalise · A responsable final · C consulté · I informé'
  stdout_has 'Agent d'\''insertion du partenaire externe · ext-tom'
  stdout_has 'Encore à fournir'
}

test_roles_human_shows_gaps_and_conflicts () {
  cat >"$TMP/org.json" <<'JSON'
{"format": "activering.organisation/1", "id": "klein", "activation_service": "internal_dedicated",
 "actors": [{"id": "mw-an", "role": "ocmw.maatschappelijk_werker"}, {"id": "vdab-els", "role": "vdab.bemiddelaar"}],
 "agreements": [{"task": "decide_sanction", "actor": "vdab-els"}]}
JSON
  run roles --human --lang en --organisation "$TMP/org.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 0
  stdout_has 'Gaps ('
  stdout_has "No one in the organisation can take the task 'Screening and assessment for temporary work experience'"
  stdout_has 'Conflicts (1)'
  stdout_has "An agreement gives the task 'Decide on a sanction' to vdab-els"
}

test_roles_jsonl_reports_bad_lines_and_goes_on () {
  {
    head -n 2 "$EXAMPLES/caseload.jsonl"
    echo '{"format": "activering.facts/1", "id": "bad", "regio": "vlaanderen"}'
    sed -n 3p "$EXAMPLES/caseload.jsonl"
  } >"$TMP/batch.jsonl"
  run roles --jsonl --organisation "$ORGS/ocmw-voorbeeld.json" "$TMP/batch.jsonl"
  expect_status 1
  stderr_has 'line 3: facts: /regio: unknown key'
  [ "$(count_lines "$TMP/out")" -eq 3 ] || fail "expected 3 roles documents"
  py "$TMP/out" "$PRELUDE
for d in L(sys.argv[1]):
    assert d['format'] == 'activering.roles/1'"
}

test_roles_trajectories_by_id () {
  # --trajectory with JSON lines: each dossier gets its own trajectory.
  {
    tr -d '\n' <"$TRAJ/dossier-0042.json"; echo
    tr -d '\n' <"$TRAJ/dossier-0107-outreach.json"; echo
  } >"$TMP/trajectories.jsonl"
  run roles --organisation "$ORGS/ocmw-voorbeeld.json" --trajectory "$TMP/trajectories.jsonl" \
    "$EXAMPLES/facts/facts-0042-roles.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['phase'] == 'screening', d['phase']"
}

test_roles_bad_input_and_usage () {
  run roles "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 2
  stderr_has 'roles needs --organisation FILE'
  run roles --organisation "$ORGS/ocmw-voorbeeld.json"
  expect_status 2
  run roles --organisation "$ORGS/ocmw-voorbeeld.json" --lang de "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 2
  printf '{"format": "activering.organisation/1", "id": "x", "activation_service": "external"}' >"$TMP/org.json"
  run roles --organisation "$TMP/org.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 1
  stderr_has 'organisation: /external_partner: the activation service "external" needs the name of the external partner'
  run roles --organisation "$TMP/nothing.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 1
  printf '{"format": "activering.trajectory/1", "id": "x", "model": "ocmw9", "events": []}' >"$TMP/t.json"
  run roles --organisation "$ORGS/ocmw-voorbeeld.json" --trajectory "$TMP/t.json" "$EXAMPLES/facts/facts-unknowns.json"
  expect_status 1
  stderr_has 'trajectory: /model: unknown phase model'
}

test_rules_diff_impact () {
  # A reform: the IBO maximum drops to 12 weeks from 2027. The impact must be what two screenings say.
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["parameters"]["ibo.max_weeks"]["values"].append({"from": "2027-01-01", "value": 12})
d["version"] = "2027.1.0"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' "$RULES" "$TMP/reform.json"
  "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line); d.pop("as_of", None); print(json.dumps(d))' "$EXAMPLES/caseload.jsonl" > "$TMP/caseload.jsonl"
  run eligibility --jsonl --compact --as-of 2027-03-01 "$TMP/caseload.jsonl"
  cp "$TMP/out" "$TMP/before.jsonl"
  run eligibility --jsonl --compact --as-of 2027-03-01 --rules "$TMP/reform.json" "$TMP/caseload.jsonl"
  cp "$TMP/out" "$TMP/after.jsonl"
  run rules diff "$RULES" "$TMP/reform.json" --caseload "$TMP/caseload.jsonl" --as-of 2027-03-01
  expect_status 3  # outcomes change: a CI job stops for a person to look
  stderr_has 'dossiers change outcome (exit status 3; --no-fail-on-change makes it 0)'
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['format'] == 'activering.rules-diff/1' and d['same'] is False
assert d['summary']['parameters']['changed'] == ['ibo.max_weeks'], d['summary']
assert d['summary']['document']['changed'] == ['version']
assert [c['path'] for c in d['changes']] == ['/version', '/parameters/ibo.max_weeks/values/2027-01-01']
before, after = L(sys.argv[2]), L(sys.argv[3])
expected = {}
for b, a in zip(before, after):
    for m in b['outcomes']:
        if b['outcomes'][m] != a['outcomes'][m]:
            expected.setdefault(m, {}).setdefault(b['outcomes'][m] + ' -> ' + a['outcomes'][m], 0)
            expected[m][b['outcomes'][m] + ' -> ' + a['outcomes'][m]] += 1
impact = d['impact']
assert impact['dossiers'] == len(before) and impact['bad_lines'] == {'old': 0, 'new': 0}
assert impact['per_measure'] == expected, (impact['per_measure'], expected)
assert expected, 'the reform changes nothing in the example caseload: the test would prove nothing'
assert impact['changed'] == sum(1 for b, a in zip(before, after) if b['outcomes'] != a['outcomes'])
assert all(e['measure'] in expected for e in impact['examples'])" "$TMP/before.jsonl" "$TMP/after.jsonl"
  cp "$TMP/out" "$TMP/failing-diff.json"
  run rules diff "$RULES" "$TMP/reform.json" --caseload "$TMP/caseload.jsonl" --as-of 2027-03-01 --no-fail-on-change
  expect_status 0
  cmp -s "$TMP/out" "$TMP/failing-diff.json" || fail "--no-fail-on-change changes the document"
  run rules diff "$RULES" "$RULES" --caseload "$TMP/caseload.jsonl"
  expect_status 0
  run rules diff "$RULES" "$RULES"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['same'] is True and d['changes'] == [] and 'impact' not in d"
  run rules diff "$RULES"
  expect_status 2
  run rules diff "$RULES" "$TMP/no-such.json"
  expect_status 1
}

# ---- eligibility: what-if (--set, --diff, --compare-rules) ------------------------------------------------

test_eligibility_set_is_the_changed_document () {
  # --set gives the answer the same document with the fact changed gives, byte for byte
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["proposals"]["ibo"]["weeks"] = 30
d["income"]["status"] = "equivalent_leefloon"
d["barriers"] = ["debt"]
d["gpmi"]["signed_on"] = None
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))' "$EXAMPLES/facts/facts-ibo-proposal.json" "$TMP/changed.json"
  run eligibility --lang en "$TMP/changed.json"
  expect_status 0
  cp "$TMP/out" "$TMP/expected.json"
  run eligibility --lang en --set proposals.ibo.weeks=30 --set income.status=equivalent_leefloon \
    --set 'barriers=["debt"]' --set gpmi.signed_on=null "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 0
  cmp -s "$TMP/out" "$TMP/expected.json" || fail "--set differs from the changed document"
  # quotes may be given, and the later of two changes to one fact wins
  run eligibility --lang en --set 'proposals.ibo.weeks=12' --set proposals.ibo.weeks=30 \
    --set 'income.status="equivalent_leefloon"' --set 'barriers=["debt"]' --set gpmi.signed_on=null \
    "$EXAMPLES/facts/facts-ibo-proposal.json"
  cmp -s "$TMP/out" "$TMP/expected.json" || fail "quoted --set values or repeated changes differ"
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
ibo = [m for m in d['measures'] if m['measure'] == 'ibo'][0]
assert ibo['outcome'] == 'not_eligible', ibo['outcome']"
}

test_eligibility_set_diff () {
  run eligibility --set proposals.ibo.weeks=30 --diff "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['format'] == 'activering.rules-diff/1' and d['same'] is True and d['changes'] == [], d
assert d['old'] == d['new']
assert d['facts'] == [{'path': 'proposals.ibo.weeks', 'change': 'set', 'new': 30}], d['facts']
i = d['impact']
assert i['dossiers'] == 1 and i['changed'] == 1, i
assert i['per_measure'] == {'ibo': {'eligible -> not_eligible': 1}}, i['per_measure']
[e] = i['examples']
assert e['id'] == 'dossier-0002' and (e['old'], e['new']) == ('eligible', 'not_eligible'), e
assert e['conditions'] == [{'id': 'ibo.duration', 'old': 'true', 'new': 'false'}], e['conditions']"
  run eligibility --set proposals.ibo.weeks=30 --diff --human --lang nl "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 0
  stdout_has 'dossier-0002 (veranderingen: 1)'
  stdout_has 'in aanmerking → niet in aanmerking'
  stdout_has 'ibo.duration'
  stdout_has 'waar → onwaar'
  # no difference is said as such
  run eligibility --set proposals.ibo.weeks=16 --diff --human --lang en "$EXAMPLES/facts/facts-ibo-proposal.json"
  stdout_has 'dossier-0002: no difference'
  # a batch: one document per dossier, each agreeing with two screenings
  run eligibility --jsonl --compact --set income.status=none "$EXAMPLES/caseload.jsonl"
  cp "$TMP/out" "$TMP/after.jsonl"
  run eligibility --jsonl --compact "$EXAMPLES/caseload.jsonl"
  cp "$TMP/out" "$TMP/before.jsonl"
  run eligibility --jsonl --diff --jobs 2 --set income.status=none "$EXAMPLES/caseload.jsonl"
  expect_status 0
  py "$TMP/out" "$PRELUDE
docs, before, after = L(sys.argv[1]), L(sys.argv[2]), L(sys.argv[3])
assert len(docs) == len(before) == len(after)
changed = 0
for d, b, a in zip(docs, before, after):
    assert d['format'] == 'activering.rules-diff/1'
    moved = {m: b['outcomes'][m] + ' -> ' + a['outcomes'][m] for m in b['outcomes'] if b['outcomes'][m] != a['outcomes'][m]}
    assert d['impact']['per_measure'] == {m: {t: 1} for m, t in moved.items()}, (d['impact'], moved)
    assert d['impact']['changed'] == (1 if moved else 0)
    assert all(e['id'] == b['id'] for e in d['impact']['examples'])
    for e in d['impact']['examples']:
        assert e['conditions'] or e['old'] != e['new'], e
    changed += bool(moved)
assert changed > 0, 'income.status=none changes nothing: the test would prove nothing'" "$TMP/before.jsonl" "$TMP/after.jsonl"
}

test_eligibility_set_bad_values () {
  f="$EXAMPLES/facts/facts-ibo-proposal.json"
  for case in \
    'proposals.ibo.weeks|expected PATH=VALUE, e.g. proposals.ibo.weeks=20' \
    '=20|expected PATH=VALUE' \
    'proposals.ibo.wekes=20|facts: /proposals.ibo.wekes: not a fact of rule set be-vlaanderen (did you mean "proposals.ibo.weeks"?)' \
    'income.status=leefloen|facts: /income.status: "leefloen" is not one of: leefloon' \
    'proposals.ibo.weeks=-3|facts: /proposals.ibo.weeks: -3 is out of range (expected a number of at least 0)' \
    'work_capacity=2|facts: /work_capacity: 2 is out of range (expected a number from 0 to 1)' \
    'proposals.ibo.weeks=2.5|facts: /proposals.ibo.weeks: expected a whole number, found 2.5' \
    'vdab.registered=yes|facts: /vdab.registered:' \
    'income.since=2026-02-30|facts: /income.since:' \
    'proposals.ibo.weeks=|facts: /proposals.ibo.weeks: empty value' \
    'barriers=["debt"|facts: /barriers:' \
    'proposals.ibo.weeks=20 21|facts: /proposals.ibo.weeks: malformed JSON: unexpected data after the value'; do
    value=${case%%|*}
    message=${case#*|}
    run eligibility --set "$value" "$f"
    expect_status 2
    stdout_empty
    stderr_has "activering: --set: $message"
  done
  run eligibility --diff "$f"
  expect_status 2
  stderr_has '--diff compares with --set PATH=VALUE changes; give at least one'
  run eligibility --diff --compact --set proposals.ibo.weeks=30 "$f"
  expect_status 2
  stderr_has '--compact does not go with --diff or --compare-rules'
  run eligibility --compare-rules "$TMP/no-such.json" "$f"
  expect_status 1
  # a dossier the change does not fit (no such value in it is fine; a bad line is reported and the batch goes on)
  printf '%s\n' '{"format":"activering.facts/1","id":"a"}' 'not json' '{"format":"activering.facts/1","id":"b"}' > "$TMP/two.jsonl"
  run eligibility --jsonl --diff --set proposals.ibo.weeks=30 "$TMP/two.jsonl"
  expect_status 1
  stderr_has 'line 2'
  [ "$(count_lines "$TMP/out")" -eq 2 ] || fail "expected two documents"
}

test_eligibility_compare_rules () {
  # the IBO maximum drops to 12 weeks from 2027: each dossier's document agrees with rules diff over the caseload
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["parameters"]["ibo.max_weeks"]["values"].append({"from": "2027-01-01", "value": 12})
d["version"] = "2027.1.0"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' "$RULES" "$TMP/reform.json"
  run rules diff "$RULES" "$TMP/reform.json" --caseload "$EXAMPLES/caseload.jsonl" --as-of 2027-03-01 --no-fail-on-change
  cp "$TMP/out" "$TMP/caseload-diff.json"
  run eligibility --jsonl --rules "$TMP/reform.json" --compare-rules "$RULES" --as-of 2027-03-01 "$EXAMPLES/caseload.jsonl"
  expect_status 0
  py "$TMP/out" "$PRELUDE
docs, whole = L(sys.argv[1]), J(sys.argv[2])
total = {}
for d in docs:
    for key in ('format', 'old', 'new', 'same', 'summary', 'changes'):
        assert d[key] == whole[key], key
    assert 'facts' not in d
    for m, ts in d['impact']['per_measure'].items():
        for t, n in ts.items():
            total.setdefault(m, {}).setdefault(t, 0)
            total[m][t] += n
assert total == whole['impact']['per_measure'], (total, whole['impact']['per_measure'])
assert total, 'the reform changes nothing in the example caseload'
assert sum(d['impact']['changed'] for d in docs) == whole['impact']['changed']" "$TMP/caseload-diff.json"
  # one dossier, in a person's words, and --set on top of the new rule set
  run eligibility --rules "$TMP/reform.json" --compare-rules "$RULES" --as-of 2027-03-01 --human --lang en \
    --set proposals.ibo.weeks=10 "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 0
  stdout_has 'dossier-0002'
}

# ---- rule-set history: --rules DIR -------------------------------------------------------------------------

# make_history DIR: two files of the default rule set, 2026.12.0 in force in 2025-2026 and 2027.1.0 (the IBO at
# most 12 weeks) from 2027; and the same two without in_force in DIR.plain (each in force on every day).
make_history () {
  mkdir -p "$1"
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
old = dict(d, in_force={"from": "2025-01-01", "until": "2026-12-31"})
new = json.loads(json.dumps(d))
new.update(version="2027.1.0", in_force={"from": "2027-01-01", "until": None})
for period in new["parameters"]["ibo.max_weeks"]["values"]:
    period["value"] = 12
json.dump(old, open(sys.argv[2] + "/rules-2026.json", "w", encoding="utf-8"), ensure_ascii=False)
json.dump(new, open(sys.argv[2] + "/rules-2027.json", "w", encoding="utf-8"), ensure_ascii=False)
for d in (old, new):
    del d["in_force"]
json.dump(old, open(sys.argv[2] + ".plain-2026.json", "w", encoding="utf-8"), ensure_ascii=False)
json.dump(new, open(sys.argv[2] + ".plain-2027.json", "w", encoding="utf-8"), ensure_ascii=False)' "$RULES" "$1"
}

test_eligibility_rules_directory () {
  make_history "$TMP/history"
  # each dossier is answered by the file in force on its date, exactly as that file alone answers it
  "$PYTHON" -c '
import json, sys
dates = ["2026-11-22", "2027-03-01", "2026-12-31", "2027-01-01"]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(l for l in open(sys.argv[1], encoding="utf-8") if l.strip()):
        d = json.loads(line); d["as_of"] = dates[i % len(dates)]; out.write(json.dumps(d) + "\n")' \
    "$EXAMPLES/caseload.jsonl" "$TMP/dated.jsonl"
  run eligibility --jsonl --lang en --rules "$TMP/history" --jobs 2 "$TMP/dated.jsonl"
  expect_status 0
  cp "$TMP/out" "$TMP/by-history.jsonl"
  run eligibility --jsonl --lang en --rules "$TMP/history.plain-2026.json" "$TMP/dated.jsonl"
  cp "$TMP/out" "$TMP/by-old.jsonl"
  run eligibility --jsonl --lang en --rules "$TMP/history.plain-2027.json" "$TMP/dated.jsonl"
  cp "$TMP/out" "$TMP/by-new.jsonl"
  py "$TMP/by-history.jsonl" "$PRELUDE
both, old, new = L(sys.argv[1]), L(sys.argv[2]), L(sys.argv[3])
assert len(both) == len(old) == len(new) > 4
for h, o, n in zip(both, old, new):
    expected = o if h['as_of'] < '2027-01-01' else n
    stamp = h.pop('ruleset'); expected.pop('ruleset')
    assert h == expected, (h['id'], h['as_of'], stamp)
    h['ruleset'] = stamp
    assert h['ruleset']['version'] == ('2026.12.0' if h['as_of'] < '2027-01-01' else '2027.1.0')
    assert h['ruleset']['in_force']['from'] in ('2025-01-01', '2027-01-01')
assert any(o['measures'] != n['measures'] for o, n in zip(old, new)), 'the two files answer alike: the test would prove nothing'" \
    "$TMP/by-old.jsonl" "$TMP/by-new.jsonl"
  # --as-of picks the file for every dossier; a date before the history is the dossier's error
  run eligibility --rules "$TMP/history" --as-of 2027-02-01 --compact "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 0
  run eligibility --rules "$TMP/history" --as-of 2024-12-31 "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 1
  stderr_has 'facts: /as_of: no file of rule set be-vlaanderen is in force on 2024-12-31 (its history starts on 2025-01-01)'
  run eligibility --rules "$TMP/history" --human --as-of 2027-02-01 "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 0
  run eligibility --rules "$TMP/history" --diff --set proposals.ibo.weeks=3 "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 2
  stderr_has 'give --rules a file, not a directory'
}

test_rules_list_history () {
  make_history "$TMP/history"
  run rules list --lang en --rules "$TMP/history"
  expect_status 0
  stdout_has 'be-vlaanderen History'
  stdout_has '2026.12.0     2025-01-01 – 2026-12-31  rules-2026.json'
  stdout_has '2027.1.0      2027-01-01 – …'
  stdout_has 'rules-2027.json'
  grep -q 'in force today' "$TMP/out" || fail "no file is marked in force today"
  run rules list --rules "$RULES"
  grep -q 'Geschiedenis' "$TMP/out" && fail "a rule set without in_force lists a history"
  true
}

test_rules_directory_errors () {
  make_history "$TMP/overlap"
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8")); d["in_force"]["until"] = "2027-01-31"
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)' "$TMP/overlap/rules-2026.json"
  run eligibility --rules "$TMP/overlap" "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 1
  stderr_has "$TMP/overlap: /in_force: rules-2026.json and rules-2027.json overlap: rules-2026.json is in force until 2027-01-31, rules-2027.json from 2027-01-01"
  make_history "$TMP/gap"
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8")); d["in_force"]["until"] = "2026-10-31"
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)' "$TMP/gap/rules-2026.json"
  run rules list --rules "$TMP/gap"
  expect_status 1
  stderr_has "a gap between rules-2026.json and rules-2027.json: no file is in force from 2026-11-01 to 2026-12-31"
  mkdir -p "$TMP/empty"
  run eligibility --rules "$TMP/empty" "$EXAMPLES/facts/facts-ibo-proposal.json"
  expect_status 1
  stderr_has 'no rule file (*.json) in the directory'
}

test_rules_lint () {
  run rules lint "$RULES"
  expect_status 0
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert d['format'] == 'activering.lint/1' and d['errors'] == 0, d
assert all(f['severity'] == 'warning' for f in d['findings'])
assert not any(f['code'] in ('unused_fact', 'unused_parameter') for f in d['findings']), d['findings']"
  "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["measures"][2]["conditions"][0]["legal_basis"] = "TODO"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' "$RULES" "$TMP/todo.json"
  run rules lint "$TMP/todo.json"
  expect_status 1
  stderr_has 'todo.json: 1 error in the lint findings'
  py "$TMP/out" "$PRELUDE
d = J(sys.argv[1])
assert [f['path'] for f in d['findings'] if f['severity'] == 'error'] == ['/measures/ibo/conditions/registered_nwwz/legal_basis']"
  printf '{"format": "activering.rules/1"}' > "$TMP/broken.json"
  run rules lint "$TMP/broken.json"
  expect_status 1
  stderr_has 'broken.json: /: missing'
  run rules lint
  expect_status 2
}

test_activering_test_runs_the_project_cases () {
  # The project's own cases through the same runner vendors use: TAP when piped, every case ok.
  run test "$top_srcdir"/tests/cases/*.json
  expect_status 0
  head -n 1 "$TMP/out" | grep -q '^TAP version 13$' || fail "no TAP header"
  plan=$(sed -n 2p "$TMP/out" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p')
  [ -n "$plan" ] && [ "$plan" -gt 200 ] || fail "no plan, or too few cases: $(sed -n 2p "$TMP/out")"
  [ "$(grep -c '^ok ' "$TMP/out")" -eq "$plan" ] || fail "not every case is ok"
  grep -q '^not ok' "$TMP/out" && fail "a case failed"
  # with --coverage, TAP comments list every condition with the states the cases saw
  run test --coverage "$top_srcdir"/tests/cases/*.json
  expect_status 0
  grep -q '^# coverage of be-vlaanderen ' "$TMP/out" || fail "no coverage heading"
  grep -q '^#   twe_ocmw.status  *false  *true  *unknown' "$TMP/out" || fail "no coverage of twe_ocmw.status"
  [ "$(grep -c '^ok ' "$TMP/out")" -eq "$plan" ] || fail "coverage changed the results"
  return 0
}

test_activering_test_failures_tap_and_junit () {
  cat >"$TMP/mine.json" <<'JSON'
{"format": "activering.cases/1", "cases": [
  {"name": "holds", "as_of": "2026-11-22", "facts": {"region": "vlaanderen"},
   "expect": {"outcomes": {"art60": "undetermined"}}},
  {"name": "does <not> hold & says why", "as_of": "2026-11-22",
   "facts": {"region": "vlaanderen", "income": {"status": "none"}},
   "expect": {"outcomes": {"art60": "eligible"}}}]}
JSON
  printf '{"format": "activering.cases/1", "cases": [{"name": "x", "as_of": "2026-11-22", "facts": {}, "expect": {"outcomes": {"twe": "eligible"}}}]}' >"$TMP/bad.json"
  run test --junit "$TMP/junit.xml" "$TMP/mine.json" "$TMP/bad.json" "$TMP/mine.json"
  expect_status 1
  grep -q '^1\.\.5$' "$TMP/out" || fail "expected a plan of 5 tests"
  grep -q '^ok 1 - .*mine.json: holds$' "$TMP/out" || fail "the passing case is not ok 1"
  grep -q '^not ok 2 - .*mine.json: does <not> hold & says why$' "$TMP/out" || fail "the failing case is not reported"
  grep -q '^ *outcome of art60: expected eligible, got not_eligible$' "$TMP/out" || fail "no expected/actual"
  grep -q '^ *art60.status = false: ' "$TMP/out" || fail "no explanation of the conditions"
  grep -q '^not ok 3 - .*bad.json: (the case file)$' "$TMP/out" || fail "the bad file is not a failed test"
  grep -q 'unknown measure \\"twe\\"\|unknown measure "twe"' "$TMP/out" || fail "the bad file's problem is not shown"
  grep -q '^ok 4 - ' "$TMP/out" || fail "the runner did not go on after the bad file"
  py "$TMP/junit.xml" "$PRELUDE
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'testsuites', root.tag
suites = root.findall('testsuite')
assert [sum(int(s.get(k)) for s in suites) for k in ('tests', 'failures', 'errors')] == [5, 2, 1]
assert len(suites) == 3, len(suites)
cases = root.findall('./testsuite/testcase')
assert [c.get('name') for c in cases][:2] == ['holds', 'does <not> hold & says why']
failure = cases[1].find('failure')
assert failure is not None and 'expected eligible, got not_eligible' in failure.text
assert failure.get('message') == 'outcome of art60: expected eligible, got not_eligible', failure.get('message')
assert cases[2].find('error') is not None and 'unknown measure' in cases[2].find('error').text
assert all(float(c.get('time')) >= 0 for c in cases)"
  # on a terminal: a readable report (script(1) gives the tool a terminal)
  if command -v script > /dev/null 2>&1; then
    script -qec "'$ACTIVERING' test '$TMP/mine.json'" /dev/null | tr -d '\r' > "$TMP/terminal"
    grep -q '^✘ .*mine.json: 1 of 2 cases pass$' "$TMP/terminal" || fail "no per-file line on a terminal"
    grep -q '^2 cases, 1 failed$' "$TMP/terminal" || fail "no totals on a terminal"
    grep -q 'TAP version' "$TMP/terminal" && fail "TAP on a terminal"
  fi
  # only passing cases: exit 0; no file: usage
  printf '{"format": "activering.cases/1", "cases": [{"name": "ok", "as_of": "2026-11-22", "facts": {}, "expect": {"outcomes": {"art60": "undetermined"}}}]}' >"$TMP/good.json"
  run test "$TMP/good.json"
  expect_status 0
  run test
  expect_status 2
  run test --rules "$TMP/no-such-rules.json" "$TMP/good.json"
  expect_status 1
}

# ---- rough edges: directories, terminals, usage ---------------------------------------------------------

test_directory_input_is_named () {
  for command in eligibility trajectory; do
    run "$command" "$TMP"
    expect_status 1
    stderr_has "$TMP: is a directory"
    stdout_empty
    run_stdin "$TMP" "$command" -
    expect_status 1
    stderr_has "<stdin>: is a directory"
  done
  run roles --organisation "$TMP" "$EXAMPLES/facts/facts-0042-roles.json"
  expect_status 1
  stderr_has "$TMP: is a directory"
  grep -q "read error" "$TMP/err" && fail "\"read error\" instead of naming the directory"
  return 0
}

test_stdin_terminal_hint () {
  # Standard input on a terminal (a pseudo-terminal here): the hint comes first, and Ctrl-D ends the input.
  "$PYTHON" - "$ACTIVERING" >"$TMP/out" 2>"$TMP/err" << 'EOF'
import os, pty, subprocess, sys
master, slave = pty.openpty()
child = subprocess.Popen([sys.argv[1], "eligibility"], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
os.close(slave)
os.write(master, b"\x04")  # Ctrl-D at the start of a line: the end of the input
out, err = child.communicate(timeout=30)
sys.stderr.write(err.decode())
sys.exit(child.returncode)
EOF
  status=$?
  expect_status 1 # nothing was typed: an empty document
  stderr_has "activering: reading from standard input; end with Ctrl-D"
  stderr_has "empty document"
  # Not a terminal: no hint.
  run_stdin "$EXAMPLES/facts/facts-twe-eligible.json" eligibility
  expect_status 0
  stderr_empty
}

test_subcommand_usage_names_the_tool () {
  for command in eligibility trajectory roles rules test "rules diff" "rules lint"; do
    # shellcheck disable=SC2086 # "rules diff" is two words
    run $command --help
    expect_status 0
    grep -q "^  activering $command \[OPTION" "$TMP/out" || fail "$command --help: no \"activering $command\" usage"
  done
}

test_rules_lint_lang () {
  run rules lint --lang fr "$RULES"
  expect_status 0
  py "$TMP/out" 'import json, sys; assert json.load(open(sys.argv[1]))["format"] == "activering.lint/1"'
  # Where `rules --help` lists it: before the action.
  run rules --lang fr lint "$RULES"
  expect_status 0
  run rules lint --lang de "$RULES"
  expect_status 2
  stderr_has 'no texts in "de"'
}

test_usage_lists_every_option () {
  # Each command's line in `activering --help` lists the options of its own --help (test --coverage, …).
  run --help
  expect_status 0
  cp "$TMP/out" "$TMP/usage"
  for command in eligibility trajectory roles rules test; do
    awk -v c="$command" '$1 == c { on = 1; print; next } on && /^      / { print; next } { on = 0 }' \
      "$TMP/usage" >"$TMP/line"
    run "$command" --help
    if [ "$command" = rules ]; then
      for sub in diff lint; do "$ACTIVERING" rules "$sub" --help >>"$TMP/out"; done
    fi
    for option in $(grep -o -e '--[a-z][a-z-]*' "$TMP/out" | grep -v -x -e '--help' | sort -u); do
      grep -q -e "$option" "$TMP/line" || fail "activering --help: the $command line lacks $option"
    done
  done
}

# ---- driver ---------------------------------------------------------------------------------------------

passed=0
failed=0
for t in \
  test_eligibility_examples_give_result_json \
  test_eligibility_twe_example_outcomes \
  test_eligibility_reads_stdin \
  test_eligibility_as_of_overrides \
  test_eligibility_lang_changes_texts \
  test_eligibility_lang_unknown_is_usage_error \
  test_eligibility_bad_as_of_is_usage_error \
  test_eligibility_as_of_exact_form \
  test_unknown_command_is_usage_error \
  test_eligibility_empty_file \
  test_eligibility_missing_file \
  test_eligibility_bad_document_names_path \
  test_jsonl_caseload \
  test_jsonl_bad_lines_reported_rest_processed \
  test_jsonl_blank_lines_crlf_and_no_final_newline \
  test_jsonl_too_long_line_skipped \
  test_jsonl_compact_outcomes \
  test_human_table \
  test_eligibility_trace \
  test_rules_list \
  test_rules_show_ibo \
  test_rules_show_nosuch \
  test_version \
  test_directory_input_is_named \
  test_stdin_terminal_hint \
  test_subcommand_usage_names_the_tool \
  test_rules_lint_lang \
  test_usage_lists_every_option \
  test_broken_rules_file \
  test_trajectory_example_report \
  test_trajectory_handover_example \
  test_trajectory_jsonl_reports_bad_lines_and_goes_on \
  test_trajectory_bad_document \
  test_trajectory_usage_errors \
  test_trajectory_facts_feed_the_checks \
  test_trajectory_human \
  test_trajectory_dot_renders \
  test_rules_show_model \
  test_roles_example_with_trajectory \
  test_roles_missing_agrees_with_eligibility \
  test_roles_all_and_human \
  test_roles_human_shows_gaps_and_conflicts \
  test_roles_jsonl_reports_bad_lines_and_goes_on \
  test_roles_trajectories_by_id \
  test_roles_bad_input_and_usage \
  test_rules_diff_impact \
  test_eligibility_set_is_the_changed_document \
  test_eligibility_set_diff \
  test_eligibility_set_bad_values \
  test_eligibility_compare_rules \
  test_eligibility_rules_directory \
  test_rules_list_history \
  test_rules_directory_errors \
  test_rules_lint \
  test_activering_test_runs_the_project_cases \
  test_activering_test_failures_tap_and_junit; do
  rm -f "$TMP/out" "$TMP/err"
  if (set +e; $t) >"$TMP/log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS: $t"
  else
    failed=$((failed + 1))
    echo "FAIL: $t"
    cat "$TMP/log"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
