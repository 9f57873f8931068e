#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# docs-test.sh: the docs keep up with the default rule set: docs/contract.md lists every fact it declares, and
# docs/menu.md every measure, so a measure or fact added to the rule file without its documentation fails here.
#
# Environment (set by tests/Makefile.inc): top_srcdir, PYTHON.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${PYTHON:=/usr/bin/python3}"

exec "$PYTHON" - "$top_srcdir" <<'PY'
import json, sys
top = sys.argv[1]
rules = json.load(open(top + "/data/rules/be-vlaanderen.json", encoding="utf-8"))
contract = open(top + "/docs/contract.md", encoding="utf-8").read()
menu = open(top + "/docs/menu.md", encoding="utf-8").read()
failed = 0
for path in rules["facts"]:
    if "| `%s` |" % path not in contract:
        print("FAIL: docs/contract.md does not list the fact %s" % path)
        failed += 1
for measure in rules["measures"]:
    if "| `%s` |" % measure["code"] not in menu:
        print("FAIL: docs/menu.md does not list the measure %s" % measure["code"])
        failed += 1
print("%d facts and %d measures documented" % (len(rules["facts"]), len(rules["measures"])))
sys.exit(1 if failed else 0)
PY
