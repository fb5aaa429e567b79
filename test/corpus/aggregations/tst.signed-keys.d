#pragma D option quiet
#pragma D option aggsortkey
BEGIN { @a[-1] = count(); @a[1] = count(); @a[0] = count(); exit(0); }
