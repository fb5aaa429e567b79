BEGIN { f = 10; @a = llquantize(1, f, 0, 2, 10); }
