#pragma D option quiet
BEGIN { @a["b"] = sum(1); @a["a"] = sum(2); exit(0); }
