#pragma D option quiet
BEGIN /probename == "BEGIN"/ { printf("is BEGIN\n"); }
BEGIN /probeprov != "dtrace"/ { printf("wrong\n"); }
BEGIN { exit(0); }
