#pragma D option quiet
BEGIN { printf("b\n"); exit(0) }
