#pragma D option quiet
BEGIN { x = 0; }
BEGIN { y = 10 / x; }
BEGIN { printf("begin continues\n"); exit(0); }
ERROR { printf("error\n"); }
END { printf("end\n"); }
