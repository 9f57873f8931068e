#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# serve-test.sh: `activering serve` over real HTTP (tests/serve-test.py, with Python's http.client and curl): every
# endpoint and error status, the limits, the token, reloads, graceful shutdown and a 100,000-line stream in constant
# memory. The service runs on free loopback ports only.
#
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, ACTIVERING, PYTHON, ACTIVERING_SANITIZED (yes: the
# RSS bound of the long stream is not checked, AddressSanitizer's quarantine holding freed memory). Skips (exit 77) when the
# tool was built without libsoup-3.0 or when curl is missing.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${ACTIVERING:=$top_builddir/tools/activering}"
PYTHON=${PYTHON:-/usr/bin/python3}

if ! "$ACTIVERING" serve --help > /dev/null 2>&1; then
  echo "SKIP: activering was built without the service (configure found no libsoup-3.0)"
  exit 77
fi
if ! command -v curl > /dev/null 2>&1; then
  echo "SKIP: curl not found"
  exit 77
fi
export top_srcdir top_builddir ACTIVERING ACTIVERING_SANITIZED
exec "$PYTHON" "$top_srcdir/tests/serve-test.py"
