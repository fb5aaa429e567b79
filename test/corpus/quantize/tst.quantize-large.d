#pragma D option quiet
BEGIN { x = 1099511627776; @ = quantize(x + 5); exit(0); }
