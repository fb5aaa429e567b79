#pragma D option quiet
#pragma D option dynvarsize=1
#pragma D option droptags
BEGIN { a["x"] = 1; self->y = 2; }
BEGIN { exit(0); }
