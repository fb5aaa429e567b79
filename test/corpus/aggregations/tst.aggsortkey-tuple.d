#pragma D option quiet
#pragma D option aggsortkey
BEGIN { @a[2, "a"] = count(); @a[1, "b"] = count(); @a[1, "a"] = count(); exit(0); }
