int x[static int];
BEGIN { exit(0); }
