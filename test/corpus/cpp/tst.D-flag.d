#pragma D option quiet
#ifdef FOO
BEGIN { printf("foo=%d\n", FOO); exit(0); }
#else
BEGIN { printf("no foo\n"); exit(0); }
#endif
