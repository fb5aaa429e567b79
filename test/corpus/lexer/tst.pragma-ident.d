#pragma ident	"@(#)tst.pragma-ident.d	1.0"
#pragma D option quiet
BEGIN { printf("ident ok\n"); exit(0); }
