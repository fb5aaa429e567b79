/* %i reads its argument as signed at the argument's size; %d follows the type's signedness. */
#pragma D option quiet
uint16_t w;
uint8_t b;
BEGIN
{
	w = 0xfffe;
	b = 0x80;
	printf("%d %i %u\n", w, w, w);
	printf("%d %i %u\n", b, b, b);
	exit(0);
}
