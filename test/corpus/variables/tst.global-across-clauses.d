#pragma D option quiet
BEGIN { n = 1; }
BEGIN { n = n + 1; }
BEGIN { exit(0); }
END { n = n * 10; printf("%d\n", n); }
