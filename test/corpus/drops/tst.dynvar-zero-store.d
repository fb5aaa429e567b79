#pragma D option quiet
#pragma D option dynvarsize=1
BEGIN { a[1] = 0; self->z = 0; }
BEGIN { printf("%d %d\n", a[1], self->z); exit(0); }
