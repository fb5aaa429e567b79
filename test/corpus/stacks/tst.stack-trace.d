#pragma D option quiet
int done;
fbt::zsd_apply_create:entry /!done/ { stack(3); done = 1; }
