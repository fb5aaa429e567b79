#pragma D option quiet
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("spec\n"); }
BEGIN { printf("direct\n"); exit(0); }
END { commit(s); }
END { printf("end\n"); }
