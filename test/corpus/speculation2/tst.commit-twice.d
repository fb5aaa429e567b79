#pragma D option quiet
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("once\n"); }
BEGIN { commit(s); }
BEGIN { commit(s); }
BEGIN { printf("end\n"); exit(0); }
