#pragma D option quiet
#pragma D option aggsize=1
BEGIN { @a[1] = count(); @a[2] = count(); @b = sum(3); exit(0); }
