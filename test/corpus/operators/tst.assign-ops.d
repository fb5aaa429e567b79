#pragma D option quiet
BEGIN
{
	x = 10;
	printf("%d", x += 5);
	printf(" %d", x -= 3);
	printf(" %d", x *= 2);
	printf(" %d", x /= 5);
	printf(" %d", x %= 3);
	printf(" %d", x <<= 4);
	printf(" %d", x >>= 2);
	printf(" %d", x |= 3);
	printf(" %d", x &= 5);
	printf(" %d\n", x ^= 1);
	exit(0);
}
