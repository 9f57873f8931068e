#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# jobs-test.sh: `--jobs N` on the batch commands changes nothing but the time: standard output, standard error
# and the exit status are byte for byte those of one job, for every N, from run to run, in every language, on an
# input with bad lines, blank lines, a byte order mark, CRLF line ends and more lines than one block holds. And a
# bad --jobs is a usage error that says why.
#
# Uses $ACTIVERING, $top_srcdir and $PYTHON, exported by 'make check'. Exit status 0 if all checks pass, 1 otherwise.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
PYTHON=${PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3
EXAMPLES=$top_srcdir/examples
ORGANISATION=$EXAMPLES/organisations/ocmw-voorbeeld.json

if [ ! -x "$ACTIVERING" ]; then
  echo "jobs-test: $ACTIVERING is not an executable" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import json' 2>/dev/null; then
  echo "jobs-test: no Python to generate the inputs ($PYTHON); skipped"
  exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jobs-test.XXXXXX") || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

fail () {
  echo "  $*"
  exit 1
}

# ---- inputs ---------------------------------------------------------------------------------------------

# A caseload of 1500 dossiers with, in this order: a byte order mark and a CRLF line end on the first line, bad
# lines of several kinds, blank and white lines, 70000 blank lines (more lines than a block holds), a line longer
# than the line reader takes, and a last line without its newline.
"$PYTHON" "$top_srcdir/bench/gen-caseload.py" --count 1500 --seed 3 >"$TMP/dossiers.jsonl" || fail "gen-caseload.py"
{
  printf '\357\273\277'
  sed -n '1p' "$TMP/dossiers.jsonl" | sed 's/$/\r/'
  sed -n '2,400p' "$TMP/dossiers.jsonl"
  echo 'nope'
  echo
  printf ' \t \r\n'
  sed -n '401,700p' "$TMP/dossiers.jsonl" | sed 's/$/\r/'
  echo '{"format": "activering.facts/1", "id": "bad-age", "person": {"birth_date": "yesterday"}}'
  echo '{}'
  awk 'BEGIN { for (i = 0; i < 70000; i++) print "" }'
  sed -n '701,1000p' "$TMP/dossiers.jsonl"
  awk 'BEGIN { printf "{\"id\": \""; for (i = 0; i < 1200000; i++) printf "x"; print "\"}" }'
  sed -n '1001,1499p' "$TMP/dossiers.jsonl"
  echo '[1, 2'
  sed -n '1500p' "$TMP/dossiers.jsonl" | tr -d '\n'
} >"$TMP/caseload.jsonl"

# 600 trajectories with a bad line and a blank one, and the facts of most of them, in another order.
"$PYTHON" "$top_srcdir/bench/gen-trajectories.py" --count 600 --events 12 --seed 3 >"$TMP/generated.jsonl" \
  || fail "gen-trajectories.py"
{
  sed -n '1,300p' "$TMP/generated.jsonl"
  echo '{"format": "activering.trajectory/1", "id": "broken"}'
  echo
  sed -n '301,600p' "$TMP/generated.jsonl"
} >"$TMP/trajectories.jsonl"
sed -n '1,550p' "$TMP/dossiers.jsonl" | sed 's/"id":"synth-/"id":"traj-/' | awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' \
  >"$TMP/facts.jsonl"
sed -n '1,5p' "$TMP/dossiers.jsonl" | sed 's/"id":"synth-/"id":"lonely-/' >>"$TMP/facts.jsonl"

# ---- checks ---------------------------------------------------------------------------------------------

# same_for_every_job_count LABEL ARGS…: runs the tool with --jobs 1 (twice), 2, 3, 8 and with no --jobs, and
# compares standard output, standard error and the exit status with the first run's.
same_for_every_job_count () {
  label=$1
  shift
  "$ACTIVERING" "$@" --jobs 1 >"$TMP/ref.out" 2>"$TMP/ref.err"
  ref_status=$?
  [ -s "$TMP/ref.out" ] || fail "$label: no output with --jobs 1"
  for jobs in 1 2 3 8 default 2; do
    if [ "$jobs" = default ]; then
      "$ACTIVERING" "$@" >"$TMP/run.out" 2>"$TMP/run.err"
    else
      "$ACTIVERING" "$@" --jobs "$jobs" >"$TMP/run.out" 2>"$TMP/run.err"
    fi
    status=$?
    [ "$status" -eq "$ref_status" ] || fail "$label: --jobs $jobs: exit status $status, $ref_status with one job"
    cmp -s "$TMP/ref.out" "$TMP/run.out" || fail "$label: --jobs $jobs: standard output differs from one job's"
    cmp -s "$TMP/ref.err" "$TMP/run.err" || {
      diff "$TMP/ref.err" "$TMP/run.err" | head -n 10 | sed 's/^/  | /'
      fail "$label: --jobs $jobs: standard error differs from one job's"
    }
  done
  echo "$ref_status" >"$TMP/ref.status"
}

test_eligibility_jobs_change_nothing () {
  same_for_every_job_count "eligibility --jsonl" eligibility --jsonl "$TMP/caseload.jsonl"
  [ "$(cat "$TMP/ref.status")" -eq 1 ] || fail "bad lines must make the exit status 1"
  # the bad lines, in input order, with their numbers, and the blank ones counted
  grep -c ': line [0-9]*: ' "$TMP/ref.err" | grep -q -x 5 || fail "expected 5 bad lines on standard error"
  grep -F -q 'caseload.jsonl: line 401: ' "$TMP/ref.err" || fail "the bad line 401 is not reported"
  grep -F -q 'caseload.jsonl: 70002 blank lines skipped' "$TMP/ref.err" || fail "the blank lines are not counted"
  grep -o 'line [0-9]*' "$TMP/ref.err" | sed 's/line //' >"$TMP/numbers"
  sort -n "$TMP/numbers" | cmp -s - "$TMP/numbers" || fail "bad lines out of order"
  [ "$(wc -l <"$TMP/ref.out")" -eq 1500 ] || fail "expected 1500 evaluations"
  same_for_every_job_count "eligibility --jsonl --compact" eligibility --jsonl --compact "$TMP/caseload.jsonl"
  same_for_every_job_count "eligibility --jsonl --human" eligibility --jsonl --human "$TMP/caseload.jsonl"
  grep -q '(1500)' "$TMP/ref.out" || fail "the human table's totals lack the 1500 dossiers"
  for lang in fr en; do
    same_for_every_job_count "eligibility --jsonl --lang $lang" eligibility --jsonl --lang "$lang" "$TMP/caseload.jsonl"
  done
  same_for_every_job_count "eligibility --jsonl --human --lang en" eligibility --jsonl --human --lang en \
    "$TMP/caseload.jsonl"
}

test_trajectory_jobs_change_nothing () {
  same_for_every_job_count "trajectory --jsonl" trajectory --jsonl --as-of 2029-12-31 "$TMP/trajectories.jsonl"
  [ "$(wc -l <"$TMP/ref.out")" -eq 600 ] || fail "expected 600 reports"
  grep -F -q 'trajectories.jsonl: line 301: ' "$TMP/ref.err" || fail "the bad line 301 is not reported"
  same_for_every_job_count "trajectory --jsonl --facts" trajectory --jsonl --as-of 2029-12-31 \
    --facts "$TMP/facts.jsonl" "$TMP/trajectories.jsonl"
  # the warnings for trajectories without facts are in input order, between the bad lines
  grep -c 'warning: no facts document has the id' "$TMP/ref.err" | grep -q -x 50 || fail "expected 50 warnings"
  grep -F -q 'facts.jsonl: warning: 5 facts documents match no trajectory ("lonely-00000000"' "$TMP/ref.err" \
    || fail "the unmatched facts are not reported"
  same_for_every_job_count "trajectory --jsonl --human --facts" trajectory --jsonl --human --lang fr \
    --as-of 2029-12-31 --facts "$TMP/facts.jsonl" "$TMP/trajectories.jsonl"
  [ "$(grep -c '^Parcours traj-' "$TMP/ref.out")" -eq 600 ] || fail "expected 600 reports for people"
}

test_roles_jobs_change_nothing () {
  same_for_every_job_count "roles --jsonl" roles --jsonl --organisation "$ORGANISATION" "$TMP/caseload.jsonl"
  same_for_every_job_count "roles --jsonl --human" roles --jsonl --human --organisation "$ORGANISATION" \
    "$TMP/caseload.jsonl"
  head -n 300 "$TMP/generated.jsonl" >"$TMP/some-trajectories.jsonl"
  sed 's/"id":"synth-/"id":"traj-/' "$TMP/dossiers.jsonl" >"$TMP/traj-facts.jsonl"
  same_for_every_job_count "roles --jsonl --trajectory" roles --jsonl --organisation "$ORGANISATION" \
    --trajectory "$TMP/some-trajectories.jsonl" "$TMP/traj-facts.jsonl"
}

test_standard_input_is_the_same () {
  "$ACTIVERING" eligibility --jsonl --compact --jobs 1 "$TMP/caseload.jsonl" >"$TMP/file.out" 2>"$TMP/file.err"
  for jobs in default 2; do
    if [ "$jobs" = default ]; then
      cat "$TMP/caseload.jsonl" | "$ACTIVERING" eligibility --jsonl --compact >"$TMP/pipe.out" 2>"$TMP/pipe.err"
    else
      cat "$TMP/caseload.jsonl" | "$ACTIVERING" eligibility --jsonl --compact --jobs "$jobs" - >"$TMP/pipe.out" \
        2>"$TMP/pipe.err"
    fi
    [ $? -eq 1 ] || fail "a pipe with bad lines: exit status $?"
    cmp -s "$TMP/file.out" "$TMP/pipe.out" || fail "--jobs $jobs from a pipe: a different output"
    sed 's/<stdin>/caseload/' "$TMP/pipe.err" >"$TMP/pipe.err2"
    sed 's|[^ ]*caseload.jsonl|caseload|' "$TMP/file.err" | cmp -s - "$TMP/pipe.err2" \
      || fail "--jobs $jobs from a pipe: different messages"
  done
}

test_a_closed_pipe_ends_quietly () {
  "$ACTIVERING" eligibility --jsonl --jobs 2 "$TMP/caseload.jsonl" 2>"$TMP/err" | head -n 1 >/dev/null
  grep -q 'cannot write' "$TMP/err" && fail "a closed pipe is not an error"
  "$ACTIVERING" eligibility --jsonl --jobs 2 "$TMP/caseload.jsonl" >/dev/full 2>"$TMP/err"
  [ $? -eq 1 ] || fail "a full disk must end with exit status 1"
  grep -F -q 'cannot write the output' "$TMP/err" || fail "a full disk is not reported"
}

test_bad_jobs_are_usage_errors () {
  for command in "eligibility --jsonl" "trajectory --jsonl" "roles --jsonl --organisation $ORGANISATION"; do
    for jobs in 0 -1 two 1.5 '' 257 ' 2' 99999999999999999999; do
      # shellcheck disable=SC2086 # the command's words
      "$ACTIVERING" $command --jobs "$jobs" "$TMP/caseload.jsonl" >"$TMP/out" 2>"$TMP/err"
      status=$?
      [ "$status" -eq 2 ] || fail "$command --jobs '$jobs': exit status $status, not 2"
      grep -F -q "activering: --jobs: \"$jobs\" is not a number of jobs (expected a whole number from 1 to 256)" \
        "$TMP/err" || { cat "$TMP/err"; fail "$command --jobs '$jobs': no clear message"; }
      [ -s "$TMP/out" ] && fail "$command --jobs '$jobs': output on a usage error"
    done
  done
  "$ACTIVERING" eligibility --jsonl --compact --jobs 256 "$EXAMPLES/caseload.jsonl" >"$TMP/out" 2>"$TMP/err" \
    || fail "--jobs 256 is allowed"
  # a single document: --jobs is allowed and changes nothing
  "$ACTIVERING" eligibility --jobs 4 "$EXAMPLES/facts/$(ls "$EXAMPLES/facts" | head -n 1)" >/dev/null \
    || fail "--jobs on one document"
}

# ---- driver ---------------------------------------------------------------------------------------------

passed=0
failed=0
for t in \
  test_eligibility_jobs_change_nothing \
  test_trajectory_jobs_change_nothing \
  test_roles_jobs_change_nothing \
  test_standard_input_is_the_same \
  test_a_closed_pipe_ends_quietly \
  test_bad_jobs_are_usage_errors; do
  if ( "$t" ); then
    echo "PASS: $t"
    passed=$((passed + 1))
  else
    echo "FAIL: $t"
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
