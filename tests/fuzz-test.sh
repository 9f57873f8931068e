#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# fuzz-test.sh: a short libFuzzer run of each fuzz target over a copy of its seed corpus.
#
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, FUZZ_SECONDS (default 10; 0 replays the
# seed corpora without fuzzing).
# The targets are built by `make fuzz` (or `make check` when configure found clang with libFuzzer); without
# them the test is skipped (exit 77). Fails if a target crashes, leaks, trips a sanitizer or one of its own
# checks; the reproducers (crash-*, leak-*, timeout-*, oom-*) and the logs are then kept in the temporary
# directory the test names. Neither the source tree nor the build tree is written: the corpora are copied into
# that temporary directory first, and it is removed when everything passes.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
FUZZ_SECONDS=${FUZZ_SECONDS:-10}

targets="facts rules trajectory organisation cases cli what-if history"

for t in $targets; do
  if [ ! -x "$top_builddir/tests/fuzz/fuzz-$t" ]; then
    echo "SKIP: no libFuzzer (tests/fuzz/fuzz-$t was not built; configure with clang and run 'make fuzz')"
    exit 77
  fi
done
# The service's target exists when the tool was built with libsoup-3.0.
if [ -x "$top_builddir/tests/fuzz/fuzz-serve" ]; then
  targets="$targets serve"
fi

case $FUZZ_SECONDS in
  '' | *[!0-9]*) echo "fuzz-test.sh: FUZZ_SECONDS must be a whole number of seconds, not '$FUZZ_SECONDS'" >&2; exit 99 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/activering-fuzz.XXXXXX") || exit 99
keep=no
trap 'if [ "$keep" = no ]; then rm -rf "$work"; fi' EXIT
trap 'exit 130' INT TERM

status=0
for t in $targets; do
  fuzzer="$top_builddir/tests/fuzz/fuzz-$t"
  corpus="$work/corpus-$t"
  mkdir -p "$corpus" "$work/artifacts-$t" || exit 99
  if [ -d "$top_srcdir/tests/fuzz/corpus-$t" ]; then
    cp "$top_srcdir/tests/fuzz/corpus-$t"/* "$corpus"/ 2>/dev/null
  fi
  # FUZZ_SECONDS=0 replays the seeds only (libFuzzer's -max_total_time=0 would mean "no time limit").
  if [ "$FUZZ_SECONDS" -eq 0 ]; then
    set -- -runs=0
  else
    set -- -max_total_time="$FUZZ_SECONDS"
  fi
  set -- "$@" -max_len=65536 -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 -artifact_prefix="$work/artifacts-$t/"
  # facts.dict holds the facts document's keys and codes, which also appear in rule sets; trajectory.dict the logs',
  # organisation.dict the organisation documents'.
  case $t in trajectory | organisation | cli | serve) dict=$t.dict ;; *) dict=facts.dict ;; esac
  if [ -f "$top_srcdir/tests/fuzz/$dict" ]; then
    set -- "$@" -dict="$top_srcdir/tests/fuzz/$dict"
  fi
  if [ "$FUZZ_SECONDS" -eq 0 ]; then
    echo "fuzz-$t: replaying $(ls "$corpus" | wc -l | tr -d ' ') seeds (FUZZ_SECONDS=0)"
  else
    echo "fuzz-$t: fuzzing for $FUZZ_SECONDS s from $(ls "$corpus" | wc -l | tr -d ' ') seeds"
  fi
  log="$work/fuzz-$t.log"
  "$fuzzer" "$@" "$corpus" > "$log" 2>&1
  rc=$?
  found=$(ls "$work/artifacts-$t" 2>/dev/null)
  if [ $rc -ne 0 ] || [ -n "$found" ]; then
    echo "FAIL: fuzz-$t exited with status $rc"
    # The sanitizer or check report, and the last of libFuzzer's progress.
    grep -E -A40 'ERROR: |runtime error|check failed|SUMMARY' "$log" | head -n 80
    for a in $found; do
      echo "reproducer: $work/artifacts-$t/$a (run: $fuzzer $work/artifacts-$t/$a)"
    done
    echo "full log: $log"
    keep=yes
    status=1
  else
    grep -E '^stat::number_of_executed_units|^Done ' "$log" | sed "s/^/fuzz-$t: /"
    echo "PASS: fuzz-$t"
  fi
done
exit $status
