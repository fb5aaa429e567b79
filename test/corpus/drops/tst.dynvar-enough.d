#pragma D option quiet
#pragma D option dynvarsize=1m
BEGIN { a[1] = 10; a[2] = 20; self->x = 3; }
BEGIN { printf("%d %d %d\n", a[1], a[2], self->x); exit(0); }
