#pragma D option quiet
#if LEVEL == 1
BEGIN { printf("one\n"); exit(0); }
#elif LEVEL == 2
BEGIN { printf("two\n"); exit(0); }
#else
BEGIN { printf("other\n"); exit(0); }
#endif
