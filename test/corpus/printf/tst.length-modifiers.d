#pragma D option quiet
BEGIN { printf("%lld %ld %hd %hhd %llu %lx\n", 5, 6, 7, 8, 9, 255); exit(0); }
