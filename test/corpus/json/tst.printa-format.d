#pragma D option quiet
BEGIN { @a["k"] = sum(2); printa("%s %@d\n", @a); exit(0); }
