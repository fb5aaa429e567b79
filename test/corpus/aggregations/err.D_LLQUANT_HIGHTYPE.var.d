BEGIN { hi = 2; @a = llquantize(1, 10, 0, hi, 10); }
