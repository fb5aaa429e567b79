#pragma D option quiet
sdt:::zsd-create-start { @[args[0]->zone_name, args[0]->zone_id] = count(); }
END { printa("%s %d\n", @); }
