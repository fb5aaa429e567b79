/* A typedef may name another typedef, a pointer or an anonymous struct. */
#pragma D option quiet

typedef unsigned char byte_t;
typedef byte_t small_t;
typedef struct {
	small_t lo;
	int hi;
} pair_t;
typedef pair_t *pairp_t;

pair_t p;

BEGIN
{
	p.lo = 300;
	p.hi = 7;
	printf("%d %d %d %d %d\n", p.lo, p.hi, sizeof (small_t), sizeof (pair_t), sizeof (pairp_t));
	exit(0);
}
