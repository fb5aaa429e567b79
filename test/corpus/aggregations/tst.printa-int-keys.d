#pragma D option quiet
BEGIN { @a[3, "x"] = count(); printa("%d-%s-%@d\n", @a); exit(0); }
