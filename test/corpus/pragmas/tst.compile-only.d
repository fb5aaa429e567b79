BEGIN { printf("never runs\n"); exit(0); }
