#pragma D option quiet
int done;
fbt::zsd_apply_all_zones:entry /!done/ { func(arg0 + 8); done = 1; }
