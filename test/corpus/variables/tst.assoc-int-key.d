#pragma D option quiet
BEGIN { a[3] = 9; a[-3] = 4; printf("%d %d %d\n", a[3], a[4], a[-3]); exit(0); }
