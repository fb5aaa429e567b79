#pragma D option quiet
#pragma D option aggsize=1
BEGIN { @c = count(); exit(0); }
