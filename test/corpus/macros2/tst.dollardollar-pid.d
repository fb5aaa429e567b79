#pragma D option quiet
BEGIN { printf("%d\n", $$pid == lltostr($pid)); exit(0); }
