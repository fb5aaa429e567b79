#pragma D option quiet
int z;
int n;
tick-10ms { n++; y = n / z; }
tick-10ms /n == 3/ { printf("three ticks\n"); exit(0); }
