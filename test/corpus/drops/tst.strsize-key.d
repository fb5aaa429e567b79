#pragma D option quiet
#pragma D option strsize=4
BEGIN { @a["abcdef"] = count(); @a["abcxyz"] = count(); exit(0); }
