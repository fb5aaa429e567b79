#pragma D option quiet
#pragma D option strsize=5
BEGIN { printf("%s\n", strjoin("ab", "cdef")); exit(0); }
