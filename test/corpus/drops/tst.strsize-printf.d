#pragma D option quiet
BEGIN { printf("[%s]\n", "0123456789"); exit(0); }
