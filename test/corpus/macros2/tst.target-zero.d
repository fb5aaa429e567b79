#pragma D option quiet
BEGIN { printf("%d\n", $target); exit(0); }
