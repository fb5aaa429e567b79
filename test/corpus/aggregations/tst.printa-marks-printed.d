#pragma D option quiet
BEGIN { @a = count(); @b = sum(7); printa("a=%@d\n", @a); exit(0); }
