BEGIN { printf("quiet from -q\n"); exit(0); }
