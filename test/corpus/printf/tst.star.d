#pragma D option quiet
BEGIN { printf("[%*d] [%-*d] [%.*s] [%*.*d]\n", 6, 42, 6, 42, 2, "hello", 6, 3, 5); exit(0); }
