/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cli-output.c: the tool's standard output, where no write may fail unnoticed.
 *
 * A full disk or a closed file must not end a command with status 0. Standard output is replaced, before any
 * command runs, by a stdio stream whose writes come here (fopencookie): whatever prints (printf, fputs, the
 * tables), the first failed write and its errno are kept, and the command's status is settled once it is done. A pipe closed by
 * its reader (`| head -1`) is not an error of the input: the command ends quietly, with the status a shell shows
 * for a program ended by SIGPIPE (141), whether the signal came or, when it is ignored, EPIPE did.
 */
#define _GNU_SOURCE 1 /* fopencookie */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cli-private.h"

static int write_errno; /* the first failed write's errno, 0 while none failed */

static ssize_t
write_checked (void *cookie, const char *data, size_t length)
{
  (void) cookie;
  if (write_errno != 0)
    {
      errno = write_errno;
      return -1;
    }
  size_t done = 0;
  while (done < length)
    {
      ssize_t n = write (STDOUT_FILENO, data + done, length - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          write_errno = n < 0 ? errno : EIO;
          errno = write_errno;
          return -1;
        }
      done += (size_t) n;
    }
  return (ssize_t) length;
}

void
cli_output_init (void)
{
  static const cookie_io_functions_t functions = { .write = write_checked };
  FILE *checked = fopencookie (NULL, "w", functions);
  if (checked == NULL)
    return; /* stdio's own stream then; its ferror still turns a failed write into an error */
  if (isatty (STDOUT_FILENO))
    setvbuf (checked, NULL, _IOLBF, 0);
  else
    setvbuf (checked, NULL, _IOFBF, 1 << 16);
  stdout = checked;
}

gboolean
cli_write (const char *data, gsize length)
{
  if (cli_output_failed ())
    return FALSE;
  return length == 0 || fwrite (data, 1, length, stdout) == length;
}

gboolean
cli_output_failed (void)
{
  return write_errno != 0 || ferror (stdout);
}

int
cli_finish_output (int status)
{
  errno = 0;
  if (fflush (stdout) != 0 && write_errno == 0)
    write_errno = errno != 0 ? errno : EIO;
  if (write_errno == 0 && !ferror (stdout))
    return status;
  if (write_errno == EPIPE)
    return EXIT_CLOSED_PIPE;
  cli_error ("cannot write the output: %s", g_strerror (write_errno != 0 ? write_errno : EIO));
  return EXIT_INPUT_ERRORS;
}
