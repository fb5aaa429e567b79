#pragma D option quiet
#pragma D option aggsortkey
sdt:::zsd-create-start { @[args[0]->zone_name, arg1] = count(); }
END { printa("%s %d %@d\n", @); }
