#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# completion-test.sh: the bash completion (completion/activering), sourced in bash and asked as bash would ask it,
# through COMP_WORDS and COMP_CWORD: commands, options, rules actions, measure and phase-model codes, document formats,
# languages.
#
# Environment (set by tests/Makefile.inc): top_srcdir, ACTIVERING.

# The completion is bash; the test harness runs sh.
if [ -z "$BASH_VERSION" ]; then
  if ! command -v bash > /dev/null 2>&1; then
    echo "SKIP: no bash"
    exit 77
  fi
  exec bash "$0" "$@"
fi

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
if [ ! -x "$ACTIVERING" ]; then
  echo "FAIL: $ACTIVERING is not an executable" >&2
  exit 99
fi
# shellcheck source=../completion/activering
. "$top_srcdir/completion/activering" || exit 99

failures=0
checks=0

# expect "EXPECTED" WORD…: completes the last WORD (the tool first) and compares the sorted candidates.
expect ()
{
  local expected=$1
  shift
  COMP_WORDS=("$ACTIVERING" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _activering
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
  checks=$((checks + 1))
  if [ "$got" != "$expected" ]; then
    failures=$((failures + 1))
    echo "FAIL: activering $*: expected \"$expected\", got \"$got\""
  fi
}

expect "eligibility" el
expect "report roles rules" r
expect "serve" se
expect "--trajectories" report --tr
expect "month" report --by m
expect "--list-ids" report --by year --li
expect "--jsonl" eligibility --js
expect "en fr nl" eligibility --lang ''
expect "--facts" trajectory --as-of 2026-11-22 --f
expect "--all --as-of" roles --a
expect "--organisation" roles --or
expect "--coverage" test --cov
expect "show show-model" rules sh
expect "ibo ibo_plus individueel_maatwerk" rules show i
expect "activeringstraject ama art60" rules --lang fr show a
expect "ocmw7 outreach6" rules show-model ''
expect "schema" rules sc
expect "activering.trajectory-report/1 activering.trajectory/1" rules schema activering.t
expect "--lang" rules lint --l
expect "--caseload" rules diff --c
expect "" rules show ibo ''
expect "--compare-rules" eligibility --compar
expect "proposals.ibo.weeks=" eligibility --set proposals.ibo.w
expect "ibo ibo_plus individueel_maatwerk" rules show --lang en i
# serve's options come from its --help, which exists when the tool was built with libsoup-3.0
if "$ACTIVERING" serve --help > /dev/null 2>&1; then
  expect "--token-file" serve --to
  expect "--max-body-bytes --max-concurrent --max-connections --max-header-bytes --max-line-bytes --max-stream-bytes" serve --max
  expect "127.0.0.1:8080" serve --listen 1
fi

# Measure codes come from the rule set --rules names: a copy with a renamed measure shows the new code.
work=$(mktemp -d "${TMPDIR:-/tmp}/activering-completion.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
sed 's/"ibo"/"ibo_renamed"/g' "$top_srcdir/data/rules/be-vlaanderen.json" > "$work/rules.json"
if "$ACTIVERING" rules --rules "$work/rules.json" list > /dev/null 2>&1; then
  expect "ibo_plus ibo_renamed individueel_maatwerk" rules --rules "$work/rules.json" show i
else
  echo "SKIP (--rules): the renamed rule set does not load"
fi

echo "$checks completion checks, $failures failed"
[ $failures -eq 0 ]
