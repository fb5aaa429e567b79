BEGIN { b = 0; @a = lquantize(1, b, 10, 1); }
