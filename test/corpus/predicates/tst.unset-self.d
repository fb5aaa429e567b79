#pragma D option quiet
self int flag;
BEGIN /self->flag/ { printf("wrong\n"); }
BEGIN /!self->flag/ { printf("unset is zero\n"); }
BEGIN { exit(0); }
