#pragma D option quiet
#pragma D option defaultargs
BEGIN { printf("%d\n", $1 + $2 + $3); exit(0); }
