#pragma D option quiet
tick-1s { printf("tick\n"); exit(0); }
