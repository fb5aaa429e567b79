#pragma D option quiet
BEGIN { printf("%d\n", VAL + 1); exit(0); }
