#pragma D option quiet
BEGIN { @a[1] = count(); @a[2] = count(); @a[2] = count(); exit(0); }
