#pragma D option quiet
#pragma D option bufpolicy=ring
BEGIN { printf("a\n"); }
BEGIN { printf("b\n"); exit(0); }
