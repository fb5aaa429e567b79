#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s]\n", substr("hello world", 6), substr("hello", 1, 3),
	    substr("hello", 0), substr("hello", 0, 5));
	exit(0);
}
