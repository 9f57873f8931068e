#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# report-html-test.sh: the caseload report's page (`activering report --html`) in a real headless browser
# (Debian's chromium): it loads with no console error and fetches nothing, its four charts are in the DOM, and a
# screenshot is kept as a test artefact in tests/report-html/ under the build directory. Skipped (77) only when
# chromium is absent.
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
ACTIVERING=${ACTIVERING:-$top_builddir/tools/activering}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "SKIP: chromium is not installed (scripts/debian-setup.sh installs it)"
  exit 77
fi
ARTEFACTS=$top_builddir/tests/report-html
mkdir -p "$ARTEFACTS" || exit 1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/report-html-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

failures=0
fail () { echo "FAIL: $*"; failures=$((failures + 1)); }

# a generated caseload with every kind of figure, and the hand-made one in French
/usr/bin/python3 "$top_srcdir/bench/gen-trajectories.py" --count 3000 --events 14 --seed 5 > "$TMP/gen.jsonl" || exit 1
# the generators' dossiers share their numbers: the facts of synth-N are those of traj-N
/usr/bin/python3 "$top_srcdir/bench/gen-caseload.py" --count 3000 --seed 5 | sed 's/"id":"synth-/"id":"traj-/' \
  > "$TMP/gen-facts.jsonl" || exit 1
"$ACTIVERING" report --trajectories "$TMP/gen.jsonl" --facts "$TMP/gen-facts.jsonl" --as-of 2024-06-30 --lang en --html "$ARTEFACTS/generated-en.html" \
  > /dev/null || fail "report --html (generated)"
"$ACTIVERING" report --trajectories "$top_srcdir/tests/caseload/hand-trajectories.jsonl" \
  --facts "$top_srcdir/tests/caseload/hand-facts.jsonl" --as-of 2026-06-30 --by year --lang fr \
  --html "$ARTEFACTS/hand-fr.html" > /dev/null || fail "report --html (hand-made)"

for page in generated-en hand-fr; do
  file=$(cd "$ARTEFACTS" && pwd)/$page.html
  # the DOM as the browser built it, and its log: console messages and failed loads are logged at level 0
  timeout 120 "$CHROMIUM" --headless --disable-gpu --no-sandbox --user-data-dir="$TMP/profile" \
    --enable-logging=stderr --v=0 --dump-dom "file://$file" > "$TMP/dom.html" 2> "$TMP/log" \
    || fail "$page: chromium --dump-dom failed"
  n_svg=$(grep -o '<svg ' "$TMP/dom.html" | wc -l)
  [ "$n_svg" -eq 4 ] || fail "$page: $n_svg charts in the DOM, expected 4"
  grep -q '<table' "$TMP/dom.html" || fail "$page: no table in the DOM"
  if grep -E 'CONSOLE|Uncaught|Failed to load resource|ERR_FILE_NOT_FOUND|net::' "$TMP/log" > "$TMP/errors"; then
    fail "$page: the browser logged errors:"
    sed 's/^/  | /' "$TMP/errors" | head -n 10
  fi
  timeout 120 "$CHROMIUM" --headless --disable-gpu --no-sandbox --user-data-dir="$TMP/profile" \
    --screenshot="$ARTEFACTS/$page.png" --window-size=1200,2400 "file://$file" > /dev/null 2>&1 \
    || fail "$page: chromium --screenshot failed"
  # a PNG of some size: the page was drawn
  [ "$(head -c 4 "$ARTEFACTS/$page.png" | od -An -c | tr -d ' ')" = '211PNG' ] || fail "$page: no PNG screenshot"
  [ "$(wc -c < "$ARTEFACTS/$page.png")" -gt 50000 ] || fail "$page: the screenshot is nearly empty"
done

if [ "$failures" -gt 0 ]; then
  echo "report-html-test: $failures failure(s)"
  exit 1
fi
echo "report-html-test: pages and screenshots in $ARTEFACTS"
