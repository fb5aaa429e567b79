/* Associative arrays hold structs, and a struct may be a key compared by its contents. */
#pragma D option quiet

struct kv { int k; int v; };
struct kv a, b;
struct kv recs[string];

BEGIN
{
	a.k = 1;
	b.k = 1;
	tab[a] = 5;
	printf("%d\n", tab[b]);
	recs["x"].v = 9;
	recs["y"] = a;
	printf("%d %d %d\n", recs["x"].v, recs["y"].k, recs["z"].v);
	exit(0);
}
