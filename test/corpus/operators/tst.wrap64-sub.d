#pragma D option quiet
BEGIN { x = -9223372036854775807 - 1; printf("%d %d\n", x, x - 1); exit(0); }
