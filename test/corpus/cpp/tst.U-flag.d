#pragma D option quiet
#ifdef __SUNW_D
BEGIN { printf("defined\n"); exit(0); }
#else
BEGIN { printf("undefined\n"); exit(0); }
#endif
