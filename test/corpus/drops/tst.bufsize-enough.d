#pragma D option quiet
#pragma D option bufsize=64k
BEGIN { printf("a\n"); }
BEGIN { printf("b\n"); exit(0); }
