#pragma D option quiet
sdt:::zsd-shutdown-start, sdt:::zsd-destroy-start { @[probename, args[0]->zone_name] = count(); }
END { printa("%s %s %@d\n", @); }
