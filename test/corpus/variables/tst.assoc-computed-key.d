#pragma D option quiet
BEGIN { a[strjoin("a", "b")] = 1; b[2 + 3] = 7; printf("%d %d\n", a["ab"], b[5]); exit(0); }
