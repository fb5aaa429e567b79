#pragma D option quiet
BEGIN { x = 0; }
BEGIN /x == 0/ { x = 1; printf("first\n"); }
BEGIN /x == 1/ { printf("second sees the update\n"); exit(0); }
