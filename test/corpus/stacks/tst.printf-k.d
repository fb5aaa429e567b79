#pragma D option quiet
int done;
fbt::zsd_apply_create:entry /!done/ { printf("[%k]\n", stack(2)); done = 1; }
