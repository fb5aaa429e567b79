#pragma D option quiet
#if defined(__SUNW_D) && __SUNW_D == 1
BEGIN { printf("__SUNW_D=1\n"); exit(0); }
#else
BEGIN { printf("missing\n"); exit(0); }
#endif
