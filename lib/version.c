/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* version.c: the run-time version of the library. */
#include "config.h"

#include "activering/activering.h"

const char *
activering_get_version (void)
{
  return ACTIVERING_VERSION_STRING;
}

int
activering_check_version (unsigned major, unsigned minor, unsigned micro)
{
  /* Packed as one number, so that a 0 major version does not turn the comparison into a constant. */
  guint64 wanted = (guint64) major << 40 | (guint64) minor << 20 | micro;
  guint64 running =
      (guint64) ACTIVERING_MAJOR_VERSION << 40 | (guint64) ACTIVERING_MINOR_VERSION << 20 | ACTIVERING_MICRO_VERSION;
  return wanted <= running;
}
