#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# debian-setup.sh: installs the Debian 12 packages libactivering needs to build, test and benchmark.
# Does nothing when they are all there; otherwise needs root, and re-runs itself through sudo when not root.
set -e
PACKAGES="build-essential autoconf automake libtool pkg-config libglib2.0-dev libjson-c-dev check
  clang libclang-rt-14-dev valgrind graphviz python3 python3-dev python3-cffi python3-pytest python3-setuptools
  python3-pandas python3-numpy python3-matplotlib python3-dask python3-distributed python3-hypothesis python3-ujson python3-pip python3-tqdm
  libxml2-utils perl"
# The licence check (tests/reuse-test.sh).
PACKAGES="$PACKAGES reuse"
# The ABI check (tests/abi-test.sh).
PACKAGES="$PACKAGES abigail-tools"
# The Debian packages (scripts/debian-packages.sh): debian/control's build dependencies, and lintian.
PACKAGES="$PACKAGES debhelper dh-python python3-all-dev chrpath lintian"
# The reference manual and the GObject Introspection data (docs/reference/), and the PyGObject test.
PACKAGES="$PACKAGES gobject-introspection libgirepository1.0-dev gir1.2-glib-2.0 gi-docgen python3-gi"
# The service (activering serve, issue 16): its HTTP server library, and the JSON Schema validator of its tests.
PACKAGES="$PACKAGES libsoup-3.0-dev curl python3-jsonschema"
# The caseload report (issue 15): statsmodels checks the Kaplan-Meier estimates, chromium renders the HTML page.
PACKAGES="$PACKAGES python3-statsmodels chromium fonts-dejavu-core"

missing=""
for package in $PACKAGES; do
  dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo "$0" "$@"
  fi
  echo "debian-setup.sh: these packages are missing:$missing" >&2
  echo "debian-setup.sh: run this script as root (or install sudo) to install them" >&2
  exit 1
fi
echo "Installing:$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
