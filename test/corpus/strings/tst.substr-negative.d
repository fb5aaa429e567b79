#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s]\n", substr("hello", -3), substr("hello", -3, 2),
	    substr("hello", 0, -2), substr("hello", 1, -1));
	exit(0);
}
