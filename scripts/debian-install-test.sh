#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# debian-install-test.sh: the Debian packages, installed as a vendor installs them. Builds them from the
# committed tree (scripts/debian-packages.sh, without running the test suite again), installs them with apt,
# then, against the installed files only:
#   1. compiles examples/screen-one.c with `pkg-config --cflags --libs activering-1.0` and runs it;
#   2. runs the README's Python example with Debian's python3, outside the source tree;
#   3. runs the installed `activering` on the example caseload, and reads its man page;
#   4. calls the library once through PyGObject and the installed typelib.
# Removes the packages again at the end, whatever happened.
#
# Skips (exit 0, saying why) when not root and no sudo, when the build tools are missing, or when
# ACTIVERING_SKIP_PACKAGES=yes (scripts/check.sh sets it when the check has run too long to afford the build).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
skip () { echo "debian-install-test.sh: SKIP: $*"; exit 0; }

[ "${ACTIVERING_SKIP_PACKAGES:-no}" = yes ] && skip "${ACTIVERING_SKIP_REASON:-asked to (ACTIVERING_SKIP_PACKAGES=yes)}"
command -v dpkg-buildpackage > /dev/null 2>&1 || skip "dpkg-buildpackage is missing (scripts/debian-setup.sh installs it)"
if [ "$(id -u)" = 0 ]; then
  as_root=
elif command -v sudo > /dev/null 2>&1 && sudo -n true 2> /dev/null; then
  as_root=sudo
else
  skip "installing packages needs root or sudo"
fi
if dpkg-query -W -f='${Status}' libactivering-1.0-0 2> /dev/null | grep -q "install ok installed"; then
  skip "libactivering is installed on this machine already; not replacing it"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/activering-install.XXXXXX")
packages="activering python3-activering libactivering-1.0-dev gir1.2-activering-1.0 libactivering-1.0-0"
cleanup ()
{
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $packages > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "debian-install-test.sh: building the packages"
DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" "$top/scripts/debian-packages.sh" "$work/debs" > "$work/build.log" 2>&1 \
  || { tail -n 60 "$work/build.log"; echo "debian-install-test.sh: FAIL: the packages did not build"; exit 1; }
ls "$work/debs"/*.deb

echo "debian-install-test.sh: installing them"
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$work/debs"/*.deb \
  > "$work/install.log" 2>&1 || { cat "$work/install.log"; echo "debian-install-test.sh: FAIL: apt-get install"; exit 1; }

# Nothing from the source or build tree from here on: a scratch directory, the system's paths only.
cd "$work"
unset PKG_CONFIG_PATH LD_LIBRARY_PATH PYTHONPATH GI_TYPELIB_PATH

echo "1. examples/screen-one.c against the installed library"
cp "$top/examples/screen-one.c" "$top/examples/facts/facts-twe-eligible.json" .
cc -o screen-one screen-one.c $(pkg-config --cflags --libs activering-1.0)
ldd ./screen-one | grep -Eq "=> /(usr/)?lib/.*libactivering-1.0.so.0" || { ldd ./screen-one; echo "FAIL: not the installed library"; exit 1; }
./screen-one facts-twe-eligible.json

echo "2. the README's Python example with the installed python3-activering"
mkdir -p examples/trajectories examples/facts examples/organisations
cp "$top/examples/caseload.jsonl" examples/
cp "$top/examples/trajectories/dossier-0042.json" examples/trajectories/
cp "$top/examples/facts/facts-0042-roles.json" examples/facts/
cp "$top/examples/organisations/ocmw-voorbeeld.json" examples/organisations/
sed -n '/^```python$/,/^```$/p' "$top/README.md" | sed '1d;$d' > readme-example.py
/usr/bin/python3 -c 'import activering, sys; assert activering.__file__.startswith("/usr/lib/python3"), activering.__file__'
/usr/bin/python3 readme-example.py

echo "3. the installed command-line tool"
activering eligibility --jsonl --human examples/caseload.jsonl | head -n 5
man -w activering > /dev/null

echo "4. PyGObject through the installed typelib"
/usr/bin/python3 -c '
import gi
gi.require_version("Activering", "1.0")
from gi.repository import Activering
rules = Activering.RuleSet.new_default()
print("pygobject:", rules.get_id(), rules.get_version())'

echo "debian-install-test.sh: PASS: the installed packages build and run the examples"
