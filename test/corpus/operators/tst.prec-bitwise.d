#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d %d\n", 1 & 3 == 3, 2 & 3 == 3, 1 | 2 ^ 3, 6 & 3 | 8, 5 ^ 1 & 3);
	exit(0);
}
