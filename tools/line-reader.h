/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* line-reader.h: reading JSON lines in constant memory, however long the input. */
#pragma once

#include <stdio.h>

#include <glib.h>

#define LINE_READER_MAX_LINE (1 << 20)

typedef struct
{
  FILE *input;
  char *buffer;
  gsize start, end, capacity;
  guint64 line_number;
  guint64 consumed;    /* bytes of the input before buffer[0] */
  guint64 line_offset; /* where the last line returned starts, in bytes from where reading began */
  gboolean eof;
} LineReader;

void line_reader_init (LineReader *reader, FILE *input);
void line_reader_clear (LineReader *reader);

/* The next line without its newline. Returns FALSE at the end of the input. A line longer than
 * LINE_READER_MAX_LINE is skipped and reported with *too_long set (its text is not returned). */
gboolean line_reader_next (LineReader *reader, const char **line, gsize *length, gboolean *too_long);
