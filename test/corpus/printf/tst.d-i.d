#pragma D option quiet
BEGIN { printf("%d %i %d %i\n", 42, 42, -42, -42); exit(0); }
