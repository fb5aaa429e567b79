#pragma D option quiet
BEGIN { printf("[%s] [%10s] [%-10s] [%.3s] [%6.2s]\n", "hello", "hello", "hello", "hello", "hello"); exit(0); }
