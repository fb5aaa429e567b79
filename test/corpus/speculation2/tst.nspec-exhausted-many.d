#pragma D option quiet
BEGIN { a = speculation(); b = speculation(); c = speculation(); d = speculation(); }
BEGIN { printf("%d %d %d %d\n", a, b, c, d); }
BEGIN { discard(a); exit(0); }
