#pragma D option quiet
tick-1s { printf("%s:%s:%s:%s\n", probeprov, probemod, probefunc, probename); exit(0); }
