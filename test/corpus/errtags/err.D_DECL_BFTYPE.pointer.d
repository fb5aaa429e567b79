struct s { char *a : 3; };
BEGIN { exit(0); }
