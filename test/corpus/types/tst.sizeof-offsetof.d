/* Sizes and offsets follow CTF's layout: members aligned, no padding after the last one. */
#pragma D option quiet

struct rec {
	char c;
	long l;
	short s;
};
union u {
	char c;
	long l;
	int a[3];
};

BEGIN
{
	printf("%d %d %d %d\n", sizeof (struct rec), offsetof(struct rec, l), offsetof(struct rec, s), sizeof (union u));
	printf("%d %d %d %d\n", sizeof (struct rec *), sizeof (char), sizeof (long long), sizeof (void *));
	exit(0);
}
