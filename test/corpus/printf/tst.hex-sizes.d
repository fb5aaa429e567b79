#pragma D option quiet
BEGIN { x = -1; y = -1L; printf("%x %x %016x\n", x, y, 0xdeadbeef); exit(0); }
