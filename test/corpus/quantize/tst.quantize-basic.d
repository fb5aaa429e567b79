#pragma D option quiet
BEGIN { @ = quantize(3); @ = quantize(5); exit(0); }
