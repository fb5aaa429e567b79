/* A bit-field has no byte offset of its own. */
struct b { int a : 3; int z; };
BEGIN { trace(offsetof(struct b, a)); exit(0); }
