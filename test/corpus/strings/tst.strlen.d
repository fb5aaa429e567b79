#pragma D option quiet
BEGIN { printf("%d %d %d\n", strlen(""), strlen("hello"), strlen(strjoin("ab", "cd"))); exit(0); }
