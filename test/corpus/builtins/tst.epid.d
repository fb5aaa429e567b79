#pragma D option quiet
BEGIN { printf("%d\n", epid); }
BEGIN { printf("%d\n", epid); exit(0); }
END { printf("%d\n", epid); }
