#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# run-bench-serve.sh: the decision service under load, loopback only, bounded in requests and time. Run from the
# build directory (`make bench-serve`; `make bench` runs it short).
#
# 1. Starts `activering serve --threads THREADS` on a free loopback port.
# 2. bench/bench-serve sends single-dossier POST /v1/eligibility requests (compact, the dossiers of the caseload in
#    turn) on 1, 8 and 64 keep-alive connections, SECONDS each: requests/s, p50/p99/p99.9 latency, errors.
#    Goals: 20,000 requests/s on 2 cores, p99 under 5 ms at 8 connections, no errors.
# 3. Streams the whole caseload as one JSON-lines body (curl, compact) and times it against the tool on the same
#    file (`activering eligibility --jsonl --compact --jobs THREADS`): dossiers/s of each. Goal: the stream at least
#    half the tool's rate.
# 4. The service's RSS after a warm-up and at the end: it must not grow over the run (goal: under 10 % and 4 MB).
#
# Environment: BENCH_SERVE_SECONDS (per connection count, default 10; a 5-minute soak: 100), BENCH_SERVE_REQUESTS
# (the most per run, default 2000000), BENCH_SERVE_THREADS (default 2), BENCH_SERVE_DOSSIERS (the caseload, default
# 100000), BENCH_CACHE (where the caseload is kept, default bench/cache), PYTHON.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
seconds=${BENCH_SERVE_SECONDS:-10}
requests=${BENCH_SERVE_REQUESTS:-2000000}
threads=${BENCH_SERVE_THREADS:-2}
dossiers=${BENCH_SERVE_DOSSIERS:-100000}
cache=${BENCH_CACHE:-bench/cache}
PYTHON=${PYTHON:-/usr/bin/python3}
tool=tools/activering

[ -x bench/bench-serve ] && [ -x "$tool" ] || { echo "run-bench-serve: run me from the build directory after 'make bench/bench-serve'" >&2; exit 1; }
mkdir -p "$cache"
caseload=$cache/serve-$dossiers.jsonl
if [ ! -s "$caseload" ] || [ "$srcdir/bench/gen-caseload.py" -nt "$caseload" ]; then
  "$PYTHON" "$srcdir/bench/gen-caseload.py" --count "$dossiers" --seed 7 > "$caseload.tmp" && mv "$caseload.tmp" "$caseload"
fi

log=$(mktemp "${TMPDIR:-/tmp}/activering-bench-serve.XXXXXX")
"$tool" serve --listen 127.0.0.1:0 --threads "$threads" --no-access-log 2> "$log" &
pid=$!
trap 'kill "$pid" 2> /dev/null; rm -f "$log"' EXIT
port=
for _ in $(seq 100); do
  port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$log" >&2; exit 1; }
rss () { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }

echo "== activering serve: $threads threads, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load $(cut -d' ' -f1-3 /proc/loadavg)"
# a warm-up, so that the RSS compared is the steady one
bench/bench-serve --port "$port" --connections 8 --seconds 2 --requests 20000 --compact "$caseload" > /dev/null || true
rss_start=$(rss)
status=0
for c in 1 8 64; do
  bench/bench-serve --port "$port" --connections "$c" --seconds "$seconds" --requests "$requests" --compact "$caseload" || status=1
done

echo "== a streamed batch of $dossiers dossiers against the tool, compact (wall time, and CPU time of the server or tool)"
ticks () { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks "$pid")
start=$(date +%s.%N)
# -T streams the file as it is read (curl --data-binary @FILE would read it whole first)
lines=$(curl -s --fail -X POST -T "$caseload" -H 'Content-Type: application/x-ndjson' \
  "http://127.0.0.1:$port/v1/eligibility?compact=true" | grep -c '"activering.outcomes/1"') || status=1
stream=$(echo "$start $(date +%s.%N)" | awk '{ print $2 - $1 }')
stream_cpu=$(echo "$before $(ticks "$pid") $hz" | awk '{ print ($2 - $1) / $3 }')
[ "$lines" = "$dossiers" ] || { echo "the stream answered $lines of $dossiers dossiers"; status=1; }
for jobs in 1 "$threads"; do
  times=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$times" "$tool" eligibility --jsonl --compact --jobs "$jobs" "$caseload" > /dev/null || status=1
  cli=$(echo "$start $(date +%s.%N)" | awk '{ print $2 - $1 }')
  cli_cpu=$(awk '{ print $1 + $2 }' "$times")
  rm -f "$times"
  echo "$dossiers $stream $stream_cpu $cli $cli_cpu $jobs" | awk '{
    printf "tool --jobs %d: %.0f dossiers/s (%.2f s), %.0f per CPU second\n", $6, $1 / $4, $4, $1 / $5;
    printf "stream:        %.0f dossiers/s (%.2f s), %.0f per CPU second of the server\n", $1 / $2, $2, $1 / $3;
    printf "stream / tool --jobs %d: %.2f by wall time, %.2f by CPU time (goal: 0.50 or more)\n", $6, $4 / $2, $5 / $3 }'
done

rss_end=$(rss)
echo "RSS after the warm-up $rss_start KiB, at the end $rss_end KiB ($((rss_end - rss_start)) KiB)"
kill -TERM "$pid"
wait "$pid" || status=1
exit $status
