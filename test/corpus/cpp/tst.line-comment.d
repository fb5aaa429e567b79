#pragma D option quiet
// a comment line that D alone would reject
BEGIN { printf("ok\n"); /* block */ exit(0); } // trailing
