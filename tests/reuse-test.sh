#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# reuse-test.sh: every file in the tree says its licence and copyright, in the REUSE layout (`reuse lint`):
# an SPDX header where a file can carry a comment, .reuse/dep5 for the rest, and the texts in LICENSES/.
#
# Skips (exit 77) without `reuse` (Debian package reuse; scripts/debian-setup.sh installs it) and outside a git
# checkout: a release tarball also holds files configure and automake generated, which are not ours to annotate.
# Environment (set by tests/Makefile.inc): top_srcdir.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"

if ! command -v reuse > /dev/null 2>&1; then
  echo "SKIP: reuse is not installed (Debian package reuse; scripts/debian-setup.sh installs it)"
  exit 77
fi
# (The top of the checkout itself: `make distcheck` unpacks the tarball inside a build directory of one.)
top=$(cd "$top_srcdir" && pwd -P) || exit 99
if [ "$(git -C "$top" rev-parse --show-toplevel 2> /dev/null)" != "$top" ]; then
  echo "SKIP: $top_srcdir is not a git checkout (a tarball also holds generated files)"
  exit 77
fi

cd "$top" || exit 99
reuse --root "$top" lint
