#pragma D option quiet
#pragma D option strsize=16
BEGIN { printf("[%s]\n", "exactly15chars!"); exit(0); }
