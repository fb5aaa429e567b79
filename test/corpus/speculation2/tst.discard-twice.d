#pragma D option quiet
BEGIN { s = speculation(); }
BEGIN { speculate(s); printf("gone\n"); }
BEGIN { discard(s); }
BEGIN { discard(s); }
BEGIN { printf("end\n"); exit(0); }
