#pragma D option quiet
BEGIN { setopt("bufsize", "1m"); }
BEGIN { printf("after\n"); exit(0); }
