#pragma D option quiet
BEGIN { x = 7; }
BEGIN { printf("%d\n", $1 * 2); exit(0); }
