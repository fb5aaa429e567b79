#pragma D option quiet
BEGIN { printf("%d %d %d\n", 010, 0777, 00); exit(0); }
