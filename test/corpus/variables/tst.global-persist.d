#pragma D option quiet
BEGIN { x = 5; exit(0); }
END { printf("%d\n", x); }
