#pragma D option quiet
BEGIN { @ = lquantize(1, 0, 4, 1, 3); @ = lquantize(3, 0, 4, 1, -1); exit(0); }
