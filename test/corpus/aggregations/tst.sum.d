#pragma D option quiet
BEGIN { @s = sum(10); @s = sum(32); @s = sum(-2); exit(0); }
