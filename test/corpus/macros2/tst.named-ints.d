#pragma D option quiet
BEGIN { printf("%d %d %d\n", $uid >= 0, $gid >= 0, $ppid > 0); exit(0); }
