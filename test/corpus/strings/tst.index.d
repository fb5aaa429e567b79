#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d %d %d\n", index("hello", "l"), index("hello", "z"),
	    index("hello", "l", 3), index("hello", ""), index("hello", "l", -5),
	    index("aaa", "aa"));
	exit(0);
}
