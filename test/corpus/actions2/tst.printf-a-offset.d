#pragma D option quiet
int done;
fbt::zsd_apply_all_zones:entry /!done/ { printf("%a\n", arg0 + 0x10); done = 1; }
