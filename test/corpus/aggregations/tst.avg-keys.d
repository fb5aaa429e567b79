#pragma D option quiet
BEGIN { @a["x"] = avg(10); @a["x"] = avg(20); @a["y"] = avg(3); exit(0); }
