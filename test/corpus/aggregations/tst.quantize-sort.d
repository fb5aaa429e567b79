#pragma D option quiet
BEGIN { @q["big"] = quantize(1000); @q["small"] = quantize(2); @q["small"] = quantize(2); exit(0); }
END { printa("%s\n", @q); }
