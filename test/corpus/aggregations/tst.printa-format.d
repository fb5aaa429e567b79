#pragma D option quiet
BEGIN { @a["a"] = count(); @a["b"] = count(); @a["b"] = count(); printa("%s: %@d\n", @a); exit(0); }
