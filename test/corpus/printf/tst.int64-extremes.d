#pragma D option quiet
BEGIN
{
	printf("%d %d %u\n", 9223372036854775807, -9223372036854775807 - 1, 0x8000000000000000);
	exit(0);
}
