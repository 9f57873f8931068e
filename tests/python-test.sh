#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# python-test.sh: builds the Python package against the library just built in the tree, and runs its pytest
# suites (bindings/python/tests: with the JSON Schemas' validation and agreement test), the analyst walk-through and
# the Dask recipe.
#
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, PYTHON (the interpreter configure found),
# ACTIVERING_SANITIZED (yes under --enable-sanitizers: the extension cannot load an ASan library into Python, so
# the suite is skipped there and runs in the plain build). Skips (exit 77) with the reason when the interpreter
# lacks what the package needs.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
PYTHON=${PYTHON:-/usr/bin/python3}
top_srcdir=$(cd "$top_srcdir" && pwd)
top_builddir=$(cd "$top_builddir" && pwd)

if [ "${ACTIVERING_SANITIZED:-no}" = yes ]; then
  echo "SKIP: a sanitizer build (the Python suite runs in the plain build)"
  exit 77
fi
missing=$("$PYTHON" -c '
import importlib
need = ["cffi", "pytest", "numpy", "pandas", "hypothesis", "matplotlib", "dask", "distributed", "jsonschema"]
print(" ".join(m for m in need if importlib.util.find_spec(m) is None))' 2>/dev/null) || missing="(no interpreter)"
if [ -n "$missing" ]; then
  echo "SKIP: $PYTHON lacks: $missing (scripts/debian-setup.sh installs them)"
  exit 77
fi

work=$top_builddir/bindings/python/build
sh "$top_srcdir/bindings/python/build-in-tree.sh" "$top_srcdir" "$top_builddir" "$PYTHON" || { echo "FAIL: the extension does not build"; exit 1; }

export PYTHONPATH="$work" ACTIVERING_SRCDIR="$top_srcdir" MPLBACKEND=Agg
export PYTHONDONTWRITEBYTECODE=1 HYPOTHESIS_STORAGE_DIRECTORY="$work/.hypothesis"
cd "$work" && "$PYTHON" -m pytest -q -p no:cacheprovider "$top_srcdir/bindings/python/tests" || exit 1

# `pip install ./bindings/python` works offline, without build isolation (as the README says).
if "$PYTHON" -m pip --version > /dev/null 2>&1; then
  # The library is not installed here: point the build at the tree, as ACTIVERING_CFLAGS/LIBS allow.
  ACTIVERING_CFLAGS="-I$top_srcdir/include -I$top_builddir/include $(pkg-config --cflags glib-2.0)"
  ACTIVERING_LIBS="-L$top_builddir/lib/.libs -lactivering-1.0 $(pkg-config --libs glib-2.0)"
  export ACTIVERING_CFLAGS ACTIVERING_LIBS
  rm -rf "$work/pip" "$work/pip-source"
  cp -R "$top_srcdir/bindings/python" "$work/pip-source" 2>/dev/null || exit 99
  chmod -R u+w "$work/pip-source"
  if ! "$PYTHON" -m pip install --quiet --no-index --no-deps --no-build-isolation --target "$work/pip" \
      "$work/pip-source" > "$work/pip.log" 2>&1; then
    cat "$work/pip.log"
    echo "FAIL: pip install ./bindings/python"
    exit 1
  fi
  (cd / && PYTHONPATH="$work/pip" "$PYTHON" -c 'import activering; assert activering.RuleSet().id == "be-vlaanderen"') \
    || { echo "FAIL: the pip-installed package does not work"; exit 1; }
  echo "pip install ./bindings/python: ok"
else
  echo "pip is not installed: the pip install check is skipped"
fi
