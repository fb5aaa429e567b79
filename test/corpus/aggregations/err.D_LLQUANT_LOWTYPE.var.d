BEGIN { lo = 0; @a = llquantize(1, 10, lo, 2, 10); }
