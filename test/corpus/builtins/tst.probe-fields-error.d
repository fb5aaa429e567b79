#pragma D option quiet
BEGIN { x = 0; y = 1 / x; }
BEGIN { exit(0); }
ERROR { printf("%s:%s:%s:%s %d\n", probeprov, probemod, probefunc, probename, id); }
