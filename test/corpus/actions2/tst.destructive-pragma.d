#pragma D option quiet
#pragma D option destructive
BEGIN { chill(10); }
BEGIN { printf("ok\n"); exit(0); }
