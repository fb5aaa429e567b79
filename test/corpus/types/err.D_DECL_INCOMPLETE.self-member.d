/* A struct cannot contain itself: its type is incomplete while being defined. */
struct loop { int n; struct loop next; };
BEGIN { exit(0); }
