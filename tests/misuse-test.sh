#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# misuse-test.sh: the API misuse probe. Every function declared in include/activering/ is called with NULL for each
# pointer and handle, then (where a handle can be made from the default rule set alone) with a real handle and
# out-of-range indexes, unknown codes and bad enum values. Programmer errors must end in a GLib critical or a
# "nothing" answer, never a crash. The calls are generated from the headers each run, so a new function is probed
# without editing this file.
#
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, CC, GLIB_CFLAGS, ACTIVERING_SANITIZED.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
if [ "${ACTIVERING_SANITIZED:-no}" = yes ]; then
  echo "SKIP: the probe links the plain library; the sanitizer builds run the Check suites instead"
  exit 77
fi
library="$top_builddir/lib/.libs/libactivering-1.0.so"
[ -f "$library" ] || { echo "misuse-test: $library is missing" >&2; exit 99; }
[ -n "$GLIB_CFLAGS" ] || GLIB_CFLAGS=$(pkg-config --cflags glib-2.0)
GLIB_LIBS=$(pkg-config --libs glib-2.0)
work=$(mktemp -d "${TMPDIR:-/tmp}/activering-misuse.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$top_srcdir/include/activering" "$work/probe.c" <<'PYTHON' || exit 99
import glob, re, sys

headers, out = sys.argv[1], sys.argv[2]
prototypes = []
for header in sorted(glob.glob(headers + "/*.h")):
    text = open(header, encoding="utf-8").read()
    for match in re.finditer(r"ACTIVERING_AVAILABLE_IN_\w+\s*\n([^;{#]*?\([^;{#]*?\);)", text):
        prototypes.append(" ".join(match.group(1).split()))

# Handles the probe can make from the default rule set alone, for the out-of-range round.
makers = {
    "ActiveringRuleSet": "rules",
    "ActiveringFacts": "activering_facts_new (rules)",
    "ActiveringEvaluation": "activering_evaluation_new (rules)",
    "ActiveringTrajectoryReport": "activering_trajectory_report_new (rules)",
    "ActiveringRoleAssignment": "activering_role_assignment_new (rules)",
    "ActiveringCaseCoverage": "activering_case_coverage_new (rules)",
    "ActiveringTrajectory": "activering_trajectory_new (rules, \"probe\", \"ocmw7\", NULL)",
    "ActiveringCaseload": "activering_caseload_new (rules, NULL, ACTIVERING_CASELOAD_BY_QUARTER, NULL)",
}

def parse(prototype):
    head, params = prototype[:-2].split("(", 1)
    name = head.split()[-1].lstrip("*")
    returns = head[: head.rfind(name)].strip()
    params = [p.strip() for p in params.split(",")] if params.strip() != "void" else []
    return name, returns, params

def argument(param, real):
    """The value for @param: NULL for any pointer in the NULL round; in the real round, valid buffers and bad
    values that only the checks stop."""
    kind = re.sub(r"\b\w+$", "", param).strip() if not param.endswith("*") else param
    if "*" in kind:
        if not real:
            return "NULL"
        base = kind.replace("const", "").replace("*", "").strip()
        if kind.count("*") == 2:
            return "&sink" if "char" in base else "NULL"
        if base == "GString":
            return "buffer"
        if base == "GDate":
            return "&date"
        if base == "GError":
            return "NULL"
        if base == "char":
            return "\"no-such\""
        if base in ("guint", "unsigned int"):
            return "&number"
        return "NULL"
    if kind in ("guint", "gsize", "unsigned int"):
        return "G_MAXUINT"
    if kind in ("int", "gint", "gssize"):
        return "-1"
    if kind in ("gboolean",):
        return "TRUE"
    if kind in ("double", "gdouble"):
        return "0.0"
    return "(%s) 9999" % kind  # an enum or flags value out of its range

calls_null, calls_real = [], []
for prototype in prototypes:
    name, returns, params = parse(prototype)
    if not params:
        continue
    null_args = [argument(p, False) for p in params]
    discard = "" if returns == "void" else "(void) "
    owned = returns.startswith("char *") or returns == "char*"
    call = "%s (%s)" % (name, ", ".join(null_args))
    first = re.sub(r"\b\w+$", "", params[0]).replace("const", "").replace("*", "").strip()
    # a NULL handle must be reported (free and unref accept NULL, as g_free does)
    must_warn = first.startswith("Activering") and "*" in params[0] and not re.search(r"_(free|unref)$", name)
    calls_null.append((name, must_warn, ("g_free (%s);" if owned else discard + "%s;") % call))
    if first in makers and not re.search(r"_(free|unref|ref)$", name) and not name.endswith("_new"):
        real_args = ["handle_" + first] + [argument(p, True) for p in params[1:]]
        # a gsize after a text is its length, which no function can check: the text's own (an options structure
        # left NULL then gives nothing else for the call to refuse first)
        for i in range(1, len(params)):
            if re.match(r"gsize\b", params[i]) and re.match(r"const char \*", params[i - 1]):
                real_args[i] = "strlen (%s)" % real_args[i - 1]
        call = "%s (%s)" % (name, ", ".join(real_args))
        calls_real.append((name, first, ("g_free (%s);" if owned else discard + "%s;") % call))

with open(out, "w", encoding="utf-8") as f:
    f.write('#include <activering/activering.h>\n#include <stdio.h>\n#include <string.h>\n\n')
    f.write('static unsigned criticals;\n')
    f.write('static void\ncount (const char *domain, GLogLevelFlags level, const char *message, gpointer data)\n'
            '{\n  (void) domain; (void) level; (void) message; (void) data;\n  criticals++;\n}\n\n')
    f.write('int\nmain (void)\n{\n')
    f.write('  g_log_set_handler ("activering", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING, count, NULL);\n')
    f.write('  ActiveringRuleSet *rules = activering_rule_set_new_default (NULL);\n')
    f.write('  if (rules == NULL) return 2;\n')
    f.write('  const char *sink = NULL; guint number = 0; GDate date; g_date_clear (&date, 1);\n')
    f.write('  GString *buffer = g_string_new (NULL);\n  (void) sink; (void) number;\n')
    for kind, maker in makers.items():
        f.write('  %s *handle_%s = %s;\n' % (kind, kind, maker))
    f.write('  unsigned before;\n')
    for name, must_warn, statement in calls_null:
        f.write('  before = criticals;\n  %s\n' % statement)
        if must_warn:
            f.write('  if (criticals == before)\n    fprintf (stderr, "no critical: %s with a NULL handle\\n");\n'
                    % name)
    for name, kind, statement in calls_real:
        f.write('  %s\n' % statement)
    f.write('  printf ("%%u functions called with NULL, %%u with a handle and bad values: %%u criticals, no crash\\n", '
            '%du, %du, criticals);\n' % (len(calls_null), len(calls_real)))
    f.write('  g_string_free (buffer, TRUE);\n')
    for kind in makers:
        if kind != "ActiveringRuleSet":
            free = {"ActiveringCaseCoverage": "activering_case_coverage_free"}.get(kind)
            free = free or "activering_" + re.sub(r"(?<!^)([A-Z])", r"_\1", kind[len("Activering"):]).lower() + "_free"
            f.write('  %s (handle_%s);\n' % (free, kind))
    f.write('  activering_rule_set_unref (rules);\n  return 0;\n}\n')
PYTHON

# shellcheck disable=SC2086 # flag lists
$CC -Wall -Wno-unused-variable $GLIB_CFLAGS -I"$top_srcdir/include" -I"$top_builddir/include" "$work/probe.c" \
  -o "$work/probe" "$library" $GLIB_LIBS -Wl,-rpath,"$top_builddir/lib/.libs" 2>"$work/cc.log" \
  || { cat "$work/cc.log"; echo "FAIL: the probe does not compile"; exit 1; }
if ! "$work/probe" >"$work/out" 2>"$work/err"; then
  tail -n 20 "$work/err"
  echo "FAIL: the probe crashed or failed (status $?)"
  exit 1
fi
if [ -s "$work/err" ]; then
  cat "$work/err"
  echo "FAIL: a function took NULL without a critical"
  exit 1
fi
echo "PASS: $(cat "$work/out")"
