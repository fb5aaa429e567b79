#pragma D option quiet
BEGIN { @q = quantize(3); @q = quantize(5); exit(0); }
