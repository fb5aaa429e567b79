#pragma D option quiet
int done;
#pragma D option stackframes=1
fbt::zsd_apply_create:entry /!done/ { stack(); done = 1; }
