/* A translator builds its output struct from the input; untranslated members read 0. */
#pragma D option quiet

struct raw { int lo; int hi; };
struct view { long sum; int diff; int unused; };

translator struct view < struct raw *r > {
	sum = r->lo + r->hi;
	diff = r->hi - r->lo;
};

struct view out;

BEGIN
{
	this->in = (struct raw *)alloca(sizeof (struct raw));
	this->in->lo = 3;
	this->in->hi = 10;
	out = xlate<struct view>(this->in);
	printf("%d %d %d %d\n", out.sum, out.diff, out.unused, xlate<struct view *>(this->in)->diff);
	exit(0);
}
