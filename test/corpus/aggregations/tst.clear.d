#pragma D option quiet
BEGIN { @a["x"] = count(); @a["x"] = count(); exit(0); }
END { clear(@a); }
