#pragma D option quiet
#pragma D option dynvarsize=1
BEGIN { a[1] = 1; a[2] = 2; a[3] = 3; }
BEGIN { printf("%d %d %d\n", a[1], a[2], a[3]); exit(0); }
