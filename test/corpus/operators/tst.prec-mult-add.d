#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d %d %d\n", 1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3,
	    100 / 10 / 5, 7 - 2 * 3, 17 % 5 * 2);
	exit(0);
}
