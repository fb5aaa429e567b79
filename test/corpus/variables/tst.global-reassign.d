#pragma D option quiet
BEGIN { x = 1; x = x * 10; x = x + 2; printf("%d\n", x); exit(0); }
