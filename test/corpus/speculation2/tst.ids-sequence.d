#pragma D option quiet
#pragma D option nspec=3
BEGIN { a = speculation(); b = speculation(); c = speculation(); }
BEGIN { printf("%d %d %d\n", a, b, c); }
BEGIN { discard(a); discard(b); discard(c); exit(0); }
