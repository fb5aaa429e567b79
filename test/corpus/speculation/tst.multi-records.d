#pragma D option quiet
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("one "); }
BEGIN { speculate(s); printf("two\n"); }
BEGIN { commit(s); }
BEGIN { exit(0); }
