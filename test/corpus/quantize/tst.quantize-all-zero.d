#pragma D option quiet
BEGIN { @ = quantize(4, 1); @ = quantize(4, -1); exit(0); }
