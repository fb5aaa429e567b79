#pragma D option quiet
BEGIN { printf("a\n"); }
BEGIN { printf("b\n"); }
BEGIN { printf("c\n"); }
