/* sizeof does not apply to a bit-field. */
struct b { int a : 3; } v;
BEGIN { trace(sizeof (v.a)); exit(0); }
