#pragma D option quiet
BEGIN { @l["k"] = lquantize(1, 0, 2, 1); printa("%s%@d\n", @l); exit(0); }
