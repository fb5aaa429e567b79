#pragma D option quiet
int done;
fbt::zsd_apply_all_zones:entry /!done/ { sym(arg0); done = 1; }
