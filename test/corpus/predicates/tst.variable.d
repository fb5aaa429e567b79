#pragma D option quiet
BEGIN { x = 3; }
BEGIN /x > 2/ { printf("x > 2\n"); }
BEGIN /x > 3/ { printf("x > 3\n"); }
BEGIN { exit(0); }
