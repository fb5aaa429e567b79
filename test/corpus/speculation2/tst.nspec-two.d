#pragma D option quiet
#pragma D option nspec=2
BEGIN { a = speculation(); b = speculation(); c = speculation(); }
BEGIN { printf("%d %d %d\n", a, b, c); }
BEGIN { discard(a); discard(b); exit(0); }
