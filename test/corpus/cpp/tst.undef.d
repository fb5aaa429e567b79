#pragma D option quiet
#define A 1
#undef A
#ifdef A
BEGIN { printf("still\n"); exit(0); }
#else
BEGIN { printf("gone\n"); exit(0); }
#endif
