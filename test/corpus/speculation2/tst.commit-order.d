#pragma D option quiet
#pragma D option nspec=2
BEGIN { a = speculation(); b = speculation(); }
BEGIN { speculate(a); printf("A\n"); }
BEGIN { speculate(b); printf("B\n"); }
BEGIN { printf("direct\n"); }
BEGIN { commit(b); }
BEGIN { commit(a); }
BEGIN { printf("last\n"); exit(0); }
