#pragma D option quiet
BEGIN { @a["x"] = count(); exit(0); }
END { trunc(@a); }
