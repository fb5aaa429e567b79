#pragma D option quiet
BEGIN { exit(5); }
END { printf("end ran\n"); }
