#pragma D option quiet
BEGIN { x = 0; }
END { y = 1 / x; }
END { printf("end continues\n"); }
BEGIN { exit(0); }
