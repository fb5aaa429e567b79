#pragma D option quiet
BEGIN { @m["a"] = max(3); @m["a"] = max(8); @m["b"] = max(1); exit(0); }
