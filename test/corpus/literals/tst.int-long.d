#pragma D option quiet
BEGIN { printf("%d %d\n", 4294967296, 2147483648); exit(0); }
