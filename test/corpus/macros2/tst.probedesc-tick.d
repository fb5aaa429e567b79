#pragma D option quiet
profile:::tick-$1 { printf("%s\n", probename); exit(0); }
