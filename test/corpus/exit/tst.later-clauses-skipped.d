#pragma D option quiet
int n;
tick-10ms { n++; }
tick-10ms /n == 4/ { exit(0); }
tick-10ms { @ticks = count(); }
END { printf("counted %d ticks before exit\n", n); }
