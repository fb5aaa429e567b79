#pragma D option quiet
#pragma D option zdefs
nosuch:::probe { printf("never\n"); }
BEGIN { printf("ran with zdefs\n"); exit(0); }
