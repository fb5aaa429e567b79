#pragma D option quiet
BEGIN { printf("%d %c %d\n", 'A', 'A', 'z' - 'a'); exit(0); }
