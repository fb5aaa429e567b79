/* Members of a struct variable are stored and read back at their own widths. */
#pragma D option quiet

struct point {
	char tag;
	short dx;
	int x;
	long y;
	struct {
		unsigned char lo;
		unsigned char hi;
	} pair;
	char name[8];
};

struct point pt;

BEGIN
{
	pt.tag = 'p';
	pt.dx = 70000;
	pt.x = -3;
	pt.y = 1L << 40;
	pt.pair.lo = 257;
	pt.pair.hi = 2;
	pt.name = "corner";
	printf("%c %d %d %d %d %d %s\n", pt.tag, pt.dx, pt.x, pt.y, pt.pair.lo, pt.pair.hi, pt.name);
	exit(0);
}
