#pragma D option quiet
BEGIN { printf("%d %d\n", (unsigned char)-1, (unsigned short)-1); exit(0); }
