#pragma D option quiet
BEGIN { @ = llquantize(300, 10, 2, 3, 10, 4); exit(0); }
