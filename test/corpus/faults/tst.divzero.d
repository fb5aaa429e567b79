#pragma D option quiet
BEGIN { x = 0; }
BEGIN { y = 1 / x; printf("not reached\n"); }
BEGIN { printf("tracing continues\n"); exit(0); }
