#!/bin/sh
# python-test.sh: builds the Python package against the library just built in the tree, and runs its pytest
# suites (bindings/python/tests), the analyst walk-through and the Dask recipe.
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
need = ["cffi", "pytest", "numpy", "pandas", "hypothesis", "matplotlib", "dask", "distributed"]
print(" ".join(m for m in need if importlib.util.find_spec(m) is None))' 2>/dev/null) || missing="(no interpreter)"
if [ -n "$missing" ]; then
  echo "SKIP: $PYTHON lacks: $missing (scripts/debian-setup.sh installs them)"
  exit 77
fi

work=$top_builddir/bindings/python/build
rm -rf "$work"
mkdir -p "$work/activering" || exit 99
cp "$top_srcdir"/bindings/python/activering/*.py "$top_srcdir"/bindings/python/activering/py.typed "$work/activering/" || exit 99
ACTIVERING_CFLAGS="-I$top_srcdir/include -I$top_builddir/include $(pkg-config --cflags glib-2.0)"
ACTIVERING_LIBS="-L$top_builddir/lib/.libs -lactivering-1.0 $(pkg-config --libs glib-2.0)"
export ACTIVERING_CFLAGS ACTIVERING_LIBS
(cd "$work" && "$PYTHON" activering/_build.py > build.log 2>&1) || { cat "$work/build.log"; echo "FAIL: the extension does not build"; exit 1; }

export PYTHONPATH="$work" ACTIVERING_SRCDIR="$top_srcdir" MPLBACKEND=Agg
export PYTHONDONTWRITEBYTECODE=1 HYPOTHESIS_STORAGE_DIRECTORY="$work/.hypothesis"
cd "$work" && exec "$PYTHON" -m pytest -q -p no:cacheprovider "$top_srcdir/bindings/python/tests"
