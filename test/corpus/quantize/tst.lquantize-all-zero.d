#pragma D option quiet
BEGIN { @ = lquantize(5, 0, 10, 1, 1); @ = lquantize(5, 0, 10, 1, -1); exit(0); }
