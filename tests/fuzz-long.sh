#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# fuzz-long.sh: the standing fuzz record ('make fuzz-long'). Runs each libFuzzer target (ASan and UBSan) for
# FUZZ_LONG_SECONDS from its seed corpus, then merges what it found that adds coverage into
# tests/fuzz/corpus-<target> in the source tree (libFuzzer's -merge=1 keeps only inputs with new coverage), so that
# a commit of the corpus makes coverage only go up. Prints, per target: executions, executions per second,
# coverage and findings. Set FUZZ_LONG_MERGE=no to leave the corpus alone.
#
# Not part of 'make check' (make check runs tests/fuzz-test.sh for a few seconds per target).

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
FUZZ_LONG_SECONDS=${FUZZ_LONG_SECONDS:-300}
FUZZ_LONG_MERGE=${FUZZ_LONG_MERGE:-yes}
targets=${FUZZ_LONG_TARGETS:-"facts rules trajectory organisation cases cli"}

case $FUZZ_LONG_SECONDS in
  '' | 0 | *[!0-9]*) echo "fuzz-long.sh: FUZZ_LONG_SECONDS must be a positive number of seconds" >&2; exit 2 ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/activering-fuzz-long.XXXXXX") || exit 2
echo "fuzz-long: $FUZZ_LONG_SECONDS s per target; logs and findings in $work"

status=0
printf '%-14s %14s %10s %8s %s\n' target executions exec/s cov findings >"$work/summary"
for t in $targets; do
  fuzzer="$top_builddir/tests/fuzz/fuzz-$t"
  [ -x "$fuzzer" ] || { echo "fuzz-long: $fuzzer is missing ('make fuzz' builds it with clang)" >&2; exit 2; }
  seeds="$top_srcdir/tests/fuzz/corpus-$t"
  corpus="$work/corpus-$t"
  mkdir -p "$corpus" "$work/artifacts-$t"
  [ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null
  case $t in trajectory | organisation | cli) dict=$t.dict ;; *) dict=facts.dict ;; esac
  echo "fuzz-$t: fuzzing for $FUZZ_LONG_SECONDS s from $(ls "$corpus" | wc -l | tr -d ' ') seeds"
  "$fuzzer" -max_total_time="$FUZZ_LONG_SECONDS" -max_len=65536 -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -dict="$top_srcdir/tests/fuzz/$dict" -artifact_prefix="$work/artifacts-$t/" \
    "$corpus" >"$work/fuzz-$t.log" 2>&1
  rc=$?
  findings=$(ls "$work/artifacts-$t" | wc -l | tr -d ' ')
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz-$t.log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz-$t.log")
  coverage=$(grep -o 'cov: [0-9]*' "$work/fuzz-$t.log" | tail -n 1 | sed 's/cov: //')
  printf '%-14s %14s %10s %8s %s\n' "fuzz-$t" "${executions:-?}" "${speed:-?}" "${coverage:-?}" "$findings" \
    >>"$work/summary"
  if [ $rc -ne 0 ] || [ "$findings" -gt 0 ]; then
    echo "FAIL: fuzz-$t (status $rc): reproducers in $work/artifacts-$t"
    grep -E -A30 'ERROR: |runtime error|check failed' "$work/fuzz-$t.log" | head -n 40
    status=1
  elif [ "$FUZZ_LONG_MERGE" = yes ]; then
    before=$(ls "$seeds" | wc -l | tr -d ' ')
    "$fuzzer" -merge=1 -max_len=65536 -rss_limit_mb=2048 -timeout=25 "$seeds" "$corpus" >"$work/merge-$t.log" 2>&1 \
      || { echo "FAIL: merging the corpus of fuzz-$t"; status=1; }
    echo "fuzz-$t: the corpus went from $before to $(ls "$seeds" | wc -l | tr -d ' ') inputs"
  fi
done
cat "$work/summary"
exit $status
