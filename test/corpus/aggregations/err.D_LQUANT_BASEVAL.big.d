BEGIN { @a = lquantize(1, 4294967296, 4294967300, 1); }
