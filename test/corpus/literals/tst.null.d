#pragma D option quiet
BEGIN { printf("%d\n", NULL); exit(0); }
