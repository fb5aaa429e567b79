#pragma D option quiet
int n;
tick-10ms { n++; }
tick-10ms /n == 2/ { printf("second tick\n"); exit(4); }
END { printf("end\n"); }
