#pragma D option quiet
BEGIN { printf("%d-%s-%c-%x-%u-%d\n", 1, "two", '3', 4, 5, -6); exit(0); }
