#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# build-in-tree.sh SRCDIR BUILDDIR PYTHON: builds the Python package against the library built in BUILDDIR, into
# BUILDDIR/bindings/python/build (put that directory on PYTHONPATH). Used by tests/python-test.sh and
# bench/run-bench.sh; `pip install ./bindings/python` is the way for an installed library.
top_srcdir=$(cd "$1" && pwd) || exit 99
top_builddir=$(cd "$2" && pwd) || exit 99
PYTHON=$3
work=$top_builddir/bindings/python/build
rm -rf "$work"
mkdir -p "$work/activering" || exit 99
cp "$top_srcdir"/bindings/python/activering/*.py "$top_srcdir"/bindings/python/activering/_cells.c \
  "$top_srcdir"/bindings/python/activering/py.typed "$work/activering/" \
  || exit 99
ACTIVERING_CFLAGS="-I$top_srcdir/include -I$top_builddir/include $(pkg-config --cflags glib-2.0)"
ACTIVERING_LIBS="-L$top_builddir/lib/.libs -lactivering-1.0 $(pkg-config --libs glib-2.0)"
export ACTIVERING_CFLAGS ACTIVERING_LIBS
if ! (cd "$work" && "$PYTHON" activering/_build.py > build.log 2>&1); then
  cat "$work/build.log"
  echo "build-in-tree.sh: the extension does not build" >&2
  exit 1
fi
