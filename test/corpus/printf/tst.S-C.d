#pragma D option quiet
BEGIN { printf("%S|%C|%C\n", "a\tb\n", '\n', 'z'); exit(0); }
