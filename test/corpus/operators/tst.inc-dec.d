#pragma D option quiet
BEGIN
{
	x = 5;
	y = x++;
	printf("%d %d\n", y, x);
	z = ++x;
	printf("%d %d\n", z, x);
	w = x--;
	printf("%d %d\n", w, x);
	v = --x;
	printf("%d %d\n", v, x);
	exit(0);
}
