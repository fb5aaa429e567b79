#pragma D option quiet
BEGIN { @a["k"] = count(); printa(@a); exit(0); }
