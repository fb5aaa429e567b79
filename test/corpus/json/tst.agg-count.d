#pragma D option quiet
BEGIN { @c["x"] = count(); @c["x"] = count(); @c["a"] = count(); exit(0); }
