/* The DTRACEFLT_* names of the D library compare with ERROR's arg4. */
#pragma D option quiet
BEGIN { x = 0; y = 1 / x; }
BEGIN { exit(0); }
ERROR { printf("%s %d\n", arg4 == DTRACEFLT_DIVZERO ? "divzero" : "other", DTRACEFLT_BADADDR); }
