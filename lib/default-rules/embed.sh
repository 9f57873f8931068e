#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# embed.sh NAME FILE: writes C source holding FILE's bytes, so the library works with no files at all.
set -e
name=$1
file=$2
size=$(wc -c < "$file" | tr -d ' ')
echo "/* Generated from $name by embed.sh: do not edit. */"
echo "#include <glib.h>"
echo "extern const char activering_default_rules_data[];"
echo "extern const gsize activering_default_rules_size;"
echo "extern const char activering_default_rules_name[];"
echo "const gsize activering_default_rules_size = $size;"
echo "const char activering_default_rules_name[] = \"$name\";"
echo "const char activering_default_rules_data[] = {"
od -An -v -tx1 < "$file" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
echo "0x00 };"
