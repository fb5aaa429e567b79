#pragma D option quiet
dtrace:::$1 { printf("%s\n", probename); exit(0); }
