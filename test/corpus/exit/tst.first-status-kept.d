#pragma D option quiet
BEGIN { exit(3); }
BEGIN { exit(9); }
END { printf("end\n"); }
