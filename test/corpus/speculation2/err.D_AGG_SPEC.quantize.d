BEGIN { speculate(1); @q = quantize(1); }
