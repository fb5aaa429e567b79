/* A probe named by two descriptions of one clause runs the clause twice per firing. */
#pragma D option quiet
BEGIN, BEGIN { n++; }
BEGIN { printf("%d\n", n); exit(0); }
