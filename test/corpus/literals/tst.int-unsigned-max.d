#pragma D option quiet
BEGIN { printf("%u %x\n", 0xffffffffffffffff, 0xffffffffffffffff); exit(0); }
