#pragma D option quiet
BEGIN { a["n"]++; a["n"]++; a["n"] += 10; printf("%d\n", a["n"]); exit(0); }
