#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# cli-robust-test.sh: the `activering` tool under real-world inputs and faults: generated rule sets that are deep
# or large, byte-order marks and blank lines, full disks and closed pipes.
#
# Uses $ACTIVERING and $top_srcdir, exported by 'make check'. Each check is a function run in a subshell; it fails
# by calling `fail`. Exit status 0 if all checks pass, 1 otherwise.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
EXAMPLES=$top_srcdir/examples
RULES=$top_srcdir/data/rules/be-vlaanderen.json

if [ ! -x "$ACTIVERING" ]; then
  echo "cli-robust-test: $ACTIVERING is not an executable" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli-robust-test.XXXXXX") || exit 1
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

expect_status () {
  [ "$status" -eq "$1" ] || fail "expected exit status $1, got $status"
}

stderr_has () {
  grep -F -q -e "$1" "$TMP/err" || fail "standard error lacks \"$1\""
}

stdout_has () {
  grep -F -q -e "$1" "$TMP/out" || fail "standard output lacks \"$1\""
}

stderr_lacks () {
  ! grep -F -q -e "$1" "$TMP/err" || fail "standard error holds \"$1\""
}

# rule_set N_MEASURES N_FACTS CONDITION: a generated one-language rule set; each measure's condition is CONDITION
# with @F@ replaced by a fact name (f0, f1, …, cycling through the facts).
rule_set () {
  awk -v measures="$1" -v facts="$2" -v condition="$3" 'BEGIN {
    printf "{\"format\": \"activering.rules/1\", \"id\": \"generated\", \"version\": \"1.0.0\", \"languages\": [\"en\"],\n"
    printf " \"title\": {\"en\": \"Generated\"}, \"roles\": {\"ocmw\": {\"label\": {\"en\": \"OCMW\"}}},\n \"facts\": {"
    for (i = 0; i < facts; i++)
      printf "%s\n  \"f%d\": {\"type\": \"bool\", \"label\": {\"en\": \"F\"}, \"supplied_by\": \"ocmw\"}", i ? "," : "", i
    printf "},\n \"parameters\": {},\n \"measures\": ["
    for (i = 0; i < measures; i++) {
      c = condition
      gsub(/@F@/, "f" (i % facts), c)
      printf "%s\n  {\"code\": \"m%d\", \"label\": {\"en\": \"M\"}, \"legal_basis\": \"art. 1\", \"decided_by\": \"ocmw\",", i ? "," : "", i
      printf " \"exists\": {}, \"conditions\": [{\"id\": \"c\", \"when\": %s,", c
      printf " \"text\": {\"true\": {\"en\": \"y\"}, \"false\": {\"en\": \"n\"}, \"unknown\": {\"en\": \"?\"}},"
      printf " \"legal_basis\": \"art. 1\", \"confidence\": \"H\"}]}"
    }
    printf "]}\n"
  }'
}

# nested N OPEN CLOSE INNER: INNER wrapped N times in OPEN … CLOSE.
nested () {
  awk -v n="$1" -v open="$2" -v close="$3" -v inner="$4" 'BEGIN {
    for (i = 0; i < n; i++) printf "%s", open
    printf "%s", inner
    for (i = 0; i < n; i++) printf "%s", close
  }'
}

# ---- rules lint on generated rule sets ------------------------------------------------------------------

# Loading and linting are linear: 50,000 facts and 10,000 measures fit in 1.5 GB of address space. When making a
# facts schema and listing each condition's facts were quadratic, this needed tens of gigabytes. (Sanitizers
# reserve terabytes of address space, so the limit only applies to a plain build.)
test_rules_lint_is_linear_on_large_rule_sets () {
  rule_set 10000 50000 '{"==": [{"fact": "@F@"}, true]}' >"$TMP/large.json"
  if [ "${ACTIVERING_SANITIZED:-no}" = yes ]; then
    run rules lint "$TMP/large.json"
  else
    (ulimit -v 1500000 && exec "$ACTIVERING" rules lint "$TMP/large.json") >"$TMP/out" 2>"$TMP/err"
    status=$?
  fi
  expect_status 0
  stdout_has '"warnings": 40000'
}

# ---- exports as they come: byte order marks, blank lines, CRLF ------------------------------------------

test_byte_order_mark_and_blank_lines () {
  bom=$(printf '\357\273\277')
  first=$(head -n 1 "$EXAMPLES/caseload.jsonl")
  second=$(sed -n 2p "$EXAMPLES/caseload.jsonl")
  # a stream that starts with a BOM, with CRLF endings, an empty line and a line of blanks
  printf '%s%s\r\n\r\n%s\r\n \t \n' "$bom" "$first" "$second" >"$TMP/bom.jsonl"
  run eligibility --jsonl --compact "$TMP/bom.jsonl"
  expect_status 0
  [ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "expected two results, got $(wc -l <"$TMP/out")"
  stderr_has 'bom.jsonl: 2 blank lines skipped'
  stderr_lacks 'line 1'
  # a whole document with a BOM
  printf '%s' "$bom" >"$TMP/bom.json"
  cat "$EXAMPLES/facts/facts-twe-eligible.json" >>"$TMP/bom.json"
  run eligibility "$TMP/bom.json"
  expect_status 0
  stdout_has '"format": "activering.result/1"'
  # the same for trajectories and their JSON lines
  printf '%s' "$bom" >"$TMP/bom-trajectory.json"
  cat "$EXAMPLES/trajectories/dossier-0042.json" >>"$TMP/bom-trajectory.json"
  run trajectory --as-of 2026-03-02 "$TMP/bom-trajectory.json"
  expect_status 0
  stdout_has '"current_phase"'
  # a blank line is not an error, but a line of garbage still is
  printf '%s\n\nnope\n' "$first" >"$TMP/garbage.jsonl"
  run eligibility --jsonl --compact "$TMP/garbage.jsonl"
  expect_status 1
  stderr_has 'garbage.jsonl: line 3: facts: /: malformed JSON at byte 0: expected a JSON value'
  stderr_has '1 blank line skipped'
}

# Text that is not JSON is a syntax error, not a facts object that is null.
test_not_json_is_a_syntax_error () {
  for text in 'not json' nope n; do
    printf '%s\n' "$text" >"$TMP/bad.json"
    run eligibility "$TMP/bad.json"
    expect_status 1
    stderr_has 'bad.json: facts: /: malformed JSON at byte 0 (line 1, column 1): expected a JSON value'
    stderr_lacks 'found null'
  done
}

# ---- no silent loss: full disks and closed pipes ---------------------------------------------------------

# Every command that writes, one per line: the words are split by the shell.
writing_commands () {
  cat <<COMMANDS
--version
--help
eligibility $EXAMPLES/facts/facts-twe-eligible.json
eligibility --jsonl $EXAMPLES/caseload.jsonl
eligibility --jsonl --compact $EXAMPLES/caseload.jsonl
eligibility --jsonl --human $EXAMPLES/caseload.jsonl
trajectory --as-of 2026-03-02 $EXAMPLES/trajectories/dossier-0042.json
trajectory --as-of 2026-03-02 --dot $EXAMPLES/trajectories/dossier-0042.json
roles --organisation $EXAMPLES/organisations/ocmw-voorbeeld.json $EXAMPLES/facts/facts-0042-roles.json
roles --human --organisation $EXAMPLES/organisations/ocmw-voorbeeld.json $EXAMPLES/facts/facts-0042-roles.json
rules list
rules show ibo
rules show-model ocmw7 --dot
rules lint $RULES
rules diff $RULES $RULES
test --tap $top_srcdir/tests/cases/ibo.json
COMMANDS
}

# A full disk ends every command with a message and status 1, never 0.
test_full_disk_is_an_error () {
  [ -w /dev/full ] || { echo "  /dev/full is missing: nothing to check"; exit 0; }
  writing_commands | while read -r command; do
    # shellcheck disable=SC2086 # the words of the command
    "$ACTIVERING" $command >/dev/full 2>"$TMP/err"
    status=$?
    [ "$status" -eq 1 ] || fail "activering $command > /dev/full: expected exit status 1, got $status"
    stderr_has 'activering: cannot write the output: No space left on device'
  done || exit 1
}

# A pipe closed by its reader ends every command quietly: killed by SIGPIPE, or, when the signal is ignored,
# with status 141 (what shells show for SIGPIPE). The pipe is closed before the command starts, so that even a
# short output meets it.
test_closed_pipe_is_quiet () {
  writing_commands | while read -r command; do
    for signal in default ignored; do
      # shellcheck disable=SC2086
      /usr/bin/python3 - "$signal" "$ACTIVERING" $command 2>"$TMP/err" <<'PYTHON' || fail "activering $command | (closed), SIGPIPE $signal"
import os, signal, subprocess, sys
mode, argv = sys.argv[1], sys.argv[2:]
read_end, write_end = os.pipe()
os.close(read_end)
ignore = (lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if mode == "ignored" else None
done = subprocess.run(argv, stdout=write_end, stderr=subprocess.PIPE, preexec_fn=ignore)
wanted = 141 if mode == "ignored" else -signal.SIGPIPE
if done.returncode != wanted or done.stderr:
    sys.exit("status %d (wanted %d), stderr %r" % (done.returncode, wanted, done.stderr[:200]))
PYTHON
    done
  done || exit 1
}

# ---- trajectory --facts: what matches nothing is said (contract C13) -----------------------------------------

test_trajectory_facts_unmatched () {
  facts=$(tr -d '\n' <"$EXAMPLES/facts/facts-0042-roles.json")
  trajectory=$(tr -d '\n' <"$EXAMPLES/trajectories/dossier-0042.json")
  {
    printf '\357\273\277%s\n\n' "$facts"
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"other-2"/'
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"other-1"/'
  } >"$TMP/facts.jsonl"
  {
    printf '%s\n\n' "$trajectory"
    printf '%s\n' "$trajectory" | sed 's/"dossier-0042"/"lonely"/'
  } >"$TMP/trajectories.jsonl"
  run trajectory --jsonl --as-of 2026-03-02 --facts "$TMP/facts.jsonl" "$TMP/trajectories.jsonl"
  expect_status 0
  [ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "expected two reports"
  stderr_has 'trajectories.jsonl: line 3: warning: no facts document has the id "lonely" of this trajectory'
  stderr_has 'facts.jsonl: warning: 2 facts documents match no trajectory ("other-1", "other-2")'
  stderr_has 'facts.jsonl: 1 blank line skipped'
  stderr_has 'trajectories.jsonl: 1 blank line skipped'
  stderr_lacks 'dossier-0042'
  # a whole document: no line number; every facts document matched: nothing said about them
  printf '%s\n' "$facts" >"$TMP/one-facts.jsonl"
  run trajectory --as-of 2026-03-02 --facts "$TMP/one-facts.jsonl" "$EXAMPLES/trajectories/dossier-0107-outreach.json"
  expect_status 0
  stderr_has 'dossier-0107-outreach.json: warning: no facts document has the id'
  stderr_has 'one-facts.jsonl: warning: 1 facts document matches no trajectory ("dossier-0042")'
  run trajectory --as-of 2026-03-02 --facts "$TMP/one-facts.jsonl" "$EXAMPLES/trajectories/dossier-0042.json"
  expect_status 0
  [ ! -s "$TMP/err" ] || fail "warnings where every id matched: $(cat "$TMP/err")"
}

# ---- trajectory --facts: an index of the facts file, not the facts (issue 14), and the unmatched listed (13) --

test_trajectory_facts_index () {
  facts=$(tr -d '\n' <"$EXAMPLES/facts/facts-0042-roles.json")
  trajectory=$(tr -d '\n' <"$EXAMPLES/trajectories/dossier-0042.json")
  {
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"zeta"/'
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"other-1"/'
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"dossier-0042"/; s/"2026-11-22"/"2026-11-21"/'
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"alpha \\"q\\""/'
    printf '%s\n' "$facts" | sed 's/"dossier-0042"/"other-1"/'
    printf '%s\r\n' "$facts"
  } >"$TMP/facts.jsonl"
  printf '%s\n' "$trajectory" >"$TMP/trajectories.jsonl"
  run trajectory --jsonl --as-of 2026-03-02 --facts "$TMP/facts.jsonl" "$TMP/trajectories.jsonl"
  expect_status 0
  cp "$TMP/out" "$TMP/reports"
  # an id that repeats counts once (the last document with it counts, as before)
  stderr_has 'facts.jsonl: warning: 3 facts documents match no trajectory ("alpha "q"", "other-1", "zeta")'
  # --list-unmatched: a last document with every unmatched id, sorted, the same for any --jobs and from a pipe
  run trajectory --jsonl --as-of 2026-03-02 --facts "$TMP/facts.jsonl" --list-unmatched "$TMP/trajectories.jsonl"
  expect_status 0
  head -n 1 "$TMP/out" | cmp -s - "$TMP/reports" || fail "--list-unmatched changed the reports"
  expected='{"format":"activering.unmatched-facts/1","facts":"'"$TMP"'/facts.jsonl","count":3,"ids":["alpha \"q\"","other-1","zeta"]}'
  [ "$(tail -n 1 "$TMP/out")" = "$expected" ] || fail "unexpected list: $(tail -n 1 "$TMP/out")"
  cp "$TMP/out" "$TMP/listed"
  for jobs in 1 3; do
    run trajectory --jsonl --jobs "$jobs" --as-of 2026-03-02 --facts "$TMP/facts.jsonl" --list-unmatched \
      "$TMP/trajectories.jsonl"
    cmp -s "$TMP/out" "$TMP/listed" || fail "--jobs $jobs: another list"
  done
  "$ACTIVERING" trajectory --jsonl --as-of 2026-03-02 --facts - --list-unmatched "$TMP/trajectories.jsonl" \
    <"$TMP/facts.jsonl" >"$TMP/out" 2>"$TMP/err"
  status=$?
  expect_status 0
  cat "$TMP/facts.jsonl" | "$ACTIVERING" trajectory --jsonl --as-of 2026-03-02 --facts - --list-unmatched \
    "$TMP/trajectories.jsonl" >"$TMP/out" 2>"$TMP/err"
  status=$?
  expect_status 0
  sed 's|"facts":"-"|"facts":"'"$TMP"'/facts.jsonl"|' "$TMP/out" | cmp -s - "$TMP/listed" || fail "facts from a pipe differ"
  stderr_has '-: warning: 3 facts documents match no trajectory'
  # every one matched: an empty list
  printf '%s\n' "$facts" >"$TMP/one.jsonl"
  run trajectory --jsonl --as-of 2026-03-02 --facts "$TMP/one.jsonl" --list-unmatched "$TMP/trajectories.jsonl"
  expect_status 0
  tail -n 1 "$TMP/out" | grep -F -q '"count":0,"ids":[]}' || fail "expected an empty list"
  # a facts file that is one pretty-printed document, from a file or a pipe
  run trajectory --as-of 2026-03-02 --facts "$EXAMPLES/facts/facts-0042-roles.json" --list-unmatched \
    "$EXAMPLES/trajectories/dossier-0042.json"
  expect_status 0
  tail -n 1 "$TMP/out" | grep -F -q '"count":0,"ids":[]}' || fail "one pretty-printed facts document did not match"
  "$ACTIVERING" trajectory --as-of 2026-03-02 --facts - "$EXAMPLES/trajectories/dossier-0042.json" \
    <"$EXAMPLES/facts/facts-0042-roles.json" >"$TMP/out" 2>"$TMP/err" || fail "a pretty-printed document from a pipe"
  [ ! -s "$TMP/err" ] || fail "warnings for a pretty-printed document from a pipe: $(cat "$TMP/err")"
  # a bad facts document is still found before any work, with its line
  printf '%s\n{"format": "activering.facts/1"\n' "$facts" >"$TMP/bad.jsonl"
  run trajectory --jsonl --as-of 2026-03-02 --facts "$TMP/bad.jsonl" "$TMP/trajectories.jsonl"
  expect_status 1
  stderr_has 'bad.jsonl: line 2: facts: /: malformed JSON'
  [ ! -s "$TMP/out" ] || fail "reports despite a bad facts file"
  # usage
  run trajectory --jsonl --list-unmatched "$TMP/trajectories.jsonl"
  expect_status 2
  stderr_has 'activering: --list-unmatched lists facts documents: it needs --facts FILE'
  run trajectory --dot --facts "$TMP/one.jsonl" --list-unmatched "$TMP/trajectories.jsonl"
  expect_status 2
  stderr_has 'activering: --list-unmatched writes JSON: it does not go with --dot'
  # roles --trajectory reads its trajectories the same way
  printf '%s\n\n%s\n' "$(sed 's/"dossier-0042"/"x"/' "$TMP/trajectories.jsonl")" "$trajectory" >"$TMP/t2.jsonl"
  run roles --organisation "$EXAMPLES/organisations/ocmw-voorbeeld.json" --trajectory "$TMP/t2.jsonl" \
    "$EXAMPLES/facts/facts-0042-roles.json"
  expect_status 0
  cp "$TMP/out" "$TMP/roles-lines"
  run roles --organisation "$EXAMPLES/organisations/ocmw-voorbeeld.json" \
    --trajectory "$EXAMPLES/trajectories/dossier-0042.json" "$EXAMPLES/facts/facts-0042-roles.json"
  expect_status 0
  cmp -s "$TMP/out" "$TMP/roles-lines" || fail "roles --trajectory: JSON lines and one document differ"
}

# ---- determinism ----------------------------------------------------------------------------------------

# The same input gives byte-identical output from run to run, and the same answers in every language: only the
# language, labels and texts differ.
test_output_is_deterministic () {
  for command in "eligibility --jsonl $EXAMPLES/caseload.jsonl" "eligibility --jsonl --compact $EXAMPLES/caseload.jsonl" \
      "trajectory --as-of 2026-03-02 $EXAMPLES/trajectories/dossier-0042.json" \
      "roles --organisation $EXAMPLES/organisations/ocmw-voorbeeld.json $EXAMPLES/facts/facts-0042-roles.json" \
      "rules lint $RULES" "rules diff $RULES $RULES --caseload $EXAMPLES/caseload.jsonl"; do
    # shellcheck disable=SC2086
    "$ACTIVERING" $command >"$TMP/first" 2>/dev/null
    # shellcheck disable=SC2086
    "$ACTIVERING" $command >"$TMP/second" 2>/dev/null
    [ -s "$TMP/first" ] || fail "activering $command wrote nothing"
    cmp -s "$TMP/first" "$TMP/second" || fail "activering $command differs from run to run"
  done
  for lang in nl fr en; do
    "$ACTIVERING" eligibility --jsonl --lang "$lang" "$EXAMPLES/caseload.jsonl" >"$TMP/results-$lang" || fail "eligibility --lang $lang"
    "$ACTIVERING" eligibility --jsonl --compact --lang "$lang" "$EXAMPLES/caseload.jsonl" >"$TMP/compact-$lang"
  done
  cmp -s "$TMP/compact-nl" "$TMP/compact-fr" && cmp -s "$TMP/compact-nl" "$TMP/compact-en" \
    || fail "the outcomes differ between languages"
  cmp -s "$TMP/results-nl" "$TMP/results-fr" && fail "the texts do not depend on the language: the check proves nothing"
  /usr/bin/python3 - "$TMP/results-nl" "$TMP/results-fr" "$TMP/results-en" <<'PYTHON' || fail "results differ between languages beyond their texts"
import json, sys
def strip(value):
    """The result without what depends on the language, in its own key order."""
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in ("lang", "label", "text", "legal_basis", "coverage_text")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value
runs = [[json.dumps(strip(json.loads(line))) for line in open(path, encoding="utf-8")] for path in sys.argv[1:]]
assert runs[0] == runs[1] == runs[2]
PYTHON
}

# The rule-set digest stamps every answer: one byte more in the rule file (a letter in a label) changes it.
test_digest_follows_every_byte () {
  sed '0,/"nl": "/s//"nl": "X/' "$RULES" >"$TMP/one-byte.json"
  [ "$(cmp -l "$RULES" "$TMP/one-byte.json" 2>/dev/null | wc -l)" -gt 0 ] || fail "the rule file did not change"
  [ "$(wc -c <"$TMP/one-byte.json")" -eq $(($(wc -c <"$RULES") + 1)) ] || fail "more than one byte changed"
  digest_of () {
    "$ACTIVERING" eligibility --rules "$1" "$EXAMPLES/facts/facts-twe-eligible.json" \
      | sed -n 's/.*"digest": *"\(sha256:[0-9a-f]*\)".*/\1/p'
  }
  old=$(digest_of "$RULES")
  new=$(digest_of "$TMP/one-byte.json")
  [ -n "$old" ] && [ -n "$new" ] || fail "no digest in the results"
  [ "$old" != "$new" ] || fail "the digest did not change with the rule file ($old)"
  [ "$(digest_of "$RULES")" = "$old" ] || fail "the digest of one file changes from run to run"
}

# ---- privacy --------------------------------------------------------------------------------------------

# Personal-looking values in x_ members and trajectory notes never reach a result, a report, a diagram or an
# error message (docs/inputs-and-outputs.md says what may be quoted: a bad date's text may).
test_personal_data_stays_out () {
  name='Marie Peeters'
  facts=$(tr -d '\n' <"$EXAMPLES/facts/facts-twe-eligible.json" | sed 's/^{/{"x_client": {"name": "Marie Peeters"},/')
  printf '%s\n' "$facts" >"$TMP/private.jsonl"
  printf '%s\n' "$facts" | sed 's/"x_client"/"x_nrn": "85.07.30-033.61", "x_nrn": "Marie Peeters", "x_client"/' >>"$TMP/private.jsonl"
  printf '%s\n' "$facts" | sed 's/Marie Peeters/Marie\\u0000Peeters/' >>"$TMP/private.jsonl"
  printf '%s\n' "$facts" | sed 's/Marie Peeters/Marie \xff Peeters/' >>"$TMP/private.jsonl"
  for options in "" "--compact" "--human"; do
    # shellcheck disable=SC2086
    run eligibility --jsonl $options "$TMP/private.jsonl"
    expect_status 1
    grep -q "Peeters\|85.07.30" "$TMP/out" "$TMP/err" && fail "eligibility $options shows the name: $(grep -h Peeters "$TMP/out" "$TMP/err" | head -2)"
  done
  stderr_has 'line 2: facts: /x_nrn: the key appears twice'
  stderr_has 'line 3: facts: /x_client/name: the string at byte'
  stderr_has 'line 4: facts: /x_client/name: the string at byte'
  /usr/bin/python3 - "$EXAMPLES/trajectories/dossier-0042.json" "$TMP/private-trajectory.json" "$name" <<'PYTHON'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
document["x_client"] = sys.argv[3]
document["events"].append({"at": "2026-02-01", "type": "note", "text": sys.argv[3] + " called", "x_by": sys.argv[3]})
json.dump(document, open(sys.argv[2], "w", encoding="utf-8"))
PYTHON
  for options in "" "--dot"; do
    # shellcheck disable=SC2086
    run trajectory --as-of 2026-03-02 $options "$TMP/private-trajectory.json"
    expect_status 0
    grep -q "Peeters" "$TMP/out" "$TMP/err" && fail "trajectory $options shows the name"
  done
  # a bad date's own text may be quoted: it says what is wrong, and a date alone names nobody
  printf '{"format": "activering.facts/1", "id": "d-1", "person": {"birth_date": "1985-13-45"}}\n' >"$TMP/bad-date.json"
  run eligibility "$TMP/bad-date.json"
  expect_status 1
  stderr_has 'facts: /person/birth_date: "1985-13-45" is not a valid date'
}

# ---- driver ---------------------------------------------------------------------------------------------

passed=0
failed=0
for t in \
  test_rules_lint_is_linear_on_large_rule_sets \
  test_byte_order_mark_and_blank_lines \
  test_not_json_is_a_syntax_error \
  test_full_disk_is_an_error \
  test_closed_pipe_is_quiet \
  test_trajectory_facts_unmatched \
  test_trajectory_facts_index \
  test_output_is_deterministic \
  test_digest_follows_every_byte \
  test_personal_data_stays_out; do
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
