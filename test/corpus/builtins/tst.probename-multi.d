#pragma D option quiet
BEGIN, END { printf("%s %d\n", probename, id); }
BEGIN { exit(0); }
