#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# run-bench.sh: the reproducible benchmark driver behind `make bench`. Run it from the build directory.
#
# 1. Generates the caseloads with bench/gen-caseload.py (100000 and 1000000 dossiers, seed 7) into a cache
#    directory under the build directory (BENCH_CACHE, default bench/cache; $TMPDIR/activering-bench-cache for a
#    build inside the source tree), regenerating them only when the generator changes.
# 2. Runs bench/bench-eval on the 100000 dossiers (load time, evaluations per second against the hand-written
#    baseline, parsing), and checks the library against the baseline on the whole 1000000.
# 3. Times the command-line tool end to end, `activering eligibility --jsonl --compact --jobs 1`, on both caseloads
#    with /usr/bin/time -v: dossiers per second on one core, and the peak resident set size, which must not grow
#    with the number of dossiers; and the full result documents (`eligibility --jsonl --jobs 1`). Each of the two
#    rates is printed against its goal (800,000 and 200,000 dossiers per CPU second) with the ratio. bench-eval's
#    section (e) gives the heap allocations per dossier (goal: none after the first). Then the compact run on the
#    100000 with --jobs 1 and --jobs 2: the speed-up of two jobs on two cores (the goal is 1.8x or more) and their
#    peak RSS.
# 4. Generates 20000 trajectories of 40 events (bench/gen-trajectories.py, seed 7) into the same cache, runs
#    bench/bench-trajectory on them (parse, replay, parse + replay + report, and the allocations per event), and
#    times `activering trajectory --jsonl --jobs 1` on them end to end against its goal (issue 14: 2,000,000 events
#    per CPU second), with the ratio.
# 4b. Times `activering trajectory --jsonl --jobs 1 --facts FACTS` with 100000 and 1000000 trajectories (5 events
#    each) and as many facts documents, in reverse order: the facts file is indexed, not held, so the peak RSS
#    must stay under 100 MB for a million of each. (The million is generated once, about 1.2 GB in the cache.)
# 4c. Times `activering report --facts FACTS --trajectories TRAJECTORIES` (the caseload report, issue 15) on the
#    same million trajectories and facts, in one pass on one core, against its goal (200,000 trajectories per CPU
#    second) with the ratio, and its peak RSS against 100 MB.
# 5. Runs bench/bench-roles on the 100000 dossiers in the example organisation (the full evaluation an assignment
#    starts from, the assignment, parse + assign + roles document, and the allocations per dossier), and times
#    `activering roles --jsonl --jobs 1` on them against its goal (issue 14: 150,000 dossiers per CPU second).
# 6. Builds the Python package against the library in the tree and runs bench/bench-python.py on the 100000
#    dossiers: evaluate_many and evaluate_frame against the tool's `eligibility --jsonl --compact --jobs 1`, and
#    evaluate_frame against plain vectorised pandas (bench/pandas_baseline.py, checked to agree with the library);
#    full result documents, and two threads against one; wall and CPU time, each against its goal.
# 7. If the shared generator exists (ACTIVERING_SHARED_GEN, default ../shared/bench/gen-caseload.py next to the
#    source tree), checks that its caseload is byte for byte ours.
#
# Environment: PYTHON (default /usr/bin/python3), BENCH_CACHE, BENCH_REPEAT (end-to-end runs per caseload,
# default 3; the median is reported), BENCH_MIN_TIME (seconds per bench-eval loop, default 1),
# BENCH_PROFILE=1 (also profile the end-to-end run with perf, or callgrind on 20000 lines if perf does not work).
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
# The cache goes under the build directory; for a build in the source tree, under $TMPDIR instead.
if [ "$builddir" = "$srcdir" ]; then
  cache=${BENCH_CACHE:-${TMPDIR:-/tmp}/activering-bench-cache}
else
  cache=${BENCH_CACHE:-$builddir/bench/cache}
fi
repeat=${BENCH_REPEAT:-3}
min_time=${BENCH_MIN_TIME:-1}
seed=7
generator=$srcdir/bench/gen-caseload.py
shared_generator=${ACTIVERING_SHARED_GEN:-$(cd "$srcdir/.." && pwd)/shared/bench/gen-caseload.py}
status=0

die () { echo "run-bench: $*" >&2; exit 1; }

if [ ! -e "$builddir/bench/bench-eval" ] || [ ! -e "$builddir/bench/bench-trajectory" ] \
  || [ ! -e "$builddir/bench/bench-roles" ] || [ ! -e "$builddir/tools/activering" ]; then
  die "run me from the build directory after 'make bench/bench-eval bench/bench-trajectory bench/bench-roles tools/activering'"
fi
[ -x "$PYTHON" ] || PYTHON=python3

# The real binaries, not libtool's wrapper scripts (whose start-up and re-linking would be measured too).
real_binary () {
  dir=$(dirname "$1"); base=$(basename "$1")
  for candidate in "$dir/.libs/$base" "$dir/.libs/lt-$base" "$1"; do
    if [ -f "$candidate" ] && [ -x "$candidate" ] && [ "$(head -c 2 "$candidate")" != "#!" ]; then
      echo "$candidate"; return 0
    fi
  done
  echo "$1"
}
CLI=$(real_binary "$builddir/tools/activering")
BENCH=$(real_binary "$builddir/bench/bench-eval")
BENCH_TRAJECTORY=$(real_binary "$builddir/bench/bench-trajectory")
BENCH_ROLES=$(real_binary "$builddir/bench/bench-roles")
LD_LIBRARY_PATH=$builddir/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH

# ---- caseloads ----
mkdir -p "$cache"
caseload () { echo "$cache/caseload-$1-seed$seed.jsonl"; }
for count in 100000 1000000; do
  file=$(caseload "$count")
  if [ ! -s "$file" ] || [ -n "$(find "$generator" -newer "$file")" ]; then
    echo "generating $count dossiers (seed $seed) into $file"
    "$PYTHON" "$generator" --count "$count" --seed "$seed" > "$file.tmp"
    mv "$file.tmp" "$file"
  fi
done
small=$(caseload 100000)
large=$(caseload 1000000)
trajectories=$cache/trajectories-20000x40-seed$seed.jsonl
if [ ! -s "$trajectories" ] || [ -n "$(find "$srcdir/bench/gen-trajectories.py" -newer "$trajectories")" ]; then
  echo "generating 20000 trajectories of 40 events (seed $seed) into $trajectories"
  "$PYTHON" "$srcdir/bench/gen-trajectories.py" --count 20000 --events 40 --seed "$seed" > "$trajectories.tmp"
  mv "$trajectories.tmp" "$trajectories"
fi
# after every generated event, so that all are replayed
trajectory_as_of=2029-12-31

echo "== machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores; nothing pinned"
echo

# ---- bench-eval ----
echo "== bench-eval on $small"
"$BENCH" --caseload "$small" --count 100000 --min-time "$min_time" || status=1
echo
echo "== library vs baseline on the whole $large"
"$BENCH" --caseload "$large" --count 1000000 --check-only || status=1
echo

# ---- end to end: the command-line tool ----
have_time=no
[ -x /usr/bin/time ] && /usr/bin/time -v true > /dev/null 2>&1 && have_time=yes

# field NAME LOG: the value of a /usr/bin/time -v line
field () { sed -n "s/^[[:space:]]*$1.*: //p" "$2" | tail -n 1; }
# goal WHAT RATE GOAL UNIT: a figure against its goal (issue 14), per CPU second, so that a busy machine shows less
goal () {
  awk -v w="$1" -v r="$2" -v g="$3" -v u="$4" 'BEGIN {
    printf "  goal: %-30s %9.0f %s/s per CPU second, goal %9.0f: ratio %.2f  %s\n", w, r, u, g, r / g,
      (r >= g ? "[goal met]" : "[GOAL MISSED]") }'
}
# wall-clock "h:mm:ss" or "m:ss.ss" to seconds
seconds () { echo "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
median () { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# end_to_end LABEL FILE COUNT UNIT COMMAND ARGS...: prints one line; leaves the median peak RSS (KiB) in $rss and
# the rate per CPU second in $cpu_rate
end_to_end () {
  label=$1 file=$2 count=$3 unit=$4
  shift 4
  cat "$file" > /dev/null # into the page cache, so that the disk is not measured
  walls='' cpus='' rsss=''
  i=0
  while [ "$i" -lt "$repeat" ]; do
    i=$((i + 1))
    log=$cache/time.log
    if [ "$have_time" = yes ]; then
      if ! /usr/bin/time -v -o "$log" "$CLI" "$@" "$file" > /dev/null; then
        echo "run-bench: activering failed on $file" >&2; status=1
      fi
      wall=$(seconds "$(field 'Elapsed (wall clock) time' "$log")")
      cpu=$(awk -v u="$(field 'User time' "$log")" -v s="$(field 'System time' "$log")" 'BEGIN { print u + s }')
      rsss="$rsss $(field 'Maximum resident set size' "$log")"
    else
      start=$(date +%s.%N)
      "$CLI" "$@" "$file" > /dev/null || status=1
      wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
      cpu=$wall
      rsss="$rsss 0"
    fi
    walls="$walls $wall"
    cpus="$cpus $cpu"
  done
  wall=$(echo "$walls" | tr ' ' '\n' | sed '/^$/d' | median)
  cpu=$(echo "$cpus" | tr ' ' '\n' | sed '/^$/d' | median)
  rss=$(echo "$rsss" | tr ' ' '\n' | sed '/^$/d' | median)
  cpu_rate=$(awk -v n="$count" -v c="$cpu" 'BEGIN { printf "%.0f", n / c }')
  awk -v l="$label" -v n="$count" -v u="$unit" -v w="$wall" -v c="$cpu" -v r="$rss" -v k="$repeat" 'BEGIN {
    printf "  %-34s %8d %s  %6.2f s wall  %9.0f %s/s  (%9.0f per CPU second)  peak RSS %6.1f MB  [median of %d]%s\n",
      l, n, u, w, n / w, u, n / c, r / 1024, k, c < 0.9 * w ? "  [busy machine: trust the CPU-second figure]" : "" }'
}

echo "== end to end: $CLI eligibility --jsonl --compact --jobs 1 FILE > /dev/null (one process, one core)"
lines=$("$CLI" eligibility --jsonl --compact "$small" | wc -l)
[ "$lines" -eq 100000 ] || { echo "run-bench: expected 100000 output lines, got $lines" >&2; status=1; }
end_to_end "compact, 100k" "$small" 100000 dossiers eligibility --jsonl --compact --jobs 1
rss_small=$rss
goal "compact screening" "$cpu_rate" 800000 dossiers
end_to_end "compact, 1M" "$large" 1000000 dossiers eligibility --jsonl --compact --jobs 1
rss_large=$rss
if [ "$have_time" = yes ]; then
  awk -v a="$rss_small" -v b="$rss_large" 'BEGIN {
    printf "  peak RSS: %.1f MB for 100k, %.1f MB for 1M: ", a / 1024, b / 1024
    if (b > a * 1.25 + 2048) { print "GROWS with the number of dossiers"; exit 1 } else print "flat (does not grow with the number of dossiers)" }' \
    || status=1
fi
end_to_end "full JSON explanation, 100k" "$small" 100000 dossiers eligibility --jsonl --jobs 1
goal "full result documents" "$cpu_rate" 200000 dossiers
echo "  (allocations per dossier: bench-eval's section (e) above)"

echo
echo "== --jobs: $CLI eligibility --jsonl --compact --jobs N FILE > /dev/null, wall clock (goal: 2 jobs >= 1.8x one)"
"$CLI" eligibility --jsonl --compact --jobs 1 "$small" > "$cache/jobs1.out"
"$CLI" eligibility --jsonl --compact --jobs 2 "$small" | cmp -s - "$cache/jobs1.out" \
  || { echo "run-bench: --jobs 2 writes another output than --jobs 1" >&2; status=1; }
rm -f "$cache/jobs1.out"
end_to_end "compact, 100k, --jobs 1" "$small" 100000 dossiers eligibility --jsonl --compact --jobs 1
wall_one=$wall
end_to_end "compact, 100k, --jobs 2" "$small" 100000 dossiers eligibility --jsonl --compact --jobs 2
awk -v a="$wall_one" -v b="$wall" -v cores="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" 'BEGIN {
  printf "  speed-up of --jobs 2 over --jobs 1: %.2fx (goal: >= 1.80x on 2 idle cores; this machine has %d", a / b, cores
  print (a / b >= 1.8 ? "; met)" : "; not met here: on a busy machine, compare the CPU-second figures)") }'

# ---- trajectories ----
echo
echo "== bench-trajectory on $trajectories"
"$BENCH_TRAJECTORY" --min-time "$min_time" --as-of "$trajectory_as_of" "$trajectories" || status=1
echo
echo "== end to end: $CLI trajectory --jsonl --as-of $trajectory_as_of FILE > /dev/null (one process, one core)"
lines=$("$CLI" trajectory --jsonl --as-of "$trajectory_as_of" "$trajectories" | wc -l)
[ "$lines" -eq 20000 ] || { echo "run-bench: expected 20000 report lines, got $lines" >&2; status=1; }
end_to_end "reports, 20000 x 40 events" "$trajectories" 20000 trajectories trajectory --jsonl --jobs 1 \
  --as-of "$trajectory_as_of"
goal "trajectory --jsonl" "$((cpu_rate * 40))" 2000000 events
echo "  (allocations per event: bench-trajectory's section (d) above)"

# ---- trajectories with their facts: the facts file indexed, not held ----
echo
echo "== end to end: $CLI trajectory --jsonl --jobs 1 --facts FACTS TRAJECTORIES > /dev/null, facts in reverse order"
million=$cache/trajectories-1000000x5-seed$seed.jsonl
million_facts=$cache/facts-1000000-reversed-seed$seed.jsonl
if [ ! -s "$million" ] || [ -n "$(find "$srcdir/bench/gen-trajectories.py" -newer "$million")" ]; then
  echo "generating 1000000 trajectories of 5 events (seed $seed) into $million"
  "$PYTHON" "$srcdir/bench/gen-trajectories.py" --count 1000000 --events 5 --seed "$seed" > "$million.tmp"
  mv "$million.tmp" "$million"
fi
if [ ! -s "$million_facts" ] || [ "$large" -nt "$million_facts" ]; then
  # the caseload's dossiers, with the trajectories' ids, last first
  sed 's/"id":"synth-/"id":"traj-/' "$large" | tac > "$million_facts.tmp"
  mv "$million_facts.tmp" "$million_facts"
fi
head -n 100000 "$million" > "$cache/trajectories-100k.jsonl"
grep -E '"id":"traj-000[0-9]{5}"' "$million_facts" > "$cache/facts-100k-reversed.jsonl"
end_to_end "with facts, 100k + 100k facts" "$cache/trajectories-100k.jsonl" 100000 trajectories trajectory --jsonl \
  --jobs 1 --as-of "$trajectory_as_of" --facts "$cache/facts-100k-reversed.jsonl"
rss_index_small=$rss
repeat_all=$repeat
repeat=1 # about a minute a run
end_to_end "with facts, 1M + 1M facts" "$million" 1000000 trajectories trajectory --jsonl --jobs 1 \
  --as-of "$trajectory_as_of" --facts "$million_facts"
repeat=$repeat_all
if [ "$have_time" = yes ]; then
  awk -v a="$rss_index_small" -v b="$rss" 'BEGIN {
    printf "  peak RSS: %.1f MB with 100k facts, %.1f MB with 1M (goal: under 100 MB): ", a / 1024, b / 1024
    if (b > 100 * 1024) { print "OVER"; exit 1 } else print "met" }' || status=1
fi
rm -f "$cache/trajectories-100k.jsonl" "$cache/facts-100k-reversed.jsonl"

# ---- the caseload report over the same million, in one pass ----
echo
echo "== end to end: $CLI report --facts FACTS --trajectories TRAJECTORIES > /dev/null (one process, one core)"
repeat=1 # about ten seconds a run
end_to_end "caseload report, 1M + 1M facts" "$million" 1000000 trajectories report --as-of "$trajectory_as_of" \
  --facts "$million_facts" --trajectories
repeat=$repeat_all
goal "report (caseload)" "$cpu_rate" 200000 trajectories
if [ "$have_time" = yes ]; then
  awk -v b="$rss" 'BEGIN {
    printf "  peak RSS: %.1f MB for 1M trajectories and 1M facts (goal: under 100 MB): ", b / 1024
    if (b > 100 * 1024) { print "OVER"; exit 1 } else print "met" }' || status=1
fi

# ---- roles ----
organisation=$srcdir/examples/organisations/ocmw-voorbeeld.json
echo
echo "== bench-roles on $small, organisation $organisation"
"$BENCH_ROLES" --min-time "$min_time" "$organisation" "$small" || status=1
echo
echo "== end to end: $CLI roles --jsonl --jobs 1 --organisation ORG FILE > /dev/null (one process, one core)"
end_to_end "roles documents, 100k" "$small" 100000 dossiers roles --jsonl --jobs 1 --organisation "$organisation"
goal "roles --jsonl" "$cpu_rate" 150000 dossiers
echo "  (allocations per dossier: bench-roles' section (d) above)"

# ---- Python ----
echo
python_missing=$("$PYTHON" -c 'import importlib.util as u; print(" ".join(m for m in ("cffi", "pandas", "numpy") if u.find_spec(m) is None))' 2>/dev/null || echo python)
if [ -z "$python_missing" ] && sh "$srcdir/bindings/python/build-in-tree.sh" "$srcdir" "$builddir" "$PYTHON"; then
  echo "== bench-python on $small (the Python package against the tool)"
  PYTHONPATH=$builddir/bindings/python/build "$PYTHON" "$srcdir/bench/bench-python.py" --cli "$CLI" "$small" || status=1
else
  echo "== bench-python skipped: $PYTHON lacks $python_missing (scripts/debian-setup.sh installs it)"
fi

if command -v hyperfine > /dev/null 2>&1; then
  echo
  echo "== hyperfine"
  hyperfine --warmup 1 --runs 5 "$CLI eligibility --jsonl --compact --jobs 1 $small" \
    "$CLI eligibility --jsonl --compact --jobs 2 $small" || true
fi

# ---- the shared caseload ----
if [ -f "$shared_generator" ]; then
  echo
  echo "== the shared caseload ($shared_generator --count 1000000 --seed $seed)"
  if "$PYTHON" "$shared_generator" --count 1000000 --seed "$seed" | cmp -s - "$large"; then
    echo "  byte for byte identical to $large: the 1M figures above are the figures on the shared caseload"
  else
    echo "  DIFFERS from $large: timing it separately"
    shared=$cache/shared-caseload-1000000-seed$seed.jsonl
    "$PYTHON" "$shared_generator" --count 1000000 --seed "$seed" > "$shared"
    end_to_end "compact, shared 1M" "$shared" 1000000 dossiers eligibility --jsonl --compact --jobs 1
    status=1
  fi
fi

# ---- optional profile ----
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  echo
  if command -v perf > /dev/null 2>&1 && perf record -q -o "$cache/perf.data" true > /dev/null 2>&1; then
    echo "== perf profile of the end-to-end run (compact, 1M)"
    perf record -q -o "$cache/perf.data" "$CLI" eligibility --jsonl --compact --jobs 1 "$large" > /dev/null 2>&1
    perf report -i "$cache/perf.data" --stdio --no-children --sort symbol 2>/dev/null | grep -E '^ +[0-9]+\.[0-9]+%' | head -n 25
  elif command -v valgrind > /dev/null 2>&1; then
    echo "== callgrind on 20000 lines (compact)"
    head -n 20000 "$small" > "$cache/caseload-20000.jsonl"
    valgrind --tool=callgrind --callgrind-out-file="$cache/callgrind.out" \
      "$CLI" eligibility --jsonl --compact --jobs 1 "$cache/caseload-20000.jsonl" > /dev/null 2>&1
    callgrind_annotate "$cache/callgrind.out" 2>/dev/null | head -n 40
  else
    echo "== no profiler (perf, valgrind) found"
  fi
fi

exit $status
