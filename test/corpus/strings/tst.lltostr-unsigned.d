/* lltostr() in other bases: the unsigned 64-bit pattern, 0x in hex and a leading 0 in octal. */
#pragma D option quiet
BEGIN
{
	printf("%s %s %s %s\n", lltostr(255, 16), lltostr(8, 8), lltostr(0, 8), lltostr(0, 16));
	printf("%s %s\n", lltostr(-1, 16), lltostr(-2, 2));
	printf("%s %s\n", lltostr(-35, 10), lltostr(71, 36));
	exit(0);
}
