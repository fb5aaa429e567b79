/* A bit-field may not be wider than its type. */
struct b { char c : 9; };
BEGIN { exit(0); }
