#pragma D option quiet
#pragma D option aggsize=1
BEGIN { @c["k"] = count(); @c["k"] = count(); exit(0); }
