#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# valgrind-test.sh: the command-line tool under valgrind over the examples: no invalid access, no use of
# uninitialised memory, no definite leak.
#
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, ACTIVERING (the tool; a libtool wrapper
# script when the library is shared), VALGRIND (empty when configure found none: the test is skipped).

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${ACTIVERING:=$top_builddir/tools/activering}"

if [ -z "$VALGRIND" ] || ! command -v "$VALGRIND" > /dev/null 2>&1; then
  echo "SKIP: valgrind not found"
  exit 77
fi
if [ ! -x "$ACTIVERING" ]; then
  echo "FAIL: $ACTIVERING was not built" >&2
  exit 99
fi
# A build with --enable-sanitizers has its own checks, and valgrind cannot run AddressSanitizer's binaries.
for binary in "$top_builddir/tools/.libs/activering" "$top_builddir/lib/.libs/libactivering-1.0.so" "$ACTIVERING"; do
  if [ -f "$binary" ] && grep -q -a -E '__(asan|tsan|msan)_init' "$binary" 2> /dev/null; then
    echo "SKIP: built with sanitizers ($binary); valgrind cannot run it"
    exit 77
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/activering-valgrind.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# GLib: plain malloc, and pointers cleared on free, so that valgrind sees what the library does.
G_SLICE=always-malloc
G_DEBUG=gc-friendly
export G_SLICE G_DEBUG
# Messages in a fixed language; the evaluation date comes from the dossiers.
LC_ALL=C
export LC_ALL

# Runs valgrind on the real binary behind libtool's wrapper script, so that valgrind does not trace the shell.
run_valgrind ()
{
  if [ -x "$top_builddir/libtool" ]; then
    "$top_builddir/libtool" --mode=execute "$VALGRIND" "$@"
  else
    "$VALGRIND" "$@"
  fi
}

caseload="$top_srcdir/examples/caseload.jsonl"
facts_dir="$top_srcdir/examples/facts"

# A stream with bad lines among good ones: malformed JSON, a wrong type, an unknown key, an impossible date, a
# blank line, a line cut short at the end. The tool reports them and exits 1.
{
  head -n 3 "$caseload"
  echo '{"format":"activering.facts/1","id":"bad-1","vdab":{"registred":true}}'
  echo '{"format":"activering.facts/1","id":"bad-2","person":{"birth_date":"2025-02-30"}}'
  echo '{"format":"activering.facts/1","id":"bad-3","barriers":"housing"}'
  echo '{"format":"activering.facts/1","id":"bad-4",'
  echo 'not json at all'
  echo ''
  echo '{"format":"activering.facts/2","id":"bad-5"}'
  echo '{"format":"activering.facts/1","measures":[{"measure":"art60","start":"2026-01-01","end":"2025-01-01"}]}'
  tail -n 2 "$caseload"
  printf '{"format":"activering.facts/1","id":"cut'
} > "$work/bad-lines.jsonl"

failures=0
runs=0

# check NAME EXPECTED_STATUS -- ARGUMENTS…: runs the tool under valgrind. Valgrind errors make it exit 99, a
# status the tool itself never uses, so a tool that rightly exits 1 is told apart from a memory error.
check ()
{
  name=$1
  expected=$2
  shift 3
  runs=$((runs + 1))
  log="$work/valgrind-$runs.log"
  run_valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --track-origins=yes --log-file="$log" \
    "$ACTIVERING" "$@" > "$work/stdout-$runs" 2> "$work/stderr-$runs"
  status=$?
  if [ $status -eq 99 ]; then
    echo "FAIL: $name: valgrind reports errors"
    cat "$log"
    failures=$((failures + 1))
  elif [ $status -ne "$expected" ]; then
    echo "FAIL: $name: exit status $status, expected $expected"
    head -n 20 "$work/stderr-$runs"
    cat "$log"
    failures=$((failures + 1))
  elif [ -s "$log" ] && grep -q -E 'Invalid|uninitialised|definitely lost' "$log"; then
    echo "FAIL: $name: valgrind reports errors"
    cat "$log"
    failures=$((failures + 1))
  else
    echo "PASS: $name"
  fi
}

check "eligibility --jsonl (JSON lines)" 0 -- eligibility --jsonl "$caseload"
check "eligibility --jsonl --human" 0 -- eligibility --jsonl --human "$caseload"
check "eligibility --jsonl --compact" 0 -- eligibility --jsonl --compact "$caseload"
check "eligibility one document --lang fr" 0 -- eligibility "$facts_dir/facts-twe-eligible.json" --lang fr
check "eligibility one document with unknowns --lang en" 0 -- eligibility --lang en "$facts_dir/facts-unknowns.json"
check "eligibility --jsonl with bad lines (exit 1)" 1 -- eligibility --jsonl "$work/bad-lines.jsonl"
check "eligibility --jsonl --human with bad lines (exit 1)" 1 -- eligibility --jsonl --human "$work/bad-lines.jsonl"
check "eligibility of a bad document (exit 1)" 1 -- eligibility "$work/bad-lines.jsonl"
check "eligibility --human of a bad document (exit 1)" 1 -- eligibility --human "$work/bad-lines.jsonl"
check "rules list" 0 -- rules list
check "rules show ibo" 0 -- rules show ibo
check "rules show (summary) --rules FILE" 0 -- rules --rules "$top_srcdir/data/rules/be-vlaanderen.json" --lang en show
check "rules show-model ocmw7 --dot" 0 -- rules show-model ocmw7 --dot --lang fr
trajectories=$top_srcdir/examples/trajectories
check "trajectory one document" 0 -- trajectory --as-of 2026-11-22 "$trajectories/dossier-0042.json"
check "trajectory --dot after a handover" 0 -- trajectory --dot --as-of 2025-11-30 "$trajectories/dossier-0107-outreach.json"
check "trajectory --facts" 0 -- trajectory --facts "$facts_dir/facts-twe-eligible.json" --as-of 2026-11-22 "$trajectories/dossier-0042.json"
check "trajectory of a bad document (exit 1)" 1 -- trajectory "$work/bad-lines.jsonl"
organisations=$top_srcdir/examples/organisations
check "roles with a trajectory" 0 -- roles --organisation "$organisations/ocmw-voorbeeld.json" \
  --trajectory "$trajectories/dossier-0042.json" "$facts_dir/facts-0042-roles.json"
check "roles --all --human, external service" 0 -- roles --all --human --lang en \
  --organisation "$organisations/ocmw-extern.json" "$facts_dir/facts-unknowns.json"
check "roles --jsonl with bad lines (exit 1)" 1 -- roles --jsonl --organisation "$organisations/ocmw-voorbeeld.json" \
  "$work/bad-lines.jsonl"

# A short session of the service (when built with libsoup-3.0): every endpoint, errors, a stream with bad lines,
# connections the client closes, then SIGTERM. Valgrind's errors, and definite leaks at the end, fail it.
if "$ACTIVERING" serve --help > /dev/null 2>&1 && command -v curl > /dev/null 2>&1; then
  runs=$((runs + 1))
  log="$work/valgrind-serve.log"
  # exec all the way down (libtool's execute mode execs too), so that $! is the service and SIGTERM reaches it
  (
    set -- --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
      --track-origins=yes --suppressions="$top_srcdir/tests/valgrind-libsoup.supp" --log-file="$log" \
      "$ACTIVERING" serve --listen 127.0.0.1:0 --threads 2
    if [ -x "$top_builddir/libtool" ]; then
      exec "$top_builddir/libtool" --mode=execute "$VALGRIND" "$@"
    fi
    exec "$VALGRIND" "$@"
  ) > /dev/null 2> "$work/serve.err" &
  pid=$!
  port=
  for _ in $(seq 600); do
    port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")
    [ -n "$port" ] && break
    sleep 0.2
  done
  url=http://127.0.0.1:$port
  post () { curl -s -o /dev/null -w '%{http_code} ' -H "Content-Type: $1" --data-binary "@$2" "$url$3"; }
  codes=
  if [ -n "$port" ]; then
    codes="$codes$(post application/json "$facts_dir/facts-twe-eligible.json" '/v1/eligibility?lang=fr')"
    codes="$codes$(post application/json "$facts_dir/facts-twe-eligible.json" '/v1/eligibility?compact=true')"
    codes="$codes$(post application/x-ndjson "$work/bad-lines.jsonl" '/v1/eligibility')"
    codes="$codes$(post application/json "$work/bad-lines.jsonl" '/v1/eligibility')"
    codes="$codes$(post application/json "$trajectories/dossier-0042.json" '/v1/trajectory/report')"
    printf '[' > "$work/roles.json"
    cat "$organisations/ocmw-voorbeeld.json" >> "$work/roles.json"
    printf ',' >> "$work/roles.json"
    cat "$facts_dir/facts-0042-roles.json" >> "$work/roles.json"
    printf ']' >> "$work/roles.json"
    codes="$codes$(post application/json "$work/roles.json" '/v1/roles')"
    for path in /v1/rules /v1/rules/ibo /v1/rules/nothing /v1/schemas/activering.facts%2F1 /v1/openapi.json /healthz \
      /metrics /nowhere; do
      codes="$codes$(curl -s -o /dev/null -w '%{http_code} ' "$url$path")"
    done
    codes="$codes$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$url/v1/rules")"
  fi
  kill -TERM "$pid" 2> /dev/null
  wait "$pid"
  status=$?
  expected="200 200 200 400 200 200 200 200 404 200 200 200 200 404 405"
  if [ -z "$port" ]; then
    echo "FAIL: serve session: the service did not start under valgrind"
    cat "$work/serve.err" "$log"
    failures=$((failures + 1))
  elif [ "$codes" != "$expected" ]; then
    echo "FAIL: serve session: statuses \"$codes\", expected \"$expected\""
    failures=$((failures + 1))
  elif [ $status -ne 0 ] || { [ -s "$log" ] && grep -q -E 'Invalid|uninitialised|definitely lost' "$log"; }; then
    echo "FAIL: serve session: exit status $status, or valgrind reports errors"
    cat "$log"
    failures=$((failures + 1))
  else
    echo "PASS: serve session (16 requests, SIGTERM)"
  fi
fi

echo "$runs runs under valgrind, $failures failed"
[ $failures -eq 0 ]
