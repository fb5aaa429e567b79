#pragma D option quiet
BEGIN { freopen("/dev/null"); }
BEGIN { printf("hidden\n"); }
BEGIN { freopen(""); }
BEGIN { printf("shown\n"); exit(0); }
