#pragma D option quiet
BEGIN { printf("%d %d %d\n", -1 < 1, -5 >= -5, -10 > -2); exit(0); }
