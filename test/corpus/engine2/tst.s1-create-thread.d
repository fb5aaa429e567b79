#pragma D option quiet
sdt:::zsd-create-start { @[args[0]->zone_name, execname] = count(); }
END { printa("%s %s %@d\n", @); }
