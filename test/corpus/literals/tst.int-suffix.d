#pragma D option quiet
BEGIN { printf("%d %d %d %u %u %d\n", 1u, 2l, 3ll, 4ul, 5ULL, 6L); exit(0); }
