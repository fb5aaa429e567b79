/*
 * cpp does not search this machine's own /usr/include, whose headers are another system's:
 * a header the illumos system directory lacks is missing.
 */
#include <stdio.h>
BEGIN { exit(0); }
