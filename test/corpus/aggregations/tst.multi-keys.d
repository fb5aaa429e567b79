#pragma D option quiet
BEGIN { @a["x", 1] = sum(3); @a["y", 2] = sum(1); exit(0); }
