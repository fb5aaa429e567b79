#pragma D option quiet
BEGIN { x = 0; y = 1 / x; }
BEGIN { exit(0); }
ERROR { printf("epid %d fault %d\n", arg1, arg4); }
