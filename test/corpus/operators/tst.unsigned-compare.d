#pragma D option quiet
BEGIN { x = 0xffffffffffffffff; y = -1; printf("%d %d\n", x > 1, y > 1); exit(0); }
