#pragma D option quiet
int n;
tick-100hz { n++; }
tick-100hz /n == 2/ { printf("%s %d\n", probename, n); exit(0); }
