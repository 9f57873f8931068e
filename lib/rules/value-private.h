/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* value-private.h: the types of the rule language and the three-valued values of the evaluator. */
#pragma once

#include <glib.h>

typedef enum
{
  TYPE_BOOL,
  TYPE_INTEGER,
  TYPE_NUMBER,
  TYPE_DATE,
  TYPE_ENUM,      /* a symbol id of the rule set */
  TYPE_ENUM_LIST, /* a bit set over the fact's declared values */
  TYPE_RUNS,      /* a list of measure runs, only readable by the run aggregates */
  TYPE_LITERAL,   /* a string literal whose enum is not known yet (compile time only) */
  TYPE_ID,        /* an opaque id (a fact only, e.g. the partner's dossier id): expressions cannot read it */
} ValueType;

const char *value_type_name (ValueType type);

/* A value that may be unknown. Booleans, integers, dates, symbols and bit sets live in i; numbers in n. */
typedef struct
{
  union
  {
    gint64 i;
    double n;
  };
  gboolean known;
} Value;
