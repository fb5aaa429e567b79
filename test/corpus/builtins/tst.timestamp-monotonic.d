#pragma D option quiet
BEGIN { t = timestamp; }
BEGIN { printf("%d\n", timestamp >= t); exit(0); }
END { printf("%d\n", timestamp >= t); }
