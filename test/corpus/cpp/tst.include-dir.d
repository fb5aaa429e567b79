#pragma D option quiet
#include <defs.h>
BEGIN { printf("%d %s\n", DEFS_ANSWER, DEFS_NAME); exit(0); }
