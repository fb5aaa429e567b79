#pragma D option quiet
#pragma D option aggsize=64k
BEGIN { @c = count(); @c = count(); exit(0); }
