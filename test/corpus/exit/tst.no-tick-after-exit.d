#pragma D option quiet
BEGIN { exit(0); }
tick-1ms { printf("tick fired\n"); }
