/* A base outside 2..36 is an illegal operation: the action faults and ERROR fires. */
#pragma D option quiet
BEGIN { n = 37; printf("%s\n", lltostr(5, n)); }
BEGIN { n = 1; printf("%d\n", strtoll("5", n)); }
BEGIN { exit(0); }
ERROR { printf("fault %d\n", arg4); }
