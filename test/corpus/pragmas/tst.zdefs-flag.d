#pragma D option quiet
nosuch:::probe { printf("never\n"); }
BEGIN { printf("ran with -Z\n"); exit(0); }
