#pragma D option quiet
BEGIN { @total = sum(12); printa("total=%@d\n", @total); exit(0); }
