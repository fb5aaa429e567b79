#pragma D option quiet
sdt:::zsd-create-start { @[stack(2)] = count(); }
