#pragma D option quiet
#pragma D option nspec=2
BEGIN { a = speculation(); b = speculation(); }
BEGIN { speculate(a); printf("A\n"); }
BEGIN { speculate(b); printf("B\n"); }
BEGIN { discard(a); }
BEGIN { commit(b); }
BEGIN { exit(0); }
