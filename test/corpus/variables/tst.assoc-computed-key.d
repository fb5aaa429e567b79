#pragma D option quiet
BEGIN { a[strjoin("a", "b")] = 1; a[2 + 3] = 7; printf("%d %d\n", a["ab"], a[5]); exit(0); }
