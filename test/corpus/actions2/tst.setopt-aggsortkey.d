#pragma D option quiet
BEGIN { @a["b"] = sum(1); @a["a"] = sum(2); setopt("aggsortkey"); }
BEGIN { exit(0); }
END { printa(@a); }
