#pragma D option quiet
BEGIN { exit(0); }
END { printf("bye\n"); }
