#pragma D option quiet
BEGIN { printf("%d\n", LIMIT); exit(0); }
