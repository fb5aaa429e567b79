#pragma D option quiet
BEGIN { a = speculation(); b = speculation(); }
BEGIN { printf("%d %d\n", a, b); }
BEGIN { discard(a); exit(0); }
