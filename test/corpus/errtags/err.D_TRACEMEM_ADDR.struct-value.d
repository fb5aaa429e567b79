/* tracemem() takes an address (a pointer or an integer), not a struct. */
struct pair {
	int a;
	int b;
};

struct pair p;

BEGIN
{
	tracemem(p, 8);
	exit(0);
}
