#pragma D option quiet
BEGIN { x = 1L; printf("%d %d\n", x << 40, (x << 63) >> 63); exit(0); }
