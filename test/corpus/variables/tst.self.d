#pragma D option quiet
self int y;
BEGIN { self->x = 7; printf("%d %d\n", self->x, self->y); exit(0); }
