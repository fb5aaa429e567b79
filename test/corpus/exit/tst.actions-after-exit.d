#pragma D option quiet
BEGIN { exit(0); printf("after exit in the same clause\n"); }
BEGIN { printf("later clause of the same firing\n"); }
