#pragma D option quiet
BEGIN /$1 == 3/ { printf("three\n"); }
BEGIN /$1 != 3/ { printf("not three\n"); }
BEGIN { exit(0); }
