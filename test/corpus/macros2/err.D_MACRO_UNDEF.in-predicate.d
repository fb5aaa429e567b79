BEGIN /$1 > 0/ { exit(0); }
