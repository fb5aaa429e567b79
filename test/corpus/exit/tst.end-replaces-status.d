#pragma D option quiet
int n;
tick-10ms { n++; }
tick-10ms /n == 3/ { exit(7); }
tick-10ms /n == 3/ { exit(8); }
END { printf("ticks %d\n", n); exit(0); }
