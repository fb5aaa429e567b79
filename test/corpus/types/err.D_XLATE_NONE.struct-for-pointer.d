/*
 * A translator from a pointer does not take the struct itself: dtrace finds no translator
 * before it looks at the member operator after xlate.
 */
struct in { int a; };
struct out { int b; };

translator struct out < struct in *p > {
	b = p->a;
};

struct in v;

BEGIN
{
	trace(xlate<struct out>(v).b);
}
