#pragma D option quiet
int done;
fbt::zsd_apply_all_zones:entry /!done/ { mod(arg0); done = 1; }
