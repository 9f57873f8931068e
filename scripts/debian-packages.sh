#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# debian-packages.sh [OUTDIR]: builds the Debian packages (debian/) from the committed tree, as on a fresh
# Debian 12: libactivering-1.0-0, libactivering-1.0-dev, activering and python3-activering, then runs lintian on
# them. The .debs land in OUTDIR (default: _debian/). Needs the build dependencies of debian/control
# (scripts/debian-setup.sh installs them) and lintian. DEB_BUILD_OPTIONS=nocheck skips `make check` in the build.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$top/_debian}" && cd "${1:-$top/_debian}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/activering-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

# What is committed, nothing a build left in the tree.
mkdir "$work/libactivering"
git -C "$top" archive --format=tar HEAD | tar -x -C "$work/libactivering"
(cd "$work/libactivering" && dpkg-buildpackage -us -uc -b)
cp "$work"/*.deb "$work"/*.buildinfo "$work"/*.changes "$out/"
lintian --fail-on error "$out"/libactivering_*.changes
echo "debian-packages.sh: packages in $out"
