#pragma D option quiet
BEGIN { @c["foo"] = count(); @c["foo"] = count(); @c["bar"] = count(); exit(0); }
