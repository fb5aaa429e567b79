/* xlate needs a translator from the operand's type to the requested one. */
struct a { int x; };
struct b { int y; };
struct a v;
BEGIN { trace(xlate<struct b>(v).y); exit(0); }
