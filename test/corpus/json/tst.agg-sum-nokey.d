#pragma D option quiet
BEGIN { @s = sum(40); @s = sum(2); exit(0); }
