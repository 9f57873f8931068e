#!/bin/sh
# cli-robust-test.sh: the `activering` tool under real-world inputs and faults: generated rule sets that are deep
# or large, byte-order marks and blank lines, full disks and closed pipes.
#
# Uses $ACTIVERING and $top_srcdir, exported by 'make check'. Each check is a function run in a subshell; it fails
# by calling `fail`. Exit status 0 if all checks pass, 1 otherwise.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
ACTIVERING=${ACTIVERING:-${top_builddir:-.}/tools/activering}
EXAMPLES=$top_srcdir/examples
RULES=$top_srcdir/data/rules/be-vlaanderen.json

if [ ! -x "$ACTIVERING" ]; then
  echo "cli-robust-test: $ACTIVERING is not an executable" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli-robust-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

# ---- helpers --------------------------------------------------------------------------------------------

fail () {
  echo "  $*"
  if [ -s "$TMP/err" ]; then
    echo "  --- stderr:"
    head -n 20 "$TMP/err" | sed 's/^/  | /'
  fi
  exit 1
}

# run ARGS…: runs the tool; stdout in $TMP/out, stderr in $TMP/err, exit status in $status.
run () {
  "$ACTIVERING" "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
}

expect_status () {
  [ "$status" -eq "$1" ] || fail "expected exit status $1, got $status"
}

stderr_has () {
  grep -F -q -e "$1" "$TMP/err" || fail "standard error lacks \"$1\""
}

stdout_has () {
  grep -F -q -e "$1" "$TMP/out" || fail "standard output lacks \"$1\""
}

stderr_lacks () {
  ! grep -F -q -e "$1" "$TMP/err" || fail "standard error holds \"$1\""
}

# rule_set N_MEASURES N_FACTS CONDITION: a generated one-language rule set; each measure's condition is CONDITION
# with @F@ replaced by a fact name (f0, f1, …, cycling through the facts).
rule_set () {
  awk -v measures="$1" -v facts="$2" -v condition="$3" 'BEGIN {
    printf "{\"format\": \"activering.rules/1\", \"id\": \"generated\", \"version\": \"1.0.0\", \"languages\": [\"en\"],\n"
    printf " \"title\": {\"en\": \"Generated\"}, \"roles\": {\"ocmw\": {\"label\": {\"en\": \"OCMW\"}}},\n \"facts\": {"
    for (i = 0; i < facts; i++)
      printf "%s\n  \"f%d\": {\"type\": \"bool\", \"label\": {\"en\": \"F\"}, \"supplied_by\": \"ocmw\"}", i ? "," : "", i
    printf "},\n \"parameters\": {},\n \"measures\": ["
    for (i = 0; i < measures; i++) {
      c = condition
      gsub(/@F@/, "f" (i % facts), c)
      printf "%s\n  {\"code\": \"m%d\", \"label\": {\"en\": \"M\"}, \"legal_basis\": \"art. 1\", \"decided_by\": \"ocmw\",", i ? "," : "", i
      printf " \"exists\": {}, \"conditions\": [{\"id\": \"c\", \"when\": %s,", c
      printf " \"text\": {\"true\": {\"en\": \"y\"}, \"false\": {\"en\": \"n\"}, \"unknown\": {\"en\": \"?\"}},"
      printf " \"legal_basis\": \"art. 1\", \"confidence\": \"H\"}]}"
    }
    printf "]}\n"
  }'
}

# nested N OPEN CLOSE INNER: INNER wrapped N times in OPEN … CLOSE.
nested () {
  awk -v n="$1" -v open="$2" -v close="$3" -v inner="$4" 'BEGIN {
    for (i = 0; i < n; i++) printf "%s", open
    printf "%s", inner
    for (i = 0; i < n; i++) printf "%s", close
  }'
}

# ---- rules lint on generated rule sets ------------------------------------------------------------------

# Loading and linting are linear: 50,000 facts and 10,000 measures fit in 1.5 GB of address space. When making a
# facts schema and listing each condition's facts were quadratic, this needed tens of gigabytes. (Sanitizers
# reserve terabytes of address space, so the limit only applies to a plain build.)
test_rules_lint_is_linear_on_large_rule_sets () {
  rule_set 10000 50000 '{"==": [{"fact": "@F@"}, true]}' >"$TMP/large.json"
  if [ "${ACTIVERING_SANITIZED:-no}" = yes ]; then
    run rules lint "$TMP/large.json"
  else
    (ulimit -v 1500000 && exec "$ACTIVERING" rules lint "$TMP/large.json") >"$TMP/out" 2>"$TMP/err"
    status=$?
  fi
  expect_status 0
  stdout_has '"warnings": 40000'
}

# ---- driver ---------------------------------------------------------------------------------------------

passed=0
failed=0
for t in \
  test_rules_lint_is_linear_on_large_rule_sets; do
  rm -f "$TMP/out" "$TMP/err"
  if (set +e; $t) >"$TMP/log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS: $t"
  else
    failed=$((failed + 1))
    echo "FAIL: $t"
    cat "$TMP/log"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
