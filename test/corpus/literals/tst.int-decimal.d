#pragma D option quiet
BEGIN { printf("%d %d %d\n", 0, 42, 2147483647); exit(0); }
