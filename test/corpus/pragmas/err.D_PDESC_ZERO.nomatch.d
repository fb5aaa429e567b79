nosuch:::probe { printf("never\n"); }
BEGIN { exit(0); }
