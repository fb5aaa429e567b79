#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s] [%s] [%s]\n", substr("hello", 10), substr("hello", 2, 100),
	    substr("hello", -10), substr("hello", -7, 4), substr("hello", -10, 3),
	    substr("hello", 5));
	exit(0);
}
