/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* program-private.h: a compiled rule set's expressions, as one flat array of nodes.
 *
 * Nodes are in dependency order: a node's operands always come before it, so one forward pass over the array
 * evaluates everything, with no recursion, hashing or allocation. Definitions and measure outcomes that are
 * used in several places are compiled once and shared.
 */
#pragma once

#include "rules/value-private.h"

typedef enum
{
  OP_CONST,
  OP_FACT,  /* imm: fact slot */
  OP_PARAM, /* imm: parameter index */
  OP_AS_OF,
  OP_ALL, /* args */
  OP_ANY, /* args */
  OP_NOT, /* a */
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,       /* a, b; compared as numbers if the operands are numbers */
  OP_IN,       /* a; args: symbols */
  OP_CONTAINS, /* a; imm: bit */
  OP_COUNT,    /* a: an enum list */
  OP_KNOWN,    /* a */
  OP_IF,       /* a ? b : c */
  OP_ADD,
  OP_SUB,
  OP_MUL, /* a, b */
  OP_MIN,
  OP_MAX,       /* args */
  OP_TO_NUMBER, /* a: integer to number */
  OP_AGE_ON,    /* a: birth, b: date */
  OP_MONTHS_BETWEEN,
  OP_DAYS_BETWEEN, /* a, b */
  OP_ADD_DAYS,     /* a: date, b: count, imm: days per unit (1 or 7) */
  OP_ADD_MONTHS,   /* a: date, b: count, imm: months per unit (1 or 12) */
  OP_COUNT_RUNS,   /* imm: runs fact slot, imm2: measure bit set, c: running_on or -1 */
  OP_LATEST_START, /* same operands */
  OP_EXISTS,       /* a: region fact node or -1; args: region symbols; imm: valid_from, imm2: valid_to;
                      constant.i: encoded_from (before it, EXISTS_NOT_ENCODED) */
  OP_OUTCOME,      /* args: exists node then conditions; Kleene and, unknown for a regime not encoded */
  OP_ABSENT,       /* imm: fact slot; true only when the key is absent (not when it is null) */
  OP_PARAM_ON,     /* imm: parameter index; a: the date to take its value on */
  /* Variants on numbers (the n of a value) that loading substitutes, so the evaluator need not ask. */
  OP_EQ_N,
  OP_NE_N,
  OP_LT_N,
  OP_LE_N,
  OP_GT_N,
  OP_GE_N,
  OP_ADD_N,
  OP_SUB_N,
  OP_MUL_N,
  OP_MIN_N,
  OP_MAX_N,
  /* Outcomes only: a: a condition, b: its measure's outcome, imm: how many nodes on the outcome is. If the
   * condition is false, the outcome is false whatever else holds: set it and jump there. */
  OP_GUARD,
  OP_N_OPS
} Op;

typedef struct
{
  guint8 op;
  guint8 type;    /* ValueType of the result */
  guint8 numeric; /* comparisons and min/max: operands are numbers (use n) */
  gint32 a, b, c;
  gint32 args, n_args; /* a range of the program's args array */
  gint64 imm, imm2;
  Value constant;
} Node;

/* The compiled program. While compiling, operands are node indexes. Once loaded, facts, parameters and constants
 * are not nodes any more but *value slots* that operands read directly, so that the evaluator only visits real
 * operations. The values of one evaluation are laid out as
 *
 *   [0, param_base)          the dossier's facts, copied in at the start of a run
 *   [param_base, const_base) the parameters in force on the evaluation date
 *   [const_base, node_base)  the constants
 *   [node_base, n_values)    one per node, in order
 *
 * and every operand (a, b, c, and the args of all, any, min, max and outcome) is such a slot. */
typedef struct
{
  Node *nodes;
  guint n_nodes;
  guint n_outcome_nodes; /* nodes [0, n_outcome_nodes) decide every measure's outcome */
  gint32 *args;
  guint n_args;
  guint param_base, const_base, node_base, n_values;
  Value *constants; /* const_base .. node_base */
} Program;

/* The value of an exists node for a date when the measure existed under an earlier regime that the rule set does
 * not encode: known, and neither false (not applicable) nor plainly true. */
#define EXISTS_NOT_ENCODED 2

/* Whether the args of @op are operand slots (rather than symbols). */
static inline gboolean
op_args_are_operands (guint8 op)
{
  return op == OP_ALL || op == OP_ANY || op == OP_MIN || op == OP_MAX || op == OP_OUTCOME || op == OP_MIN_N
         || op == OP_MAX_N;
}
