#pragma D option quiet
BEGIN { x = 4294967296; printf("%d %d\n", x * x, x * 4294967295); exit(0); }
