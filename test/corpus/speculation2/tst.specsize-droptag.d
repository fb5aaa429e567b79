#pragma D option quiet
#pragma D option specsize=16
#pragma D option droptags
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("%s\n", "a string far longer than sixteen bytes"); }
BEGIN { discard(s); exit(0); }
