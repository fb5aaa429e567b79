/* Bit-fields keep their low bits, sign-extend when signed, and start on a new byte. */
#pragma D option quiet

struct flags {
	int on : 1;
	unsigned int mode : 3;
	int level : 12;
	char c;
} f;

BEGIN
{
	f.on = 1;
	f.mode = 13;
	f.level = 4095;
	f.c = 'z';
	printf("%d %d %d %c %d %d\n", f.on, f.mode, f.level, f.c, sizeof (f), offsetof(struct flags, c));
	exit(0);
}
