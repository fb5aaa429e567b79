/* Expressions are evaluated in 64 bits; values narrow only when cast, recorded or assigned to a smaller type. */
#pragma D option quiet

int i;
uint16_t h;

BEGIN
{
	i = 100000;
	printf("%d %d\n", i * i / i, (int)(i * i / 7));
	h = 0x12345678;
	printf("%x %d\n", h, (long)(i * i));
	exit(0);
}
