#pragma D option quiet
BEGIN { printf("[%s]\n", "q\"x\\y\101\x42\tz"); exit(0); }
