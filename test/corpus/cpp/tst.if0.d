#pragma D option quiet
#if 0
this is not D at all {{{
#endif
BEGIN { printf("skipped\n"); exit(0); }
