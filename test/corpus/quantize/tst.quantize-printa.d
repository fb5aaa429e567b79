#pragma D option quiet
BEGIN { @q = quantize(4); printa("dist:%@d\n", @q); exit(0); }
