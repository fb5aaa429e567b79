#pragma D option quiet
#pragma D option dynvarsize=1
BEGIN { self->x = 5; }
BEGIN { printf("%d\n", self->x); exit(0); }
