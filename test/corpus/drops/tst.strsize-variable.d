#pragma D option quiet
#pragma D option strsize=4
BEGIN { s = "hello world"; }
BEGIN { printf("%s|\n", s); exit(0); }
