#pragma D option quiet
BEGIN { x = 0; }
BEGIN /10 / x/ { printf("not reached\n"); }
BEGIN { printf("after\n"); exit(0); }
