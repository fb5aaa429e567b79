#pragma D option quiet
#pragma D option aggsortkey
zone:::status /args[1] >= 1 && args[2] <= 4/ { @[args[1], args[2]] = count(); }
END { printa("%d->%d %@d\n", @); }
