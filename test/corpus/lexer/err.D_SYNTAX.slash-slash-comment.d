// a C++ comment is not D without -C
BEGIN { exit(0); }
