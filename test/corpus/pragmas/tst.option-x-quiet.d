BEGIN { printf("quiet from -x\n"); exit(0); }
