int x[void, int];
BEGIN { exit(0); }
