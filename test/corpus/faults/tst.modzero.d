#pragma D option quiet
BEGIN { x = 0; }
BEGIN { y = 7 % x; }
BEGIN { printf("still running\n"); exit(0); }
