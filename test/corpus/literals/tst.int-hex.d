#pragma D option quiet
BEGIN { printf("%d %d %x %X\n", 0x10, 0xFF, 0xdeadbeef, 0xAbC); exit(0); }
