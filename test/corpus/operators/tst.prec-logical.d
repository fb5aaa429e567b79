#pragma D option quiet
BEGIN { printf("%d %d %d\n", 1 || 0 && 0, 0 && 1 || 1, 1 | 0 && 0); exit(0); }
