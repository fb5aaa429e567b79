#pragma D option specsize=-1
BEGIN { exit(0); }
