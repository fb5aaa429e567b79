#pragma D option quiet
BEGIN /1/ { printf("a\n"); }
BEGIN /0/ { printf("b\n"); }
BEGIN /-1/ { printf("c\n"); }
BEGIN { exit(0); }
