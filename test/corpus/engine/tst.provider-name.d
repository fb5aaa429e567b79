#pragma D option quiet
sdt:::zsd-create-start { @[probeprov, probename] = count(); }
END { printa("%s %s\n", @); }
