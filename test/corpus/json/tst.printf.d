BEGIN { printf("n=%d\n", 3); exit(0); }
