/* long applies to integer and floating-point types only. */
struct pair {
	int a;
	int b;
};

long struct pair p;

BEGIN
{
	exit(0);
}
