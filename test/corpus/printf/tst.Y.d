#pragma D option quiet
BEGIN { printf("%Y\n%Y\n", 0, 123456789000000000); exit(0); }
