#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# abi-test.sh: the library just built keeps the ABI stored in abi/libactivering-1.0.abi (libabigail's abidw of
# the last release), or its libtool version says it does not (a new soname). docs/api-conventions.md, "ABI".
#
# Fails on an incompatible change (a function removed, a parameter or a type changed) under the same soname;
# reports compatible ones (functions added) and passes. Skips (exit 77) without abidiff (Debian package
# abigail-tools, installed by scripts/debian-setup.sh) and in sanitizer builds, whose instrumented code is not
# what ships.
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, ACTIVERING_SANITIZED.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
baseline=$top_srcdir/abi/libactivering-1.0.abi
library=$top_builddir/lib/.libs/libactivering-1.0.so

if ! command -v abidiff > /dev/null 2>&1; then
  echo "SKIP: abidiff is not installed (Debian package abigail-tools; scripts/debian-setup.sh installs it)"
  exit 77
fi
if [ "${ACTIVERING_SANITIZED:-no}" = yes ]; then
  echo "SKIP: a sanitizer build (the ABI is checked in the plain build)"
  exit 77
fi
if [ ! -f "$library" ]; then
  echo "SKIP: $library not built (configure --disable-shared)"
  exit 77
fi
if [ ! -f "$baseline" ]; then
  echo "FAIL: $baseline is missing ('make abi-update' writes it)" >&2
  exit 99
fi

# A new soname is the libtool version saying "incompatible": then the stored ABI is the old series' and there is
# nothing to compare with until it is refreshed for the release.
stored_soname=$(sed -n "s/^<abi-corpus [^>]*soname='\([^']*\)'.*/\1/p" "$baseline")
built_soname=$(readelf -d "$library" 2> /dev/null | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
if [ -n "$built_soname" ] && [ "$stored_soname" != "$built_soname" ]; then
  echo "The soname changed ($stored_soname → $built_soname): an incompatible release, as the libtool version says."
  echo "Refresh the stored ABI for it with 'make abi-update'."
  exit 0
fi

report=$(abidiff --headers-dir2 "$top_srcdir/include/activering" --headers-dir2 "$top_builddir/include/activering" \
  "$baseline" "$library" 2>&1)
status=$?
# abidiff's status is a bit mask: 1 an error, 2 a usage error, 4 an ABI change, 8 an incompatible one.
if [ $((status & 3)) -ne 0 ]; then
  echo "FAIL: abidiff could not compare (status $status):"
  echo "$report"
  exit 99
fi
if [ $((status & 8)) -ne 0 ]; then
  echo "FAIL: an incompatible ABI change under the same soname ($built_soname):"
  echo "$report"
  echo "Either keep the ABI, or make the libtool version say so (configure.ac) and run 'make abi-update'."
  exit 1
fi
echo "$report"
if [ $((status & 4)) -ne 0 ]; then
  echo "Compatible ABI changes (see above): record them with 'make abi-update' when they are released."
fi
echo "ABI of $built_soname: compatible with abi/libactivering-1.0.abi"
