#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# junit-test.sh: `activering test` output that CI tools accept. The JUnit XML validates against the strict Ant
# schema (tests/JUnit.xsd, from windyroad/JUnit-Schema) and Jenkins' xunit schema (tests/junit-10.xsd, from
# jenkinsci/xunit-plugin) with xmllint; the TAP is read by prove, which must count what activering counts.
#
# Uses $ACTIVERING and $top_srcdir, exported by 'make check'. Needs xmllint (Debian libxml2-utils) and prove
# (Debian perl); without them it fails, since scripts/debian-setup.sh installs both.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}

for tool in xmllint prove; do
  command -v "$tool" >/dev/null 2>&1 || { echo "junit-test: $tool is missing (scripts/debian-setup.sh)" >&2; exit 1; }
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/junit-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

fail () {
  echo "FAIL: $*"
  exit 1
}

# Passing cases, failing ones whose names hold what TAP and XML must escape, and a file that does not load.
cat >"$TMP/mine.json" <<'JSON'
{"format": "activering.cases/1", "cases": [
  {"name": "holds", "as_of": "2026-11-22", "facts": {"region": "vlaanderen"},
   "expect": {"outcomes": {"art60": "undetermined"}}},
  {"name": "twe: # TODO is not a directive, nor is \\ # SKIP", "as_of": "2026-11-22",
   "facts": {"region": "vlaanderen", "income": {"status": "none"}},
   "expect": {"outcomes": {"art60": "eligible"}}},
  {"name": "<two> & \"mismatches\"", "as_of": "2026-11-22",
   "facts": {"region": "vlaanderen", "income": {"status": "none"}},
   "expect": {"outcomes": {"art60": "eligible", "ibo": "eligible"}}}]}
JSON
printf '{"format": "activering.cases/1", "cases": [{"name": "x", "as_of": "2026-11-22", "facts": {}, "expect": {"outcomes": {"twe": "eligible"}}}]}' >"$TMP/bad.json"

"$ACTIVERING" test --tap --junit "$TMP/junit.xml" "$TMP/mine.json" "$TMP/bad.json" \
  "$top_srcdir/tests/cases/ibo.json" >"$TMP/tap" 2>"$TMP/err"
status=$?
[ "$status" -eq 1 ] || fail "expected exit status 1, got $status"

for schema in JUnit.xsd junit-10.xsd; do
  xmllint --noout --schema "$top_srcdir/tests/$schema" "$TMP/junit.xml" 2>"$TMP/xmllint" \
    || { cat "$TMP/xmllint"; fail "the JUnit XML does not validate against $schema"; }
done

/usr/bin/python3 - "$TMP/junit.xml" <<'PYTHON' || fail "the JUnit XML does not say what it should"
import re, sys
import xml.etree.ElementTree as ET
suites = ET.parse(sys.argv[1]).getroot().findall("testsuite")
assert [s.get("id") for s in suites] == ["0", "1", "2"]
for s in suites:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", s.get("timestamp")), s.get("timestamp")
    assert s.get("hostname") and s.get("package") == "activering"
    assert re.fullmatch(r"\d+\.\d{3}", s.get("time")), s.get("time")
    assert all(re.fullmatch(r"\d+\.\d{3}", c.get("time")) for c in s.findall("testcase"))
properties = {p.get("name"): p.get("value") for p in suites[0].find("properties")}
assert set(properties) == {"rules.id", "rules.version", "rules.digest"}, properties
assert len(suites[1].find("properties")) == 0  # the bad file ran against no rule set
cases = suites[0].findall("testcase")
failure = cases[1].find("failure")
assert failure.get("type") == "mismatch"
assert failure.get("message") == "outcome of art60: expected eligible, got not_eligible", failure.get("message")
assert cases[2].find("failure").get("message") == (
    "outcome of art60: expected eligible, got not_eligible; outcome of ibo: expected eligible, got undetermined")
assert cases[2].get("name") == '<two> & "mismatches"'
error = suites[1].find("testcase/error")
assert error.get("type") == "invalid_case_file" and 'unknown measure' in error.get("message"), error.attrib
PYTHON

# TAP 13: "#" and "\" in descriptions are escaped, so prove finds as many failures as activering reports.
grep -q '^not ok 2 - .*mine.json: twe: \\# TODO is not a directive, nor is \\\\ \\# SKIP$' "$TMP/tap" \
  || fail "the TAP description is not escaped: $(sed -n 4p "$TMP/tap")"
reported=$(grep -c '^not ok' "$TMP/tap")
[ "$reported" -eq 3 ] || fail "expected 3 failed tests in the TAP, got $reported"
total=$(sed -n 's/^1\.\.//p' "$TMP/tap")
prove -e cat "$TMP/tap" >"$TMP/prove" 2>&1
grep -q "(Wstat: 0 Tests: $total Failed: $reported)" "$TMP/prove" || { cat "$TMP/prove"; fail "prove counts differently"; }
grep -q 'TODO passed\|Parse errors' "$TMP/prove" && { cat "$TMP/prove"; fail "prove reads a directive or a parse error"; }
echo "PASS: the JUnit XML validates against both schemas, and prove counts $reported of $total failed, as activering does"
