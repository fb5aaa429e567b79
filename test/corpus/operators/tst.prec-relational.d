#pragma D option quiet
BEGIN { printf("%d %d %d %d\n", 1 < 2 == 1, 3 > 2 > 1, 1 + 1 < 3, 2 <= 2 != 0); exit(0); }
