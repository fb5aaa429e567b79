#pragma D option quiet
BEGIN { chill(1000); }
BEGIN { printf("chilled\n"); exit(0); }
