#pragma D option quiet
BEGIN
{
	x = 5;
	printf("%d %d %d %s\n", x > 3 ? 10 : 20, 0 ? 1 : 0 ? 2 : 3, 1 ? 1 : 0 ? 2 : 3,
	    x < 3 ? "small" : "big");
	exit(0);
}
