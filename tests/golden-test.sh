#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# golden-test.sh: `activering eligibility`, `trajectory` and `roles` write byte for byte the committed outputs in
# tests/golden/.
#
# The parsers and the writers are tuned for speed (issue 14); this pins what they write: compact and full result
# lines (nl and fr), the table for people, and the error lines of a file of bad lines (unknown and escaped keys,
# bad codes and dates, measure runs, own x_ members, nesting, trailing data), each with its JSON path. The
# library's version is blanked in the full documents, so that a release does not touch the files.
# Trajectories: the reports of 200 generated logs of 15 events (bench/gen-trajectories.py --count 200 --events 15
# --seed 7), on a date after every event and, for some, on one in the middle and in French; with facts (the
# caseload's first dossiers, given the logs' ids); drawn as DOT; one document indented; and a file of bad logs.
# Roles: the roles documents of the 100 dossiers of caseload.jsonl in the example organisation, and for some every
# task in French, the RACI tables, the other organisation, and with their trajectories.
# `tests/golden-test.sh --update` rewrites the expected files after a deliberate change (review the diff).

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
GOLDEN=$top_srcdir/tests/golden
update=no
[ "${1:-}" = --update ] && update=yes

if [ ! -x "$ACTIVERING" ]; then
  echo "golden-test: $ACTIVERING is not an executable" >&2
  exit 1
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/golden-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

status=0
# run NAME ARGS...: stdout, then stderr with the input's directory removed, then the exit status
run () {
  name=$1
  shift
  "$ACTIVERING" "$@" > "$TMP/$name.stdout" 2> "$TMP/$name.stderr"
  echo "exit status $?" > "$TMP/$name.status"
  sed 's/"library":{"version":"[^"]*"}/"library":{"version":"-"}/' "$TMP/$name.stdout"
  sed "s|$GOLDEN/||g" "$TMP/$name.stderr"
  cat "$TMP/$name.status"
}
check () {
  name=$1
  shift
  run "$name" "$@" > "$TMP/$name.out"
  if [ "$update" = yes ]; then
    cp "$TMP/$name.out" "$GOLDEN/$name.out"
  elif ! cmp -s "$TMP/$name.out" "$GOLDEN/$name.out"; then
    echo "golden-test: $name: the output differs from tests/golden/$name.out:" >&2
    diff "$GOLDEN/$name.out" "$TMP/$name.out" | head -n 20 >&2
    status=1
  fi
}

head -n 3 "$GOLDEN/caseload.jsonl" > "$TMP/three.jsonl"
check compact eligibility --jsonl --compact "$GOLDEN/caseload.jsonl"
check human eligibility --jsonl --human "$GOLDEN/caseload.jsonl"
check full-nl eligibility --jsonl "$TMP/three.jsonl"
check full-fr eligibility --jsonl --lang fr --as-of 2027-03-01 "$TMP/three.jsonl"
check bad-compact eligibility --jsonl --compact "$GOLDEN/bad-lines.jsonl"
check bad-full eligibility --jsonl "$GOLDEN/bad-lines.jsonl"

# trajectories, and the facts and trajectories of the same dossiers under each other's ids
EXAMPLES=$top_srcdir/examples
head -n 20 "$GOLDEN/trajectories.jsonl" > "$TMP/trajectories-20.jsonl"
# (some with full unemployment rights or no GPMI signed, so that the checks on facts find something)
head -n 20 "$GOLDEN/caseload.jsonl" | sed -e 's/"id":"synth-/"id":"traj-/' \
  -e '1,10s/"full_unemployment_entitlement":false/"full_unemployment_entitlement":true/' \
  -e '6,15s/"signed_on":"[^"]*"/"signed_on":null/' > "$TMP/facts-20.jsonl"
head -n 10 "$GOLDEN/trajectories.jsonl" | sed 's/"id":"traj-/"id":"synth-/' > "$TMP/roles-trajectories.jsonl"
head -n 10 "$GOLDEN/caseload.jsonl" > "$TMP/ten.jsonl"
check trajectory-jsonl trajectory --jsonl --as-of 2029-12-31 "$GOLDEN/trajectories.jsonl"
check trajectory-mid-fr trajectory --jsonl --as-of 2024-06-30 --lang fr "$TMP/trajectories-20.jsonl"
check trajectory-facts trajectory --jsonl --as-of 2029-12-31 --facts "$TMP/facts-20.jsonl" "$TMP/trajectories-20.jsonl"
head -n 5 "$GOLDEN/trajectories.jsonl" > "$TMP/trajectories-5.jsonl"
check trajectory-dot trajectory --jsonl --dot --as-of 2029-12-31 "$TMP/trajectories-5.jsonl"
check trajectory-pretty trajectory --as-of 2029-12-31 "$EXAMPLES/trajectories/dossier-0107-outreach.json"
check trajectory-bad trajectory --jsonl --as-of 2029-12-31 "$GOLDEN/bad-trajectories.jsonl"

# roles
ORG=$EXAMPLES/organisations/ocmw-voorbeeld.json
check roles-jsonl roles --jsonl --organisation "$ORG" "$GOLDEN/caseload.jsonl"
check roles-all-fr roles --jsonl --all --lang fr --organisation "$ORG" "$TMP/three.jsonl"
check roles-human roles --jsonl --human --organisation "$ORG" "$TMP/ten.jsonl"
check roles-extern roles --jsonl --organisation "$EXAMPLES/organisations/ocmw-extern.json" "$TMP/ten.jsonl"
check roles-trajectory roles --jsonl --organisation "$ORG" --trajectory "$TMP/roles-trajectories.jsonl" "$TMP/ten.jsonl"
check roles-pretty roles --organisation "$ORG" "$EXAMPLES/facts/facts-0042-roles.json"
exit $status
