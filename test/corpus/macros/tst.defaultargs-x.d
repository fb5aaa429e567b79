#pragma D option quiet
BEGIN { printf("%d\n", $1 + 5); exit(0); }
