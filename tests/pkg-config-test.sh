#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# pkg-config-test.sh: what activering-1.0.pc hands a consumer, tried as a consumer would.
#
# 1. --cflags and --libs name the library and GLib (its headers include <glib.h>): no gio, no libmount or blkid
#    paths; GObject (the boxed types for bindings), json-c and libm are private, linked for --static only. The
#    libtool archive lists no gio.
# 2. --static --libs links a program against the static library alone (no libactivering .so in sight), and it
#    runs.
#
# The .pc file and the library are the ones just built, laid out in a scratch prefix as `make install` would.
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, CC, SANITIZER_CFLAGS.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${PKG_CONFIG:=pkg-config}"

pc="$top_builddir/activering-1.0.pc"
archive="$top_builddir/lib/.libs/libactivering-1.0.a"
if [ ! -f "$pc" ]; then
  echo "FAIL: $pc was not generated (run configure)" >&2
  exit 99
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/activering-pkg-config.XXXXXX") || exit 99
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

# The scratch prefix: headers where Cflags points, the .pc file, and the static library only.
mkdir -p "$work/include/activering-1.0/activering" "$work/lib/pkgconfig"
cp "$top_srcdir"/include/activering/*.h "$top_builddir/include/activering/activering-version.h" \
  "$work/include/activering-1.0/activering/"
sed -e "s|^libdir=.*|libdir=$work/lib|" -e "s|^includedir=.*|includedir=$work/include|" "$pc" \
  > "$work/lib/pkgconfig/activering-1.0.pc"
PKG_CONFIG_PATH="$work/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
consumer () { $PKG_CONFIG "$@" activering-1.0; }

# ---- 1. only what a consumer needs ----

cflags=$(consumer --cflags) || fail "pkg-config --cflags activering-1.0 fails"
libs=$(consumer --libs) || fail "pkg-config --libs activering-1.0 fails"
# (pkg-config adds the private packages' include paths to --cflags by design: json-c's may show there.)
for unwanted in gio gobject mount blkid; do
  case "$cflags $libs" in
    *"$unwanted"*) fail "pkg-config hands consumers \"$unwanted\": --cflags: $cflags --libs: $libs" ;;
    *) pass ;;
  esac
done
case "$libs" in
  *json-c* | *-lm*) fail "--libs links consumers with a private dependency: $libs" ;;
  *) pass ;;
esac
case "$cflags" in
  *"-I$work/include/activering-1.0"*) pass ;;
  *) fail "--cflags lacks -I\${includedir}/activering-1.0: $cflags" ;;
esac
requires_private=$(consumer --print-requires-private | tr -d ' \n')
if [ "$requires_private" = gobject-2.0json-c ]; then
  pass
else
  fail "Requires.private should be gobject-2.0 and json-c, is: $requires_private"
fi
la="$top_builddir/lib/libactivering-1.0.la"
if grep -E '^dependency_libs=.*gio' "$la" > /dev/null; then
  fail "$la still lists gio: $(grep '^dependency_libs=' "$la")"
else
  pass
fi

# ---- 2. a static link ----

if [ ! -f "$archive" ]; then
  echo "SKIP (static link): $archive not built (configure --disable-static)"
else
  cp "$archive" "$work/lib/"
  cat > "$work/program.c" << 'EOF'
#include <stdio.h>
#include <activering/activering.h>

int
main (void)
{
  GError *error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  g_autoptr (ActiveringFacts) facts = NULL;
  if (rules != NULL)
    facts = activering_facts_new_from_data (rules, "{\"format\":\"activering.facts/1\",\"id\":\"static-1\"}", -1,
                                            &error);
  if (facts == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("static: libactivering %s, %u measures\n", activering_get_version (),
          activering_rule_set_get_n_measures (rules));
  return 0;
}
EOF
  static_libs=$(consumer --static --libs)
  # shellcheck disable=SC2086 # flag lists
  if ! $CC -std=c99 $SANITIZER_CFLAGS $cflags "$work/program.c" -o "$work/program" $static_libs \
      > "$work/program.log" 2>&1; then
    fail "a program does not link with pkg-config --static --libs ($static_libs):"
    cat "$work/program.log"
  elif readelf -d "$work/program" 2> /dev/null | grep -q 'NEEDED.*libactivering'; then
    fail "the static link still needs the shared libactivering"
  elif "$work/program"; then
    pass
  else
    fail "the statically linked program failed"
  fi
fi

echo "$checks pkg-config checks, $failures failed"
[ $failures -eq 0 ]
