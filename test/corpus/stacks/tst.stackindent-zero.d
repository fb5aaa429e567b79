#pragma D option quiet
int done;
#pragma D option stackindent=0
fbt::zsd_apply_create:entry /!done/ { stack(1); done = 1; }
