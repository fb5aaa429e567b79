#pragma D option quiet
BEGIN { printf("%d %d %d\n", 1 << 2 + 1, 64 >> 1 + 1, 1 << 4 >> 2); exit(0); }
