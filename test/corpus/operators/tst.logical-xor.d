#pragma D option quiet
BEGIN { printf("%d %d %d %d %d\n", 0 ^^ 0, 0 ^^ 1, 1 ^^ 0, 1 ^^ 1, 5 ^^ 3); exit(0); }
