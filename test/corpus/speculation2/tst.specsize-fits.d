#pragma D option quiet
#pragma D option specsize=64k
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("%s\n", "fits easily"); }
BEGIN { commit(s); }
BEGIN { exit(0); }
