#pragma D option quiet
BEGIN { s = "yes"; }
BEGIN /s == "yes"/ { printf("matched\n"); }
BEGIN /s != "yes"/ { printf("not matched\n"); }
BEGIN { exit(0); }
