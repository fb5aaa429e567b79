#pragma D option quiet
BEGIN { seen["a"] = 1; }
BEGIN /seen["a"]/ { printf("a seen\n"); }
BEGIN /seen["b"]/ { printf("b seen\n"); }
BEGIN { exit(0); }
