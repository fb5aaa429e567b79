/* illumos's longlong_t and u_longlong_t are 64-bit integers, signed and unsigned. */
#pragma D option quiet

BEGIN
{
	printf("%d %d %u %d\n", sizeof (longlong_t), sizeof (u_longlong_t), (u_longlong_t)-1, (longlong_t)-1);
	exit(0);
}
