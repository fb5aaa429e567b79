#pragma D option quiet
BEGIN { self->x = 9; self->x = 0; printf("%d\n", self->x); exit(0); }
