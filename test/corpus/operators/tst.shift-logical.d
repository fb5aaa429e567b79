#pragma D option quiet
BEGIN { x = 0x8000000000000000; printf("%x\n", x >> 4); exit(0); }
