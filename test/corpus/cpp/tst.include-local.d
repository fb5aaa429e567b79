#pragma D option quiet
#include "local.h"
BEGIN { printf("%d\n", LOCAL_VALUE); exit(0); }
