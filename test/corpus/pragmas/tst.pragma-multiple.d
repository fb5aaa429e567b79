#pragma D option quiet
#pragma D option aggsortkey
#pragma D option aggsortrev
BEGIN { @a["a"] = sum(2); @a["b"] = sum(1); exit(0); }
