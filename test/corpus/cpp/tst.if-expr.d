#pragma D option quiet
#if (2 + 3) * 2 == 10
BEGIN { printf("arith\n"); exit(0); }
#else
BEGIN { printf("wrong\n"); exit(0); }
#endif
