#pragma D option quiet
BEGIN { @a["x"] = sum(1); @a["y"] = sum(2); setopt("aggsortrev"); exit(0); }
