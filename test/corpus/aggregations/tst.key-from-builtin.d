#pragma D option quiet
BEGIN { @a[probename] = count(); exit(0); }
END { @a[probename] = count(); @a[probename] = count(); }
