#pragma D option quiet
BEGIN { printf("bye\n"); exit(0); }
