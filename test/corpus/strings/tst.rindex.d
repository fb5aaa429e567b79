#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d\n", rindex("hello", "l"), rindex("hello", "z"), rindex("aaa", "aa"),
	    rindex("hello", "h"));
	exit(0);
}
