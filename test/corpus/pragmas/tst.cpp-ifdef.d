#pragma D option quiet
#ifdef NOT_DEFINED
BEGIN { printf("wrong branch\n"); }
#else
BEGIN { printf("else branch\n"); }
#endif
BEGIN { exit(0); }
