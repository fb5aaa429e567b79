#pragma D option quiet
BEGIN { printf("%s %d %d\n", $$1, $1 + 1, strlen($$1)); exit(0); }
