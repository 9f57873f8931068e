#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# headers-test.sh: the public headers and the exported symbols.
#
# 1. <activering/activering.h> compiles on its own, as C99, C11 and C++17, with -Wall -Wextra -Werror -pedantic,
#    and twice in a row; so does every header it includes, on its own (each brings what it needs).
# 2. Including one of those headers directly, without <activering/activering.h>, fails with the
#    "Only <activering/activering.h> can be included directly." error.
# 3. The shared library exports only activering_* symbols that the public headers declare, and every
#    activering_* function the public headers declare is exported.
# 4. A small C++ program links against the library just built and runs: C linkage for every declaration
#    (G_BEGIN_DECLS), g_autoptr and the error domain work from C++.
#
# Environment (set by tests/Makefile.inc): top_srcdir, top_builddir, CC, CXX, GLIB_CFLAGS, GLIB_LIBS,
# SANITIZER_CFLAGS.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${CXX:=g++}"
if [ -z "$GLIB_CFLAGS" ]; then
  GLIB_CFLAGS=$(pkg-config --cflags glib-2.0 2> /dev/null)
fi
if [ -z "$GLIB_LIBS" ]; then
  GLIB_LIBS=$(pkg-config --libs glib-2.0 2> /dev/null)
fi
# Vendors build in C++ too; build-essential (scripts/debian-setup.sh) brings g++.
if ! command -v "$CXX" > /dev/null 2>&1; then
  echo "FAIL: no C++ compiler ($CXX); scripts/debian-setup.sh installs g++ (build-essential)" >&2
  exit 99
fi

umbrella="$top_srcdir/include/activering/activering.h"
if [ ! -f "$umbrella" ]; then
  echo "FAIL: $umbrella not found" >&2
  exit 99
fi
if [ ! -f "$top_builddir/include/activering/activering-version.h" ]; then
  echo "FAIL: $top_builddir/include/activering/activering-version.h was not generated (run configure)" >&2
  exit 99
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/activering-headers.XXXXXX") || exit 99
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

# The headers activering.h includes, in its order.
headers=$(sed -n 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*<activering/\([^>]*\)>.*|\1|p' "$umbrella")
if [ -z "$headers" ]; then
  echo "FAIL: activering.h includes no <activering/…> header" >&2
  exit 99
fi

# compile STD FILE: compiles FILE to an object as C (c99, c11) or C++ (c++17); the compiler's messages go to
# FILE.log.
compile ()
{
  case $1 in
    c++*) compiler=$CXX language=c++ ;;
    *) compiler=$CC language=c ;;
  esac
  # shellcheck disable=SC2086 # GLIB_CFLAGS is a list of flags
  $compiler -x "$language" -std="$1" -Wall -Wextra -Werror -pedantic $GLIB_CFLAGS -I"$top_srcdir/include" \
    -I"$top_builddir/include" -c "$2" -o "$2.o" > "$2.log" 2>&1
}

# ---- 1. the umbrella header and each header through it ----

cat > "$work/umbrella.c" << 'EOF'
#include <activering/activering.h>

#if !ACTIVERING_CHECK_VERSION (0, 0, 0)
#error "ACTIVERING_CHECK_VERSION (0, 0, 0) is false"
#endif

int activering_headers_test (void);

int
activering_headers_test (void)
{
  g_autoptr (ActiveringRuleSet) rules = NULL;
  g_autoptr (ActiveringFacts) facts = NULL;
  g_autoptr (ActiveringEvaluation) evaluation = NULL;
  GError *error = NULL;
  ActiveringOutcome outcome = ACTIVERING_OUTCOME_ELIGIBLE;
  (void) rules;
  (void) facts;
  (void) evaluation;
  (void) error;
  return (int) outcome + (ACTIVERING_ERROR != 0) + (int) sizeof (ACTIVERING_VERSION_STRING);
}
EOF

cat > "$work/umbrella-twice.c" << 'EOF'
#include <activering/activering.h>
#include <activering/activering.h>

int activering_headers_test (void);
int activering_headers_test (void) { return ACTIVERING_MAJOR_VERSION; }
EOF

for std in c99 c11 c++17; do
  for test in umbrella umbrella-twice; do
    cp "$work/$test.c" "$work/$test-$std.c"
    if compile "$std" "$work/$test-$std.c"; then
      pass
    else
      fail "$test.c (-std=$std):"
      cat "$work/$test-$std.c.log"
    fi
  done
  for h in $headers; do
    name=$(basename "$h" .h)
    # Through the umbrella's gate, alone: the header brings everything it uses.
    src="$work/inside-$name-$std.c"
    {
      echo '#define ACTIVERING_INSIDE'
      echo "#include <activering/$h>"
      echo '#undef ACTIVERING_INSIDE'
      echo 'int activering_headers_test (void);'
      echo 'int activering_headers_test (void) { return 0; }'
    } > "$src"
    if compile "$std" "$src"; then
      pass
    else
      fail "<activering/$h> does not compile on its own (-std=$std):"
      cat "$src.log"
    fi
    # After the umbrella, again: harmless.
    src="$work/after-$name-$std.c"
    {
      echo '#include <activering/activering.h>'
      echo "#include <activering/$h>"
      echo 'int activering_headers_test (void);'
      echo 'int activering_headers_test (void) { return 0; }'
    } > "$src"
    if compile "$std" "$src"; then
      pass
    else
      fail "<activering/$h> after <activering/activering.h> (-std=$std):"
      cat "$src.log"
    fi
  done
done

# ---- 2. a header included directly fails ----

for h in $headers; do
  name=$(basename "$h" .h)
  src="$work/direct-$name.c"
  {
    echo "#include <activering/$h>"
    echo 'int activering_headers_test (void);'
    echo 'int activering_headers_test (void) { return 0; }'
  } > "$src"
  if compile c11 "$src"; then
    fail "<activering/$h> included directly compiles; it should stop with \"Only <activering/activering.h> can be included directly.\""
  elif grep -q 'Only <activering/activering.h>' "$src.log"; then
    pass
  else
    fail "<activering/$h> included directly fails, but not with the \"Only <activering/activering.h>\" error:"
    cat "$src.log"
  fi
done

# ---- 3. exported symbols ----

library="$top_builddir/lib/.libs/libactivering-1.0.so"
if [ ! -f "$library" ]; then
  echo "SKIP (symbols): $library not built (static build?)"
elif ! command -v nm > /dev/null 2>&1; then
  echo "SKIP (symbols): no nm"
else
  # What the library exports: defined dynamic symbols, without the linker's own.
  nm -D --defined-only "$library" | awk 'NF >= 3 { print $3 }' | sed 's/@.*//' |
    grep -v -E '^(_init|_fini|_edata|_end|__bss_start)$' | sort -u > "$work/exported"
  # What the headers declare: activering_* names followed by '(' in the preprocessed headers, counting only
  # the text that comes from the public headers (comments are gone, macros are not expanded in definitions).
  # shellcheck disable=SC2086
  if ! $CC -E $GLIB_CFLAGS -I"$top_srcdir/include" -I"$top_builddir/include" "$work/umbrella-twice.c" \
      > "$work/preprocessed.c" 2> "$work/preprocess.log"; then
    fail "cannot preprocess activering.h:"
    cat "$work/preprocess.log"
  fi
  awk '
    /^# [0-9]+ "/ { file = $3; next }
    file ~ /include\/activering\/activering[^"\/]*\.h"$/ { print }
  ' "$work/preprocessed.c" | grep -o -E 'activering_[a-z0-9_]+[[:space:]]*\(' |
    sed 's/[[:space:]]*($//' | sort -u > "$work/declared"
  if [ ! -s "$work/exported" ]; then
    fail "$library exports nothing"
  elif [ ! -s "$work/declared" ]; then
    fail "found no activering_* function in the public headers"
  else
    leaked=$(grep -v '^activering_' "$work/exported")
    if [ -n "$leaked" ]; then
      fail "$library exports symbols outside the activering_ namespace:" $leaked
    else
      pass
    fi
    internal=$(comm -23 "$work/exported" "$work/declared" | grep '^activering_')
    if [ -n "$internal" ]; then
      fail "$library exports activering_* symbols no public header declares (internal symbols leaked):" $internal
    else
      pass
    fi
    missing=$(comm -13 "$work/exported" "$work/declared")
    if [ -n "$missing" ]; then
      fail "declared in the public headers but not exported by $library (ACTIVERING_AVAILABLE_IN_* missing, or not implemented):" $missing
    else
      pass
    fi
    echo "symbols: $(wc -l < "$work/exported" | tr -d ' ') exported, $(wc -l < "$work/declared" | tr -d ' ') declared"
  fi
fi

# ---- 4. a C++ program links against the library and runs ----

if [ ! -f "$top_builddir/lib/.libs/libactivering-1.0.so" ]; then
  echo "SKIP (C++ program): $top_builddir/lib/.libs/libactivering-1.0.so not built"
else
  cat > "$work/program.cpp" << 'EOF'
// A vendor's first C++ program: every call below has C linkage, or the link fails.
#include <activering/activering.h>
#include <cstdio>
#include <cstring>
#include <string>

static const char facts_json[] = R"({"format": "activering.facts/1", "id": "cxx-1", "region": "vlaanderen"})";

int
main ()
{
  if (!activering_check_version (ACTIVERING_MAJOR_VERSION, ACTIVERING_MINOR_VERSION, ACTIVERING_MICRO_VERSION))
    return 10;
  if (std::string (activering_get_version ()) != ACTIVERING_VERSION_STRING)
    return 11;

  GError *error = nullptr;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
  if (rules == nullptr || activering_rule_set_get_n_measures (rules) == 0)
    return 12;

  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, facts_json, -1, &error);
  if (facts == nullptr)
    {
      std::fprintf (stderr, "facts: %s\n", error->message);
      return 13;
    }
  g_autoptr (ActiveringEvaluation) evaluation = activering_evaluation_new (rules);
  if (!activering_evaluation_run (evaluation, facts, nullptr, ACTIVERING_EVALUATE_DEFAULT, &error))
    return 14;
  g_autofree char *result = activering_evaluation_to_json (evaluation, "en", ACTIVERING_JSON_DEFAULT, &error);
  if (result == nullptr || std::strstr (result, "\"activering.result/1\"") == nullptr)
    return 15;

  // A bad document: an error in the library's domain, with its stable code name.
  g_autoptr (ActiveringFacts) bad = activering_facts_new_from_data (rules, "{", -1, &error);
  if (bad != nullptr || !g_error_matches (error, ACTIVERING_ERROR, ACTIVERING_ERROR_SYNTAX)
      || std::string (activering_error_code_to_string (error->code)) != "syntax")
    return 16;
  g_clear_error (&error);

  std::printf ("C++ program: libactivering %s, %u measures\n", activering_get_version (),
               activering_rule_set_get_n_measures (rules));
  return 0;
}
EOF
  # Linked directly against the uninstalled library, found at run time through its rpath; with the sanitizer
  # flags the library was built with, so that a sanitized build links too.
  # shellcheck disable=SC2086 # flag lists
  if ! $CXX -std=c++17 -Wall -Wextra -Werror -pedantic $SANITIZER_CFLAGS $GLIB_CFLAGS -I"$top_srcdir/include" \
      -I"$top_builddir/include" "$work/program.cpp" -o "$work/program" -L"$top_builddir/lib/.libs" \
      -Wl,-rpath,"$top_builddir/lib/.libs" -lactivering-1.0 $GLIB_LIBS > "$work/program.log" 2>&1; then
    fail "a C++ program does not build against the library:"
    cat "$work/program.log"
  else
    "$work/program"
    status=$?
    if [ $status -eq 0 ]; then
      pass
    else
      fail "the C++ program failed (exit $status; the status names the step in program.cpp)"
    fi
  fi
fi

echo "$checks header checks, $failures failed (headers: $(echo $headers | tr '\n' ' '))"
[ $failures -eq 0 ]
