#pragma D option quiet
#ifdef __SUNW_D_64
BEGIN { printf("lp64\n"); exit(0); }
#else
BEGIN { printf("ilp32\n"); exit(0); }
#endif
