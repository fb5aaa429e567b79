#pragma D option quiet
#pragma D option dynvarsize=1
BEGIN { g = 5; }
BEGIN { printf("%d\n", g); exit(0); }
