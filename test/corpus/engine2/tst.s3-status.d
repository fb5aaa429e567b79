#pragma D option quiet
#pragma D option aggsortkey
zone:::status { @[args[0]->zone_name, args[1], args[2]] = count(); }
END { printa("%s %d->%d %@d\n", @); }
