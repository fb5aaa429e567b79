#pragma D option quiet
BEGIN { x = 1; y = 0; }
BEGIN /x && !y/ { printf("and\n"); }
BEGIN /x && y/ { printf("wrong\n"); }
BEGIN /y || x/ { printf("or\n"); }
BEGIN /x ^^ y/ { printf("xor\n"); }
BEGIN { exit(0); }
