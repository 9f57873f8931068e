/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* line-reader.c: a fixed-size buffer refilled as lines are consumed, so memory never grows with the input. */
#include "config.h"

#include <string.h>

#include "line-reader.h"

void
line_reader_init (LineReader *reader, FILE *input)
{
  memset (reader, 0, sizeof *reader);
  reader->input = input;
  reader->capacity = LINE_READER_MAX_LINE + 65536;
  reader->buffer = g_malloc (reader->capacity);
}

void
line_reader_clear (LineReader *reader)
{
  g_free (reader->buffer);
  reader->buffer = NULL;
}

/* Moves what is left to the front and reads more; FALSE if nothing more could be read. */
static gboolean
refill (LineReader *reader)
{
  if (reader->eof)
    return FALSE;
  if (reader->start > 0)
    {
      reader->consumed += reader->start;
      memmove (reader->buffer, reader->buffer + reader->start, reader->end - reader->start);
      reader->end -= reader->start;
      reader->start = 0;
    }
  size_t n = fread (reader->buffer + reader->end, 1, reader->capacity - reader->end, reader->input);
  if (n == 0)
    {
      reader->eof = TRUE;
      return FALSE;
    }
  reader->end += n;
  return TRUE;
}

gboolean
line_reader_next (LineReader *reader, const char **line, gsize *length, gboolean *too_long)
{
  *too_long = FALSE;
  gsize scanned = reader->start;
  while (TRUE)
    {
      char *newline = memchr (reader->buffer + scanned, '\n', reader->end - scanned);
      if (newline != NULL)
        {
          gsize at = (gsize) (newline - reader->buffer);
          *line = reader->buffer + reader->start;
          *length = at - reader->start;
          reader->line_offset = reader->consumed + reader->start;
          if (*length > 0 && (*line)[*length - 1] == '\r')
            (*length)--;
          reader->start = at + 1;
          reader->line_number++;
          return TRUE;
        }
      if (reader->end - reader->start > LINE_READER_MAX_LINE)
        {
          /* Too long: drop it up to its newline, keeping memory bounded. */
          reader->line_number++;
          reader->line_offset = reader->consumed + reader->start;
          *too_long = TRUE;
          while (TRUE)
            {
              reader->consumed += reader->end;
              reader->start = reader->end = 0;
              if (!refill (reader))
                break;
              newline = memchr (reader->buffer, '\n', reader->end);
              if (newline != NULL)
                {
                  reader->start = (gsize) (newline - reader->buffer) + 1;
                  break;
                }
            }
          *line = NULL;
          *length = 0;
          return TRUE;
        }
      scanned = reader->end - reader->start;
      gsize offset = scanned;
      if (!refill (reader))
        {
          if (reader->end > reader->start)
            {
              /* The last line has no newline. */
              *line = reader->buffer + reader->start;
              reader->line_offset = reader->consumed + reader->start;
              *length = reader->end - reader->start;
              reader->start = reader->end;
              reader->line_number++;
              return TRUE;
            }
          return FALSE;
        }
      scanned = reader->start + offset;
    }
}
