#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d %d\n", strtoll("123"), strtoll("-42"), strtoll("ff", 16),
	    strtoll("777", 8), strtoll("12abc"));
	exit(0);
}
