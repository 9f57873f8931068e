#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# embed.sh NAME FILE [SYMBOL]: writes C source holding FILE's bytes, so the library works with no files at all, as
# SYMBOL_data, SYMBOL_size and SYMBOL_name (default SYMBOL: activering_default_rules).
set -e
name=$1
file=$2
symbol=${3:-activering_default_rules}
size=$(wc -c < "$file" | tr -d ' ')
echo "/* Generated from $name by embed.sh: do not edit. */"
echo "#include <glib.h>"
echo "extern const char ${symbol}_data[];"
echo "extern const gsize ${symbol}_size;"
echo "extern const char ${symbol}_name[];"
echo "const gsize ${symbol}_size = $size;"
echo "const char ${symbol}_name[] = \"$name\";"
echo "const char ${symbol}_data[] = {"
od -An -v -tx1 < "$file" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
echo "0x00 };"
