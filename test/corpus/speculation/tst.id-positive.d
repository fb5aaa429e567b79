#pragma D option quiet
BEGIN { s = speculation(); printf("%d\n", s > 0); }
BEGIN { discard(s); exit(0); }
