#pragma D option quiet
#pragma ident "ident is ignored"
BEGIN { printf("ok\n"); exit(0); }
