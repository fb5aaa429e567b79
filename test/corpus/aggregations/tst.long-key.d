#pragma D option quiet
BEGIN { @a[4294967296] = sum(5); exit(0); }
