#pragma D option quiet
BEGIN { @a = sum(3); printa("%@d %@d\n", @a); exit(0); }
