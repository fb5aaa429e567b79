/* A D variable has no address. */
int x;
BEGIN { trace(&x); exit(0); }
