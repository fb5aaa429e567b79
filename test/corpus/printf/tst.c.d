#pragma D option quiet
BEGIN { printf("%c%c%c [%3c][%-3c]\n", 'a', 98, 'c', 'x', 'y'); exit(0); }
