#pragma D option quiet
#pragma D option dynvarsize=1
BEGIN { a[1] = 1; a[2] = 2; exit(0); }
