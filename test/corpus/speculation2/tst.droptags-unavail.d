#pragma D option quiet
BEGIN { a = speculation(); b = speculation(); }
BEGIN { discard(a); printf("%d\n", b); exit(0); }
