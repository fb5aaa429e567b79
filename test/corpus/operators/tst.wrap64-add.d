#pragma D option quiet
BEGIN { x = 9223372036854775807; x = x + 1; printf("%d\n", x); exit(0); }
