#pragma D option quiet
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("lost\n"); }
BEGIN { discard(s); }
BEGIN { commit(s); }
BEGIN { printf("end\n"); exit(0); }
