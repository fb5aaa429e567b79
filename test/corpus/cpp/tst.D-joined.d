#pragma D option quiet
BEGIN { printf("%d\n", VAL); exit(0); }
