#pragma D option quiet
BEGIN { printf("%d %d %d %d %d\n", '\n', '\t', '\0', '\\', '\''); exit(0); }
