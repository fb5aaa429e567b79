#pragma D option quiet
BEGIN { @a["x"] = sum(100); @a["y"] = sum(25); normalize(@a, 10); exit(0); }
