#pragma D option quiet
BEGIN { printf("%d %d\n", index("hello", "o", 4), index("hello", "o", 5)); exit(0); }
