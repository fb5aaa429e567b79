/* A long strsize makes each string-keyed element big: 2k of dynamic space holds one of them. */
#pragma D option quiet
#pragma D option strsize=1024
#pragma D option dynvarsize=2k
BEGIN { a["one"] = 1; a["two"] = 2; a["three"] = 3; }
BEGIN { printf("%d %d %d\n", a["one"], a["two"], a["three"]); exit(0); }
