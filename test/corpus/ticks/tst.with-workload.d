#pragma D option quiet
BEGIN { printf("begin\n"); }
END { printf("end\n"); }
