#pragma D option quiet
BEGIN { printf("%d %d\n", -5, - 0x10); exit(0); }
