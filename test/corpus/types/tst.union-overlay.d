/* The members of a union share their storage (little-endian bytes). */
#pragma D option quiet

union word {
	unsigned int all;
	unsigned char byte[4];
	unsigned short half;
};
union word w;

BEGIN
{
	w.all = 0x11223344;
	printf("%x %x %x %x\n", w.byte[0], w.byte[3], w.half, sizeof (w));
	w.byte[1] = 0xff;
	printf("%x\n", w.all);
	exit(0);
}
