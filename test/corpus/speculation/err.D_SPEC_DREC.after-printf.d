BEGIN { printf("x\n"); speculate(1); }
