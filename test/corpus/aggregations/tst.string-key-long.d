#pragma D option quiet
BEGIN { @a["abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123"] = count(); exit(0); }
