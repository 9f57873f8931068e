#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# man-test.sh: the man pages keep up with the tool. Every option that `activering … --help` lists appears in the
# command's man page, every command in activering(1), and each page renders without a groff warning.
#
# Environment (set by tests/Makefile.inc): top_srcdir, ACTIVERING.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
man=$top_srcdir/man

if [ ! -x "$ACTIVERING" ]; then
  echo "FAIL: $ACTIVERING is not an executable" >&2
  exit 99
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/activering-man.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

failures=0
checks=0
pass () { checks=$((checks + 1)); }
fail ()
{
  checks=$((checks + 1))
  failures=$((failures + 1))
  echo "FAIL: $*"
}

# page_text PAGE: the page's source as a reader sees the words (\- is -, font escapes gone).
page_text () { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man/$1"; }

# options COMMAND…: the long options `activering COMMAND… --help` lists (--help itself aside).
options () { "$ACTIVERING" "$@" --help | grep -o -e '--[a-z][a-z-]*' | grep -v -x -e '--help' | sort -u; }

# check PAGE COMMAND…: every option of the command's --help is in PAGE.
check ()
{
  page=$1
  shift
  if [ ! -f "$man/$page" ]; then
    fail "man/$page is missing (for activering $*)"
    return
  fi
  page_text "$page" > "$work/text"
  list=$(options "$@")
  if [ -z "$list" ]; then
    fail "activering $* --help lists no option"
    return
  fi
  for option in $list; do
    if grep -q -e "$option" "$work/text"; then
      pass
    else
      fail "man/$page lacks $option (from activering $* --help)"
    fi
  done
}

# activering(1): the tool's own options (the lines of the top-level usage that start with one).
page_text activering.1 > "$work/text"
for option in $("$ACTIVERING" --help | sed -n 's/^  \(--[a-z][a-z-]*\).*/\1/p'); do
  if grep -q -e "$option" "$work/text"; then
    pass
  else
    fail "man/activering.1 lacks $option (from activering --help)"
  fi
done
check activering-eligibility.1 eligibility
check activering-trajectory.1 trajectory
check activering-roles.1 roles
check activering-report.1 report
check activering-rules.1 rules
check activering-rules.1 rules lint
check activering-rules.1 rules diff
check activering-test.1 test
# serve exists when the tool was built with libsoup-3.0
if "$ACTIVERING" serve --help > /dev/null 2>&1; then
  check activering-serve.1 serve
fi

# Every command of the top-level usage has its page, named in activering(1).
page_text activering.1 > "$work/text"
for command in $("$ACTIVERING" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  if [ -f "$man/activering-$command.1" ] && grep -q -e "activering-$command" "$work/text"; then
    pass
  else
    fail "no man/activering-$command.1, or activering.1 does not name it"
  fi
done

# Each page renders cleanly.
if command -v groff > /dev/null 2>&1; then
  for page in "$man"/*.1; do
    warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
    if [ -z "$warnings" ]; then
      pass
    else
      fail "$(basename "$page"): $warnings"
    fi
  done
else
  echo "SKIP (rendering): no groff"
fi

echo "$checks man page checks, $failures failed"
[ $failures -eq 0 ]
