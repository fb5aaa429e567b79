#pragma D option quiet
BEGIN { @a["k", 9] = sum(5); printa("%s %@d\n", @a); exit(0); }
