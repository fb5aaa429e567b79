BEGIN { n = 10; @a = llquantize(1, 10, 0, 2, n); }
