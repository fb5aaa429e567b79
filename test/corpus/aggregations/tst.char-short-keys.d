#pragma D option quiet
BEGIN { @c[(char)65] = count(); @s[(short)300] = count(); exit(0); }
