#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# embed-schemas.sh FILE...: writes C source holding the schema templates (data/schemas/KIND.json, for the format
# activering.KIND/1), in the order given, so that the library describes its documents with no files at all.
set -e
echo "/* Generated from data/schemas by embed-schemas.sh: do not edit. */"
echo "#include \"config.h\""
echo "#include \"schema/schema-private.h\""
n=0
for file in "$@"; do
  echo "static const char template_$n[] = {"
  od -An -v -tx1 < "$file" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
  echo "0x00 };"
  n=$((n + 1))
done
echo "const SchemaTemplate schema_templates[] = {"
n=0
for file in "$@"; do
  kind=$(basename "$file" .json)
  size=$(wc -c < "$file" | tr -d ' ')
  echo "  { \"activering.$kind/1\", template_$n, $size },"
  n=$((n + 1))
done
echo "};"
echo "const guint schema_n_templates = $n;"
echo "const char *const schema_formats[] = {"
for file in "$@"; do
  echo "  \"activering.$(basename "$file" .json)/1\","
done
echo "  NULL };"
