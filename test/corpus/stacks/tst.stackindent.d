#pragma D option quiet
int done;
fbt::zsd_apply_create:entry /!done/ { stack(2); done = 1; }
