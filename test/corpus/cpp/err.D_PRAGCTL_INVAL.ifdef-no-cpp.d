#ifdef X
#endif
BEGIN { exit(0); }
