#pragma D option quiet
BEGIN { a["k"] = 5; a["k"] = 0; a["j"] = 2; printf("%d %d\n", a["k"], a["j"]); exit(0); }
