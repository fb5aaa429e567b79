#pragma D option quiet
#pragma D option specsize=16
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("%s\n", "a string far longer than sixteen bytes"); }
BEGIN { speculate(s); printf("%s\n", "another string longer than sixteen bytes"); }
BEGIN { commit(s); }
BEGIN { printf("end\n"); exit(0); }
