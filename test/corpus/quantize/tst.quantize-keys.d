#pragma D option quiet
BEGIN { @q["b"] = quantize(1); @q["b"] = quantize(1); @q["a"] = quantize(4); exit(0); }
