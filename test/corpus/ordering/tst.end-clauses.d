#pragma D option quiet
BEGIN { exit(0); }
END { printf("end 1\n"); }
END { printf("end 2\n"); }
END { printf("end 3\n"); }
