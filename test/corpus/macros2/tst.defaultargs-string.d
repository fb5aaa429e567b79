#pragma D option quiet
BEGIN { printf("[%s] %d\n", $$4, strlen($$4)); exit(0); }
