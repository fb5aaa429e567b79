#pragma D option quiet
BEGIN /$$1 == "yes"/ { printf("matched\n"); }
BEGIN { exit(0); }
