#pragma D option quiet
sdt:::zsd-create-start { @s[stack(2)] = count(); }
END { printa(@s); }
