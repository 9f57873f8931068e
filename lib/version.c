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
  return major != ACTIVERING_MAJOR_VERSION ? major < ACTIVERING_MAJOR_VERSION
         : minor != ACTIVERING_MINOR_VERSION ? minor < ACTIVERING_MINOR_VERSION
                                             : micro <= ACTIVERING_MICRO_VERSION;
}
