#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# reference-test.sh: the reference manual documents the whole public API, and the introspection data works.
#
# 1. Every function the library exports is in Activering-1.0.gir (none skipped or lost by the scanner).
# 2. `gi-docgen check` finds no undocumented symbol, parameter or return value.
# 3. The manual was generated, with a page for every exported function.
# 4. PyGObject loads the typelib and calls the library: a rule set, a facts document, an evaluation, and a boxed
#    copy that outlives the original.
# Run by make check when configure found the tools (docs/reference/Makefile.inc).
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, PYTHON.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
gir=$top_builddir/Activering-1.0.gir
library=$top_builddir/lib/.libs/libactivering-1.0.so
html=$top_builddir/docs/reference/html

for file in "$gir" "$top_builddir/Activering-1.0.typelib" "$library" "$html/index.html"; do
  [ -f "$file" ] || { echo "FAIL: $file was not built" >&2; exit 99; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/activering-reference.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
failures=0
fail () { failures=$((failures + 1)); echo "FAIL: $*"; }

# ---- 1. every exported function is in the GIR ----
nm -D --defined-only "$library" | awk '$2 == "T" { print $3 }' | grep '^activering_' | sort > "$work/exported"
# functions, methods and constructors by their C name; the boxed types' *_get_type functions by glib:get-type
sed -n -e 's/.*c:identifier="\(activering_[a-z0-9_]*\)".*/\1/p' -e 's/.*glib:get-type="\(activering_[a-z0-9_]*\)".*/\1/p' \
  "$gir" | sort -u > "$work/introspected"
comm -23 "$work/exported" "$work/introspected" > "$work/lost"
if [ -s "$work/lost" ]; then
  fail "exported but not in $gir: $(tr '\n' ' ' < "$work/lost")"
fi
# A function a binding cannot call (an annotation missing); macros with arguments never are, and are not API calls.
"${PYTHON:-/usr/bin/python3}" - "$gir" > "$work/not-introspectable" << 'EOF_PY'
import sys
import xml.etree.ElementTree as ET
core = "{http://www.gtk.org/introspection/core/1.0}"
c = "{http://www.gtk.org/introspection/c/1.0}"
for kind in ("function", "method", "constructor"):
    for element in ET.parse(sys.argv[1]).getroot().iter(core + kind):
        if element.get("introspectable") == "0":
            print(element.get(c + "identifier"))
EOF_PY
if [ -s "$work/not-introspectable" ]; then
  fail "not introspectable (an annotation is missing): $(tr '\n' ' ' < "$work/not-introspectable")"
fi

# ---- 2. nothing undocumented ----
if ! gi-docgen check "$gir" > "$work/check" 2>&1; then
  fail "gi-docgen check: $(grep -c WARNING "$work/check") undocumented or badly documented:"
  grep WARNING "$work/check" | sed 's/\x1b\[[0-9;]*m//g' | head -n 40
fi

# ---- 3. a page for every function ----
missing_pages=0
# (the boxed types' *_get_type functions are not pages of their own: a type's page is its record, check 1)
for symbol in $(grep -v '_get_type$' "$work/exported"); do
  grep -rqs --include='*.html' "$symbol" "$html" || { missing_pages=$((missing_pages + 1)); echo "no page names $symbol"; }
done
[ "$missing_pages" -eq 0 ] || fail "$missing_pages exported functions have no page in the manual"

# ---- 4. one program through PyGObject ----
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import gi' 2> /dev/null; then
  python=/usr/bin/python3
fi
if "$python" -c 'import gi' 2> /dev/null; then
  GI_TYPELIB_PATH=$top_builddir${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH} \
  LD_LIBRARY_PATH=$top_builddir/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
    "$python" - > "$work/pygobject" 2>&1 << 'EOF_PY'
import gi
gi.require_version("Activering", "1.0")
from gi.repository import Activering, GLib

rules = Activering.RuleSet.new_default()
facts = Activering.Facts.new(rules)
facts.parse('{"format": "activering.facts/1", "id": "d1", "as_of": "2026-03-01",'
            ' "income": {"status": "leefloon"}}', -1)
evaluation = Activering.Evaluation.new(rules)
evaluation.run(facts, None, Activering.EvaluateFlags.DEFAULT)
codes = [rules.get_measure_code(m) for m in range(rules.get_n_measures())]
outcomes = [Activering.outcome_to_string(evaluation.get_outcome(m)) for m in range(len(codes))]
assert set(outcomes) <= {"eligible", "not_eligible", "undetermined", "not_applicable"}, outcomes
kept = facts.get_rule_set()           # transfer none: PyGObject takes its own reference (the boxed copy)
del rules
assert kept.get_id() == "be-vlaanderen", kept.get_id()
try:
    facts.parse('{"format": "activering.facts/1", "id": "d2", "vdab": {"registered_since": "2025-13-01"}}', -1)
    raise SystemExit("a bad date was accepted")
except GLib.Error as error:
    assert error.domain == "activering-error-quark", error.domain
    assert "/vdab/registered_since" in error.message, error.message
print("pygobject:", kept.get_id(), len(codes), "measures,", Activering.get_version())
EOF_PY
  if [ $? -eq 0 ]; then
    cat "$work/pygobject"
  else
    fail "the PyGObject program:"; cat "$work/pygobject"
  fi
else
  echo "SKIP (PyGObject): python3-gi is not installed (scripts/debian-setup.sh installs it)"
fi

[ "$failures" -eq 0 ] || exit 1
echo "PASS: the manual documents all $(wc -l < "$work/exported" | tr -d ' ') exported functions; PyGObject works"
