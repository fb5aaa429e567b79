#pragma D option quiet
#pragma D option bufpolicy=fill
BEGIN { printf("a\n"); }
