#pragma D option quiet
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("kept\n"); }
BEGIN { commit(s); }
BEGIN { discard(s); }
BEGIN { printf("end\n"); exit(0); }
