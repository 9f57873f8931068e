#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# golden-test.sh: `activering eligibility` writes byte for byte the committed outputs in tests/golden/.
#
# The parser and the writers are tuned for speed (issue 14); this pins what they write: compact and full result
# lines (nl and fr), the table for people, and the error lines of a file of bad lines (unknown and escaped keys,
# bad codes and dates, measure runs, own x_ members, nesting, trailing data), each with its JSON path. The
# library's version is blanked in the full documents, so that a release does not touch the files.
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
exit $status
