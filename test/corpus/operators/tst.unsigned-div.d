#pragma D option quiet
BEGIN { x = 0xffffffffffffffff; printf("%u %u\n", x / 2, x % 10); exit(0); }
