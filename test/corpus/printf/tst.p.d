#pragma D option quiet
BEGIN { printf("[%p] [%?p] [%-?p]\n", 0x1234, 0x1234, 0xbeef); exit(0); }
