#pragma D option quiet
int done;
fbt::zone_key_create:entry { self->d = stackdepth; }
fbt::zsd_apply_create:entry /self->d && !done/ { printf("%d\n", stackdepth - self->d); done = 1; }
