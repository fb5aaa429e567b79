#pragma D option quiet
BEGIN { printf("%u %o %x %X %#o %#x %#X\n", 255, 255, 255, 255, 255, 255, 255); exit(0); }
