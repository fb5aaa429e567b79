#pragma D option quiet
BEGIN { @a["a"] = sum(1); @a["b"] = sum(2); @a["c"] = sum(3); @a["d"] = sum(4); exit(0); }
END { trunc(@a, 2); }
