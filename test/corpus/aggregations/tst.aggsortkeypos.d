#pragma D option quiet
#pragma D option aggsortkey
#pragma D option aggsortkeypos=1
BEGIN { @a[1, "b"] = count(); @a[2, "a"] = count(); exit(0); }
